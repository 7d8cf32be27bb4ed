import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../electron/db/migrations';
import { migrate, NewerDatabaseError, openDatabase, schemaVersion } from '../../electron/db/open';
import { tempDb, tempDir } from '../support/tmp';
import path from 'node:path';

function tables(db: Database.Database): string[] {
  return (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
}

describe('migrations', () => {
  it('a new database reaches the latest version with WAL (synchronous NORMAL) and foreign keys on', () => {
    const { db } = tempDb();
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('every table is STRICT', () => {
    const { db } = tempDb();
    const list = db.prepare(`SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'`).all() as { name: string; strict: number }[];
    expect(list.length).toBeGreaterThan(0);
    for (const t of list) expect({ name: t.name, strict: t.strict }).toEqual({ name: t.name, strict: 1 });
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, 'newer.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(NewerDatabaseError);
    expect(() => openDatabase(file)).toThrow(/newer version of Scrutiny Pack/);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 5);
    check.close();
  });

  it('a failing migration rolls back the whole upgrade', () => {
    const db = new Database(':memory:');
    const bad = [
      { name: 'ok', up: (d: Database.Database) => d.exec('CREATE TABLE a (x INTEGER) STRICT') },
      { name: 'boom', up: () => { throw new Error('boom'); } },
    ];
    expect(() => migrate(db, bad)).toThrow('boom');
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
    db.close();
  });

  describe('migration 1: workforce data model', () => {
    it('creates the data model tables', () => {
      const { db } = tempDb({ targetVersion: 1 });
      expect(schemaVersion(db)).toBe(1);
      expect(tables(db)).toEqual(
        expect.arrayContaining(['allocation', 'asye', 'establishment', 'import_change', 'import_log', 'meta', 'saved_mapping', 'settings', 'spell']),
      );
    });

    it('enforces codes, FTE range, date order and natural keys', () => {
      const { db } = tempDb({ targetVersion: 1 });
      db.prepare(`INSERT INTO import_log (id, file_name, sha256, source, layout, started_at, outcome) VALUES (1, 'f.csv', 'x', 'workers', 'canonical', '2024-01-01', 'imported')`).run();
      const ins = db.prepare(`INSERT INTO spell (staff_id, role, employment_type, fte, start_date, end_date, import_id) VALUES (?, ?, ?, ?, ?, ?, 1)`);
      ins.run('S1', 'case_holder', 'permanent', 1, '2020-01-01', null);
      expect(() => ins.run('S2', 'wizard', 'permanent', 1, '2020-01-01', null)).toThrow(/CHECK/);
      expect(() => ins.run('S2', 'case_holder', 'permanent', 1.5, '2020-01-01', null)).toThrow(/CHECK/);
      expect(() => ins.run('S2', 'case_holder', 'permanent', 0, '2020-01-01', null)).toThrow(/CHECK/);
      expect(() => ins.run('S2', 'case_holder', 'permanent', 1, '2020-01-01', '2019-12-31')).toThrow(/CHECK/);
      expect(() => ins.run('S2', 'case_holder', 'permanent', 1, '01/01/2020', null)).toThrow(/CHECK/);
      expect(() => ins.run('S1', 'case_holder', 'agency', 1, '2020-01-01', null)).toThrow(/UNIQUE/);
      expect(() => db.prepare(`INSERT INTO spell (staff_id, role, employment_type, fte, start_date, import_id) VALUES ('S3','case_holder','permanent',1,'2020-01-01', 99)`).run()).toThrow(/FOREIGN KEY/);
    });
  });

  describe('migration 2: DfE benchmarks', () => {
    it('creates the indicator and neighbour tables, each with an import_id for undo', () => {
      const { db } = tempDb({ targetVersion: 2 });
      expect(schemaVersion(db)).toBe(2);
      expect(tables(db)).toEqual(expect.arrayContaining(['dfe_indicator', 'dfe_neighbour']));
      for (const t of ['dfe_indicator', 'dfe_neighbour']) {
        const cols = db.prepare(`SELECT name, "notnull" AS nn FROM pragma_table_info(?)`).all(t) as { name: string; nn: number }[];
        expect(cols).toContainEqual({ name: 'import_id', nn: 1 });
      }
    });

    it('keeps a DfE symbol only where the number is missing, and one row per year and geography', () => {
      const { db } = tempDb({ targetVersion: 2 });
      db.prepare(`INSERT INTO import_log (id, file_name, sha256, source, layout, started_at, outcome) VALUES (1, 'f.csv', 'x', 'benchmark', 'dfe-csww-indicators', '2024-01-01', 'imported')`).run();
      const ins = db.prepare(`INSERT INTO dfe_indicator (year, time_identifier, level, geo_code, turnover_rate_fte, turnover_rate_fte_symbol, import_id) VALUES (?, 'Reporting year', ?, ?, ?, ?, 1)`);
      ins.run(2018, 'Local authority', '892', 15, null);
      ins.run(2018, 'Local authority', '940 / 941', null, 'x');
      expect(() => ins.run(2018, 'Local authority', '893', 15, 'x')).toThrow(/CHECK/);
      expect(() => ins.run(2018, 'County', '894', 15, null)).toThrow(/CHECK/);
      expect(() => ins.run(2018, 'Local authority', '892', 16, null)).toThrow(/UNIQUE/);
      expect(() => db.prepare(`INSERT INTO dfe_neighbour (la_code, la_name, position, neighbour_code, import_id) VALUES ('874', 'Peterborough', 11, '831', 1)`).run()).toThrow(/CHECK/);
      expect(() => db.prepare(`INSERT INTO dfe_neighbour (la_code, la_name, position, neighbour_code, import_id) VALUES ('874', 'Peterborough', 1, '831', 42)`).run()).toThrow(/FOREIGN KEY/);
    });
  });
});
