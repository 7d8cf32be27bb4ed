// Temporary folders and databases for tests, removed when the test file finishes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openDatabase, type Db, type OpenOptions } from '../../electron/db/open';

const dirs: string[] = [];
const dbs: Db[] = [];

afterAll(() => {
  for (const db of dbs) if (db.open) db.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

export function tempDir(prefix = 'scrutiny-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** A fresh database file in its own temporary folder (so backups land there too). */
export function tempDb(options: OpenOptions = {}): { db: Db; file: string; dir: string } {
  const dir = tempDir();
  const file = path.join(dir, 'test.sqlite');
  const db = openDatabase(file, options);
  dbs.push(db);
  return { db, file, dir };
}

/** The DfE's published files, bundled in the repository (fixtures/dfe/README.md: source, edition, licence). */
export const DFE_DIR = path.resolve(__dirname, '../../fixtures/dfe');
