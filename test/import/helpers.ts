// Shared test helpers: write a CSV into a temporary folder, import it, dump whole tables.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../electron/db/open';
import { runImport, type RunImportOptions } from '../../electron/import/index';
import { tempDb, tempDir } from '../support/tmp';

export const DATA_TABLES = ['spell', 'allocation', 'asye', 'establishment'] as const;

export function writeFile(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** Lines joined with \n and a final newline, as most exports end. */
export function csv(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

export function setup() {
  const { db, file: dbPath, dir } = tempDb();
  const files = tempDir('scrutiny-files-');
  return {
    db,
    dbPath,
    dir,
    file: (name: string, content: string | Buffer) => writeFile(files, name, content),
    run: (file: string, options: Omit<RunImportOptions, 'file'> = {}) => runImport(db, { dbPath, ...options, file }),
  };
}

/** Every row of every data table and the log, for before/after comparisons. */
export function dump(db: Db, tables: readonly string[] = [...DATA_TABLES, 'import_change', 'meta']): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of tables) out[t] = db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all();
  return out;
}

export function rows<T = Record<string, unknown>>(db: Db, sql: string, ...params: unknown[]): T[] {
  return db.prepare(sql).all(...params) as T[];
}
