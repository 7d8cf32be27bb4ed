import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { importDfeFile, DfeImportError } from '../../electron/benchmarks/import-dfe';
import { DFE_DIR, tempDb, tempDir } from '../support/tmp';
import type { Db } from '../../electron/db/open';

const INDICATORS = path.join(DFE_DIR, 'csww_indicators_2017_to_2025.csv');
const NEIGHBOURS = path.join(DFE_DIR, 'statistical_neighbours_2021.csv');

type Row = Record<string, unknown>;
const laRow = (db: Db, year: number, code: string) =>
  db.prepare(`SELECT * FROM dfe_indicator WHERE year = ? AND level = 'Local authority' AND geo_code = ?`).get(year, code) as Row | undefined;

describe('importing the DfE indicator file as published', () => {
  let db: Db;
  beforeAll(async () => {
    db = tempDb().db;
    const result = await importDfeFile(db, { file: INDICATORS, source: 'benchmark' });
    expect(result.outcome).toBe('imported');
  });

  it('keeps every row of the file: 9 years x (England + 11 regions + councils)', () => {
    // README: 1,463 rows; 2017 to 2025.
    expect(db.prepare(`SELECT count(*) AS n FROM dfe_indicator`).get()).toEqual({ n: 1463 });
    expect(db.prepare(`SELECT min(year) AS a, max(year) AS b FROM dfe_indicator`).get()).toEqual({ a: 2017, b: 2025 });
  });

  it('reads Nottingham 2018 as DOMAIN.md quotes it', () => {
    const r = laRow(db, 2018, '892')!;
    expect(r.la_name).toBe('Nottingham');
    expect(r.turnover_rate_fte).toBe(15.0);
    expect(r.agency_rate_fte).toBe(8.8);
    expect(r.caseload_fte).toBe(18.8);
    expect(r.inpost_fte).toBe(238.0);
    expect(r.inpost_headcount).toBe(253);
    expect(r.cases).toBe(2639);
    expect(r.turnover_rate_fte_symbol).toBeNull();
  });

  it('reads England 2024 turnover as 13.9%', () => {
    const r = db.prepare(`SELECT turnover_rate_fte, geo_code FROM dfe_indicator WHERE year = 2024 AND level = 'National'`).get() as Row;
    expect(r).toEqual({ turnover_rate_fte: 13.9, geo_code: 'E92000001' });
  });

  it('keeps a symbol-only cell as not available, never a number or zero', () => {
    // Nottinghamshire (891) 2019, vacancy_agency_cover_rate_fte is "u" in the file.
    const r = laRow(db, 2019, '891')!;
    expect(r.vacancy_agency_cover_rate_fte).toBeNull();
    expect(r.vacancy_agency_cover_rate_fte_symbol).toBe('u');
    // Sunderland (394) 2024, agency rate "low" (rounds to zero) is still not a 0.
    const s = laRow(db, 2024, '394')!;
    expect(s.agency_rate_fte).toBeNull();
    expect(s.agency_rate_fte_symbol).toBe('low');
    // Every symbol in the file survives: c, x, z, u and low all appear.
    const symbols = new Set<string>();
    for (const row of db.prepare(`SELECT * FROM dfe_indicator`).all() as Row[]) {
      for (const [k, v] of Object.entries(row)) if (k.endsWith('_symbol') && typeof v === 'string') symbols.add(v);
    }
    expect([...symbols].sort()).toEqual(['c', 'low', 'u', 'x', 'z']);
  });

  it('keeps a combined code such as "940 / 941" as text, not as the number 940', () => {
    const r = laRow(db, 2024, '940 / 941')!;
    expect(r.old_la_code).toBe('940 / 941');
    expect(r.la_name).toBe('North Northamptonshire / West Northamptonshire');
    expect(r.inpost_fte).toBe(379.5);
    expect(laRow(db, 2024, '940')).toBeUndefined();
  });

  it('logs the import with its layout, hash and counts', () => {
    const log = db.prepare(`SELECT * FROM import_log ORDER BY id`).all() as Row[];
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ file_name: 'csww_indicators_2017_to_2025.csv', source: 'benchmark', layout: 'dfe-csww-indicators', rows_read: 1463, rows_inserted: 1463, outcome: 'imported' });
    expect(log[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('re-importing the same file changes nothing and says so', async () => {
    const before = db.prepare(`SELECT id, import_id FROM dfe_indicator ORDER BY id`).all();
    const again = await importDfeFile(db, { file: INDICATORS, source: 'benchmark' });
    expect(again.outcome).toBe('no_change');
    expect(again.message).toMatch(/same file as import #1/);
    expect(db.prepare(`SELECT id, import_id FROM dfe_indicator ORDER BY id`).all()).toEqual(before);
    expect(db.prepare(`SELECT outcome FROM import_log WHERE id = ?`).get(again.importId)).toEqual({ outcome: 'no_change' });
    expect(db.prepare(`SELECT count(*) AS n FROM import_change`).get()).toEqual({ n: 0 });
  });
});

describe('a newer edition of the indicator file', () => {
  it('replaces the years it covers, journals what it replaced and leaves the other years alone', async () => {
    const { db } = tempDb();
    await importDfeFile(db, { file: INDICATORS, source: 'benchmark' });
    // A revised edition covering only 2024 and 2025, with Nottingham's 2025 turnover revised.
    const lines = fs.readFileSync(INDICATORS, 'utf8').split('\n');
    const header = lines[0]!;
    const kept = lines.slice(1).filter((l) => l.startsWith('2024,') || l.startsWith('2025,'));
    const notts = kept.findIndex((l) => l.startsWith('2025,') && l.includes(',892,E06000018,Nottingham,'));
    const cells = kept[notts]!.split(',');
    expect(cells[16]).toBe('12.5'); // turnover_rate_fte as first published
    cells[16] = '12.9';
    kept[notts] = cells.join(',');
    // One council dropped from 2024 in the new edition.
    const dropped = kept.findIndex((l) => l.startsWith('2024,') && l.includes(',891,E10000024,'));
    kept.splice(dropped, 1);
    const file = path.join(tempDir(), 'csww_indicators_2024_to_2025_revised.csv');
    fs.writeFileSync(file, [header, ...kept].join('\n') + '\n');

    const before2025 = laRow(db, 2025, '892')!;
    const before891 = laRow(db, 2024, '891')!;
    const result = await importDfeFile(db, { file, source: 'benchmark' });
    expect(result.outcome).toBe('imported');
    expect(result.years).toEqual([2024, 2025]);
    expect(result.rowsUpdated).toBe(1);
    expect(result.rowsRemoved).toBe(1);
    expect(result.rowsInserted).toBe(0);
    expect(result.rowsUnchanged).toBe(kept.length - 1);

    expect(laRow(db, 2025, '892')!.turnover_rate_fte).toBe(12.9);
    expect(laRow(db, 2024, '891')).toBeUndefined();
    // Years the new edition does not cover are untouched.
    expect(laRow(db, 2018, '892')).toMatchObject({ turnover_rate_fte: 15.0, import_id: 1 });

    // The changed row and the removed row are journaled in full, with their ids, for undo;
    // the changed row keeps its id (the import pipeline's convention for updates).
    const journal = db.prepare(`SELECT * FROM import_change WHERE import_id = ? ORDER BY row_id`).all(result.importId) as Array<{ table_name: string; row_id: number; before_json: string }>;
    expect(journal.map((j) => j.row_id).sort((a, b) => a - b)).toEqual([before2025.id as number, before891.id as number].sort((a, b) => a - b));
    expect(journal.every((j) => j.table_name === 'dfe_indicator')).toBe(true);
    expect(JSON.parse(journal.find((j) => j.row_id === before2025.id)!.before_json)).toEqual(before2025);
    expect(JSON.parse(journal.find((j) => j.row_id === before891.id)!.before_json)).toEqual(before891);
    expect(laRow(db, 2025, '892')!.id).toBe(before2025.id);
  });

  it('reads an edition saved with Windows line endings the same, and keeps quoted names with commas whole', async () => {
    const { db } = tempDb();
    const file = path.join(tempDir(), 'crlf.csv');
    fs.writeFileSync(file, fs.readFileSync(INDICATORS, 'utf8').replace(/\n/g, '\r\n'));
    const r = await importDfeFile(db, { file, source: 'benchmark' });
    expect(r.rowsInserted).toBe(1463);
    expect(laRow(db, 2018, '892')!.turnover_rate_fte).toBe(15.0);
    expect(laRow(db, 2025, '839')!.la_name).toBe('Bournemouth, Christchurch and Poole');
    expect(laRow(db, 2025, '892')!.absence_rate_fte_symbol).toBeNull();
  });

  it('refuses a file with a malformed row, naming the line, and changes nothing', async () => {
    const { db } = tempDb();
    const lines = fs.readFileSync(INDICATORS, 'utf8').split('\n');
    lines[5] = lines[5]!.replace(/^2025,/, '2025/26,');
    const file = path.join(tempDir(), 'bad.csv');
    fs.writeFileSync(file, lines.join('\n'));
    await expect(importDfeFile(db, { file, source: 'benchmark' })).rejects.toThrow(/line 6: time_period "2025\/26" is not a year.*Nothing was changed/);
    expect(db.prepare(`SELECT count(*) AS n FROM dfe_indicator`).get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT count(*) AS n FROM import_log`).get()).toEqual({ n: 0 });
  });

  it('refuses a file that is not the DfE indicator file, changing nothing', async () => {
    const { db } = tempDb();
    const file = path.join(tempDir(), 'workers.csv');
    fs.writeFileSync(file, 'staff_id,role,fte\nS1,case_holder,1\n');
    await expect(importDfeFile(db, { file, source: 'benchmark' })).rejects.toThrow(DfeImportError);
    await expect(importDfeFile(db, { file, source: 'benchmark' })).rejects.toThrow(/does not look like the DfE children's social work workforce indicator file/);
    await expect(importDfeFile(db, { file: NEIGHBOURS, source: 'benchmark' })).rejects.toThrow(/statistical-neighbour file, not the indicator file: import it with --source neighbours/);
    await expect(importDfeFile(db, { file: INDICATORS, source: 'neighbours' })).rejects.toThrow(/indicator file, not the statistical-neighbour file: import it with --source benchmark/);
    await expect(importDfeFile(db, { file: path.join(tempDir(), 'missing.csv'), source: 'benchmark' })).rejects.toThrow(/does not exist/);
    expect(db.prepare(`SELECT count(*) AS n FROM import_log`).get()).toEqual({ n: 0 });
  });
});

describe('importing the statistical-neighbour file as published', () => {
  let db: Db;
  beforeAll(async () => {
    db = tempDb().db;
    await importDfeFile(db, { file: NEIGHBOURS, source: 'neighbours' });
  });

  it('reads past the byte-order mark and the repeated SNP headers: Peterborough (874) in file order', () => {
    // From the file: 874,Peterborough,874,2,East of England,831,Very Close,894,Very Close,887,...
    const rows = db.prepare(`SELECT la_name, region_name, position, neighbour_code, closeness FROM dfe_neighbour WHERE la_code = '874' ORDER BY position`).all() as Row[];
    expect(rows.map((r) => r.neighbour_code)).toEqual(['831', '894', '887', '335', '879', '852', '851', '373', '350', '372']);
    expect(rows.map((r) => r.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows.every((r) => r.la_name === 'Peterborough' && r.region_name === 'East of England' && r.closeness === 'Very Close')).toBe(true);
  });

  it('keeps closeness as published and skips the blank and "Old SNs:" heading rows', () => {
    const camden = db.prepare(`SELECT neighbour_code, closeness FROM dfe_neighbour WHERE la_code = '202' ORDER BY position`).all();
    expect(camden.slice(0, 5)).toEqual([
      { neighbour_code: '213', closeness: 'Very Close' },
      { neighbour_code: '205', closeness: 'Close' },
      { neighbour_code: '207', closeness: 'Close' },
      { neighbour_code: '206', closeness: 'Close' },
      { neighbour_code: '212', closeness: 'Somewhat close' },
    ]);
    // 152 current councils + 4 in the "Old SNs:" section (835, 836, 837, 928).
    expect(db.prepare(`SELECT count(DISTINCT la_code) AS n FROM dfe_neighbour`).get()).toEqual({ n: 156 });
    expect(db.prepare(`SELECT la_name FROM dfe_neighbour WHERE la_code = '836' LIMIT 1`).get()).toEqual({ la_name: 'Poole (Pre LG)' });
    expect(db.prepare(`SELECT count(*) AS n FROM dfe_neighbour WHERE la_code = ''`).get()).toEqual({ n: 0 });
  });

  it('a second import of the same file is a no-op; an edited edition replaces the grouping with a journal', async () => {
    const again = await importDfeFile(db, { file: NEIGHBOURS, source: 'neighbours' });
    expect(again.outcome).toBe('no_change');
    const text = fs.readFileSync(NEIGHBOURS, 'utf8');
    const edited = text.replace('874,Peterborough,874,2,East of England,831,Very Close', '874,Peterborough,874,2,East of England,821,Close');
    expect(edited).not.toBe(text);
    const file = path.join(tempDir(), 'statistical_neighbours_2025.csv');
    fs.writeFileSync(file, edited);
    const result = await importDfeFile(db, { file, source: 'neighbours' });
    expect(result).toMatchObject({ outcome: 'imported', rowsUpdated: 1, rowsInserted: 0, rowsRemoved: 0, rowsUnchanged: 155 });
    expect(db.prepare(`SELECT neighbour_code, closeness FROM dfe_neighbour WHERE la_code = '874' AND position = 1`).get()).toEqual({ neighbour_code: '821', closeness: 'Close' });
    // Only the changed neighbour is journaled: Peterborough's first, 831 Very Close as first published.
    const journal = db.prepare(`SELECT table_name, before_json FROM import_change WHERE import_id = ?`).all(result.importId) as Array<{ table_name: string; before_json: string }>;
    expect(journal).toHaveLength(1);
    expect(JSON.parse(journal[0]!.before_json)).toMatchObject({ la_code: '874', position: 1, neighbour_code: '831', closeness: 'Very Close' });
  });
});

describe('backing up before a DfE import', () => {
  it('copies the database first when its path is given, and not for a file already imported', async () => {
    const { db, file } = tempDb();
    const first = await importDfeFile(db, { file: NEIGHBOURS, source: 'neighbours', dbPath: file });
    expect(first.backupPath).not.toBeNull();
    expect(fs.existsSync(first.backupPath!)).toBe(true);
    const again = await importDfeFile(db, { file: NEIGHBOURS, source: 'neighbours', dbPath: file });
    expect(again).toMatchObject({ outcome: 'no_change', backupPath: null });
  });
});

describe('undoing a DfE import with the import pipeline\'s undo', () => {
  it('undoing a newer edition brings the earlier one back; the earlier one cannot be undone first', async () => {
    const { undoImport } = await import('../../electron/import/undo');
    const { db } = tempDb();
    const first = await importDfeFile(db, { file: INDICATORS, source: 'benchmark' });
    const original = db.prepare(`SELECT * FROM dfe_indicator ORDER BY id`).all();
    const lines = fs.readFileSync(INDICATORS, 'utf8').split('\n');
    const file = path.join(tempDir(), 'edition2.csv');
    fs.writeFileSync(file, [lines[0], ...lines.slice(1).filter((l) => l.startsWith('2025,')).map((l) => l.replace(',892,E06000018,Nottingham,230.9,', ',892,E06000018,Nottingham,231.9,'))].join('\n'));
    const second = await importDfeFile(db, { file, source: 'benchmark' });
    expect(laRow(db, 2025, '892')!.inpost_fte).toBe(231.9);
    expect(() => undoImport(db, first.importId)).toThrow(/undo import 2 first/i);
    undoImport(db, second.importId);
    expect(db.prepare(`SELECT * FROM dfe_indicator ORDER BY id`).all()).toEqual(original);
    // The first edition is current again, so importing it once more is a no-op.
    expect((await importDfeFile(db, { file: INDICATORS, source: 'benchmark' })).outcome).toBe('no_change');
  });
});
