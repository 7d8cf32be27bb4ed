// Reading a CSV file as a stream of row batches in constant memory: the bytes are decoded
// chunk by chunk (TextDecoder with stream: true, so a character split across chunks survives),
// and papaparse's core parser parses each chunk up to its last complete row; the rest is carried
// into the next chunk, which is how quoted values containing newlines cross chunk boundaries.
import { isXlsxFile } from './xlsx-stream';
import fs from 'node:fs';
import Papa from 'papaparse';
import type { TextEncodingName } from '../../shared/import-types';
import { fileKind } from './file-kind';
import { ImportProblem } from './problem';
import { MAX_HEADING_CHARS, messages } from './rules';

export type Delimiter = ',' | ';' | '\t';
export type Newline = '\r\n' | '\n' | '\r';

export interface Sniffed {
  encoding: TextEncodingName;
  delimiter: Delimiter;
  newline: Newline;
  bytes: number;
}

const SNIFF_BYTES = 256 * 1024;
/** A quoted value longer than this is a quote that never closes, not data. */
const MAX_CARRY_CHARS = 16 * 1024 * 1024;

function decoderLabel(encoding: TextEncodingName): string {
  return encoding === 'utf-8-bom' ? 'utf-8' : encoding;
}

export function detectEncoding(head: Uint8Array): TextEncodingName {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  try {
    // stream: true tolerates a character cut off at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    // Not UTF-8: Excel's "CSV" on Windows writes the ANSI code page, Windows-1252 in England.
    return 'windows-1252';
  }
}

/** The delimiter used most in the first line, outside quotes (comma when none is). */
export function detectDelimiter(firstLine: string): Delimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  let best: Delimiter = ',';
  for (const d of [';', '\t'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

export function detectNewline(text: string): Newline {
  const n = text.indexOf('\n');
  const r = text.indexOf('\r');
  if (r >= 0 && (n < 0 || r < n)) {
    if (text[r + 1] !== '\n') return '\r';
    // A Windows heading over Unix rows (a file put together from two programs): splitting on \n
    // reads both, and the \r left at the end of a Windows line is dropped (readRowBatches).
    return /(^|[^\r])\n/.test(text.slice(r + 2)) ? '\n' : '\r\n';
  }
  return '\n';
}

/** With \n as the line ending, a line that ended \r\n leaves its \r on the last value. */
function dropCarriageReturns(rows: string[][]): void {
  for (const row of rows) {
    const last = row.length - 1;
    const cell = row[last];
    if (cell !== undefined && cell.charCodeAt(cell.length - 1) === 13) row[last] = cell.slice(0, -1);
  }
}

function readHead(file: string): { head: Buffer; bytes: number } {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ImportProblem('file_not_found', `The file ${file} does not exist.`);
    throw new ImportProblem('unreadable', `The file ${file} cannot be opened (${code ?? (e as Error).message}).`);
  }
  try {
    const bytes = fs.fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(bytes, SNIFF_BYTES));
    fs.readSync(fd, head, 0, head.length, 0);
    return { head, bytes };
  } finally {
    fs.closeSync(fd);
  }
}

/** Encoding, delimiter and line ending from the start of the file; also the decoded start. */
export function sniffFile(file: string): Sniffed & { headText: string } {
  const { head, bytes } = readHead(file);
  let encoding = detectEncoding(head);
  const kind = fileKind(file, head, encoding !== 'windows-1252');
  // A zip is read as an .xlsx workbook (xlsx-stream.ts, which names a damaged one); only other
  // files that are not text are refused here.
  if (kind.kind === 'refused' && !isXlsxFile(file)) throw new ImportProblem('unreadable', kind.message);
  if (kind.kind !== 'refused' && kind.encoding) encoding = kind.encoding;
  const headText = new TextDecoder(decoderLabel(encoding)).decode(head, { stream: true }).replace(/^\uFEFF/, '');
  const newline = detectNewline(headText);
  const firstLineEnd = headText.indexOf(newline);
  const headingChars = firstLineEnd >= 0 ? firstLineEnd : bytes > head.length ? Math.max(headText.length, MAX_HEADING_CHARS) : headText.length;
  if (headingChars > MAX_HEADING_CHARS || (firstLineEnd < 0 && bytes > head.length)) {
    throw new ImportProblem('unreadable', messages.longHeading(file, headingChars));
  }
  const delimiter = detectDelimiter(firstLineEnd >= 0 ? headText.slice(0, firstLineEnd) : headText);
  return { encoding, delimiter, newline, bytes, headText };
}

/** Parses a small piece of text completely (detection and previews). */
export function parseText(text: string, sniffed: Pick<Sniffed, 'delimiter' | 'newline'>, complete: boolean): string[][] {
  const parser = new Papa.Parser({ delimiter: sniffed.delimiter, newline: sniffed.newline });
  return parser.parse(text, 0, !complete).data as string[][];
}

export interface RowBatch {
  rows: string[][];
  /** File row number of rows[0] (the header is row 1). */
  firstRow: number;
  bytesRead: number;
  /**
   * One line per row and no control characters but tabs: no value can have swallowed a line
   * or hold a NUL, so the per-value checks of row-shape.ts can be skipped.
   */
  plain: boolean;
}

const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Whether parsed text holds exactly one line per row and no control character. */
function isPlain(text: string, rows: number, newline: Newline): boolean {
  if (CONTROL_IN_TEXT.test(text)) return false;
  const mark = newline === '\r' ? '\r' : '\n';
  let lines = 0;
  for (let i = text.indexOf(mark); i >= 0; i = text.indexOf(mark, i + 1)) lines++;
  if (text.length > 0 && !text.endsWith(mark)) lines++;
  // A lone \r in a \n file (or the reverse) stays inside a value: look closer.
  if (newline !== '\r' && text.includes('\r') && !text.includes('\r\n')) return false;
  return lines === rows;
}

/**
 * Every row of the file, header included, in batches (one per chunk of the file). A blank
 * line comes through as [''] so row numbers stay those a spreadsheet shows.
 */
export async function* readRowBatches(
  file: string,
  sniffed: Sniffed,
  options: { chunkBytes?: number; signal?: AbortSignal } = {},
): AsyncGenerator<RowBatch> {
  const label = decoderLabel(sniffed.encoding);
  // Fatal for UTF-8 so a file that changes encoding part-way is refused, not silently mangled.
  const decoder = new TextDecoder(label, { fatal: label === 'utf-8' });
  const parser = new Papa.Parser({ delimiter: sniffed.delimiter, newline: sniffed.newline });
  let carry = '';
  let nextRow = 1;
  let bytesRead = 0;
  let first = true;
  const decode = (bytes?: Uint8Array): string => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw new ImportProblem(
        'unreadable',
        `The file is not consistent text: it starts as UTF-8 but has bytes that are not UTF-8 near byte ${bytesRead.toLocaleString('en-GB')}. Save it again from Excel as "CSV UTF-8" and import that.`,
      );
    }
  };
  for await (const chunk of readChunks(file, options.chunkBytes ?? 256 * 1024, options.signal)) {
    bytesRead += chunk.length;
    let text = carry + decode(chunk);
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    const result = parser.parse(text, 0, true);
    const parsed = text.slice(0, result.meta.cursor);
    carry = text.slice(result.meta.cursor);
    if (carry.length > MAX_CARRY_CHARS) {
      throw new ImportProblem('unreadable', `A quoted value starting at row ${nextRow} never ends (a quote mark is missing).`);
    }
    const rows = result.data as string[][];
    if (sniffed.newline === '\n') dropCarriageReturns(rows);
    if (rows.length > 0) {
      yield { rows, firstRow: nextRow, bytesRead, plain: isPlain(parsed, rows.length, sniffed.newline) };
      nextRow += rows.length;
    }
  }
  const rest = carry + decode();
  if (rest.length > 0) {
    const text = first ? rest.replace(/^\uFEFF/, '') : rest;
    const result = parser.parse(text, 0, false);
    const rows = result.data as string[][];
    if (sniffed.newline === '\n') dropCarriageReturns(rows);
    if (rows.length > 0) yield { rows, firstRow: nextRow, bytesRead, plain: isPlain(text, rows.length, sniffed.newline) };
  }
}

/**
 * The file's bytes in chunks read into one reused buffer: each chunk is valid only until the
 * next is requested, which is all decoding and hashing need, and a large file then costs no
 * more memory than a small one (a fresh buffer per chunk leaves garbage the size of the file).
 */
export async function* readChunks(file: string, chunkBytes: number, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
  const handle = await fs.promises.open(file, 'r');
  const buffer = Buffer.allocUnsafe(chunkBytes);
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { bytesRead } = await handle.read(buffer, 0, chunkBytes, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}
