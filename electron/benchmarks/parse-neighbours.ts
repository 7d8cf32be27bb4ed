// Turns the DfE statistical-neighbour file into one record per council. The published file has
// a byte-order mark, repeats the "SNP" (closeness) header after every neighbour column, and ends
// with an "Old SNs:" section for councils that no longer exist (e.g. Poole before 2019); rows with
// no LA code are section headings and are skipped.
import { DfeImportError, normaliseHeader, type DfeCsv } from './dfe-csv';

export interface NeighbourRecord {
  la_code: string;
  la_name: string;
  region_name: string | null;
  neighbours: Array<{ position: number; code: string; closeness: string | null }>;
}

export interface ParsedNeighbours {
  records: NeighbourRecord[];
  /** Later rows for a council already listed, ignored (the first listing wins). */
  duplicates: string[];
}

export function parseNeighbours(csv: DfeCsv, fileName: string): ParsedNeighbours {
  const norm = csv.header.map(normaliseHeader);
  const find = (...names: string[]) => {
    for (const n of names) {
      const i = norm.indexOf(normaliseHeader(n));
      if (i >= 0) return i;
    }
    return -1;
  };
  const codeAt = find('LA num', 'LA number', 'la_code');
  const nameAt = find('LA Name', 'la_name');
  const regionAt = find('GOReg', 'region_name');
  const snAt: Array<{ position: number; code: number; closeness: number }> = [];
  for (let p = 1; p <= 10; p++) {
    const i = find(`SN${p}`);
    if (i < 0) continue;
    const next = norm[i + 1];
    snAt.push({ position: p, code: i, closeness: next !== undefined && next.startsWith('snp') ? i + 1 : -1 });
  }
  if (codeAt < 0 || nameAt < 0 || snAt.length === 0) {
    if (find('time_period') >= 0) {
      throw new DfeImportError(`"${fileName}" is the DfE workforce indicator file, not the statistical-neighbour file: import it with --source benchmark.`);
    }
    throw new DfeImportError(
      `"${fileName}" does not look like the DfE statistical-neighbour file: it needs "LA num", "LA Name" and "SN1" to "SN10" columns. ` +
        `Download it from the DfE and import it unchanged.`,
    );
  }

  const records: NeighbourRecord[] = [];
  const duplicates: string[] = [];
  const seen = new Set<string>();
  for (const row of csv.rows) {
    const code = (row[codeAt] ?? '').trim();
    if (code === '') continue;
    const name = (row[nameAt] ?? '').trim();
    if (seen.has(code)) {
      duplicates.push(`${code} ${name}`.trim());
      continue;
    }
    seen.add(code);
    const neighbours: NeighbourRecord['neighbours'] = [];
    for (const sn of snAt) {
      const n = (row[sn.code] ?? '').trim();
      if (n === '') continue;
      const closeness = sn.closeness >= 0 ? (row[sn.closeness] ?? '').trim() : '';
      neighbours.push({ position: sn.position, code: n, closeness: closeness === '' ? null : closeness });
    }
    const region = regionAt >= 0 ? (row[regionAt] ?? '').trim() : '';
    records.push({ la_code: code, la_name: name || code, region_name: region === '' ? null : region, neighbours });
  }
  if (!records.length) throw new DfeImportError(`"${fileName}" has no councils in it; nothing was imported.`);
  return { records, duplicates };
}
