import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../electron/db/open';
import { backupDir } from '../../electron/paths';
import { BACKUPS_KEPT, listImports, runImport, undoImport } from '../../electron/import/index';
import { csv, dump, rows, setup } from './helpers';
import Database from 'better-sqlite3';

const A = 'case_id,case_type,staff_id,team,start_date,end_date';
const W = 'staff_id,swe_number,role,team,employment_type,fte,start_date,end_date,leaving_reason,qualified_date';

describe('re-import and overlapping exports', () => {
  it('the same file twice is a no-op that says so', async () => {
    const t = setup();
    const f = t.file('a.csv', csv(A, 'C1,CIN,S1,T,2019-01-01,'));
    const first = await t.run(f);
    const before = dump(t.db, ['allocation', 'import_log', 'import_change']);
    const again = await t.run(f);
    expect(again).toMatchObject({ outcome: 'already_imported', previousImportId: first.importId, importId: null });
    expect(again.message).toMatch(/already been imported \(import 1, .*nothing was done/);
    expect(dump(t.db, ['allocation', 'import_log', 'import_change'])).toEqual(before);
  });

  it('a later export merges by key: closed allocations get their end date, new ones are added, no duplicates', async () => {
    const t = setup();
    await t.run(t.file('march.csv', csv(A, 'C1,CIN,S1,North,2019-01-01,', 'C2,CP,S1,North,2019-02-01,', 'C3,CLA,S2,North,2019-03-01,')));
    const april = await t.run(t.file('april.csv', csv(A, 'C1,CIN,S1,North,2019-01-01,2019-04-10', 'C2,CP,S1,North,2019-02-01,', 'C3,CLA,S2,North,2019-03-01,', 'C4,CIN,S2,North,2019-04-02,')));
    expect(april).toMatchObject({ outcome: 'imported', inserted: 1, updated: 1, unchanged: 2 });
    expect(rows(t.db, 'SELECT staff_id, start_date, end_date, import_id FROM allocation ORDER BY start_date')).toEqual([
      { staff_id: 'S1', start_date: '2019-01-01', end_date: '2019-04-10', import_id: 1 },
      { staff_id: 'S1', start_date: '2019-02-01', end_date: null, import_id: 1 },
      { staff_id: 'S2', start_date: '2019-03-01', end_date: null, import_id: 1 },
      { staff_id: 'S2', start_date: '2019-04-02', end_date: null, import_id: 2 },
    ]);
    const journal = rows<{ import_id: number; table_name: string; before_json: string }>(t.db, 'SELECT * FROM import_change');
    expect(journal).toHaveLength(1);
    expect(JSON.parse(journal[0]!.before_json)).toMatchObject({ staff_id: 'S1', start_date: '2019-01-01', end_date: null, import_id: 1 });
  });

  it('an export identical in content to what is stored is recorded as no change', async () => {
    const t = setup();
    await t.run(t.file('a.csv', csv(A, 'C1,CIN,S1,T,2019-01-01,')));
    const r = await t.run(t.file('b.csv', csv(A, 'C1,CIN,S1,T,01/01/2019,')));
    expect(r).toMatchObject({ outcome: 'no_change', unchanged: 1 });
  });
});

describe('undo', () => {
  it('restores exactly the state before each import, newest first', async () => {
    const t = setup();
    const snapshots = [dump(t.db, ['spell', 'allocation', 'asye', 'establishment'])];
    await t.run(t.file('w1.csv', csv(W, 'S1,,case_holder,N,permanent,1,2019-01-01,,,', 'S2,,case_holder,N,agency,1,2019-01-01,,,')));
    snapshots.push(dump(t.db, ['spell', 'allocation', 'asye', 'establishment']));
    await t.run(t.file('a1.csv', csv(A, 'C1,CIN,S1,N,2019-01-01,')));
    snapshots.push(dump(t.db, ['spell', 'allocation', 'asye', 'establishment']));
    await t.run(t.file('w2.csv', csv(W, 'S1,,senior_practitioner,N,permanent,1,2019-01-01,,,', 'S2,,case_holder,N,agency,1,2019-01-01,2019-06-30,other,', 'S3,,case_holder,S,permanent,0.5,2019-02-01,,,')));
    await t.run(t.file('a2.csv', csv(A, 'C1,CIN,S1,N,2019-01-01,2019-05-05', 'C2,CP,S3,S,2019-02-03,')));

    // Every import can be undone at any time (a later import that changed a row it loaded takes it over).
    expect(listImports(t.db).map((i) => i.canUndo)).toEqual([true, true, true, true]);

    const r4 = undoImport(t.db, 4);
    expect(r4).toMatchObject({ deleted: 1, restored: 1 });
    const r3 = undoImport(t.db, 3);
    expect(r3).toMatchObject({ deleted: 1, restored: 2 });
    expect(dump(t.db, ['spell', 'allocation', 'asye', 'establishment'])).toEqual(snapshots[2]);
    undoImport(t.db, 2);
    expect(dump(t.db, ['spell', 'allocation', 'asye', 'establishment'])).toEqual(snapshots[1]);
    undoImport(t.db, 1);
    expect(dump(t.db, ['spell', 'allocation', 'asye', 'establishment'])).toEqual(snapshots[0]);
    expect(rows(t.db, 'SELECT outcome FROM import_log ORDER BY id').map((r) => (r as { outcome: string }).outcome)).toEqual(['undone', 'undone', 'undone', 'undone']);
    expect(() => undoImport(t.db, 1)).toThrow(/already been undone/);
    expect(() => undoImport(t.db, 99)).toThrow(/no import number 99/);
  });

  it('an undone file can be imported again', async () => {
    const t = setup();
    const f = t.file('a.csv', csv(A, 'C1,CIN,S1,T,2019-01-01,'));
    await t.run(f);
    undoImport(t.db, 1);
    expect(await t.run(f)).toMatchObject({ outcome: 'imported', inserted: 1 });
  });

  it('covers any table with an import_id column, such as tables added by later migrations', async () => {
    const t = setup();
    t.db.exec(`CREATE TABLE extra_thing (id INTEGER PRIMARY KEY, v TEXT, import_id INTEGER NOT NULL REFERENCES import_log(id)) STRICT`);
    await t.run(t.file('a.csv', csv(A, 'C1,CIN,S1,T,2019-01-01,')));
    t.db.prepare(`INSERT INTO extra_thing (v, import_id) VALUES ('x', 1)`).run();
    undoImport(t.db, 1);
    expect(rows(t.db, 'SELECT * FROM extra_thing')).toEqual([]);
  });
});

describe('backups', () => {
  it('backs up before every import (a readable copy of the state before it) and keeps the last 10', async () => {
    const t = setup();
    const made: string[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await t.run(t.file(`a${i}.csv`, csv(A, `C${i},CIN,S1,T,2019-01-01,`)));
      made.push(r.backupFile!);
    }
    const dir = backupDir(t.dbPath);
    const kept = fs.readdirSync(dir).sort();
    expect(kept).toHaveLength(BACKUPS_KEPT);
    expect(made.slice(2).map((f) => f.replace(/^.*[\\/]/, '')).sort()).toEqual(kept);
    // The last backup holds the 11 allocations stored before the 12th import.
    const copy = new Database(made[11]!, { readonly: true });
    expect(copy.prepare('SELECT COUNT(*) AS n FROM allocation').get()).toEqual({ n: 11 });
    copy.close();
  });

  it('keeps each database\'s backups apart: imports into one never prune another\'s in the same folder', async () => {
    const t = setup();
    const otherPath = path.join(t.dir, 'other.sqlite');
    const other = openDatabase(otherPath);
    try {
      const f = t.file('b.csv', csv(A, 'X1,CIN,S1,T,2019-01-01,'));
      const otherBackup = (await runImport(other, { dbPath: otherPath, file: f })).backupFile!;
      for (let i = 0; i < 11; i++) await t.run(t.file(`c${i}.csv`, csv(A, `D${i},CIN,S1,T,2019-01-01,`)));
      expect(fs.existsSync(otherBackup)).toBe(true);
      expect(backupDir(otherPath)).not.toBe(backupDir(t.dbPath));
      expect(fs.readdirSync(backupDir(otherPath))).toEqual([path.basename(otherBackup)]);
      expect(fs.readdirSync(backupDir(t.dbPath))).toHaveLength(BACKUPS_KEPT);
    } finally {
      other.close();
    }
  });
});

describe('large loads', () => {
  it('a file that will at least double the table sets its non-unique indexes aside; a small one does not', async () => {
    const { deferSecondaryIndexes } = await import('../../electron/import/defer-indexes');
    const t = setup();
    const names = () => rows<{ name: string }>(t.db, `SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'allocation' AND sql IS NOT NULL`).map((r) => r.name);
    const all = names();
    expect(all).toContain('allocation_natural_key');
    t.db.exec('BEGIN');
    expect(deferSecondaryIndexes(t.db, 'allocation', 100_000)).toEqual([]);
    expect(names()).toEqual(all);
    const deferred = deferSecondaryIndexes(t.db, 'allocation', 3_000_000);
    expect(deferred.length).toBe(all.length - 1);
    expect(names()).toEqual(['allocation_natural_key']);
    t.db.exec('ROLLBACK');
    expect(names()).toEqual(all);
  });

  it('an empty table has its unique natural key set aside; a table with rows keeps it', async () => {
    const { deferUniqueKey } = await import('../../electron/import/defer-indexes');
    const t = setup();
    const names = () => rows<{ name: string }>(t.db, `SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'allocation' AND sql IS NOT NULL`).map((r) => r.name);
    const all = names();
    t.db.exec('BEGIN');
    const deferred = deferUniqueKey(t.db, 'allocation');
    expect(deferred).toEqual([expect.stringMatching(/^CREATE UNIQUE INDEX allocation_natural_key/)]);
    expect(names()).not.toContain('allocation_natural_key');
    t.db.exec('ROLLBACK');
    expect(names()).toEqual(all);
    await t.run(t.file('a.csv', csv(A, 'C1,CIN,S1,T,2019-01-01,')));
    t.db.exec('BEGIN');
    expect(deferUniqueKey(t.db, 'allocation')).toEqual([]);
    t.db.exec('ROLLBACK');
  });

  it('a first import that repeats keys reports each repeat as a merge would, in strict and accept-valid modes', async () => {
    const lines = [A];
    for (let i = 0; i < 3000; i++) lines.push(`CASE-${i},CIN,STAFF-${i % 70},T,2019-${String((i % 12) + 1).padStart(2, '0')}-01,`);
    // Rows 3002 and 3004 repeat rows 2 and 11 (the heading is row 1); row 3005 repeats row 2 again
    // with other values; row 3003 is invalid; row 3006 repeats nothing.
    lines.push('CASE-0,CIN,STAFF-0,T,2019-01-01,', 'X,CIN,S,T,2019-13-01,', 'CASE-9,CIN,STAFF-9,T,2019-10-01,', 'CASE-0,CP,STAFF-0,Other,2019-01-01,2020-01-01', 'NEW,CIN,S,T,2019-01-01,');
    const expectedRepeats = [
      { row: 3002, column: null, value: null, reason: 'repeats the case ID, staff ID and start date of row 2 of this file' },
      { row: 3004, column: null, value: null, reason: 'repeats the case ID, staff ID and start date of row 11 of this file' },
      { row: 3005, column: null, value: null, reason: 'repeats the case ID, staff ID and start date of row 2 of this file' },
    ];
    const strict = setup();
    const refused = await strict.run(strict.file('a.csv', lines.join('\n')));
    expect(refused).toMatchObject({ outcome: 'failed', rejected: 4, inserted: 0 });
    expect(refused.problems.filter((p) => p.column === null)).toEqual(expectedRepeats);
    expect(refused.problems.map((p) => p.row)).toEqual([3002, 3003, 3004, 3005]);
    expect(rows(strict.db, 'SELECT COUNT(*) AS n FROM allocation')).toEqual([{ n: 0 }]);

    const t = setup();
    const done = await t.run(t.file('a.csv', lines.join('\n')), { acceptValid: true });
    expect(done).toMatchObject({ outcome: 'partial', rejected: 4, inserted: 3001 });
    expect(done.problems.filter((p) => p.column === null)).toEqual(expectedRepeats);
    // The first of each key is kept, with its own values.
    expect(rows(t.db, `SELECT COUNT(*) AS n FROM allocation WHERE team = 'Other' OR case_type = 'CP'`)).toEqual([{ n: 0 }]);
    expect(rows(t.db, 'SELECT COUNT(*) AS n FROM allocation')).toEqual([{ n: 3001 }]);
    expect(rows(t.db, `SELECT name FROM sqlite_schema WHERE name = 'allocation_natural_key'`)).toEqual([{ name: 'allocation_natural_key' }]);
    expect(t.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('indexes set aside during a large load are all back afterwards, whether it commits or fails', async () => {
    const t = setup();
    const indexes = () => rows(t.db, `SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'allocation' ORDER BY name`);
    const before = indexes();
    expect(before.length).toBeGreaterThan(1);
    const lines = [A];
    for (let i = 0; i < 60_000; i++) lines.push(`CASE-${i},CIN,STAFF-${i % 700},Team number ${i % 9},2019-${String((i % 12) + 1).padStart(2, '0')}-01,`);
    const bad = t.file('bad.csv', [...lines, 'X,CIN,S,T,2019-13-01,'].join('\n'));
    expect((await t.run(bad)).outcome).toBe('failed');
    expect(indexes()).toEqual(before);
    const good = t.file('good.csv', lines.join('\n'));
    expect(await t.run(good)).toMatchObject({ outcome: 'imported', inserted: 60_000 });
    expect(indexes()).toEqual(before);
    expect(t.db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 30_000);
});

describe('a file with headings only', () => {
  it('changes nothing and says it has no data rows', async () => {
    const t = setup();
    const r = await t.run(t.file('empty.csv', csv(A, ',,,,,')));
    expect(r).toMatchObject({ outcome: 'no_change', rowsRead: 0 });
    expect(r.message).toMatch(/^empty.csv has a heading row but no data rows; nothing changed/);
  });
});
