// Undo in a table imports merge into by natural key: each row's history is the import that
// created it (its import_id), the imports that changed it (import_change, with the values before)
// and the imports that repeated it unchanged (import_confirm). Taking one import out of that
// history rewrites the next import's entry to what it would have been without it, so the
// result is the state of importing the remaining files alone, in order (test/import/undo-overlap).
import type { Db } from '../db/open';
import { TABLES, type TableSpec } from './tables';

/** Rows handed to later imports, and which imports, for the undo message. */
export interface Handed {
  kept: number;
  to: Set<number>;
}

interface Touch {
  import_id: number;
  kind: 'change' | 'confirm';
  entry: number;
  before_json: string | null;
}

type Tally = Map<number, { inserted: number; updated: number; unchanged: number }>;

function specOf(table: string): TableSpec {
  const spec = Object.values(TABLES).find((t) => t.table === table);
  if (!spec) throw new Error(`${table} is not a merged table`);
  return spec;
}

export function handBack(db: Db, table: string, importId: number, handed: Handed): { deleted: number; restored: number } {
  const spec = specOf(table);
  // Table and column names come from TABLES (code), never from a file.
  const cols = spec.columns;
  // Journal entries of imports already undone are history nobody reads (older versions kept them).
  for (const journal of ['import_change', 'import_confirm']) {
    db.prepare(
      `DELETE FROM ${journal} WHERE table_name = ? AND import_id IN (SELECT id FROM import_log WHERE outcome NOT IN ('imported', 'partial', 'no_change'))`,
    ).run(table);
  }
  const touchesAfter = db.prepare(
    `SELECT import_id, 'change' AS kind, rowid AS entry, before_json FROM import_change WHERE table_name = ? AND row_id = ? AND import_id > ?
     UNION ALL
     SELECT import_id, 'confirm' AS kind, rowid AS entry, NULL FROM import_confirm WHERE table_name = ? AND row_id = ? AND import_id > ?
     ORDER BY import_id`,
  );
  const touches = (rowId: number) => touchesAfter.all(table, rowId, importId, table, rowId, importId) as Touch[];
  const dropChange = db.prepare(`DELETE FROM import_change WHERE rowid = ?`);
  const dropConfirm = db.prepare(`DELETE FROM import_confirm WHERE rowid = ?`);
  const addChange = db.prepare(`INSERT INTO import_change (import_id, table_name, row_id, before_json) VALUES (?, ?, ?, ?)`);
  const addConfirm = db.prepare(`INSERT INTO import_confirm (import_id, table_name, row_id) VALUES (?, ?, ?)`);
  const rewriteChange = db.prepare(`UPDATE import_change SET before_json = ? WHERE rowid = ?`);
  const current = db.prepare(`SELECT * FROM ${table} WHERE id = ?`);
  const restore = db.prepare(`UPDATE ${table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
  const tally: Tally = new Map();
  const count = (id: number, field: 'inserted' | 'updated' | 'unchanged', by: number) => {
    const t = tally.get(id) ?? { inserted: 0, updated: 0, unchanged: 0 };
    t[field] += by;
    tally.set(id, t);
  };

  // Rows it created that a later import also holds go to the first of those imports.
  const heldLater = db
    .prepare(
      `SELECT id FROM ${table} WHERE import_id = ? AND id IN
         (SELECT row_id FROM import_change WHERE table_name = ? UNION SELECT row_id FROM import_confirm WHERE table_name = ?)`,
    )
    .pluck()
    .all(importId, table, table) as number[];
  const reassign = db.prepare(`UPDATE ${table} SET import_id = ? WHERE id = ?`);
  for (const rowId of heldLater) {
    const first = touches(rowId)[0];
    if (!first) continue;
    (first.kind === 'change' ? dropChange : dropConfirm).run(first.entry);
    reassign.run(first.import_id, rowId);
    count(first.import_id, 'inserted', 1);
    count(first.import_id, first.kind === 'change' ? 'updated' : 'unchanged', -1);
    handed.kept++;
    handed.to.add(first.import_id);
  }
  const deleted = db.prepare(`DELETE FROM ${table} WHERE import_id = ?`).run(importId).changes;

  // Rows it changed: back to their before-image, or the next import's entry starts from it.
  let restored = 0;
  const own = db.prepare(`SELECT rowid AS entry, row_id, before_json FROM import_change WHERE import_id = ? AND table_name = ?`).all(importId, table) as {
    entry: number;
    row_id: number;
    before_json: string;
  }[];
  for (const change of own) {
    const before = JSON.parse(change.before_json) as Record<string, string | number | null>;
    const later = touches(change.row_id);
    const next = later[0];
    if (!next) {
      restore.run(...cols.map((c) => before[c] ?? null), change.row_id);
      restored++;
    } else if (next.kind === 'confirm') {
      // It repeated this import's values, which now differ from what it would have found.
      dropConfirm.run(next.entry);
      addChange.run(next.import_id, table, change.row_id, change.before_json);
      count(next.import_id, 'unchanged', -1);
      count(next.import_id, 'updated', 1);
    } else {
      // What the next import left: the before-image of the change after it, or the row as it is.
      const afterNext = later.slice(1).find((t) => t.kind === 'change');
      const left = (afterNext ? JSON.parse(afterNext.before_json!) : current.get(change.row_id)) as Record<string, unknown>;
      if (cols.every((c) => (left[c] ?? null) === (before[c] ?? null))) {
        dropChange.run(next.entry);
        addConfirm.run(next.import_id, table, change.row_id);
        count(next.import_id, 'updated', -1);
        count(next.import_id, 'unchanged', 1);
      } else {
        rewriteChange.run(change.before_json, next.entry);
      }
    }
    dropChange.run(change.entry);
  }
  db.prepare(`DELETE FROM import_confirm WHERE import_id = ? AND table_name = ?`).run(importId, table);
  applyTally(db, tally);
  return { deleted, restored };
}

/** The counts in the import history follow: a later import that now created rows says so. */
function applyTally(db: Db, tally: Tally): void {
  const update = db.prepare(
    `UPDATE import_log SET rows_inserted = rows_inserted + ?, rows_updated = rows_updated + ?, rows_unchanged = rows_unchanged + ?,
       outcome = CASE WHEN outcome IN ('imported', 'no_change')
                      THEN CASE WHEN rows_inserted + ? + rows_updated + ? > 0 THEN 'imported' ELSE 'no_change' END
                      ELSE outcome END
     WHERE id = ?`,
  );
  for (const [id, t] of tally) update.run(t.inserted, t.updated, t.unchanged, t.inserted, t.updated, id);
}
