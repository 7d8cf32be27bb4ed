// An import keeps its transaction open while it waits for the next chunk of the file, so a
// second import or an undo started on the same connection meanwhile would run inside it (and be
// rolled back with it). They are refused instead, with a message the person can act on.
import type { Db } from '../db/open';
import { ImportProblem } from './problem';

const busy = new WeakSet<Db>();

export function assertNotBusy(db: Db, what: string): void {
  if (busy.has(db)) throw new ImportProblem('busy', `An import is still running; ${what} when it has finished.`);
}

export async function whileBusy<T>(db: Db, work: () => Promise<T>): Promise<T> {
  assertNotBusy(db, 'start the next import');
  busy.add(db);
  try {
    return await work();
  } finally {
    busy.delete(db);
  }
}
