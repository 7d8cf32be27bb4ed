// Opening the workforce database: pragmas, migrations and the guard against a newer schema.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';
import { describeHolders, lockHolders } from './lock-holder';

export type { Db };

export class NewerDatabaseError extends Error {
  constructor(readonly found: number, readonly supported: number) {
    super(
      `This database was written by a newer version of Scrutiny Pack (schema version ${found}; ` +
        `this version understands up to ${supported}). Install the latest version to open it; ` +
        `the file has not been changed.`,
    );
    this.name = 'NewerDatabaseError';
  }
}

export class DatabaseBusyError extends Error {
  constructor(
    readonly file: string,
    waitedMs = 5000,
  ) {
    const holders = lockHolders(file);
    super(
      `The database ${file} is busy: ${describeHolders(holders)} has been writing to it for more than ` +
        `${waitedMs < 1000 ? `${waitedMs} milliseconds` : `${Math.round(waitedMs / 1000)} second${waitedMs >= 1500 ? 's' : ''}`} (a large import from the command line takes the database to itself until it finishes; ` +
        `a database browser such as DB Browser for SQLite holds it while it has unsaved changes). ` +
        `Let that program finish, or write or revert its changes and close it, then try again. Nothing was written.`,
    );
    this.name = 'DatabaseBusyError';
  }
}

/** An SQLite "database is locked" after the busy timeout, as a DatabaseBusyError; anything else as it is. */
export function busyAsPlainWords(db: Db, e: unknown): unknown {
  if ((e as { code?: string }).code !== 'SQLITE_BUSY') return e;
  return new DatabaseBusyError(db.name, db.pragma('busy_timeout', { simple: true }) as number);
}

export interface OpenOptions {
  /** How long to wait for another program's lock, in milliseconds (default 5000). */
  busyTimeoutMs?: number;
  /** Stop after this many migrations (tests of a single migration use it). */
  targetVersion?: number;
  readonly?: boolean;
  /** Path to a better_sqlite3.node built for the running runtime (Electron passes its own). */
  nativeBinding?: string;
  migrations?: readonly Migration[];
}

/**
 * Opens (creating if need be) a database and brings its schema up to date in one transaction,
 * so a failed migration leaves the file exactly as it was.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
    if (!options.readonly && file !== ':memory:') {
      // Switching a brand-new file to WAL while another program is creating it can be refused
      // at once (SQLite does not wait on that lock), so it is tried again for a few seconds.
      retryWhileBusy(() => db.pragma('journal_mode = WAL'));
      // better-sqlite3 builds SQLite to sync a WAL database only at checkpoints; FULL syncs every
      // commit, so a power cut cannot take back an import the app has already reported done.
      db.pragma('synchronous = FULL');
    }
    migrate(db, migrations, options.targetVersion ?? migrations.length);
    return db;
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY') throw new DatabaseBusyError(file, options.busyTimeoutMs ?? 5000);
    throw err;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** How long opening waits for another program that is upgrading the same database. */
export const MIGRATION_BUSY_TIMEOUT_MS = 60_000;

export function migrate(db: Db, migrations: readonly Migration[], target = migrations.length): void {
  const seen = schemaVersion(db);
  if (seen > migrations.length) throw new NewerDatabaseError(seen, migrations.length);
  if (seen >= target) return;
  // The version is read again under the write lock: two programs creating one database at once
  // both saw 0 above, and the second must start from where the first left it, not create the
  // tables again ("table meta already exists", issue 16).
  // Another program may be upgrading this database right now (an index rebuild on a large one
  // takes seconds): wait for it longer than for an ordinary write, then carry on from its version.
  const busy = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma(`busy_timeout = ${Math.max(busy, MIGRATION_BUSY_TIMEOUT_MS)}`);
  try {
    retryWhileBusy(() => db.exec('BEGIN IMMEDIATE'));
  } finally {
    db.pragma(`busy_timeout = ${busy}`);
  }
  try {
    const current = schemaVersion(db);
    if (current > migrations.length) throw new NewerDatabaseError(current, migrations.length);
    for (let v = current; v < target; v++) {
      migrations[v]!.up(db);
    }
    // PRAGMA takes no bound parameters; target is an integer we computed, never user text.
    if (current < target) db.pragma(`user_version = ${Math.trunc(target)}`);
    db.exec('COMMIT');
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}

/** Runs fn again (every 50 ms, for up to 10 s) while SQLite refuses it as busy without waiting. */
function retryWhileBusy<T>(fn: () => T): T {
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  const until = Date.now() + 10_000;
  for (;;) {
    try {
      return fn();
    } catch (e) {
      // Gives up after 10 s in all, so a lock really held by another program is still reported.
      if ((e as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() >= until) throw e;
      Atomics.wait(sleeper, 0, 0, 50);
    }
  }
}
