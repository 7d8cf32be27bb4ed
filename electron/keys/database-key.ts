// Which key a database's case pseudonyms were made with, and getting that key: the database keeps
// only its id (naming the key file, not secret) and a key check (telling a right key from a wrong
// one); the key itself is in the key store. A database from before migration 8 kept the key in
// its meta table: moveKeyOut takes it out and rewrites the file so no copy of the bytes remains.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import type { Db } from '../db/open';
import { backupDir } from '../paths';
import { isDatabaseId, keyCheck, KeyFileError, newKey } from './key-file';
import type { KeyStore } from './store';

/** Where databases before migration 8 kept the key (the meta row this module removes). */
export const LEGACY_KEY = 'case_id_hmac_key';
export const DATABASE_ID = 'database_id';
export const KEY_CHECK = 'case_key_check';

export class MissingKeyError extends Error {
  override name = 'MissingKeyError';
  constructor(readonly databaseId: string) {
    super(
      "This database's case key is not on this computer, so new case allocations could not be matched to the cases " +
        'already in it; the import was refused and nothing was written. Everything already imported still works (the ' +
        'figures, the paper and undo use the pseudonyms already stored). To import allocations here, bring the key from ' +
        'the computer where the database was made: there, run "scrutiny-pack key export --out case-key.json" (or ' +
        'Settings > Case key > Export the key); here, run "scrutiny-pack key import case-key.json" (or Settings > Case ' +
        'key > Import a key). If the key is lost for good, "scrutiny-pack key new" starts a new one, but cases imported ' +
        'after that never match those already stored, so an export covering the same period counts those cases twice.',
    );
  }
}

function metaValue(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function newDatabaseId(): string {
  return crypto.randomBytes(16).toString('hex');
}

/** The database's id (migration 8 writes one; a database without it gets one now). */
export function databaseId(db: Db): string {
  const found = metaValue(db, DATABASE_ID);
  if (found && isDatabaseId(found)) return found;
  setMeta(db, DATABASE_ID, newDatabaseId());
  return metaValue(db, DATABASE_ID)!;
}

export function storedKeyCheck(db: Db): string | null {
  return metaValue(db, KEY_CHECK);
}

function hasAllocations(db: Db): boolean {
  return db.prepare('SELECT 1 FROM allocation LIMIT 1').get() !== undefined;
}

/** Keys of in-memory databases (tests, previews): they vanish with the database, so does the key. */
const memoryKeys = new WeakMap<Db, Buffer>();

export interface CaseKeyOptions {
  /** Make and keep a key when the database has none yet (false for a dry run: a throwaway key). */
  create?: boolean;
}

/**
 * The key to hash this database's case IDs with, loaded once per import. It writes nothing to the
 * database (a new key goes to the key store only): the import records the key check inside its
 * own transaction (recordKeyCheck), so a cancelled or refused import leaves the database as it was.
 */
export function caseKeyFor(db: Db, keys: KeyStore, options: CaseKeyOptions = {}): Buffer {
  if (metaValue(db, LEGACY_KEY) !== null) moveKeyOut(db, keys);
  if (db.memory) {
    let key = memoryKeys.get(db);
    if (!key) memoryKeys.set(db, (key = newKey()));
    return key;
  }
  const id = databaseId(db);
  const check = storedKeyCheck(db);
  const found = keys.find(id, check);
  if (found) return found.key;
  if (check !== null || hasAllocations(db)) throw new MissingKeyError(id);
  if (options.create === false) return newKey();
  const itKey = keys.itKey(id);
  const key = itKey ?? newKey();
  if (!itKey) keys.save(id, key);
  return key;
}

/** Notes in meta which key the pseudonyms are made with (once; inside the import's transaction). */
export function recordKeyCheck(db: Db, key: Buffer): void {
  db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(KEY_CHECK, keyCheck(key));
}

export interface KeyStatus {
  databaseId: string;
  /** Whether pseudonyms were ever made in this database (a key check is kept). */
  hasKey: boolean;
  /** Where the key was found on this computer; null when it is missing (or none was made yet). */
  source: string | null;
}

export function keyStatus(db: Db, keys: KeyStore): KeyStatus {
  const id = databaseId(db);
  const check = storedKeyCheck(db);
  const found = check === null ? null : keys.find(id, check);
  return { databaseId: id, hasKey: check !== null, source: found?.source ?? null };
}

export interface MoveResult {
  moved: boolean;
  databaseId: string;
}

/**
 * Takes a key kept in meta (databases before migration 8, and their backups) out of the file:
 * the key file is written and flushed first, then the row deleted, then VACUUM rebuilds the file
 * and the WAL is emptied, so the key's bytes are on no page, free or used. preferredId names the
 * database a backup belongs to, when it has no id of its own yet.
 */
export function moveKeyOut(db: Db, keys: KeyStore, preferredId?: string): MoveResult {
  const legacy = metaValue(db, LEGACY_KEY);
  if (legacy === null) return { moved: false, databaseId: databaseId(db) };
  const key = Buffer.from(legacy, 'hex');
  if (metaValue(db, DATABASE_ID) === null && preferredId) setMeta(db, DATABASE_ID, preferredId);
  let id = databaseId(db);
  if (db.memory) memoryKeys.set(db, key);
  else {
    try {
      keys.save(id, key);
    } catch (e) {
      if (!(e instanceof KeyFileError)) throw e;
      // The id already names another key (a copy made before "key new"): this file is its own line.
      id = newDatabaseId();
      keys.save(id, key);
    }
  }
  db.pragma('secure_delete = ON');
  db.transaction(() => {
    setMeta(db, DATABASE_ID, id);
    setMeta(db, KEY_CHECK, keyCheck(key));
    db.prepare('DELETE FROM meta WHERE key = ?').run(LEGACY_KEY);
  })();
  if (!db.memory) {
    db.exec('VACUUM');
    if (db.pragma('journal_mode', { simple: true }) === 'wal') db.pragma('wal_checkpoint(TRUNCATE)');
  }
  return { moved: true, databaseId: id };
}

/**
 * Backups made before the upgrade hold the key too. They are rewritten the same way (key moved
 * to the key store under the database's id, row deleted, VACUUM), so each stays restorable on
 * this computer and none gives the key away. Returns the files rewritten.
 */
export function moveKeyOutOfBackups(dbFile: string, keys: KeyStore, mainId: string, nativeBinding?: string): string[] {
  const dir = backupDir(dbFile);
  if (!fs.existsSync(dir)) return [];
  const rewritten: string[] = [];
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.sqlite'))) {
    const file = path.join(dir, name);
    let backup: Database.Database | undefined;
    try {
      backup = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
      const hasMeta = backup.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
      if (!hasMeta || metaValue(backup, LEGACY_KEY) === null) continue;
      moveKeyOut(backup, keys, mainId);
      rewritten.push(file);
    } catch (e) {
      // A damaged or locked backup is left as it is; restore refuses damaged files anyway.
      if (e instanceof KeyFileError) throw e;
    } finally {
      backup?.close();
    }
  }
  return rewritten;
}
