// Column mappings for layouts the importer does not know: a JSON file (or a saved mapping) that
// names, for each column of the file, the field it fills, with optional value maps, fixed
// values and date order. Validated with zod so a typo is reported before any row is read.
import fs from 'node:fs';
import { z } from 'zod';
import type { Db } from '../db/open';
import { CSV_SOURCES, type ColumnMappingSpec, type CsvSource, type SavedMapping } from '../../shared/import-types';
import { fieldNames } from './fields';
import type { LayoutDef } from './layouts';
import { norm } from './normalise';
import { ImportProblem } from './problem';

const text = z.string().min(1).max(200);

export const mappingSchema = z.strictObject({
  name: text.optional(),
  source: z.enum(CSV_SOURCES).optional(),
  columns: z.record(text, z.string().max(100)),
  values: z.record(text, z.record(z.string().max(200), text)).optional(),
  defaults: z.record(text, z.string().max(200)).optional(),
  dateOrder: z.enum(['dmy', 'mdy']).optional(),
  fteUnit: z.enum(['fraction', 'percent', 'hours']).optional(),
  standardHours: z.number().positive().max(80).optional(),
});

function explain(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'mapping'}: ${i.message}`).join('; ');
}

/** Checks a mapping against the fields of a source; returns it typed or throws ImportProblem. */
export function parseMapping(json: unknown, source: CsvSource, where = 'the column mapping'): ColumnMappingSpec {
  const parsed = mappingSchema.safeParse(json);
  if (!parsed.success) throw new ImportProblem('bad_mapping', `${where} is not valid: ${explain(parsed.error)}.`);
  const spec = parsed.data as ColumnMappingSpec;
  if (spec.source && spec.source !== source) {
    throw new ImportProblem('bad_mapping', `${where} is for ${spec.source} files, not ${source}.`);
  }
  const allowed = new Set(fieldNames(source));
  const unknown = [
    ...Object.values(spec.columns).filter((f) => f !== '' && !allowed.has(f)),
    ...Object.keys(spec.values ?? {}).filter((f) => !allowed.has(f)),
    ...Object.keys(spec.defaults ?? {}).filter((f) => !allowed.has(f)),
  ];
  if (unknown.length > 0) {
    throw new ImportProblem(
      'bad_mapping',
      `${where} names ${[...new Set(unknown)].map((f) => `"${f}"`).join(', ')}, which ${unknown.length === 1 ? 'is not a field' : 'are not fields'} of ${source} files. The fields are: ${[...allowed].join(', ')}.`,
    );
  }
  return spec;
}

/** The mapping as a layout the binder understands. */
export function mappingLayout(spec: ColumnMappingSpec, source: CsvSource, name: string): LayoutDef {
  const columns: Record<string, string[]> = {};
  const unused: string[] = [];
  for (const [column, field] of Object.entries(spec.columns)) {
    if (field === '') {
      unused.push(column); // an unmapped column
      continue;
    }
    (columns[field] ??= []).push(column);
  }
  const valueMaps: Record<string, Map<string, string>> = {};
  for (const [field, map] of Object.entries(spec.values ?? {})) {
    valueMaps[field] = new Map(Object.entries(map).map(([from, to]) => [norm(from), to]));
  }
  return {
    preset: `mapping:${name}`,
    sources: [source],
    label: `column mapping "${name}"`,
    columns,
    key: Object.keys(columns),
    defaults: spec.defaults ?? {},
    valueMaps,
    unused,
    ...(spec.dateOrder ? { dateOrder: spec.dateOrder } : {}),
    ...(spec.fteUnit ? { fteUnit: spec.fteUnit } : {}),
    ...(spec.standardHours ? { standardHours: spec.standardHours } : {}),
  };
}

/**
 * A mapping given on the command line or by the app: a path to a JSON file, or the name of a
 * saved mapping.
 */
export function resolveMapping(db: Db, ref: string | ColumnMappingSpec, source: CsvSource): { name: string; spec: ColumnMappingSpec } {
  if (typeof ref !== 'string') return { name: ref.name ?? 'unsaved', spec: parseMapping(ref, source) };
  if (fs.existsSync(ref) && fs.statSync(ref).isFile()) {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(ref, 'utf8').replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new ImportProblem('bad_mapping', `The mapping file ${ref} is not valid JSON: ${(e as Error).message}.`);
    }
    const spec = parseMapping(json, source, `The mapping file ${ref}`);
    return { name: spec.name ?? ref.replace(/^.*[\\/]/, '').replace(/\.json$/i, ''), spec };
  }
  const row = db.prepare(`SELECT json, source FROM saved_mapping WHERE name = ?`).get(ref) as { json: string; source: string } | undefined;
  if (!row) {
    throw new ImportProblem('bad_mapping', `There is no mapping file or saved mapping called "${ref}".`);
  }
  return { name: ref, spec: parseMapping(JSON.parse(row.json), source, `The saved mapping "${ref}"`) };
}

export function saveMapping(db: Db, name: string, source: CsvSource, mapping: ColumnMappingSpec): SavedMapping {
  const spec = parseMapping({ ...mapping, name, source }, source);
  const updatedAt = new Date().toISOString();
  db.prepare(
    `INSERT INTO saved_mapping (name, source, json, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET source = excluded.source, json = excluded.json, updated_at = excluded.updated_at`,
  ).run(name, source, JSON.stringify(spec), updatedAt);
  return { name, source, mapping: spec, updatedAt };
}

export function listMappings(db: Db): SavedMapping[] {
  const rows = db.prepare(`SELECT name, source, json, updated_at FROM saved_mapping ORDER BY name`).all() as {
    name: string; source: CsvSource; json: string; updated_at: string;
  }[];
  return rows.map((r) => ({ name: r.name, source: r.source, mapping: JSON.parse(r.json) as ColumnMappingSpec, updatedAt: r.updated_at }));
}
