// The value step of the import wizard: for each column holding values in the council's own
// words (job titles, contract types, leaving reasons), its distinct values with their number of
// rows and where the rules would place each (an exact code, the mapping, the council's rules,
// the defaults, or nowhere yet), so the user can see every placement and correct it.
import type { Db } from '../db/open';
import type { ColumnMappingSpec, ColumnValue, ColumnValues, CsvSource } from '../../shared/import-types';
import { LEAVING_REASON_LABEL, type LeavingReason } from '../../shared/domain';
import { ROLE_CODES, EMPLOYMENT_TYPE_CODES, LEAVING_REASON_CODES } from './codes';
import { readRowBatches, sniffFile } from './csv-stream';
import { detectImportFile } from './detect';
import { SOURCE_FIELDS } from './fields';
import { chooseLayout } from './resolve-layout';
import { norm } from './normalise';
import { makePlacer, placementLabel, PLACEMENTS, WORDED_FIELDS, type WordedField } from './value-maps';
import { valueRuleSet } from './value-rules';
import { readXlsxRowBatches } from './xlsx-stream';

/** Distinct values listed per column: beyond this the column is free text, not a code list. */
export const VALUES_LISTED = 200;

const TABLES: Record<WordedField, Map<string, string>> = { role: ROLE_CODES, employment_type: EMPLOYMENT_TYPE_CODES, leaving_reason: LEAVING_REASON_CODES };

/** A dropdown's words: the paper's labels, capitalised ("Not counted", "Fixed term"). */
function choiceLabel(field: WordedField, placed: string): string {
  const label = field === 'leaving_reason' ? (LEAVING_REASON_LABEL[placed as LeavingReason] ?? placed) : placementLabel(field, placed);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

export interface ValueQuery {
  file: string;
  source: CsvSource;
  sheet?: string | undefined;
  preset?: string | undefined;
  mapping?: ColumnMappingSpec | undefined;
  signal?: AbortSignal;
}

export async function columnValues(db: Db, q: ValueQuery): Promise<ColumnValues[]> {
  const detection = await detectImportFile(q.file, db, q.sheet);
  const binding = chooseLayout(db, detection.headers, {
    source: q.source,
    ...(q.mapping ? { mapping: { ...q.mapping, source: q.source } } : q.preset ? { preset: q.preset } : {}),
  });
  const fields = WORDED_FIELDS.filter((f) => binding.index[f] !== undefined && !(f === 'role' && binding.layout.roleFromTitle));
  if (fields.length === 0) return [];
  const counts = new Map<WordedField, Map<string, { value: string; rows: number }>>(fields.map((f) => [f, new Map()]));
  const batches = detection.sheets
    ? readXlsxRowBatches(q.file, { sheet: detection.sheet, signal: q.signal })
    : readRowBatches(q.file, sniffFile(q.file), q.signal ? { signal: q.signal } : {});
  let headerSeen = false;
  for await (const batch of batches) {
    for (const cells of batch.rows) {
      if (cells.every((c) => c.trim() === '')) continue;
      if (!headerSeen) {
        headerSeen = true;
        continue;
      }
      for (const f of fields) {
        const v = (cells[binding.index[f]!] ?? '').trim();
        if (v === '') continue;
        const seen = counts.get(f)!;
        const key = norm(v);
        const entry = seen.get(key);
        if (entry) entry.rows++;
        else if (seen.size < VALUES_LISTED * 50) seen.set(key, { value: v, rows: 1 });
      }
    }
  }
  const placer = makePlacer(binding.layout.valueMaps ?? {}, valueRuleSet(db));
  const labels = Object.fromEntries(SOURCE_FIELDS[q.source].map((f) => [f.name, f.label.replace(/ \(.*$/, '')]));
  return fields.map((field) => {
    const all = [...counts.get(field)!.values()].sort((a, b) => b.rows - a.rows || a.value.localeCompare(b.value));
    const values = all.slice(0, VALUES_LISTED).map(({ value, rows }): ColumnValue => {
      const viaMapping = binding.layout.valueMaps?.[field]?.get(norm(value));
      const exact = viaMapping === undefined ? TABLES[field].get(norm(value)) : undefined;
      if (exact !== undefined) return { value, rows, placed: exact, by: 'code' };
      const p = placer(field, value);
      const to = p === undefined ? undefined : p.to === 'not_counted' ? p.to : TABLES[field].get(norm(p.to));
      return to === undefined ? { value, rows, placed: null, by: null } : { value, rows, placed: to, by: p!.by };
    });
    return {
      field,
      fieldLabel: labels[field] ?? field,
      column: binding.headers[binding.index[field]!] ?? field,
      choices: PLACEMENTS[field].map((p) => ({ value: p, label: choiceLabel(field, p) })),
      values,
      truncated: all.length > VALUES_LISTED,
    };
  });
}
