// Undoing a DfE import while a later edition of the same file is in place (issue 16): the later
// edition may repeat the earlier one's rows unchanged, recording nothing, so deleting the earlier
// import's rows took a year of figures from an edition still in place. It is refused, naming the
// later edition; undone newest first, the database is as if neither had been imported.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { importDfeFile } from '../../electron/benchmarks/import-dfe';
import { undoImport } from '../../electron/import/undo';
import { DFE_DIR, tempDb, tempDir } from '../support/tmp';
import type { Db } from '../../electron/db/open';

const INDICATORS = path.join(DFE_DIR, 'csww_indicators_2017_to_2025.csv');
const NEIGHBOURS = path.join(DFE_DIR, 'statistical_neighbours_2021.csv');

const all = (db: Db, table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
const state = (db: Db) => ({ indicators: all(db, 'dfe_indicator'), neighbours: all(db, 'dfe_neighbour'), journal: all(db, 'import_change') });

/** The 2025 rows of the published file, byte for byte: a later download covering one year. */
function only2025(): string {
  const lines = fs.readFileSync(INDICATORS, 'utf8').split('\n');
  const file = path.join(tempDir(), 'csww_indicators_2025.csv');
  fs.writeFileSync(file, [lines[0], ...lines.slice(1).filter((l) => l.startsWith('2025,'))].join('\n') + '\n');
  return file;
}

describe('undoing a DfE import with a later edition in place', () => {
  it('an earlier edition whose 2025 rows a later one repeated unchanged is refused, naming the later one; nothing changes', async () => {
    const { db } = tempDb();
    const first = await importDfeFile(db, { file: INDICATORS, source: 'benchmark' });
    const second = await importDfeFile(db, { file: only2025(), source: 'benchmark' });
    expect(second).toMatchObject({ outcome: 'imported', rowsInserted: 0, rowsUpdated: 0 });
    expect(second.rowsUnchanged).toBeGreaterThan(100);
    const before = state(db);
    expect(() => undoImport(db, first.importId)).toThrow(
      `Import ${first.importId} (csww_indicators_2017_to_2025.csv) cannot be undone while a later edition of the DfE indicator file, which replaces the years it covers, import ${second.importId} (csww_indicators_2025.csv), is in place`,
    );
    expect(() => undoImport(db, first.importId)).toThrow(`Undo import ${second.importId} first, then import ${first.importId}. Nothing was changed.`);
    expect(state(db)).toEqual(before);
    // The 2025 figures the later edition holds are still there.
    expect((db.prepare(`SELECT COUNT(*) AS n FROM dfe_indicator WHERE year = 2025`).get() as { n: number }).n).toBe(second.rowsUnchanged);
  });

  it('undone newest first, the tables are as if neither edition had been imported', async () => {
    const { db } = tempDb();
    const empty = state(db);
    const first = await importDfeFile(db, { file: INDICATORS, source: 'benchmark' });
    const afterFirst = state(db);
    const second = await importDfeFile(db, { file: only2025(), source: 'benchmark' });
    undoImport(db, second.importId);
    expect(state(db)).toEqual(afterFirst);
    undoImport(db, first.importId);
    expect(state(db)).toEqual(empty);
  });

  it('several later editions are all named, the newest to undo first; an undone one no longer counts', async () => {
    const { db } = tempDb();
    const first = await importDfeFile(db, { file: INDICATORS, source: 'benchmark' });
    const second = await importDfeFile(db, { file: only2025(), source: 'benchmark' });
    // The same bytes again while the second is current: logged as no change, still an edition in place.
    const third = await importDfeFile(db, { file: INDICATORS, source: 'benchmark' });
    expect(() => undoImport(db, first.importId)).toThrow(new RegExp(`imports ${third.importId} \\(.*\\), ${second.importId} \\(.*\\), is in place.*Undo import ${third.importId} first \\(newest first\\)`));
    undoImport(db, third.importId);
    expect(() => undoImport(db, first.importId)).toThrow(new RegExp(`import ${second.importId} \\(csww_indicators_2025\\.csv\\), is in place`));
  });

  it('the statistical neighbours: a later grouping blocks the earlier one; a later indicator file does not', async () => {
    const { db } = tempDb();
    const neighbours = await importDfeFile(db, { file: NEIGHBOURS, source: 'neighbours' });
    const indicators = await importDfeFile(db, { file: INDICATORS, source: 'benchmark' });
    const copy = path.join(tempDir(), 'statistical_neighbours_copy.csv');
    fs.writeFileSync(copy, fs.readFileSync(NEIGHBOURS, 'utf8') + '\n');
    const regrouped = await importDfeFile(db, { file: copy, source: 'neighbours' });
    expect(() => undoImport(db, neighbours.importId)).toThrow(
      `cannot be undone while a later edition of the statistical neighbours file, which replaces the whole grouping, import ${regrouped.importId} (statistical_neighbours_copy.csv), is in place`,
    );
    undoImport(db, regrouped.importId);
    const indicatorRows = all(db, 'dfe_indicator');
    undoImport(db, neighbours.importId);
    expect(all(db, 'dfe_neighbour')).toEqual([]);
    expect(all(db, 'dfe_indicator')).toEqual(indicatorRows);
    expect(indicators.outcome).toBe('imported');
  });
});
