// The council's own value rules (migration 6): corrections of the default placements of job
// titles, contract types and leaving reasons, saved in the database so every later import uses
// them. Checked against the codes each field may be placed as, so a typo is refused, not kept.
import type { Db } from '../db/open';
import { norm } from './normalise';
import { ImportProblem } from './problem';
import { PLACEMENTS, WORDED_FIELDS, placementLabel, type ValueRuleSet, type WordedField } from './value-maps';

export interface ValueRule {
  field: WordedField;
  value: string;
  placed: string;
  updatedAt: string;
}

function isWorded(field: string): field is WordedField {
  return (WORDED_FIELDS as readonly string[]).includes(field);
}

export function listValueRules(db: Db): ValueRule[] {
  const rows = db.prepare('SELECT field, value, placed, updated_at FROM value_rule ORDER BY field, value_key').all() as Array<{
    field: WordedField; value: string; placed: string; updated_at: string;
  }>;
  return rows.map((r) => ({ field: r.field, value: r.value, placed: r.placed, updatedAt: r.updated_at }));
}

/** The rules as the converter reads them: field -> normalised value -> placement. */
export function valueRuleSet(db: Db): ValueRuleSet {
  const out: ValueRuleSet = {};
  for (const r of db.prepare('SELECT field, value_key, placed FROM value_rule').all() as Array<{ field: string; value_key: string; placed: string }>) {
    (out[r.field] ??= {})[r.value_key] = r.placed;
  }
  return out;
}

/** Saves rules (placed '' removes a rule, so the default applies again). */
export function saveValueRules(db: Db, rules: ReadonlyArray<{ field: string; value: string; placed: string }>, now = new Date()): void {
  for (const r of rules) {
    if (!isWorded(r.field)) throw new ImportProblem('bad_mapping', `"${r.field}" has no value rules; the fields that do are: ${WORDED_FIELDS.join(', ')}.`);
    if (norm(r.value) === '') throw new ImportProblem('bad_mapping', `A value rule for ${r.field} needs a value with letters or digits in it.`);
    if (r.placed !== '' && !PLACEMENTS[r.field].includes(r.placed)) {
      throw new ImportProblem(
        'bad_mapping',
        `"${r.value}" cannot be placed as "${r.placed}": a ${r.field.replace('_', ' ')} is one of ${PLACEMENTS[r.field].map((p) => `${p} (${placementLabel(r.field, p)})`).join(', ')}.`,
      );
    }
  }
  const put = db.prepare(
    `INSERT INTO value_rule (field, value_key, value, placed, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (field, value_key) DO UPDATE SET placed = excluded.placed, updated_at = excluded.updated_at`,
  );
  const drop = db.prepare('DELETE FROM value_rule WHERE field = ? AND value_key = ?');
  db.transaction(() => {
    for (const r of rules) {
      if (r.placed === '') drop.run(r.field, norm(r.value));
      else put.run(r.field, norm(r.value), r.value.trim(), r.placed, now.toISOString());
    }
  })();
}
