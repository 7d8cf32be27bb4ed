// Reading an .xlsx workbook (what iTrent, Oracle and SAP export) as the same row batches the CSV
// reader yields, so detection, validation and error messages are the CSV importer's own. The
// sheet is streamed with exceljs's WorkbookReader (constant memory: rows are read from the zip as
// it is inflated, shared strings are cached once, other sheets are skipped as they pass). Row
// numbers are the sheet's own, so "row 7" is row 7 in Excel; rows above the heading row (a title
// block such as "Workforce report / Run date") come through blank, and the importer's rule that
// the first non-blank row is the heading then finds the real headings.
import fs from 'node:fs';
import type { RowBatch } from './csv-stream';
import { ImportProblem } from './problem';

/** Rows looked at to find the heading row below a title block. */
const HEAD_ROWS = 30;
const BATCH_ROWS = 2000;

/** An .xlsx is a zip archive; an old .xls is an OLE2 compound file, which is refused plainly. */
export function spreadsheetKind(head: Uint8Array): 'xlsx' | 'xls' | null {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'xls';
  return null;
}

export function isXlsxFile(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return false; // the CSV reader reports the missing file in its own words
  }
  try {
    const head = Buffer.alloc(4);
    fs.readSync(fd, head, 0, 4, 0);
    const kind = spreadsheetKind(head);
    if (kind === 'xls') {
      throw new ImportProblem(
        'unreadable',
        `The file ${file} is an old Excel workbook (.xls), which Scrutiny Pack cannot read. Open it in Excel and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8", then import that.`,
      );
    }
    return kind === 'xlsx';
  } finally {
    fs.closeSync(fd);
  }
}

function isoDate(d: Date): string {
  // exceljs turns a date-formatted cell into a Date at UTC midnight of the day Excel shows.
  const day = d.toISOString();
  const time = day.slice(11, 19);
  return time === '00:00:00' ? day.slice(0, 10) : `${day.slice(0, 10)} ${time}`;
}

/** A cell's value as the text a CSV export of the sheet would hold. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : isoDate(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as Array<{ text?: string }>).map((r) => r.text ?? '').join('');
    // A formula's cached result: what Excel showed when the file was saved.
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if ('error' in v) return String(v.error);
    if ('text' in v) return cellText(v.text);
    if ('result' in v) return cellText(v.result);
  }
  return String(value);
}

/** Is this cell a heading's kind of value (text), rather than a number, date or yes/no? */
function isTextCell(value: unknown): boolean {
  if (typeof value === 'string') return true;
  return typeof value === 'object' && value !== null && Array.isArray((value as { richText?: unknown }).richText);
}

interface SheetRow {
  number: number;
  cells: string[];
  filled: number;
  allText: boolean;
}

function sheetRow(number: number, values: unknown): SheetRow {
  // exceljs gives a row's values 1-based (index 0 is empty), sparse where cells are missing.
  const raw = Array.isArray(values) ? values.slice(1) : [];
  const cells: string[] = new Array(raw.length);
  let filled = 0;
  let allText = true;
  for (let i = 0; i < raw.length; i++) {
    const text = cellText(raw[i]).trim() === '' ? '' : cellText(raw[i]);
    cells[i] = text;
    if (text !== '') {
      filled++;
      if (!isTextCell(raw[i])) allText = false;
    }
  }
  return { number, cells, filled, allText };
}

/**
 * The heading row among the first rows: the first whose cells are all text and fill at least
 * three fifths of the widest row (a title block has one or two cells, a "Run date" row holds a
 * date); the first non-blank row when none does.
 */
export function headingRowIndex(rows: readonly SheetRow[]): number {
  const widest = Math.max(0, ...rows.map((r) => r.filled));
  const i = rows.findIndex((r) => r.allText && r.filled >= Math.max(2, Math.ceil(widest * 0.6)));
  return i >= 0 ? i : rows.findIndex((r) => r.filled > 0);
}

export interface XlsxSheetChoice {
  /** A sheet's name; the first sheet when absent. */
  sheet?: string | undefined;
  signal?: AbortSignal | undefined;
}

// Loaded on the first workbook read, not at start: exceljs and its zip libraries are two thirds
// of the command line's start-up (0.5 s of CPU), which every command, the paper included, paid.
// Kept once loaded, so later reads start exactly as before (no extra wait before the file opens).
let excel: typeof import('exceljs') | undefined;

type WorksheetReader = AsyncIterable<{ number: number; values: unknown }> & { name?: string; id?: string | number };

/** The workbook's sheets in order, and each sheet reader as it streams past. */
async function* worksheets(file: string, signal?: AbortSignal): AsyncGenerator<{ sheets: string[]; ws: WorksheetReader }> {
  const ExcelJS = excel ?? (excel = (await import('exceljs')).default);
  for (let attempt = 1; ; attempt++) {
    const input = fs.createReadStream(file);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache', // needed to tell a date-formatted number from a number
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    let yielded = false;
    try {
      for await (const ws of reader as unknown as AsyncIterable<WorksheetReader>) {
        signal?.throwIfAborted();
        const model = (reader as unknown as { model?: { sheets?: Array<{ name: string }> } }).model;
        yielded = true;
        yield { sheets: (model?.sheets ?? []).map((s) => s.name), ws };
      }
      return;
    } catch (e) {
      if (e instanceof ImportProblem || (e as Error).name === 'AbortError') throw e;
      // exceljs 4.4's streaming reader, after a run of reads stopped early (detection reads only
      // the first rows), now and then (one read in 128, measured) sees the zip end before
      // xl/workbook.xml and fails on the missing sheet list; the same file reads whole at once
      // again (under load a second read can miss it too, so up to three). Nothing was read yet, so
      // reading again loses nothing.
      if (!yielded && attempt < 3 && /reading 'sheets'/.test((e as Error).message)) continue;
      throw new ImportProblem('unreadable', `The workbook ${file} cannot be read as an .xlsx file (${(e as Error).message}). Open it in Excel and save it again.`);
    } finally {
      input.destroy();
    }
  }
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The names of the workbook's sheets, in order. */
export async function xlsxSheetNames(file: string): Promise<string[]> {
  for await (const { sheets, ws } of worksheets(file)) {
    if (sheets.length > 0) return sheets;
    return [String(ws.name ?? 'Sheet1')];
  }
  return [];
}

/**
 * Every row of the chosen sheet in batches, as CSV text cells, numbered as the sheet numbers
 * them; rows above the heading row and missing rows come through blank ([''])
 */
export async function* readXlsxRowBatches(file: string, choice: XlsxSheetChoice = {}): AsyncGenerator<RowBatch & { sheet: string; sheets: string[] }> {
  const bytes = fs.statSync(file).size;
  let found = false;
  let names: string[] = [];
  for await (const { sheets, ws } of worksheets(file, choice.signal)) {
    names = sheets;
    const name = String(ws.name ?? `Sheet${ws.id ?? ''}`);
    const wanted = choice.sheet !== undefined ? sameName(name, choice.sheet) : !found && (sheets.length === 0 || sameName(name, sheets[0]!));
    if (!wanted) {
      for await (const _row of ws) {
        // Another sheet: read past it (the zip is one stream).
      }
      continue;
    }
    found = true;
    const head: SheetRow[] = [];
    let next = 1; // the sheet row number the next yielded row has
    let batch: string[][] = [];
    let batchFirst = 1;
    const blank = [''];
    const push = function* (row: SheetRow | null, number: number) {
      // Missing rows (Excel does not store empty rows) keep their numbers as blank lines.
      while (next < number) {
        batch.push(blank);
        next++;
        if (batch.length >= BATCH_ROWS) yield flush();
      }
      batch.push(row ? row.cells : blank);
      next++;
      if (batch.length >= BATCH_ROWS) yield flush();
    };
    const flush = () => {
      // Never 'plain': a workbook's cells get the per-value checks (control characters) every time.
      const out = { rows: batch, firstRow: batchFirst, bytesRead: bytes, sheet: name, sheets, plain: false };
      batchFirst += batch.length;
      batch = [];
      return out;
    };
    let headDone = false;
    const releaseHead = function* () {
      headDone = true;
      const h = headingRowIndex(head);
      for (let i = 0; i < head.length; i++) yield* push(i < h ? null : head[i]!, head[i]!.number);
    };
    for await (const r of ws) {
      choice.signal?.throwIfAborted();
      const row = sheetRow(r.number, r.values);
      if (!headDone) {
        if (row.filled > 0) head.push(row);
        if (head.length >= HEAD_ROWS) yield* releaseHead();
        continue;
      }
      yield* push(row, row.number);
    }
    if (!headDone) yield* releaseHead();
    if (batch.length > 0) yield flush();
    break; // the chosen sheet is read: the rest of the workbook is not needed
  }
  if (!found) {
    if (choice.sheet !== undefined) {
      throw new ImportProblem(
        'unreadable',
        `The workbook has no sheet called "${choice.sheet}". Its sheets are: ${names.map((n) => `"${n}"`).join(', ')}.`,
      );
    }
    throw new ImportProblem('unreadable', `The workbook ${file} has no sheets.`);
  }
}

/** The first rows of the chosen sheet (the heading row first), for detection and previews. */
export async function xlsxHead(file: string, choice: XlsxSheetChoice = {}, rows = 6): Promise<{ rows: string[][]; sheet: string; sheets: string[] }> {
  const out: string[][] = [];
  let sheet = choice.sheet ?? '';
  let sheets: string[] = [];
  for await (const batch of readXlsxRowBatches(file, choice)) {
    sheet = batch.sheet;
    sheets = batch.sheets;
    for (const r of batch.rows) if (r.some((c) => c.trim() !== '')) out.push(r);
    if (out.length >= rows) break;
  }
  return { rows: out.slice(0, rows), sheet, sheets };
}
