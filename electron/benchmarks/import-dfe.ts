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
  /** Earlier rows whose figures the new edition changed (updated in place, before-image journaled). */
  rowsUpdated: number;
  /** Rows identical to the earlier edition's (left as they are). */
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
    const importId = logImport(db, { ...base, outcome: 'no_change', rowsRead: parsed.records.length, message });
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

// Changes follow the import pipeline's convention, so its generic undo and its "undo the later
// import first" check work on these tables too: a row whose figures changed is updated in place
// (same id, same import_id) after its before-image is journaled; a row the new edition no longer
// has is journaled and deleted; a new row is inserted under this import's id.
type StoredRow = Record<string, unknown> & { id: number };

function journal(db: Db, importId: number, table: 'dfe_indicator' | 'dfe_neighbour', row: StoredRow): void {
  db.prepare(`INSERT INTO import_change (import_id, table_name, row_id, before_json) VALUES (?, ?, ?, ?)`).run(importId, table, row.id, JSON.stringify(row));
}

const GEO_COLUMNS = ['year', 'time_identifier', 'level', 'geo_code', 'country_code', 'country_name', 'region_code', 'region_name', 'old_la_code', 'new_la_code', 'la_name'] as const;
const MEASURE_SQL_COLUMNS = INDICATOR_MEASURE_COLUMNS.flatMap((m) => [m, `${m}_symbol`]);
const INDICATOR_COLUMNS = [...GEO_COLUMNS, ...MEASURE_SQL_COLUMNS];
// Column names come from the fixed lists above, never from the file; values are bound.
const INSERT_INDICATOR = `INSERT INTO dfe_indicator (${[...INDICATOR_COLUMNS, 'import_id'].join(', ')})
  VALUES (${[...INDICATOR_COLUMNS, 'import_id'].map(() => '?').join(', ')})`;
const UPDATE_INDICATOR = `UPDATE dfe_indicator SET ${INDICATOR_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`;

function indicatorValues(r: IndicatorRecord): Array<string | number | null> {
  const out: Array<string | number | null> = GEO_COLUMNS.map((c) => r[c]);
  for (const m of INDICATOR_MEASURE_COLUMNS) out.push(r.measures[m].value, r.measures[m].symbol);
  return out;
}

function writeIndicators(db: Db, importId: number, records: IndicatorRecord[]): Counts {
  const counts: Counts = { inserted: 0, updated: 0, unchanged: 0, removed: 0 };
  const years = [...new Set(records.map((r) => r.year))];
  const before = new Map<string, StoredRow>();
  const selectYear = db.prepare(`SELECT * FROM dfe_indicator WHERE year = ?`);
  for (const y of years) {
    for (const row of selectYear.all(y) as StoredRow[]) before.set(`${row.year}|${row.level}|${row.geo_code}`, row);
  }
  const insert = db.prepare(INSERT_INDICATOR);
  const update = db.prepare(UPDATE_INDICATOR);
  for (const r of records) {
    const values = indicatorValues(r);
    const key = `${r.year}|${r.level}|${r.geo_code}`;
    const old = before.get(key);
    before.delete(key);
    if (!old) {
      insert.run(...values, importId);
      counts.inserted++;
    } else if (INDICATOR_COLUMNS.every((c, i) => old[c] === values[i])) {
      counts.unchanged++;
    } else {
      journal(db, importId, 'dfe_indicator', old);
      update.run(...values, old.id);
      counts.updated++;
    }
  }
  // The new edition covers these years but no longer has these rows (e.g. a council merged).
  const del = db.prepare(`DELETE FROM dfe_indicator WHERE id = ?`);
  for (const old of before.values()) {
    journal(db, importId, 'dfe_indicator', old);
    del.run(old.id);
    counts.removed++;
  }
  return counts;
}

function writeNeighbours(db: Db, importId: number, records: NeighbourRecord[]): Counts {
  const counts: Counts = { inserted: 0, updated: 0, unchanged: 0, removed: 0 };
  // A grouping is one consistent set, so a new edition replaces all of it: councils it no
  // longer lists lose their old neighbours rather than keeping a mix of editions.
  const oldRows = db.prepare(`SELECT * FROM dfe_neighbour`).all() as Array<StoredRow & { la_code: string; position: number }>;
  const before = new Map(oldRows.map((r) => [`${r.la_code}|${r.position}`, r]));
  const insert = db.prepare(
    `INSERT INTO dfe_neighbour (la_code, la_name, region_name, position, neighbour_code, closeness, import_id) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare(`UPDATE dfe_neighbour SET la_name = ?, region_name = ?, neighbour_code = ?, closeness = ? WHERE id = ?`);
  const del = db.prepare(`DELETE FROM dfe_neighbour WHERE id = ?`);
  const knownLa = new Set(oldRows.map((r) => r.la_code));
  for (const r of records) {
    let changed = false;
    for (const n of r.neighbours) {
      const key = `${r.la_code}|${n.position}`;
      const old = before.get(key);
      before.delete(key);
      if (!old) {
        insert.run(r.la_code, r.la_name, r.region_name, n.position, n.code, n.closeness, importId);
        changed = true;
      } else if (old.la_name !== r.la_name || old.region_name !== r.region_name || old.neighbour_code !== n.code || old.closeness !== n.closeness) {
        journal(db, importId, 'dfe_neighbour', old);
        update.run(r.la_name, r.region_name, n.code, n.closeness, old.id);
        changed = true;
      }
    }
    // Positions this council had before but no longer has.
    for (let p = 1; p <= 10; p++) {
      const old = before.get(`${r.la_code}|${p}`);
      if (!old) continue;
      journal(db, importId, 'dfe_neighbour', old);
      del.run(old.id);
      before.delete(`${r.la_code}|${p}`);
      changed = true;
    }
    if (!knownLa.has(r.la_code)) counts.inserted++;
    else if (changed) counts.updated++;
    else counts.unchanged++;
    knownLa.delete(r.la_code);
  }
  for (const old of before.values()) {
    journal(db, importId, 'dfe_neighbour', old);
    del.run(old.id);
  }
  counts.removed = knownLa.size;
  return counts;
}
