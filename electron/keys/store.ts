// Where case keys live: one small file per database in a folder in the user's profile that only
// the user can read (folder 0700, files 0600; on Windows the profile's own access list does this).
// The command line and the desktop app use the same folder, so both work on the same database on
// one computer. In the app, a protector (Electron safeStorage: DPAPI, Keychain, libsecret) also
// keeps an encrypted copy, read first; the plain file stays because the command line cannot use
// the operating system's app-bound store. A key the council's IT supplies (SCRUTINY_KEY_FILE) is
// read but never written or deleted.
import fs from 'node:fs';
import path from 'node:path';
import { userDataDir } from '../paths';
import { keyCheck, KeyFileError, parseKey, serialiseKey, type KeyRecord } from './key-file';

/** Encrypts a copy of the key with the operating system's store (implemented in electron/shell). */
export interface KeyProtector {
  /** What protects the copy, said plainly (e.g. "Windows data protection (DPAPI)"). */
  readonly name: string;
  available(): boolean;
  protect(plain: Buffer): Buffer;
  unprotect(data: Buffer): Buffer;
}

export interface KeyStoreOptions {
  dir: string;
  /** A key file supplied by the council's IT: used, never written. */
  itKeyFile?: string | null;
  protector?: KeyProtector | null;
}

export type KeySource = 'key folder' | 'protected copy' | 'IT key file';

export interface FoundKey {
  key: Buffer;
  source: KeySource;
}

export class KeyStore {
  readonly dir: string;
  readonly itKeyFile: string | null;
  readonly protector: KeyProtector | null;

  constructor(options: KeyStoreOptions) {
    this.dir = path.resolve(options.dir);
    this.itKeyFile = options.itKeyFile ? path.resolve(options.itKeyFile) : null;
    this.protector = options.protector ?? null;
  }

  /** The store the command line uses: SCRUTINY_KEY_DIR, or "keys" in the app's user data folder. */
  static fromEnv(env: NodeJS.ProcessEnv = process.env, protector: KeyProtector | null = null): KeyStore {
    return new KeyStore({
      dir: env.SCRUTINY_KEY_DIR || path.join(userDataDir(env), 'keys'),
      itKeyFile: env.SCRUTINY_KEY_FILE || null,
      protector,
    });
  }

  keyFile(databaseId: string): string {
    return path.join(this.dir, `${databaseId}.key`);
  }

  protectedFile(databaseId: string): string {
    return path.join(this.dir, `${databaseId}.key.protected`);
  }

  /** The IT-supplied key, when one is configured and meant for this database (or for all). */
  itKey(databaseId: string | null): Buffer | null {
    if (!this.itKeyFile) return null;
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(this.itKeyFile);
    } catch {
      throw new KeyFileError(`The case key file set by your IT team (SCRUTINY_KEY_FILE=${this.itKeyFile}) cannot be read. Ask them to check it.`);
    }
    const rec = parseKey(bytes, `The case key file set by your IT team (${this.itKeyFile})`);
    return rec.databaseId === null || rec.databaseId === databaseId ? rec.key : null;
  }

  /**
   * The key for a database: the first copy that matches the database's key check (or the first
   * found when the database has no check yet). A copy that does not match is ignored, not used.
   */
  find(databaseId: string, check: string | null): FoundKey | null {
    const candidates: Array<() => FoundKey | null> = [
      () => this.readProtected(databaseId),
      () => this.readPlain(databaseId),
      () => {
        const key = this.itKey(databaseId);
        return key ? { key, source: 'IT key file' } : null;
      },
    ];
    for (const next of candidates) {
      const found = next();
      if (found && (check === null || keyCheck(found.key) === check)) {
        if (found.source === 'key folder') this.addProtectedCopy(databaseId, found.key);
        return found;
      }
    }
    return null;
  }

  /**
   * Keeps a key for a database: the plain file (0600, written whole then renamed into place) and,
   * where the protector works, the encrypted copy. A different key already kept for the same
   * database is never overwritten: losing it would orphan every pseudonym made with it.
   */
  save(databaseId: string, key: Buffer): void {
    const existing = this.readPlain(databaseId);
    if (existing && !existing.key.equals(key)) {
      throw new KeyFileError(
        `A different case key is already kept for this database (${this.keyFile(databaseId)}); it was left as it is. ` +
          'If that key is wrong, move the file somewhere safe first and try again.',
      );
    }
    this.ensureDir();
    const text = Buffer.from(serialiseKey({ databaseId, key, createdAt: new Date().toISOString() }));
    if (!existing) writePrivate(this.keyFile(databaseId), text);
    if (this.protector?.available()) writePrivate(this.protectedFile(databaseId), this.protector.protect(text));
  }

  /** A key the command line made (or an upgrade moved) gets the app's protected copy on first use. */
  private addProtectedCopy(databaseId: string, key: Buffer): void {
    if (!this.protector?.available() || fs.existsSync(this.protectedFile(databaseId))) return;
    try {
      writePrivate(this.protectedFile(databaseId), this.protector.protect(Buffer.from(serialiseKey({ databaseId, key, createdAt: new Date().toISOString() }))));
    } catch {
      // The plain file still works; the copy is made next time.
    }
  }

  private ensureDir(): void {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    if (process.platform !== 'win32') fs.chmodSync(this.dir, 0o700);
  }

  private readPlain(databaseId: string): FoundKey | null {
    const file = this.keyFile(databaseId);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new KeyFileError(`The case key file ${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}). Check that it belongs to you.`);
    }
    // Someone loosened the permissions (a copy tool, a restore): tighten them again.
    if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
    return { key: checkedFor(parseKey(bytes, `The case key file ${file}`), databaseId, file).key, source: 'key folder' };
  }

  private readProtected(databaseId: string): FoundKey | null {
    if (!this.protector?.available()) return null;
    const file = this.protectedFile(databaseId);
    if (!fs.existsSync(file)) return null;
    let plain: Buffer;
    try {
      plain = this.protector.unprotect(fs.readFileSync(file));
    } catch {
      // Made by another user or another computer's store: the plain file (or an import) decides.
      return null;
    }
    return { key: checkedFor(parseKey(plain, `The protected case key ${file}`), databaseId, file).key, source: 'protected copy' };
  }
}

function checkedFor(rec: KeyRecord, databaseId: string, file: string): KeyRecord {
  if (rec.databaseId !== databaseId) throw new KeyFileError(`The case key file ${file} belongs to another database; it was not used.`);
  return rec;
}

/** Written to a temporary name readable only by the user, flushed, then renamed over the target. */
export function writePrivate(file: string, bytes: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  if (process.platform !== 'win32') fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
}
