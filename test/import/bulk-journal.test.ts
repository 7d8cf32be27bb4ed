// A large first load switches the database to the rollback journal for its transaction, and
// only when it has the file to itself; it always comes back to WAL.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { useRollbackJournal } from '../../electron/import/bulk-journal';
import { tempDb } from '../support/tmp';

describe('the rollback journal for a large first load', () => {
  it('switches to the rollback journal with full syncs, and back to WAL as before', () => {
    const { db } = tempDb();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const back = useRollbackJournal(db);
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    back();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('stays in WAL mode at once when another connection has the database open', () => {
    const { db, file } = tempDb();
    const other = openDatabase(file);
    try {
      // The other connection holds a read snapshot, as the app would while showing a screen.
      other.exec('BEGIN');
      other.prepare('SELECT COUNT(*) FROM allocation').get();
      const t0 = performance.now();
      const back = useRollbackJournal(db);
      expect(performance.now() - t0).toBeLessThan(1000);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      back();
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      other.exec('COMMIT');
    } finally {
      other.close();
    }
  });
});
