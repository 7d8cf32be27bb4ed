// Undoing a DfE import (the indicator file or the statistical neighbours) while a later edition of
// the same file is in place is refused, naming that edition (issue 16). The other sources hand
// rows on instead (undo-merged.ts), but a DfE edition replaces whole years (or the whole
// grouping) and records neither which years it covered nor which rows it found already there
// unchanged: a row of the earlier edition that the later one repeated belongs to both, and
// deleting it with the earlier import took a year of figures away from an edition still in place.
// Nothing records enough to hand such rows over, so the later edition must be undone first.
import type { Db } from '../db/open';
import { ImportProblem } from './problem';

const WHAT = {
  benchmark: 'the DfE indicator file, which replaces the years it covers',
  neighbours: 'the statistical neighbours file, which replaces the whole grouping',
} as const;

export function assertNoLaterDfeEdition(db: Db, log: { id: number; source: string; file_name: string }): void {
  if (log.source !== 'benchmark' && log.source !== 'neighbours') return;
  const later = db
    .prepare(
      `SELECT id, file_name FROM import_log
        WHERE source = ? AND id > ? AND outcome IN ('imported', 'partial', 'no_change')
        ORDER BY id DESC`,
    )
    .all(log.source, log.id) as { id: number; file_name: string }[];
  if (later.length === 0) return;
  const newest = later[0]!;
  const names = later.map((l) => `${l.id} (${l.file_name})`).join(', ');
  throw new ImportProblem(
    'cannot_undo',
    `Import ${log.id} (${log.file_name}) cannot be undone while a later edition of ${WHAT[log.source]}, import${later.length === 1 ? '' : 's'} ${names}, ` +
      `is in place: the later edition may repeat figures this one loaded, and undoing this one would take them away from it. ` +
      `Undo import ${newest.id} first${later.length > 1 ? ' (newest first)' : ''}, then import ${log.id}. ` +
      `Nothing was changed. There is usually no need: the later edition already replaces what it covers.`,
  );
}
