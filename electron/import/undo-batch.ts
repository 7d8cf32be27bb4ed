// Files chosen together are one import in the history, and are undone together: each member is
// undone newest first (so a member never waits for a later one) inside one transaction, so either
// the whole batch is gone or, when an import outside it has since built on its rows, nothing is.
// Each member's undo is the ordinary one (undo.ts): the result is the database without the batch.
import { busyAsPlainWords, type Db } from '../db/open';
import { ImportProblem } from './problem';
import { assertNotBusy } from './busy';
import { blockingImports, undoImport } from './undo';

const ACTIVE = `outcome IN ('imported', 'partial', 'no_change')`;

export interface BatchUndoResult {
  importIds: number[];
  deleted: number;
  restored: number;
  message: string;
}

/** The still-active imports of a batch, oldest first. */
export function batchMembers(db: Db, batchId: string): { id: number; fileName: string }[] {
  return db
    .prepare(`SELECT id, file_name AS fileName FROM import_log WHERE batch_id = ? AND ${ACTIVE} ORDER BY id`)
    .all(batchId) as { id: number; fileName: string }[];
}

/** Marks an import as one of a batch (the wizard's files chosen together, the demo council). */
export function setImportBatch(db: Db, importId: number, batchId: string): void {
  db.prepare(`UPDATE import_log SET batch_id = ? WHERE id = ?`).run(batchId, importId);
}

/** Later imports outside the group that changed rows one of its members loaded. */
export function blockersOutside(db: Db, importIds: readonly number[]): number[] {
  const inside = new Set(importIds);
  const out = new Set<number>();
  for (const id of importIds) for (const b of blockingImports(db, id)) if (!inside.has(b)) out.add(b);
  return [...out].sort((a, b) => b - a);
}

/** Undoes the given imports together, newest first, all or nothing. */
export function undoImportsTogether(db: Db, importIds: readonly number[], what: string, now = new Date()): BatchUndoResult {
  assertNotBusy(db, `undo ${what}`);
  const ids = [...new Set(importIds)].sort((a, b) => b - a);
  if (ids.length === 0) throw new ImportProblem('cannot_undo', `There is nothing left to undo in ${what}: it has already been undone.`);
  const blockers = blockersOutside(db, ids);
  if (blockers.length > 0) {
    throw new ImportProblem(
      'cannot_undo',
      `${capital(what)} cannot be undone yet: later import${blockers.length === 1 ? '' : 's'} ${blockers.join(', ')} changed rows it loaded. ` +
        `Undo import ${blockers[0]} first${blockers.length > 1 ? ' (newest first)' : ''}, then ${what}.`,
    );
  }
  let deleted = 0;
  let restored = 0;
  const all = db.transaction(() => {
    for (const id of ids) {
      const r = undoImport(db, id, now);
      deleted += r.deleted;
      restored += r.restored;
    }
  });
  try {
    all.immediate();
  } catch (e) {
    if (e instanceof ImportProblem) throw e;
    throw busyAsPlainWords(db, e);
  }
  const n = (k: number, one: string) => `${k.toLocaleString('en-GB')} ${one}${k === 1 ? '' : 's'}`;
  return {
    importIds: ids,
    deleted,
    restored,
    message: `${capital(what)} undone (${n(ids.length, 'file')}): ${n(deleted, 'row')} they added removed, ${n(restored, 'row')} they changed restored.`,
  };
}

/** Undoes every still-active import of a batch together. */
export function undoBatch(db: Db, batchId: string, now = new Date()): BatchUndoResult {
  const members = batchMembers(db, batchId);
  const names = members.map((m) => m.fileName);
  const what = `the files imported together (${names.join(', ') || batchId})`;
  return undoImportsTogether(db, members.map((m) => m.id), what, now);
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
