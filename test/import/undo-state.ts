// The database's contents in terms of files rather than ids, so a database that undid imports can
// be compared with one that only ever imported the remaining files (undo-overlap, undo-batch).
import type { Db } from '../../electron/db/open';
import { expect } from 'vitest';
import { rows, setup } from './helpers';

export interface Shape {
  table: 'allocation' | 'spell';
  key: string[];
  values: string[];
}
// Case IDs are keyed hashes under each database's own key, so two databases' allocations are
// compared on everything else (the rows are still compared one for one, as a sorted list).
export const ALLOCATION: Shape = { table: 'allocation', key: ['staff_id', 'start_date'], values: ['case_type', 'team', 'end_date'] };
export const SPELL: Shape = { table: 'spell', key: ['staff_id', 'start_date'], values: ['role', 'team', 'fte', 'end_date', 'employment_type'] };

/**
 * The tables' contents in terms of files, not ids: each stored row with the file that holds it
 * first, the journal of changed rows and of confirmed rows by file and natural key, and each
 * active import's counts. Two databases that loaded the same files agree on this exactly.
 */
export function state(db: Db, shape: Shape) {
  const fileOf = new Map(rows<{ id: number; file_name: string }>(db, 'SELECT id, file_name FROM import_log').map((r) => [r.id, r.file_name]));
  const keyOf = new Map(
    rows<Record<string, unknown>>(db, `SELECT id, ${shape.key.join(', ')} FROM ${shape.table}`).map((r) => [r.id as number, shape.key.map((k) => r[k]).join('|')]),
  );
  const data = rows<Record<string, unknown>>(db, `SELECT ${[...shape.key, ...shape.values].join(', ')}, import_id FROM ${shape.table}`)
    .map(({ import_id, ...r }) => JSON.stringify({ ...r, file: fileOf.get(import_id as number) }))
    .sort();
  const active = (journal: string) =>
    `SELECT c.* FROM ${journal} c JOIN import_log l ON l.id = c.import_id WHERE l.outcome <> 'undone' AND c.table_name = '${shape.table}'`;
  const changes = rows<{ import_id: number; row_id: number; before_json: string }>(db, active('import_change'))
    .map((c) => {
      const before = JSON.parse(c.before_json) as Record<string, unknown>;
      return JSON.stringify({ file: fileOf.get(c.import_id), key: keyOf.get(c.row_id), before: shape.values.map((v) => before[v]) });
    })
    .sort();
  const confirms = rows<{ import_id: number; row_id: number }>(db, active('import_confirm'))
    .map((c) => `${fileOf.get(c.import_id)}:${keyOf.get(c.row_id)}`)
    .sort();
  const log = rows<Record<string, unknown>>(
    db,
    `SELECT file_name, rows_inserted, rows_updated, rows_unchanged, rows_rejected, outcome FROM import_log WHERE outcome <> 'undone' ORDER BY id`,
  );
  return { data, changes, confirms, log };
}

/** The database equals one that only ever imported the named files, in order (each with --accept-valid). */
export async function expectAsIfOnly(db: Db, names: readonly string[], contents: ReadonlyMap<string, string>, shape: Shape): Promise<void> {
  const fresh = setup();
  for (const name of names) await fresh.run(fresh.file(name, contents.get(name)!), { acceptValid: true });
  expect(state(db, shape)).toEqual(state(fresh.db, shape));
  expect(db.pragma('foreign_key_check')).toEqual([]);
  db.close();
  fresh.db.close();
}
