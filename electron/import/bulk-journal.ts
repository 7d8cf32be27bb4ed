// A large first load into an empty table writes through SQLite's rollback journal instead of
// the WAL. Rows appended to a file need no journal at all (rollback only has to cut the file
// back), whereas in WAL mode every page is written twice (WAL, then the database) and a
// transaction larger than the page cache rewrites the WAL's checksums at commit: 0.5 s of a
// million-row load. Crash-safe either way: a killed import's journal is rolled back on the next
// open. The switch needs the database to itself, so with another connection open (the app
// and the command line on one file) the load simply stays in WAL mode.
import type { Db } from '../db/open';

/** Files smaller than this load in WAL mode: too little to gain. */
export const BULK_JOURNAL_MIN_BYTES = 4 * 1024 * 1024;

/**
 * Switches to the rollback journal (synchronous FULL, SQLite's safe setting for it) if it can,
 * and returns the function that switches back to WAL. Call outside any transaction.
 */
export function useRollbackJournal(db: Db): () => void {
  if (db.pragma('journal_mode', { simple: true }) !== 'wal') return () => {};
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  let mode: unknown;
  try {
    // Don't wait for another connection to go away: if one is there, stay in WAL.
    db.pragma('busy_timeout = 0');
    mode = db.pragma('journal_mode = DELETE', { simple: true });
  } catch {
    mode = 'wal';
  } finally {
    db.pragma(`busy_timeout = ${Math.trunc(timeout)}`);
  }
  if (mode !== 'delete') return () => {};
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = FULL');
  return () => {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${Math.trunc(synchronous)}`);
  };
}
