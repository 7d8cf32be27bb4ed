import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../electron/db/migrations';
import { migrate, NewerDatabaseError, openDatabase, schemaVersion } from '../../electron/db/open';
import { tempDb, tempDir } from '../support/tmp';
import path from 'node:path';

function tables(db: Database.Database): string[] {
  return (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
}

/** The SQLite error code a statement fails with, or 'accepted'. */
function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return 'accepted';
}

/** The user_version a migration brings a database to, found by the start of its name (the integrator orders parallel work's migrations, so numbers move). */
function versionAfter(prefix: string): number {
  const at = MIGRATIONS.findIndex((m) => m.name.startsWith(prefix));
  if (at < 0) throw new Error(`no migration named '${prefix}...'`);
  return at + 1;
}

describe('migrations', () => {
  it('a new database reaches the latest version with WAL (synchronous FULL: commits are durable) and foreign keys on', () => {
    const { db } = tempDb();
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
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
    const version = versionAfter('workforce data model');
    it('creates the data model tables', () => {
      const { db } = tempDb({ targetVersion: version });
      expect(schemaVersion(db)).toBe(version);
      expect(tables(db)).toEqual(
        expect.arrayContaining(['allocation', 'asye', 'establishment', 'import_change', 'import_log', 'meta', 'saved_mapping', 'settings', 'spell']),
      );
    });

    it('enforces codes, FTE range, date order and natural keys', () => {
      const { db } = tempDb({ targetVersion: version });
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
    const version = versionAfter('DfE published indicators');
    it('creates the indicator and neighbour tables, each with an import_id for undo', () => {
      const { db } = tempDb({ targetVersion: version });
      expect(schemaVersion(db)).toBe(version);
      expect(tables(db)).toEqual(expect.arrayContaining(['dfe_indicator', 'dfe_neighbour']));
      for (const t of ['dfe_indicator', 'dfe_neighbour']) {
        const cols = db.prepare(`SELECT name, "notnull" AS nn FROM pragma_table_info(?)`).all(t) as { name: string; nn: number }[];
        expect(cols).toContainEqual({ name: 'import_id', nn: 1 });
      }
    });

    it('keeps a DfE symbol only where the number is missing, and one row per year and geography', () => {
      const { db } = tempDb({ targetVersion: version });
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

  describe('migration 3: allocation case type checked by equalities, no import_id index', () => {
    const version = versionAfter('allocation: case type checked by equalities');
    const shape = (db: Database.Database) => ({
      columns: db.prepare(`SELECT cid, name, type, "notnull" AS nn, dflt_value, pk FROM pragma_table_info('allocation') ORDER BY cid`).all(),
      foreignKeys: db.prepare(`SELECT "from", "table", "to" FROM pragma_foreign_key_list('allocation')`).all(),
      strict: (db.prepare(`SELECT strict FROM pragma_table_list WHERE schema = 'main' AND name = 'allocation'`).get() as { strict: number }).strict,
    });
    const indexes = (db: Database.Database) =>
      db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'allocation' AND sql IS NOT NULL ORDER BY name`).all().map((r) => (r as { name: string }).name);
    const allRows = (db: Database.Database) => db.prepare(`SELECT * FROM allocation ORDER BY id`).all();

    it('rebuilds allocation keeping every row and id, the journal that points at them, and the same columns and keys', () => {
      const { db, file } = tempDb({ targetVersion: version - 1 });
      db.prepare(`INSERT INTO import_log (id, file_name, sha256, source, layout, started_at, outcome) VALUES (?, ?, 'x', 'allocations', 'canonical', '2024-01-01', 'imported')`).run(1, 'a.csv');
      db.prepare(`INSERT INTO import_log (id, file_name, sha256, source, layout, started_at, outcome) VALUES (?, ?, 'y', 'allocations', 'canonical', '2024-02-01', 'imported')`).run(2, 'b.csv');
      const ins = db.prepare(`INSERT INTO allocation (id, case_key, case_type, staff_id, team, start_date, end_date, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
      // Ids with gaps and out of insertion order, so a copy that renumbered would be caught.
      ins.run(7, 'k1', 'CIN', 'S1', 'Assessment', '2020-01-01', null, 1);
      ins.run(3, 'k2', 'CP', 'S1', null, '2020-02-01', '2020-06-30', 1);
      ins.run(42, 'k3', 'CLA', 'S2', 'Children in care', '2019-05-05', null, 1);
      ins.run(10, 'k4', 'care_leaver', 'S3', 'Care leavers', '2021-03-01', '2021-03-01', 2);
      ins.run(11, 'k5', 'other', 'S3', null, '2018-12-31', null, 2);
      db.prepare(`INSERT INTO import_change (import_id, table_name, row_id, before_json) VALUES (2, 'allocation', 42, ?)`).run(
        JSON.stringify({ id: 42, case_key: 'k3', case_type: 'CLA', staff_id: 'S2', team: 'Children in care', start_date: '2019-05-05', end_date: null, import_id: 1 }),
      );
      const before = allRows(db);
      const beforeShape = shape(db);
      expect(indexes(db)).toEqual(['allocation_cover', 'allocation_import', 'allocation_natural_key']);
      db.close();

      const after = openDatabase(file, { targetVersion: version });
      try {
        expect(schemaVersion(after)).toBe(version);
        expect(allRows(after)).toEqual(before);
        expect(after.prepare(`SELECT a.case_key AS k FROM import_change c JOIN allocation a ON a.id = c.row_id`).all()).toEqual([{ k: 'k3' }]);
        expect(shape(after)).toEqual(beforeShape);
        expect(shape(after).strict).toBe(1);
        expect(indexes(after)).toEqual(['allocation_cover', 'allocation_natural_key']);
        expect(after.prepare(`SELECT name FROM sqlite_schema WHERE name IN ('allocation_import', 'allocation_new')`).all()).toEqual([]);
        // The cover index still has the expression the measures name with INDEXED BY: k1, k2, k3
        // and k5 cover 1 March 2020 (k4 starts later).
        expect(after.prepare(`SELECT COUNT(*) AS n FROM allocation INDEXED BY allocation_cover WHERE coalesce(end_date, '9999-12-31') >= '2020-03-01' AND start_date <= '2020-03-01'`).get()).toEqual({ n: 4 });
        expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(after.pragma('foreign_key_check')).toEqual([]);
        // New rows carry on after the highest id, as before.
        const added = after.prepare(`INSERT INTO allocation (case_key, case_type, staff_id, start_date, import_id) VALUES ('k6', 'CIN', 'S4', '2022-01-01', 2)`).run();
        expect(added.lastInsertRowid).toBe(43);
      } finally {
        after.close();
      }
    });

    it('still refuses what migration 1 refused: unknown case types, repeated natural keys, bad dates, unknown imports', () => {
      const { db } = tempDb({ targetVersion: version });
      db.prepare(`INSERT INTO import_log (id, file_name, sha256, source, layout, started_at, outcome) VALUES (1, 'a.csv', 'x', 'allocations', 'canonical', '2024-01-01', 'imported')`).run();
      const ins = db.prepare(`INSERT INTO allocation (case_key, case_type, staff_id, start_date, end_date, import_id) VALUES (?, ?, ?, ?, ?, ?)`);
      const codes = ['CIN', 'CP', 'CLA', 'care_leaver', 'other'];
      codes.forEach((code, i) => ins.run(`k${i}`, code, 'S1', '2020-01-01', null, 1));
      expect((db.prepare(`SELECT case_type FROM allocation ORDER BY id`).all() as { case_type: string }[]).map((r) => r.case_type)).toEqual(codes);

      for (const bad of ['cin', 'CIN ', 'Other', '', 'care leaver']) {
        expect({ bad, code: code(() => ins.run('kx', bad, 'S1', '2020-01-01', null, 1)) }).toEqual({ bad, code: 'SQLITE_CONSTRAINT_CHECK' });
      }
      expect(code(() => ins.run('kx', null, 'S1', '2020-01-01', null, 1))).toBe('SQLITE_CONSTRAINT_NOTNULL');
      expect(code(() => db.exec(`INSERT INTO allocation (case_key, case_type, staff_id, start_date, import_id) VALUES ('kx', 'CIN', 'S1', '2020-01-01', 1); UPDATE allocation SET case_type = 'XX' WHERE case_key = 'kx'`))).toBe('SQLITE_CONSTRAINT_CHECK');
      expect(code(() => ins.run('k0', 'CP', 'S1', '2020-01-01', null, 1))).toBe('SQLITE_CONSTRAINT_UNIQUE');
      expect(code(() => ins.run('ky', 'CIN', 'S1', '01/01/2020', null, 1))).toBe('SQLITE_CONSTRAINT_CHECK');
      expect(code(() => ins.run('ky', 'CIN', 'S1', '2020-01-01', '2019-12-31', 1))).toBe('SQLITE_CONSTRAINT_CHECK');
      expect(code(() => ins.run('ky', 'CIN', 'S1', '2020-01-01', null, 99))).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
      // Strict typing survives the rebuild: text is not an import number.
      expect(code(() => ins.run('ky', 'CIN', 'S1', '2020-01-01', null, 'one'))).toBe('SQLITE_CONSTRAINT_DATATYPE');
    });
  });
  // migration 5 (ssd): found by name, because the integrator orders the migrations of parallel work.
  describe('migration 5: worker identifiers and departments', () => {
    const at = MIGRATIONS.findIndex((m) => m.name.startsWith('one worker, three identifiers'));

    it('adds worker_identifier and department to a database at the version before it, keeping what was there', () => {
      expect(at).toBeGreaterThanOrEqual(3);
      const { db, file } = tempDb({ targetVersion: at });
      expect(tables(db)).not.toContain('worker_identifier');
      db.prepare(`INSERT INTO import_log (id, file_name, sha256, source, layout, started_at, outcome) VALUES (1, 'w.csv', 'x', 'workers', 'canonical', '2024-01-01', 'imported')`).run();
      db.prepare(`INSERT INTO spell (staff_id, swe_number, role, employment_type, fte, start_date, import_id) VALUES ('E1', 'SW1', 'case_holder', 'permanent', 1, '2020-01-01', 1)`).run();
      db.close();
      const after = openDatabase(file);
      try {
        expect(schemaVersion(after)).toBe(MIGRATIONS.length);
        expect(tables(after)).toEqual(expect.arrayContaining(['worker_identifier', 'department']));
        expect(after.prepare(`SELECT staff_id, swe_number FROM spell`).all()).toEqual([{ staff_id: 'E1', swe_number: 'SW1' }]);
        for (const t of ['worker_identifier', 'department']) {
          expect(after.prepare(`SELECT strict FROM pragma_table_list WHERE schema = 'main' AND name = ?`).get(t)).toEqual({ strict: 1 });
          expect(after.prepare(`SELECT COUNT(*) AS n FROM pragma_table_info(?) WHERE name = 'import_id'`).get(t)).toEqual({ n: 1 });
        }
      } finally {
        after.close();
      }
    });

    it('needs two identifiers on a line, one line per combination, one name per department ID', () => {
      const { db } = tempDb();
      db.prepare(`INSERT INTO import_log (id, file_name, sha256, source, layout, started_at, outcome) VALUES (1, 'p.csv', 'x', 'idmap', 'ssd', '2024-01-01', 'imported')`).run();
      const ins = db.prepare(`INSERT INTO worker_identifier (cms_id, staff_id, swe_number, team, import_id) VALUES (?, ?, ?, ?, ?)`);
      expect(code(() => ins.run('101', 'E1', 'SW1', 'Team A', 1))).toBe('accepted');
      expect(code(() => ins.run('102', '', 'SW2', null, 1))).toBe('accepted');
      expect(code(() => ins.run('103', '', '', null, 1))).toBe('SQLITE_CONSTRAINT_CHECK');
      expect(code(() => ins.run('101', 'E1', 'SW1', 'Team B', 1))).toBe('SQLITE_CONSTRAINT_UNIQUE');
      expect(code(() => ins.run(null, 'E1', 'SW1', null, 1))).toBe('SQLITE_CONSTRAINT_NOTNULL');
      expect(code(() => ins.run('104', 'E4', '', null, 99))).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
      const dept = db.prepare(`INSERT INTO department (team_id, team_name, parent_id, parent_name, import_id) VALUES (?, ?, ?, ?, ?)`);
      expect(code(() => dept.run('7', 'Assessment Team North', '1', 'Children and Families', 1))).toBe('accepted');
      expect(code(() => dept.run('7', 'Another name', null, null, 1))).toBe('SQLITE_CONSTRAINT_UNIQUE');
      expect(code(() => dept.run('8', null, null, null, 1))).toBe('SQLITE_CONSTRAINT_NOTNULL');
    });
  });
  describe('migration: the covering index carries the case key (stability for children)', () => {
    const version = MIGRATIONS.findIndex((m) => m.name.startsWith('allocation: the covering index carries the case key')) + 1;
    it('rebuilds allocation_cover with the case key, keeps every row, and the children read never touches the table', () => {
      expect(version).toBeGreaterThan(3);
      const { db, file } = tempDb({ targetVersion: version - 1 });
      db.prepare(`INSERT INTO import_log (id, file_name, sha256, source, layout, started_at, outcome) VALUES (1, 'a.csv', 'x', 'allocations', 'canonical', '2024-01-01', 'imported')`).run();
      const ins = db.prepare(`INSERT INTO allocation (case_key, case_type, staff_id, start_date, end_date, import_id) VALUES (?, ?, ?, ?, ?, 1)`);
      ins.run('k1', 'CIN', 'S1', '2020-01-01', null);
      ins.run('k1', 'CIN', 'S2', '2019-01-01', '2019-12-31');
      ins.run('k2', 'CLA', 'S1', '2020-06-01', '2020-06-30');
      const before = db.prepare(`SELECT * FROM allocation ORDER BY id`).all();
      db.close();
      const after = openDatabase(file, { targetVersion: version });
      try {
        expect(after.prepare(`SELECT * FROM allocation ORDER BY id`).all()).toEqual(before);
        const cols = (after.prepare(`SELECT name FROM pragma_index_xinfo('allocation_cover') WHERE key = 1 ORDER BY seqno`).all() as { name: string | null }[]).map((r) => r.name);
        expect(cols).toEqual([null, 'start_date', 'staff_id', 'case_type', 'case_key']);
        const plan = (after.prepare(`EXPLAIN QUERY PLAN SELECT case_key, case_type, staff_id, start_date, coalesce(end_date, '9999-12-31') FROM allocation INDEXED BY allocation_cover WHERE coalesce(end_date, '9999-12-31') >= ? AND start_date <= ?`).all('2019-06-01', '2020-06-30') as { detail: string }[]).map((r) => r.detail).join(' ');
        expect(plan).toMatch(/COVERING INDEX allocation_cover/);
        expect(after.prepare(`SELECT count(*) AS n FROM allocation INDEXED BY allocation_cover WHERE coalesce(end_date, '9999-12-31') >= '2020-01-01' AND start_date <= '2020-06-30'`).get()).toEqual({ n: 2 });
        expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        after.close();
      }
    });
  });
  // migration 7 (trustimport): found by name, because the integrator orders the migrations of parallel work.
  describe('migration 7 (trustimport): import_confirm', () => {
    const version = versionAfter('import_confirm:');
    it('adds the record of rows an import repeated unchanged, keeping every row and journal entry', () => {
      const { db, file } = tempDb({ targetVersion: version - 1 });
      db.prepare(`INSERT INTO import_log (id, file_name, sha256, source, layout, started_at, outcome) VALUES (1, 'a.csv', 'x', 'allocations', 'canonical', '2024-01-01', 'imported')`).run();
      db.prepare(`INSERT INTO allocation (id, case_key, case_type, staff_id, start_date, import_id) VALUES (5, 'k', 'CIN', 'S1', '2020-01-01', 1)`).run();
      db.prepare(`INSERT INTO import_change (import_id, table_name, row_id, before_json) VALUES (1, 'allocation', 5, '{}')`).run();
      db.close();
      const after = openDatabase(file, { targetVersion: version });
      try {
        expect(schemaVersion(after)).toBe(version);
        expect(tables(after)).toContain('import_confirm');
        expect(after.prepare(`SELECT strict FROM pragma_table_list WHERE name = 'import_confirm'`).get()).toEqual({ strict: 1 });
        expect(after.prepare(`SELECT COUNT(*) AS n FROM allocation`).get()).toEqual({ n: 1 });
        expect(after.prepare(`SELECT COUNT(*) AS n FROM import_change`).get()).toEqual({ n: 1 });
        after.prepare(`INSERT INTO import_confirm (import_id, table_name, row_id) VALUES (1, 'allocation', 5)`).run();
        // An unknown import is refused, as in the journal of changes.
        expect(() => after.prepare(`INSERT INTO import_confirm (import_id, table_name, row_id) VALUES (9, 'allocation', 5)`).run()).toThrow(/FOREIGN KEY/);
        const indexes = after.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND name IN ('import_confirm_row', 'import_confirm_import', 'import_change_row') ORDER BY name`).all();
        expect(indexes).toEqual([{ name: 'import_change_row' }, { name: 'import_confirm_import' }, { name: 'import_confirm_row' }]);
      } finally {
        after.close();
      }
    });
  });

  // migration (trustrest): found by name, since the integrator orders the migrations.
  describe('migration: import_unrecorded_repeat', () => {
    const version = versionAfter('import_unrecorded_repeat:');
    it('lists the imports made before import_confirm that repeated stored rows, and no other', () => {
      const { db, file } = tempDb({ targetVersion: version - 1 });
      const log = db.prepare(`INSERT INTO import_log (id, file_name, sha256, source, layout, started_at, outcome, rows_unchanged) VALUES (?, ?, 'x', ?, 'canonical', '2024-01-01', 'imported', ?)`);
      log.run(1, 'a.csv', 'allocations', 0);
      log.run(2, 'b.csv', 'allocations', 5); // repeated 5 rows, no record: listed
      log.run(3, 'c.csv', 'allocations', 1); // repeated 1 row, recorded: not listed
      log.run(4, 'dfe.csv', 'benchmark', 900); // a DfE edition: its own rule
      db.prepare(`INSERT INTO allocation (id, case_key, case_type, staff_id, start_date, import_id) VALUES (5, 'k', 'CIN', 'S1', '2020-01-01', 1)`).run();
      db.prepare(`INSERT INTO import_confirm (import_id, table_name, row_id) VALUES (3, 'allocation', 5)`).run();
      db.close();
      const after = openDatabase(file, { targetVersion: version });
      try {
        expect(after.prepare(`SELECT import_id FROM import_unrecorded_repeat`).pluck().all()).toEqual([2]);
        expect(after.prepare(`SELECT strict FROM pragma_table_list WHERE name = 'import_unrecorded_repeat'`).get()).toEqual({ strict: 1 });
        expect(() => after.prepare(`INSERT INTO import_unrecorded_repeat (import_id) VALUES (99)`).run()).toThrow(/FOREIGN KEY/);
        expect(after.prepare(`SELECT COUNT(*) FROM allocation`).pluck().get()).toBe(1);
      } finally {
        after.close();
      }
    });
  });

  // migration 8 (trustkeys)
  describe('migration 8: a database id naming the case key kept outside the database', () => {
    const at = MIGRATIONS.findIndex((m) => m.name.startsWith('database id naming the case key'));
    const idOf = (db: Database.Database) => (db.prepare(`SELECT value FROM meta WHERE key = 'database_id'`).get() as { value: string } | undefined)?.value;

    it('gives each database its own random id and keeps an id already there', () => {
      expect(at).toBeGreaterThanOrEqual(0);
      const a = tempDb({ targetVersion: at });
      expect(idOf(a.db)).toBeUndefined();
      MIGRATIONS[at]!.up(a.db);
      const b = tempDb();
      expect(idOf(a.db)).toMatch(/^[0-9a-f]{32}$/);
      expect(idOf(b.db)).toMatch(/^[0-9a-f]{32}$/);
      expect(idOf(a.db)).not.toBe(idOf(b.db));
      // Run again (a restored backup that already has one): the id is kept, never replaced.
      const first = idOf(a.db);
      MIGRATIONS[at]!.up(a.db);
      expect(idOf(a.db)).toBe(first);
    });
  });

  // census: found by name, because the integrator appends it after the migrations already on main.
  describe('migration: census items on spells and the LA-level module', () => {
    const at = MIGRATIONS.findIndex((m) => m.name.startsWith('census return: Cases30'));
    it('adds the census columns (checked) to spell, keeps existing spells, and creates census_la_level (STRICT, one row per census date)', () => {
      expect(at).toBeGreaterThanOrEqual(3);
      const { db } = tempDb({ targetVersion: at });
      expect(db.prepare(`SELECT COUNT(*) AS n FROM pragma_table_info('spell') WHERE name = 'cases_30'`).get()).toEqual({ n: 0 });
      db.prepare(`INSERT INTO import_log (id, file_name, sha256, source, layout, started_at, outcome) VALUES (1, 'f.csv', 'x', 'workers', 'canonical', '2024-01-01', 'imported')`).run();
      db.prepare(`INSERT INTO spell (staff_id, role, employment_type, fte, start_date, import_id) VALUES ('S1', 'case_holder', 'permanent', 1, '2020-01-01', 1)`).run();
      migrate(db, MIGRATIONS.slice(0, at + 1));
      expect(schemaVersion(db)).toBe(at + 1);
      expect(db.prepare(`SELECT staff_id, census_date, cases_30, cfkss_status, start_origin, leaver_destination FROM spell`).all()).toEqual([
        { staff_id: 'S1', census_date: null, cases_30: null, cfkss_status: null, start_origin: null, leaver_destination: null },
      ]);
      const ins = db.prepare(
        `INSERT INTO spell (staff_id, role, employment_type, fte, start_date, census_date, cases_30, cfkss_status, start_origin, leaver_destination, import_id)
         VALUES (?, 'case_holder', 'permanent', 1, '2021-01-01', ?, ?, ?, ?, ?, 1)`,
      );
      ins.run('S2', '2025-09-30', 12, '1,3', 1, 9);
      expect(() => ins.run('S3', '30/09/2025', 1, null, null, null)).toThrow(/CHECK/);
      expect(() => ins.run('S3', '2025-09-30', -1, null, null, null)).toThrow(/CHECK/);
      expect(() => ins.run('S3', '2025-09-30', 1, '5', null, null)).toThrow(/CHECK/);
      expect(() => ins.run('S3', '2025-09-30', 1, '', null, null)).toThrow(/CHECK/);
      expect(() => ins.run('S3', '2025-09-30', 1, null, 11, null)).toThrow(/CHECK/);
      expect(() => ins.run('S3', '2025-09-30', 1, null, null, 10)).toThrow(/CHECK/);
      const la = db.prepare(`INSERT INTO census_la_level (census_date, la_code, vacancies_fte, agency_cover_fte, agency_cover_headcount, import_id) VALUES (?, '999', ?, 2, 2, 1)`);
      la.run('2025-09-30', 3.5);
      expect(() => la.run('2025-09-30', 1)).toThrow(/UNIQUE/);
      expect(() => la.run('2024-09-30', -1)).toThrow(/CHECK/);
      expect(db.prepare(`SELECT strict FROM pragma_table_list WHERE name = 'census_la_level'`).get()).toEqual({ strict: 1 });
    });
  });

  // migration 6 (xlsx): found by name, since the integrator orders the migrations.
  describe('migration: value rules', () => {
    const version = MIGRATIONS.findIndex((m) => m.name.startsWith('value rules')) + 1;
    it("creates value_rule: one placement per field and matched value, only for the worded fields", () => {
      const { db } = tempDb({ targetVersion: version });
      expect(version).toBeGreaterThan(3);
      expect(tables(db)).toContain('value_rule');
      const ins = db.prepare(`INSERT INTO value_rule (field, value_key, value, placed, updated_at) VALUES (?, ?, ?, ?, '2025-01-01')`);
      ins.run('role', 'practiceeducator', 'Practice Educator', 'case_holder');
      expect(() => ins.run('role', 'practiceeducator', 'practice educator', 'senior_practitioner')).toThrow(/UNIQUE|PRIMARY KEY/);
      expect(() => ins.run('team', 'north', 'North', 'x')).toThrow(/CHECK/);
      expect(() => ins.run('role', '', 'Blank', 'case_holder')).toThrow(/CHECK/);
      ins.run('employment_type', 'practiceeducator', 'Practice Educator', 'permanent');
      expect(db.prepare('SELECT COUNT(*) AS n FROM value_rule').get()).toEqual({ n: 2 });
    });
  });

  // migration (agencycap): found by name, since the integrator orders the migrations.
  describe('migration: agency charge rates and price caps', () => {
    const at = MIGRATIONS.findIndex((m) => m.name.startsWith('agency assignments: charge rate'));
    it('adds charge rate, region and assignment reference (checked) to spell, keeps existing spells, and creates agency_cap (STRICT, one cap per region, role and date, case ignored)', () => {
      expect(at).toBeGreaterThan(3);
      const { db } = tempDb({ targetVersion: at });
      expect(db.prepare(`SELECT COUNT(*) AS n FROM pragma_table_info('spell') WHERE name = 'charge_rate'`).get()).toEqual({ n: 0 });
      db.prepare(`INSERT INTO import_log (id, file_name, sha256, source, layout, started_at, outcome) VALUES (1, 'f.csv', 'x', 'agency', 'canonical', '2024-01-01', 'imported')`).run();
      db.prepare(`INSERT INTO spell (staff_id, role, employment_type, fte, start_date, import_id) VALUES ('A1', 'case_holder', 'agency', 1, '2020-01-01', 1)`).run();
      migrate(db, MIGRATIONS.slice(0, at + 1));
      expect(schemaVersion(db)).toBe(at + 1);
      expect(db.prepare(`SELECT staff_id, charge_rate, region, assignment_ref FROM spell`).all()).toEqual([
        { staff_id: 'A1', charge_rate: null, region: null, assignment_ref: null },
      ]);
      const ins = db.prepare(`INSERT INTO spell (staff_id, role, employment_type, fte, start_date, charge_rate, region, assignment_ref, import_id) VALUES (?, 'case_holder', 'agency', 1, '2021-01-01', ?, ?, ?, 1)`);
      ins.run('A2', 45.5, 'London', 'AS-1');
      expect(() => ins.run('A3', 0, null, null)).toThrow(/CHECK/);
      expect(() => ins.run('A3', 'forty', null, null)).toThrow(/CHECK|cannot store TEXT/);
      expect(() => ins.run('A3', null, '', null)).toThrow(/CHECK/);
      expect(() => ins.run('A3', null, null, '')).toThrow(/CHECK/);
      const cap = db.prepare(`INSERT INTO agency_cap (region, role_title, role, max_rate, effective_from, import_id) VALUES (?, ?, ?, ?, ?, 1)`);
      cap.run('London', 'Social worker', 'case_holder', 45, '2025-04-01');
      expect(() => cap.run('LONDON', 'social worker', 'case_holder', 46, '2025-04-01')).toThrow(/UNIQUE/);
      cap.run('London', 'Social worker', 'case_holder', 47, '2026-04-01');
      expect(() => cap.run('London', 'Team manager', 'team_manager', 50, '2025-04-01')).toThrow(/CHECK/);
      expect(() => cap.run('London', 'Team manager', 'first_line_manager', -1, '2025-04-01')).toThrow(/CHECK/);
      expect(() => cap.run('London', 'Team manager', 'first_line_manager', 50, '01/04/2025')).toThrow(/CHECK/);
      expect(db.prepare(`SELECT strict FROM pragma_table_list WHERE name = 'agency_cap'`).get()).toEqual({ strict: 1 });
    });
  });

  // migration (importux)
  describe('migration (importux): import batches', () => {
    const version = versionAfter('import batches:');
    it('adds batch_id to the import log, keeping every import (none in a batch) and refusing an empty id', () => {
      const { db, file } = tempDb({ targetVersion: version - 1 });
      db.prepare(`INSERT INTO import_log (id, file_name, sha256, source, layout, started_at, outcome) VALUES (1, 'a.csv', 'x', 'workers', 'canonical', '2024-01-01', 'imported')`).run();
      db.close();
      const after = openDatabase(file, { targetVersion: version });
      try {
        expect(schemaVersion(after)).toBe(version);
        expect(after.prepare(`SELECT id, batch_id FROM import_log`).all()).toEqual([{ id: 1, batch_id: null }]);
        after.prepare(`UPDATE import_log SET batch_id = 'b1' WHERE id = 1`).run();
        expect(code(() => after.prepare(`UPDATE import_log SET batch_id = '' WHERE id = 1`).run())).toBe('SQLITE_CONSTRAINT_CHECK');
        expect(after.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND name = 'import_log_batch'`).get()).toEqual({ name: 'import_log_batch' });
      } finally {
        after.close();
      }
    });
  });
});
