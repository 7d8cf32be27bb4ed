// Importing a DfE file (`import --source benchmark|neighbours`): the indicator file replaces the
// years it covers, the neighbour file replaces the whole grouping. Everything happens in one
// transaction, with an import_log row and the before-image of every row replaced, so the
// generic undo can put the previous edition back exactly.
import path from 'node:path';
import type { Db } from '../db/open';
import { readDfeCsv, DfeImportError } from './dfe-csv';
import { parseIndicators, type IndicatorRecord } from './parse-indicators';
import { parseNeighbours, type NeighbourRecord } from './parse-neighbours';
import { INDICATOR_MEASURE_COLUMNS } from './indicator-columns';
import { backupIfAvailable } from './backup';

export { DfeImportError };

export type DfeSource = 'benchmark' | 'neighbours';

export interface DfeImportOptions {
  file: string;
  source: DfeSource;
  /** The database file; when given, it is backed up before the import (if the import module offers backups). */
  dbPath?: string;
}

export interface DfeImportResult {
  importId: number;
  outcome: 'imported' | 'no_change';
  source: DfeSource;
  layout: 'dfe-csww-indicators' | 'dfe-statistical-neighbours';
  fileName: string;
  sha256: string;
  /** Rows of the file: year x geography for indicators, councils for neighbours. */
  rowsRead: number;
  rowsInserted: number;
  /** Rows that replaced an earlier edition's row with different figures. */
  rowsUpdated: number;
  /** Rows identical to the earlier edition's (still re-stamped as this edition's). */
  rowsUnchanged: number;
  /** Earlier rows of the replaced years (or grouping) that the new edition no longer has. */
  rowsRemoved: number;
  /** Years the file covers (indicators only). */
  years: number[];
  backupPath: string | null;
  message: string;
}

const LAYOUT = { benchmark: 'dfe-csww-indicators', neighbours: 'dfe-statistical-neighbours' } as const;

export async function importDfeFile(db: Db, options: DfeImportOptions): Promise<DfeImportResult> {
  const { file, source } = options;
  if (source !== 'benchmark' && source !== 'neighbours') {
    throw new DfeImportError(`Unknown DfE source "${String(source)}": use "benchmark" for the indicator file or "neighbours" for the statistical-neighbour file.`);
  }
  const fileName = path.basename(file);
  const csv = await readDfeCsv(file);
  // Parse fully before writing anything, so a wrong file changes nothing.
  const parsed = source === 'benchmark' ? parseIndicators(csv, fileName) : parseNeighbours(csv, fileName);
  const layout = LAYOUT[source];
  const base = { source, layout, fileName, sha256: csv.sha256 } as const;

  const earlier = sameFileStillCurrent(db, source, csv.sha256);
  if (earlier) {
    const message = `"${fileName}" is the same file as import #${earlier.id} (${earlier.started_at.slice(0, 10)}), which is still in place: nothing changed.`;
    const importId = logImport(db, { ...base, outcome: 'no_change', rowsRead: 'records' in parsed ? parsed.records.length : 0, message });
    return { ...base, importId, outcome: 'no_change', rowsRead: parsed.records.length, rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: parsed.records.length, rowsRemoved: 0, years: yearsOf(parsed), backupPath: null, message };
  }

  const backupPath = options.dbPath ? await backupIfAvailable(db, options.dbPath) : null;

  return db.transaction((): DfeImportResult => {
    const importId = logImport(db, { ...base, outcome: 'imported', rowsRead: parsed.records.length, message: null });
    const counts =
      source === 'benchmark'
        ? writeIndicators(db, importId, (parsed as ReturnType<typeof parseIndicators>).records)
        : writeNeighbours(db, importId, (parsed as ReturnType<typeof parseNeighbours>).records);
    const years = yearsOf(parsed);
    const notes: string[] = [];
    if ('missingColumns' in parsed && parsed.missingColumns.length) notes.push(`this edition has no ${parsed.missingColumns.join(', ')} column(s): shown as not published`);
    if ('duplicates' in parsed && parsed.duplicates.length) notes.push(`later listings ignored for ${parsed.duplicates.join(', ')}`);
    const what = source === 'benchmark' ? `${parsed.records.length} rows for ${years.length === 1 ? years[0] : `${years[0]} to ${years[years.length - 1]}`}` : `statistical neighbours for ${parsed.records.length} councils`;
    const message =
      `Imported ${what} from "${fileName}": ${counts.inserted} new, ${counts.updated} changed, ${counts.unchanged} unchanged` +
      (counts.removed ? `, ${counts.removed} earlier rows no longer published removed` : '') +
      (notes.length ? `; ${notes.join('; ')}` : '') + '.';
    db.prepare(
      `UPDATE import_log SET rows_inserted = ?, rows_updated = ?, rows_unchanged = ?, finished_at = ?, message = ? WHERE id = ?`,
    ).run(counts.inserted, counts.updated, counts.unchanged, new Date().toISOString(), message, importId);
    return {
      ...base, importId, outcome: 'imported', rowsRead: parsed.records.length,
      rowsInserted: counts.inserted, rowsUpdated: counts.updated, rowsUnchanged: counts.unchanged, rowsRemoved: counts.removed,
      years, backupPath, message,
    };
  })();
}

function yearsOf(parsed: { records: Array<IndicatorRecord | NeighbourRecord> }): number[] {
  const ys = new Set<number>();
  for (const r of parsed.records) if ('year' in r) ys.add(r.year);
  return [...ys].sort((a, b) => a - b);
}

/**
 * The same bytes were imported before and that import is still the latest of its kind (not
 * undone, not overtaken by another edition), so importing again would change nothing.
 */
function sameFileStillCurrent(db: Db, source: DfeSource, sha256: string): { id: number; started_at: string } | undefined {
  const latest = db
    .prepare(
      `SELECT id, sha256, started_at FROM import_log
        WHERE source = ? AND outcome IN ('imported','partial') AND undone_at IS NULL
        ORDER BY id DESC LIMIT 1`,
    )
    .get(source) as { id: number; sha256: string; started_at: string } | undefined;
  return latest && latest.sha256 === sha256 ? latest : undefined;
}

function logImport(
  db: Db,
  row: { fileName: string; sha256: string; source: DfeSource; layout: string; outcome: 'imported' | 'no_change'; rowsRead: number; message: string | null },
): number {
  const now = new Date().toISOString();
  const info = db
    .prepare(
      `INSERT INTO import_log (file_name, sha256, source, layout, rows_read, rows_unchanged, started_at, finished_at, outcome, message)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(row.fileName, row.sha256, row.source, row.layout, row.rowsRead, row.outcome === 'no_change' ? row.rowsRead : 0, now, row.outcome === 'no_change' ? now : null, row.outcome, row.message);
  return Number(info.lastInsertRowid);
}

interface Counts {
  inserted: number;
  updated: number;
  unchanged: number;
  removed: number;
}

/** Saves the full row (with its id) so undo can restore it, then deletes it. */
function journalAndDelete(db: Db, importId: number, table: 'dfe_indicator' | 'dfe_neighbour', rows: Array<Record<string, unknown> & { id: number }>): void {
  const journal = db.prepare(`INSERT INTO import_change (import_id, table_name, row_id, before_json) VALUES (?, ?, ?, ?)`);
  const del = db.prepare(table === 'dfe_indicator' ? `DELETE FROM dfe_indicator WHERE id = ?` : `DELETE FROM dfe_neighbour WHERE id = ?`);
  for (const r of rows) {
    journal.run(importId, table, r.id, JSON.stringify(r));
    del.run(r.id);
  }
}

const GEO_COLUMNS = ['year', 'time_identifier', 'level', 'geo_code', 'country_code', 'country_name', 'region_code', 'region_name', 'old_la_code', 'new_la_code', 'la_name'] as const;
const MEASURE_SQL_COLUMNS = INDICATOR_MEASURE_COLUMNS.flatMap((m) => [m, `${m}_symbol`]);
// Column names come from the fixed lists above, never from the file; values are bound.
const INSERT_INDICATOR = `INSERT INTO dfe_indicator (${[...GEO_COLUMNS, ...MEASURE_SQL_COLUMNS, 'import_id'].join(', ')})
  VALUES (${[...GEO_COLUMNS, ...MEASURE_SQL_COLUMNS, 'import_id'].map(() => '?').join(', ')})`;

function indicatorValues(r: IndicatorRecord): Array<string | number | null> {
  const out: Array<string | number | null> = GEO_COLUMNS.map((c) => r[c]);
  for (const m of INDICATOR_MEASURE_COLUMNS) out.push(r.measures[m].value, r.measures[m].symbol);
  return out;
}

function writeIndicators(db: Db, importId: number, records: IndicatorRecord[]): Counts {
  const counts: Counts = { inserted: 0, updated: 0, unchanged: 0, removed: 0 };
  const years = [...new Set(records.map((r) => r.year))];
  const before = new Map<string, Record<string, unknown> & { id: number }>();
  const selectYear = db.prepare(`SELECT * FROM dfe_indicator WHERE year = ?`);
  for (const y of years) {
    for (const row of selectYear.all(y) as Array<Record<string, unknown> & { id: number }>) before.set(`${row.year}|${row.level}|${row.geo_code}`, row);
  }
  journalAndDelete(db, importId, 'dfe_indicator', [...before.values()]);
  const insert = db.prepare(INSERT_INDICATOR);
  const cols = [...GEO_COLUMNS, ...MEASURE_SQL_COLUMNS];
  for (const r of records) {
    const values = indicatorValues(r);
    insert.run(...values, importId);
    const key = `${r.year}|${r.level}|${r.geo_code}`;
    const old = before.get(key);
    if (!old) counts.inserted++;
    else if (cols.every((c, i) => old[c] === values[i])) counts.unchanged++;
    else counts.updated++;
    before.delete(key);
  }
  counts.removed = before.size;
  return counts;
}

function writeNeighbours(db: Db, importId: number, records: NeighbourRecord[]): Counts {
  const counts: Counts = { inserted: 0, updated: 0, unchanged: 0, removed: 0 };
  // A grouping is one consistent set, so a new edition replaces all of it, not council by council.
  const oldRows = db.prepare(`SELECT * FROM dfe_neighbour ORDER BY la_code, position`).all() as Array<Record<string, unknown> & { id: number; la_code: string }>;
  const signature = (name: unknown, region: unknown, ns: Array<{ position: unknown; code: unknown; closeness: unknown }>) =>
    JSON.stringify([name, region, ns.map((n) => [n.position, n.code, n.closeness])]);
  const oldByLa = new Map<string, string>();
  const grouped = new Map<string, typeof oldRows>();
  for (const r of oldRows) grouped.set(r.la_code, [...(grouped.get(r.la_code) ?? []), r]);
  for (const [la, rows] of grouped) {
    oldByLa.set(la, signature(rows[0]!.la_name, rows[0]!.region_name, rows.map((r) => ({ position: r.position, code: r.neighbour_code, closeness: r.closeness }))));
  }
  journalAndDelete(db, importId, 'dfe_neighbour', oldRows);
  const insert = db.prepare(
    `INSERT INTO dfe_neighbour (la_code, la_name, region_name, position, neighbour_code, closeness, import_id) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const r of records) {
    for (const n of r.neighbours) insert.run(r.la_code, r.la_name, r.region_name, n.position, n.code, n.closeness, importId);
    const old = oldByLa.get(r.la_code);
    if (old === undefined) counts.inserted++;
    else if (old === signature(r.la_name, r.region_name, r.neighbours)) counts.unchanged++;
    else counts.updated++;
    oldByLa.delete(r.la_code);
  }
  counts.removed = oldByLa.size;
  return counts;
}
