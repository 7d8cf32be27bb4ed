// A large first load switches the database to the rollback journal for its transaction, and
// only when it has the file to itself; it always comes back to WAL.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseBusyError, openDatabase, type Db } from '../../electron/db/open';
import { BULK_JOURNAL_MIN_BYTES, restoreWal, useRollbackJournal } from '../../electron/import/bulk-journal';
import { runImport } from '../../electron/import/index';
import { tempDb, tempDir } from '../support/tmp';

describe('the rollback journal for a large first load', () => {
  it('switches to the rollback journal with full syncs, and back to WAL as before', () => {
    const { db } = tempDb();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const back = useRollbackJournal(db);
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.pragma('synchronous = NORMAL');
    back();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    // Back to the setting it had before the switch.
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
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

describe('other programs during a large first load', () => {
  it('a reader still there when the load ends keeps the rollback journal (no error); the next import start restores WAL', () => {
    const { db, file } = tempDb();
    const back = useRollbackJournal(db);
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    // A program that opened the database during the load and is reading when it ends.
    const reader = new Database(file);
    reader.exec('BEGIN');
    reader.prepare('SELECT COUNT(*) FROM allocation').get();
    db.pragma('busy_timeout = 50');
    expect(() => back()).not.toThrow();
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    // Still SQLite's safe setting for the rollback journal.
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    reader.exec('COMMIT');
    reader.close();
    restoreWal(db);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('opening the database while a load holds it says it is busy, in plain words', () => {
    const { db, file } = tempDb();
    const back = useRollbackJournal(db);
    db.exec('BEGIN EXCLUSIVE');
    try {
      expect(() => openDatabase(file, { busyTimeoutMs: 50 })).toThrow(DatabaseBusyError);
      expect(() => openDatabase(file, { busyTimeoutMs: 50 })).toThrow(/is busy: another program has been writing to it for more than 50 milliseconds .* then try again\. Nothing was written\./);
    } finally {
      db.exec('ROLLBACK');
      back();
    }
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  });
});

describe('a large first load through the rollback journal', () => {
  function bigFile(bad: boolean): string {
    const lines = ['case_id,case_type,staff_id,team,start_date,end_date'];
    for (let i = 0; i < 130_000; i++) lines.push(`K${i},${bad && i === 70_000 ? 'XX' : 'CP'},S${i % 300},Team ${i % 12},2019-${String((i % 12) + 1).padStart(2, '0')}-01,`);
    const file = path.join(tempDir(), 'big.csv');
    fs.writeFileSync(file, lines.join('\n') + '\n');
    expect(fs.statSync(file).size).toBeGreaterThan(BULK_JOURNAL_MIN_BYTES);
    return file;
  }
  const count = (db: Db) => (db.prepare('SELECT COUNT(*) AS n FROM allocation').get() as { n: number }).n;

  it('a strict import refused for one bad row writes nothing, logs the failure and leaves WAL', async () => {
    const { db, file: dbPath } = tempDb();
    const result = await runImport(db, { file: bigFile(true), dbPath, extractDate: '2025-01-01' });
    expect(result.outcome).toBe('failed');
    expect(result.problems.map((p) => p.row)).toEqual([70_002]);
    expect(count(db)).toBe(0);
    expect(db.prepare(`SELECT outcome, rows_rejected FROM import_log`).all()).toEqual([{ outcome: 'failed', rows_rejected: 1 }]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a dry run and then the import itself: the same counts, WAL afterwards, every index in place', async () => {
    const { db, file: dbPath } = tempDb();
    const file = bigFile(false);
    const checked = await runImport(db, { file, dbPath, dryRun: true, extractDate: '2025-01-01' });
    expect(checked).toMatchObject({ outcome: 'checked', inserted: 130_000 });
    expect(count(db)).toBe(0);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const done = await runImport(db, { file, dbPath, extractDate: '2025-01-01' });
    expect(done).toMatchObject({ outcome: 'imported', inserted: 130_000 });
    expect(count(db)).toBe(130_000);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const indexes = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'allocation' AND sql IS NOT NULL ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(['allocation_cover', 'allocation_natural_key']);
  });
});
