// Loading one file's rows into its table, inside the import's transaction: a first load into an
// empty table sets the unique key aside, a large file sets the other indexes aside too, and
// finish() builds them once, sorted, returning the rows that repeated a key within the file.
// The importer and the benchmark of SQLite's share (bench/import-sqlite-alone.ts) both use it.
import type { Db } from '../db/open';
import { deferSecondaryIndexes, deferUniqueKey } from './defer-indexes';
import type { TableSpec } from './tables';
import { TableWriter } from './writer';

export interface TableLoad {
  writer: TableWriter;
  /** Rebuilds what was set aside; the repeats, in file order, each with the row it repeats. */
  finish(): { row: number; earlierRow: number | null }[];
}

export function startTableLoad(db: Db, spec: TableSpec, importId: number, fileBytes: number): TableLoad {
  // Set aside before the writer prepares its insert, which has no conflict clause without it.
  const uniqueKey = deferUniqueKey(db, spec.table);
  const writer = new TableWriter(db, spec, importId, uniqueKey.length > 0);
  const deferred = deferSecondaryIndexes(db, spec.table, fileBytes);
  return {
    writer,
    finish() {
      // The file has been read by now, so SQLite's sorter may use the other core while the
      // indexes are built (0.2 s less at a million rows).
      db.pragma('threads = 2');
      try {
        const repeats = writer.restoreUniqueKey(uniqueKey);
        for (const sql of deferred) db.exec(sql);
        return repeats;
      } finally {
        db.pragma('threads = 0');
      }
    },
  };
}
