// The key store's protector in the desktop app: Electron safeStorage (DPAPI on Windows, the
// Keychain on macOS, libsecret or kwallet on Linux) encrypts the app's copy of each case key.
import { safeStorage } from 'electron';
import type { KeyProtector } from '../keys';

export function safeStorageProtector(): KeyProtector {
  return {
    name: 'the operating system\'s protected store (Electron safeStorage)',
    // Linux without a keyring falls back to a hard-coded password ("basic_text"): no protection,
    // so no protected copy is made and the 0600 file alone is used.
    available: () => safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend?.() !== 'basic_text'),
    protect: (plain) => safeStorage.encryptString(plain.toString('utf8')),
    unprotect: (data) => Buffer.from(safeStorage.decryptString(data), 'utf8'),
  };
}
