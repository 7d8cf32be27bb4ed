// A copy of the database before every import, made with SQLite's online backup (consistent even
// while the database is open), in the backups folder beside it. Only the newest ten are kept.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/open';
import { backupDir } from '../paths';
import { freeInWords, isDiskFull, sizeInWords } from '../files/disk-space';
import { ImportProblem } from './problem';

export const BACKUPS_KEPT = 10;
const PREFIX = 'before-import-';
const PATTERN = /^before-import-\d{8}T\d{6}\d{3}Z(-\d+)?\.sqlite$/;

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:.]/g, '');
}

/** Backs the database up and prunes old backups; returns the new backup's path (null for :memory:). */
export async function backupBeforeImport(db: Db, dbPath: string | undefined, now = new Date()): Promise<string | null> {
  if (!dbPath || dbPath === ':memory:' || db.memory) return null;
  const dir = backupDir(dbPath);
  fs.mkdirSync(dir, { recursive: true });
  let file = path.join(dir, `${PREFIX}${stamp(now)}.sqlite`);
  for (let n = 2; fs.existsSync(file); n++) file = path.join(dir, `${PREFIX}${stamp(now)}-${n}.sqlite`);
  try {
    await db.backup(file);
  } catch (e) {
    fs.rmSync(file, { force: true });
    if (!isDiskFull(e)) throw e;
    const needs = [dbPath, `${dbPath}-wal`].reduce((n, f) => n + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
    throw new ImportProblem(
      'disk_full',
      `The backup made before every import could not be written: the disk holding ${dir} is full (the backup needs about ${sizeInWords(needs)}, and ${freeInWords(dir)}). ` +
        'Nothing was imported. Free some space, or move the database to a disk with more room, then import the file again.',
    );
  }
  pruneBackups(dir);
  return file;
}

/** The backups this module made, oldest first (names sort by time). */
export function listImportBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => PATTERN.test(f))
    .sort((a, b) => {
      const [ta, na] = [a.slice(0, PREFIX.length + 19), Number(/-(\d+)\.sqlite$/.exec(a)?.[1] ?? 1)];
      const [tb, nb] = [b.slice(0, PREFIX.length + 19), Number(/-(\d+)\.sqlite$/.exec(b)?.[1] ?? 1)];
      return ta < tb ? -1 : ta > tb ? 1 : na - nb;
    })
    .map((f) => path.join(dir, f));
}

function pruneBackups(dir: string): void {
  const all = listImportBackups(dir);
  for (const old of all.slice(0, Math.max(0, all.length - BACKUPS_KEPT))) fs.rmSync(old, { force: true });
}
