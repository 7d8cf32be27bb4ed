// Imports made before this version recorded the rows an import repeats unchanged (import_confirm)
// have no such record (issue 16): the upgrade lists those that repeated any
// (import_unrecorded_repeat). Which rows is not known, so undoing an earlier import of the same
// kind while one of them is in place is refused, naming it, instead of guessing: deleting rows
// it still holds is the data loss undo must never cause.
import type { Db } from '../db/open';
import { ImportProblem } from './problem';
import { TABLES } from './tables';

function tableOf(source: string): string | null {
  return (TABLES as Record<string, { table: string } | undefined>)[source]?.table ?? null;
}

export function assertNoUnrecordedLaterRepeat(db: Db, log: { id: number; source: string; file_name: string }): void {
  const later = (
    db
      .prepare(
        `SELECT l.id, l.file_name, l.source, l.rows_unchanged FROM import_unrecorded_repeat u JOIN import_log l ON l.id = u.import_id
          WHERE l.id > ? AND l.outcome IN ('imported', 'partial', 'no_change')
          ORDER BY l.id DESC`,
      )
      .all(log.id) as { id: number; file_name: string; source: string; rows_unchanged: number }[]
  ).filter((l) => {
    const mine = tableOf(log.source);
    const theirs = tableOf(l.source);
    // A source of unknown table (none today) is taken to share it.
    return mine === null || theirs === null || mine === theirs;
  });
  if (later.length === 0) return;
  const newest = later[0]!;
  const names = later.map((l) => `${l.id} (${l.file_name}, ${l.rows_unchanged.toLocaleString('en-GB')} row${l.rows_unchanged === 1 ? '' : 's'} found already stored)`).join(', ');
  throw new ImportProblem(
    'cannot_undo',
    `Import ${log.id} (${log.file_name}) cannot be undone yet: later import${later.length === 1 ? '' : 's'} ${names} ` +
      `${later.length === 1 ? 'was' : 'were'} made before this version of Scrutiny Pack recorded which rows an import finds already stored, ` +
      `and those rows may include rows import ${log.id} loaded: undoing it now could take them away. ` +
      `Undo import ${newest.id} first${later.length > 1 ? ' (newest first)' : ''}, then import ${log.id}, and import ${later.length === 1 ? 'that file' : 'those files'} again if you still want ${later.length === 1 ? 'it' : 'them'}. Nothing was changed.`,
  );
}
