// Large loads: building an index once, sorted, is several times cheaper than updating it row by
// row, so an import that will at least double a table sets its non-unique indexes aside.
import type { Db } from '../db/open';

/** A generous size of one row, so the file's row count is estimated low, never high. */
const BYTES_PER_ROW_ESTIMATE = 100;
/** Below this many rows, rebuilding costs more than it saves. */
const MIN_ROWS = 20_000;

/**
 * For a file that will at least double a table, drops the table's non-unique indexes for the
 * duration of the load and returns the statements that rebuild them. Unique indexes stay, since
 * the merge relies on them. Everything is inside the import's transaction, so a crash or rollback
 * puts the indexes back as they were.
 */
export function deferSecondaryIndexes(db: Db, table: string, fileBytes: number): string[] {
  const existing = (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  if (fileBytes / BYTES_PER_ROW_ESTIMATE < Math.max(existing, MIN_ROWS)) return [];
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
    .all(table) as { name: string; sql: string }[];
  const deferred: string[] = [];
  for (const ix of indexes) {
    if (/^\s*CREATE\s+UNIQUE\b/i.test(ix.sql)) continue;
    db.exec(`DROP INDEX "${ix.name.replace(/"/g, '""')}"`);
    deferred.push(ix.sql);
  }
  return deferred;
}

/**
 * For a load into an empty table: drops the table's named unique indexes (its natural key) and
 * returns the statements that rebuild them, for TableWriter.restoreUniqueKey at the end of the
 * load. With no rows already there, nothing can be merged, so the key only has to catch rows of
 * the file that repeat each other, which one sorted build at the end does for a fraction of the
 * cost of keeping the index up to date row by row. Inside the import's transaction, like the others.
 */
export function deferUniqueKey(db: Db, table: string): string[] {
  if (db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined) return [];
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
    .all(table) as { name: string; sql: string }[];
  const deferred: string[] = [];
  for (const ix of indexes) {
    if (!/^\s*CREATE\s+UNIQUE\b/i.test(ix.sql)) continue;
    db.exec(`DROP INDEX "${ix.name.replace(/"/g, '""')}"`);
    deferred.push(ix.sql);
  }
  return deferred;
}
