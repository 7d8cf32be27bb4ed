// Opening the workforce database: pragmas, migrations and the guard against a newer schema.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

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

export interface OpenOptions {
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
    db.pragma('busy_timeout = 5000');
    if (!options.readonly && file !== ':memory:') {
      db.pragma('journal_mode = WAL');
      // SQLite's recommended setting under WAL: a commit no longer waits for the disk to confirm
      // (the WAL is synced at each checkpoint), and the database still cannot be corrupted by a
      // crash or power cut; at worst the last commits before a power cut are rolled back.
      db.pragma('synchronous = NORMAL');
    }
    migrate(db, migrations, options.targetVersion ?? migrations.length);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db, migrations: readonly Migration[], target = migrations.length): void {
  const current = schemaVersion(db);
  if (current > migrations.length) throw new NewerDatabaseError(current, migrations.length);
  if (current >= target) return;
  db.transaction(() => {
    for (let v = current; v < target; v++) {
      migrations[v]!.up(db);
    }
    // PRAGMA takes no bound parameters; target is an integer we computed, never user text.
    db.pragma(`user_version = ${Math.trunc(target)}`);
  })();
}
