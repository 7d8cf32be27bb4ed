// Writing converted rows into their table, merging by natural key: a new key is inserted (and
// carries the import's id, which is how undo finds it); a known key with changed values is
// updated after its full before-image is saved in import_change; an identical row is left
// alone. A key seen twice in one file is a duplicate. All of it runs inside the import's
// transaction with prepared statements made once.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import type { StoredValue } from './convert';
import type { TableSpec } from './tables';

export type WriteOutcome = 'inserted' | 'updated' | 'unchanged' | 'duplicate';

export class TableWriter {
  private readonly insert: Statement;
  private readonly find: Statement;
  private readonly update: Statement;
  private readonly journal: Statement;
  private readonly markSeen: Statement;
  private readonly args: StoredValue[];

  constructor(
    db: Db,
    private readonly spec: TableSpec,
    private readonly importId: number,
  ) {
    this.args = [...spec.columns.map(() => null), importId];
    // Table and column names come from TABLES (code), never from the file.
    const cols = spec.columns.join(', ');
    const marks = spec.columns.map(() => '?').join(', ');
    this.insert = db.prepare(
      `INSERT INTO ${spec.table} (${cols}, import_id) VALUES (${marks}, ?) ON CONFLICT (${spec.key.join(', ')}) DO NOTHING`,
    );
    this.find = db.prepare(`SELECT * FROM ${spec.table} WHERE ${spec.key.map((k) => `${k} = ?`).join(' AND ')}`);
    this.update = db.prepare(`UPDATE ${spec.table} SET ${spec.columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
    this.journal = db.prepare(`INSERT INTO import_change (import_id, table_name, row_id, before_json) VALUES (?, ?, ?, ?)`);
    // Rows of earlier imports this file has already matched: a second match is a duplicate.
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS import_seen (row_id INTEGER PRIMARY KEY)`);
    db.exec(`DELETE FROM temp.import_seen`);
    this.markSeen = db.prepare(`INSERT OR IGNORE INTO temp.import_seen (row_id) VALUES (?)`);
  }

  write(values: StoredValue[]): WriteOutcome {
    // One reused parameter array: spreading the values into a fresh argument list per row is
    // measurable at a million rows.
    const args = this.args;
    for (let i = 0; i < values.length; i++) args[i] = values[i]!;
    if (this.insert.run(args).changes === 1) return 'inserted';
    const keyValues = this.spec.key.map((k) => values[this.spec.columns.indexOf(k)]);
    const existing = this.find.get(...keyValues) as Record<string, StoredValue> & { id: number; import_id: number };
    if (existing.import_id === this.importId) return 'duplicate';
    if (this.markSeen.run(existing.id).changes === 0) return 'duplicate';
    const same = this.spec.columns.every((c, i) => existing[c] === values[i]);
    if (same) return 'unchanged';
    this.journal.run(this.importId, this.spec.table, existing.id, JSON.stringify(existing));
    this.update.run(...values, existing.id);
    return 'updated';
  }
}
