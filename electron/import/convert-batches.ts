// The reading half of an import: the file's rows parsed, validated and converted to the values
// stored, in batches, with the problems of the rows that fail. It needs nothing but the file and
// a ConvertJob (plain data, no database), so the same generator runs in the importing thread or
// in a worker thread beside it (convert-thread.ts) while the importing thread writes.
import type { IsoDate } from '../../shared/dates';
import type { CsvSource, RowProblem } from '../../shared/import-types';
import { makeConverter, type PlacementUse, type StoredValue } from './convert';
import type { FteReading } from './fte-reading';
import type { ValueRuleSet } from './value-maps';
import { readRowBatches, type Sniffed } from './csv-stream';
import type { DateOrder } from './date-column';
import type { Binding } from './layouts';
import { caseHasher } from './pseudonym';
import { makeShapeCheck } from './row-shape';
import { TABLES } from './tables';
import { readXlsxRowBatches } from './xlsx-stream';

/** Everything the conversion needs, as data a worker thread can be given. */
export interface ConvertJob {
  file: string;
  sniffed: Sniffed;
  binding: Binding;
  source: CsvSource;
  extractDate: IsoDate;
  /** A census return's 30 September (census layouts). */
  censusDate?: IsoDate;
  dateOrders: Record<string, DateOrder>;
  /** The database's case-ID key (allocations), or null. */
  caseKeySecret: Uint8Array | null;
  /**
   * Where case IDs are hashed: here, as they are converted (the default); or, with a worker
   * thread, 'balanced' (by whichever thread is behind) or 'importer' (always the receiving thread).
   */
  caseIdHashing?: 'here' | 'balanced' | 'importer';
  /** The file is an .xlsx workbook: read this sheet (the first when no name is given). */
  xlsx?: { sheet?: string };
  /** The council's own value rules, and how the FTE column is written. */
  councilValues?: ValueRuleSet;
  fte?: FteReading;
}

export interface ConvertedBatch {
  /** The valid rows' values, one row after another (as many per row as the table has columns). */
  values: StoredValue[];
  /** The file row number of each valid row. */
  rows: number[];
  /** The problems of the rows that failed, in file order. */
  problems: RowProblem[];
  /** How many rows failed (a row can have several problems). */
  rejected: number;
  /**
   * This batch's rows left out on purpose (not errors), counted by reason (see skipKey): the
   * layout's rules and the value rules' "not counted" alike.
   */
  skipped: Record<string, number>;
  /** Data rows read so far (blank lines and the heading row are not data). */
  rowsRead: number;
  /** Every value placed by a rule so far, with its rows (small: one entry per distinct value). */
  placed?: PlacementUse[];
  bytesRead: number;
}

/**
 * For a job whose case IDs are left unhashed: hashes the case-ID column of a batch's values in
 * place (whichever thread calls it). null when the source has no case IDs.
 */
export function caseIdHasherFor(job: ConvertJob): ((values: StoredValue[]) => void) | null {
  const column = TABLES[job.source].columns.indexOf('case_key');
  if (!job.caseKeySecret || column < 0) return null;
  const hash = caseHasher(Buffer.from(job.caseKeySecret));
  const width = TABLES[job.source].columns.length;
  return (values) => {
    for (let i = column; i < values.length; i += width) values[i] = hash(values[i] as string);
  };
}

export async function* convertBatches(job: ConvertJob, signal?: AbortSignal): AsyncGenerator<ConvertedBatch> {
  const hashCase = (job.caseIdHashing ?? 'here') !== 'here' ? (id: string) => id : job.caseKeySecret ? caseHasher(Buffer.from(job.caseKeySecret)) : () => '';
  const convert = makeConverter(job.binding, job.source, {
    extractDate: job.extractDate,
    dateOrders: job.dateOrders,
    hashCase,
    ...(job.censusDate ? { censusDate: job.censusDate } : {}),
    ...(job.councilValues ? { councilValues: job.councilValues } : {}),
    ...(job.fte ? { fte: job.fte } : {}),
  });
  // A workbook has no delimiter or quotes to go wrong (a line break in a cell is Alt+Enter), but
  // its values still get the control-character and length checks.
  const shapeOk = makeShapeCheck(job.binding, job.source, job.xlsx ? null : job.sniffed.delimiter);
  const rowProblems: RowProblem[] = [];
  let headerSeen = false;
  let rowsRead = 0;
  const batches = job.xlsx ? readXlsxRowBatches(job.file, { sheet: job.xlsx.sheet, signal }) : readRowBatches(job.file, job.sniffed, signal ? { signal } : {});
  for await (const batch of batches) {
    const out: ConvertedBatch = { values: [], rows: [], problems: [], rejected: 0, skipped: {}, rowsRead: 0, bytesRead: batch.bytesRead };
    const cellRows = batch.rows;
    for (let i = 0; i < cellRows.length; i++) {
      const cells = cellRows[i]!;
      // Blank lines and Excel's trailing ",,,," rows are not data.
      if (cells.length === 1 ? cells[0]!.trim() === '' : cells.every((c) => c.trim() === '')) continue;
      if (!headerSeen) {
        headerSeen = true;
        continue;
      }
      const rowNumber = batch.firstRow + i;
      rowsRead++;
      rowProblems.length = 0;
      // The row's structure is checked before the layout may skip it: a row that swallowed the
      // next lines through a stray quote is refused, never counted away as skipped.
      const values = shapeOk(cells, rowNumber, batch.plain, rowProblems) ? convert(cells, rowNumber, rowProblems) : null;
      if (typeof values === 'string') {
        out.skipped[values] = (out.skipped[values] ?? 0) + 1;
      } else if (values !== null) {
        for (let v = 0; v < values.length; v++) out.values.push(values[v]!);
        out.rows.push(rowNumber);
      } else {
        out.rejected++;
        for (const p of rowProblems) out.problems.push(p);
      }
    }
    out.rowsRead = rowsRead;
    if (convert.placements.size > 0) {
      out.placed = [...convert.placements.values()].map((u) => ({ ...u }));
    }
    yield out;
  }
}
