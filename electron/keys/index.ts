// Case keys kept out of the database: the store, the per-database key, moving it between computers.
export { KeyStore, writePrivate, type KeyProtector, type FoundKey, type KeySource } from './store';
export { caseKeyFor, recordKeyCheck, databaseId, keyStatus, moveKeyOut, moveKeyOutOfBackups, MissingKeyError, LEGACY_KEY, KEY_CHECK, DATABASE_ID, type KeyStatus } from './database-key';
export { exportKey, importKey, startNewKey, EXPORT_WARNING, NEW_KEY_CONSEQUENCE } from './transfer';
export { keyCheck, KeyFileError, parseKey, serialiseKey } from './key-file';
export { openWithKeys } from './open';
