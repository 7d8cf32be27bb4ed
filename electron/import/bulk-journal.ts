// A large first load into an empty table writes through SQLite's rollback journal instead of
// the WAL. Rows appended to a file need no journal at all (rollback only has to cut the file
// back), whereas in WAL mode every page is written twice (WAL, then the database) and a
// transaction larger than the page cache rewrites the WAL's checksums at commit: about 1 s of a
// million-row load. Crash-safe either way: a killed import's journal is rolled back on the next
// open. The price: until the load commits, no other program can open the database (it waits
// its busy timeout, then is told the database is busy). The switch needs the database to
// itself, so with another connection already open the load simply stays in WAL mode.
import type { Db } from '../db/open';

/** Files smaller than this load in WAL mode: too little to gain. */
export const BULK_JOURNAL_MIN_BYTES = 4 * 1024 * 1024;

/** Tries a journal mode without waiting for other connections; returns the mode in force. */
function tryJournalMode(db: Db, mode: 'DELETE' | 'WAL', waitMs: number): string {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  try {
    db.pragma(`busy_timeout = ${Math.trunc(waitMs)}`);
    return String(db.pragma(`journal_mode = ${mode}`, { simple: true }));
  } catch {
    return String(db.pragma('journal_mode', { simple: true }));
  } finally {
    db.pragma(`busy_timeout = ${Math.trunc(timeout)}`);
  }
}

/**
 * Back to WAL if an earlier load could not switch back (another program was reading the
 * database just then): call before an import, outside any transaction. Never throws.
 */
export function restoreWal(db: Db): void {
  if (db.memory || db.readonly || db.pragma('journal_mode', { simple: true }) === 'wal') return;
  tryJournalMode(db, 'WAL', 0);
}

/**
 * Switches to the rollback journal (synchronous FULL, SQLite's safe setting for it) if it can,
 * and returns the function that switches back to WAL. Call outside any transaction. Neither
 * throws: if the switch back finds another program reading, the database stays in the rollback
 * journal (just as safe) until restoreWal or the next openDatabase succeeds.
 */
export function useRollbackJournal(db: Db): () => void {
  if (db.pragma('journal_mode', { simple: true }) !== 'wal') return () => {};
  if (tryJournalMode(db, 'DELETE', 0) !== 'delete') return () => {};
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = FULL');
  return () => {
    // Readers that arrived during the load hold the database briefly; give them the usual time.
    if (tryJournalMode(db, 'WAL', db.pragma('busy_timeout', { simple: true }) as number) === 'wal') {
      db.pragma(`synchronous = ${Math.trunc(synchronous)}`);
    }
  };
}
