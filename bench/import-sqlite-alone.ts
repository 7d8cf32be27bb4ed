// Part of `npm run bench import`: SQLite's own share of an import, timed alone. The rows the
// importer stored are read back (already parsed, checked and hashed) and written into a new
// database exactly as the importer writes them (startTableLoad, as the importer: the same table
// and constraints, 16-row inserts, the keys built once at the end; the rollback journal; one transaction), so
// the time is what any importer storing these rows in this schema would spend in SQLite.
// Usage: node --import tsx bench/import-sqlite-alone.ts IMPORTED_DB NEW_DB FILE_BYTES
import fs from 'node:fs';
import { openDatabase } from '../electron/db/open';
import { useRollbackJournal } from '../electron/import/bulk-journal';
import { startTableLoad } from '../electron/import/table-load';
import { TABLES } from '../electron/import/tables';
import type { StoredValue } from '../electron/import/convert';

const [from, to, bytes] = process.argv.slice(2);
const spec = TABLES.allocations;
const source = openDatabase(from!, { readonly: true });
const rows = source.prepare(`SELECT ${spec.columns.join(', ')} FROM allocation ORDER BY id`).raw().all() as StoredValue[][];
source.close();
const values: StoredValue[] = rows.flat();
rows.length = 0;
for (const s of ['', '-wal', '-shm', '-journal']) fs.rmSync(to! + s, { force: true });
const db = openDatabase(to!);
db.pragma('cache_size = -16384');

const t0 = performance.now();
const backToWal = useRollbackJournal(db);
db.exec('BEGIN IMMEDIATE');
const importId = Number(
  db.prepare(`INSERT INTO import_log (file_name, sha256, source, layout, started_at, outcome) VALUES ('bench', 'bench', 'allocations', 'canonical', ?, 'imported')`)
    .run(new Date().toISOString()).lastInsertRowid,
);
const load = startTableLoad(db, spec, importId, Number(bytes));
const width = spec.columns.length;
for (let offset = 0, row = 2; offset < values.length; offset += width, row++) load.writer.write(values, row, offset);
const t1 = performance.now();
const repeats = load.finish();
const t2 = performance.now();
db.exec('COMMIT');
backToWal();
const t3 = performance.now();
db.close();
if (repeats.length > 0) throw new Error('the rows read back repeat a key');
console.log(JSON.stringify({ rows: values.length / width, insert: (t1 - t0) / 1000, indexes: (t2 - t1) / 1000, commit: (t3 - t2) / 1000, total: (t3 - t0) / 1000 }));
