// Undoing an import leaves the database as if that import had never been made, with every
// other import's data in place (issue 16). In the tables imports merge into by natural key
// (spell, allocation, asye, establishment) any import can be undone at any time:
// - a row it created that no later import touched is deleted; one a later import repeated or
//   changed is handed to the first such import (as if that import had created it);
// - a row it changed goes back to its before-image unless a later import changed it again, in
//   which case the later import's journal is rewritten to start from that before-image;
// - its record of rows it repeated unchanged (import_confirm) is dropped;
// - imports made before that record existed hold rows nobody can name: an earlier import waits
//   for them (undo-unrecorded.ts).
// Other tables with an import_id column (found from the schema, such as the DfE benchmarks, which
// also delete rows) keep the older rule: rows it created are deleted, rows it changed restored,
// and an import whose rows a later, still-active import changed must wait for that one; a DfE
// edition waits for any later edition of the same file (undo-dfe.ts).
import type { Statement } from 'better-sqlite3';
import { busyAsPlainWords, type Db } from '../db/open';
import type { UndoResult } from '../../shared/import-types';
import { ImportProblem } from './problem';
import { assertNotBusy } from './busy';
import { TABLES } from './tables';
import { handBack, type Handed } from './undo-merged';
import { assertNoLaterDfeEdition } from './undo-dfe';
import { assertNoUnrecordedLaterRepeat } from './undo-unrecorded';

/** Tables holding imported rows: those with an import_id column (import_change is the journal). */
export function importedTables(db: Db): string[] {
  const rows = db
    .prepare(
      `SELECT m.name AS name FROM sqlite_schema m
       WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'import_change'
         AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) p WHERE p.name = 'import_id')
       ORDER BY m.name`,
    )
    .all() as { name: string }[];
  return rows.map((r) => r.name);
}

function quoteId(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

interface LogRow {
  id: number;
  outcome: string;
  file_name: string;
  source: string;
}

/**
 * Later, still-active imports that changed rows this import created or changed; undo must wait
 * until they are undone. Returns their ids, newest first.
 */
export function blockingImports(db: Db, importId: number): number[] {
  const blockers = new Set<number>();
  const merged = mergedTables();
  const laterChanges = db.prepare(
    `SELECT DISTINCT c.import_id AS id, c.table_name AS t, c.row_id AS r FROM import_change c
     JOIN import_log l ON l.id = c.import_id
     WHERE c.import_id > ? AND l.outcome IN ('imported', 'partial', 'no_change')`,
  ).all(importId) as { id: number; t: string; r: number }[];
  if (laterChanges.length === 0) return [];
  const tables = new Set(importedTables(db));
  const ownChanged = new Set(
    (db.prepare(`SELECT table_name AS t, row_id AS r FROM import_change WHERE import_id = ?`).all(importId) as { t: string; r: number }[]).map(
      (x) => `${x.t}\u0000${x.r}`,
    ),
  );
  const createdBy = new Map<string, Statement>();
  for (const c of laterChanges) {
    if (merged.has(c.t)) continue;
    if (ownChanged.has(`${c.t}\u0000${c.r}`)) {
      blockers.add(c.id);
      continue;
    }
    if (!tables.has(c.t) || merged.has(c.t)) continue;
    let stmt = createdBy.get(c.t);
    if (!stmt) {
      stmt = db.prepare(`SELECT 1 FROM ${quoteId(c.t)} WHERE id = ? AND import_id = ?`);
      createdBy.set(c.t, stmt);
    }
    if (stmt.get(c.r, importId)) blockers.add(c.id);
  }
  return [...blockers].sort((a, b) => b - a);
}

export function undoImport(db: Db, importId: number, now = new Date()): UndoResult {
  assertNotBusy(db, `undo import ${importId}`);
  const log = db.prepare(`SELECT id, outcome, file_name, source FROM import_log WHERE id = ?`).get(importId) as LogRow | undefined;
  if (!log) throw new ImportProblem('cannot_undo', `There is no import number ${importId}. Run "imports" to see the list.`);
  if (log.outcome === 'undone') throw new ImportProblem('cannot_undo', `Import ${importId} (${log.file_name}) has already been undone.`);
  if (log.outcome === 'failed') {
    throw new ImportProblem('cannot_undo', `Import ${importId} (${log.file_name}) failed and stored nothing, so there is nothing to undo.`);
  }
  assertNoLaterDfeEdition(db, log);
  assertNoUnrecordedLaterRepeat(db, log);
  const blockers = blockingImports(db, importId);
  if (blockers.length > 0) {
    const list = blockers.map((b) => `${b}`).join(', ');
    throw new ImportProblem(
      'cannot_undo',
      `Import ${importId} cannot be undone yet: later import${blockers.length === 1 ? '' : 's'} ${list} changed rows it loaded. ` +
        `Undo import ${blockers[0]} first${blockers.length > 1 ? ' (newest first)' : ''}, then import ${importId}.`,
    );
  }
  let deleted = 0;
  let restored = 0;
  const handed: Handed = { kept: 0, to: new Set() };
  const undo = db.transaction(() => {
    db.pragma('defer_foreign_keys = ON');
    const merged = mergedTables();
    const tables = importedTables(db);
    for (const t of tables) {
      if (merged.has(t)) {
        const r = handBack(db, t, importId, handed);
        deleted += r.deleted;
        restored += r.restored;
      } else {
        deleted += db.prepare(`DELETE FROM ${quoteId(t)} WHERE import_id = ?`).run(importId).changes;
      }
    }
    const columnsOf = new Map<string, Set<string>>();
    const changes = db
      .prepare(`SELECT table_name, row_id, before_json FROM import_change WHERE import_id = ? ORDER BY rowid DESC`)
      .all(importId)
      .filter((c) => !merged.has((c as { table_name: string }).table_name)) as { table_name: string; row_id: number; before_json: string }[];
    for (const c of changes) {
      let cols = columnsOf.get(c.table_name);
      if (!cols) {
        cols = new Set((db.prepare(`SELECT name FROM pragma_table_info(?)`).all(c.table_name) as { name: string }[]).map((r) => r.name));
        columnsOf.set(c.table_name, cols);
      }
      const before = JSON.parse(c.before_json) as Record<string, unknown>;
      const names = Object.keys(before).filter((k) => cols.has(k));
      db.prepare(
        `INSERT OR REPLACE INTO ${quoteId(c.table_name)} (${names.map(quoteId).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
      ).run(...names.map((k) => before[k] as string | number | null));
      restored++;
    }
    db.prepare(`UPDATE import_log SET outcome = 'undone', undone_at = ? WHERE id = ?`).run(now.toISOString(), importId);
  });
  try {
    undo.immediate();
  } catch (e) {
    throw busyAsPlainWords(db, e);
  }
  const kept =
    handed.kept > 0
      ? `, ${handed.kept.toLocaleString('en-GB')} row${handed.kept === 1 ? '' : 's'} import${handed.to.size === 1 ? '' : 's'} ` +
        `${[...handed.to].sort((a, b) => a - b).join(', ')} also hold${handed.to.size === 1 ? 's' : ''} kept`
      : '';
  return {
    importId,
    deleted,
    restored,
    message: `Import ${importId} (${log.file_name}) undone: ${deleted.toLocaleString('en-GB')} row${deleted === 1 ? '' : 's'} it added removed, ${restored.toLocaleString('en-GB')} row${restored === 1 ? '' : 's'} it changed restored${kept}.`,
  };
}

/** The tables imports merge into by natural key, where undo hands rows on instead of waiting. */
function mergedTables(): Set<string> {
  return new Set(Object.values(TABLES).map((t) => t.table));
}
