// Working out what a file is from its first rows: encoding, delimiter, headings, and which
// source and layout they fit. The app shows this before an import; the importer uses it to
// fill in a missing --source and to say what a file given as the wrong source looks like.
import fs from 'node:fs';
import type { Db } from '../db/open';
import type { CsvSource, FileDetection, LayoutCandidate } from '../../shared/import-types';
import { bind, fittingLayouts, type Binding, type RowsSay } from './layouts';
import { EMPLOYMENT_TYPE_CODES, parseFlag } from './codes';
import { norm } from './normalise';
import { listMappings, mappingLayout } from './mapping';
import { identityColumns } from './privacy';
import { parseText, sniffFile } from './csv-stream';
import { ImportProblem } from './problem';
import { looksLikeXml, readCensusXml } from './census-xml';
import { isXlsxFile, xlsxHead } from './xlsx-stream';

const PREVIEW_ROWS = 5;

export function candidate(b: Binding): LayoutCandidate {
  return { source: b.source, preset: b.preset, description: b.description, matched: b.matched, missing: b.missing };
}

function isBlank(row: readonly string[]): boolean {
  return row.every((c) => c.trim() === '');
}

/** Saved mappings whose columns are all in the file, as bindings. */
export function fittingMappings(db: Db | undefined, headers: readonly string[], sources?: readonly CsvSource[]): Binding[] {
  if (!db) return [];
  return listMappings(db)
    .filter((m) => !sources || sources.includes(m.source))
    .map((m) => bind(mappingLayout(m.mapping, m.source, m.name), m.source, headers))
    .filter((b) => b.missing.length === 0);
}

export function detectFile(file: string, db?: Db): FileDetection {
  // A census return in XML is detected as the census CSV it holds (the import reads it so too).
  if (looksLikeXml(file)) {
    const xml = readCensusXml(file);
    try {
      return { ...detectFile(xml.csvFile, db), file };
    } finally {
      xml.cleanup();
    }
  }
  const sniffed = sniffFile(file);
  const complete = sniffed.bytes <= 256 * 1024;
  const rows = parseText(sniffed.headText, sniffed, complete).filter((r) => !isBlank(r));
  return detectionOf(file, { bytes: sniffed.bytes, encoding: sniffed.encoding, delimiter: sniffed.delimiter }, rows, db);
}

/** What a CSV file or an .xlsx workbook's sheet (the first, or the one named) looks like. */
export async function detectImportFile(file: string, db?: Db, sheet?: string): Promise<FileDetection> {
  if (!isXlsxFile(file)) {
    if (sheet !== undefined) throw new ImportProblem('bad_mapping', `A sheet ("${sheet}") was named, but ${file} is not an .xlsx workbook.`);
    return detectFile(file, db);
  }
  const head = await xlsxHead(file, { sheet }, 1 + PREVIEW_ROWS);
  const detection = detectionOf(file, { bytes: fs.statSync(file).size, encoding: 'utf-8', delimiter: ',' }, head.rows, db);
  return { ...detection, sheet: head.sheet, sheets: head.sheets };
}

function detectionOf(file: string, sniffed: Pick<FileDetection, 'bytes' | 'encoding' | 'delimiter'>, rows: string[][], db?: Db): FileDetection {
  const headers = (rows[0] ?? []).map((h) => h.trim());
  if (headers.length === 0) throw new ImportProblem('unknown_layout', `The file ${file} is empty: it has no heading row.`);
  const fits = preferWhatRowsSay([...fittingMappings(db, headers), ...fittingLayouts(headers)], rows.slice(1));
  const candidates = fits.map(candidate);
  return {
    file,
    bytes: sniffed.bytes,
    encoding: sniffed.encoding,
    delimiter: sniffed.delimiter,
    headers,
    preview: rows.slice(1, 1 + PREVIEW_ROWS),
    best: candidates[0] ?? null,
    candidates,
    identityColumns: identityColumns(headers),
  };
}

/** A cell as the importer reads the field, for comparing with a layout's rowsSay code. */
const READ_AS: Record<RowsSay['field'], (cell: string) => string | undefined> = {
  employment_type: (cell) => EMPLOYMENT_TYPE_CODES.get(norm(cell)),
  agency_flag: (cell) => {
    const flag = parseFlag(cell);
    return flag === undefined ? undefined : flag ? 'yes' : 'no';
  },
};

/**
 * When the best layout also reads another source and every first row says the file is that
 * source (layout.rowsSay), that source's binding goes first: an agency export with the HR
 * template's headings is an agency file. Headings decide everything else.
 */
export function preferWhatRowsSay(fits: Binding[], dataRows: readonly string[][]): Binding[] {
  const best = fits[0];
  const rows = dataRows.filter((r) => !isBlank(r));
  if (!best?.layout.rowsSay || rows.length === 0) return fits;
  for (const [source, says] of Object.entries(best.layout.rowsSay) as [CsvSource, readonly RowsSay[]][]) {
    if (source === best.source) continue;
    const other = fits.find((b) => b.layout === best.layout && b.source === source);
    if (!other) continue;
    const say = says.find((s) => best.index[s.field] !== undefined);
    if (!say) continue;
    const col = best.index[say.field]!;
    if (rows.every((r) => READ_AS[say.field]((r[col] ?? '').trim()) === say.code)) return [other, ...fits.filter((b) => b !== other)];
  }
  return fits;
}

/**
 * The DfE's published files, which the CSV importer hands to the benchmarks importer: told
 * apart by headings only they have.
 */
export function dfeSourceOf(headers: readonly string[]): 'benchmark' | 'neighbours' | null {
  const h = new Set(headers.map((x) => x.toLowerCase().replace(/[^a-z0-9]/g, '')));
  if (h.has('timeperiod') && h.has('geographiclevel')) return 'benchmark';
  if (h.has('lanum') && h.has('sn1') && h.has('sn10')) return 'neighbours';
  return null;
}

/** The first values of one column (the file's first 256 KB, at most `max`), for value checks. */
export function columnSample(file: string, index: number, max = 200): string[] {
  const sniffed = sniffFile(file);
  const rows = parseText(sniffed.headText, sniffed, sniffed.bytes <= 256 * 1024).filter((r) => !isBlank(r));
  return rows.slice(1, 1 + max).map((r) => r[index] ?? '');
}
