// The open path every program uses (the app, the command line): migrations, then any key still
// kept inside the database (from before migration 8) moved out of it and out of its backups.
// The migration cannot do the move itself: it runs inside a transaction and knows no key store.
import { openDatabase, type Db, type OpenOptions } from '../db/open';
import { moveKeyOut, moveKeyOutOfBackups } from './database-key';
import type { KeyStore } from './store';

/** Set in meta once the backups beside the database have been checked for a key kept inside. */
export const BACKUPS_CHECKED = 'backups_key_checked';

export function openWithKeys(file: string, keys: KeyStore, options: OpenOptions = {}): Db {
  const db = openDatabase(file, options);
  if (options.readonly || file === ':memory:') return db;
  try {
    const { databaseId } = moveKeyOut(db, keys);
    // Once per database: backups made after the move never hold the key.
    if (!db.prepare('SELECT 1 FROM meta WHERE key = ?').get(BACKUPS_CHECKED)) {
      moveKeyOutOfBackups(file, keys, databaseId, options.nativeBinding);
      db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(BACKUPS_CHECKED, new Date().toISOString());
    }
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}
