// An import killed with SIGKILL part-way through a large file: SQLite's journal undoes the open
// transaction, so the database is exactly as before and passes its integrity check.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../electron/db/open';
import { BULK_JOURNAL_MIN_BYTES } from '../../electron/import/bulk-journal';
import { csv, dump, setup } from './helpers';

/** Runs crash-child.ts importing `file` into `dbPath` and kills it once it reports progress. */
async function importAndKill(dbPath: string, file: string, rows: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'crash-child.ts'), dbPath, file], {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: path.resolve(__dirname, '../..'),
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const killedAt = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /progress (\d+)\n/.exec(out);
      if (m && Number(m[1]) > 0) {
        child.kill('SIGKILL');
        resolve(Number(m[1]));
      }
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended before it was killed (code ${code}): ${out} ${stderr}`));
    });
  });
  await new Promise((r) => child.on('close', r));
  expect(killedAt).toBeGreaterThan(0);
  expect(killedAt).toBeLessThan(rows + 1);
  return killedAt;
}

const TABLES = ['spell', 'allocation', 'asye', 'establishment', 'import_change', 'import_log', 'meta'];

describe('crash safety', () => {
  it('SIGKILL during an import leaves the database unchanged and intact', async () => {
    const t = setup();
    await t.run(t.file('first.csv', csv('case_id,case_type,staff_id,team,start_date,end_date', 'C1,CIN,S1,North,2019-01-01,')));
    const before = dump(t.db, ['spell', 'allocation', 'asye', 'establishment', 'import_change', 'import_log', 'meta']);
    t.db.close();

    const lines = ['case_id,case_type,staff_id,team,start_date,end_date'];
    // C1's allocation closes in the big file, so the kill also interrupts an update.
    lines.push('C1,CIN,S1,North,2019-01-01,2019-03-01');
    for (let i = 0; i < 400_000; i++) lines.push(`K${i},CP,S${i % 300},Team ${i % 12},2019-${String((i % 12) + 1).padStart(2, '0')}-01,`);
    const big = t.file('big.csv', lines.join('\n') + '\n');

    await importAndKill(t.dbPath, big, 400_001);
    // The WAL still holds the uncommitted frames; opening the database must ignore them.
    expect(fs.existsSync(t.dbPath)).toBe(true);

    const db = openDatabase(t.dbPath);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(dump(db, TABLES)).toEqual(before);
    } finally {
      db.close();
    }
  }, 60_000);

  it('SIGKILL during a large first load (written through the rollback journal) leaves the database unchanged, back in WAL mode', async () => {
    const t = setup();
    await t.run(t.file('workers.csv', csv('staff_id,role,team,employment_type,fte,start_date', 'S1,case_holder,North,permanent,1,2019-01-01')));
    const before = dump(t.db, TABLES);
    t.db.close();
    const lines = ['case_id,case_type,staff_id,team,start_date,end_date'];
    for (let i = 0; i < 400_000; i++) lines.push(`K${i},CP,S${i % 300},Team ${i % 12},2019-${String((i % 12) + 1).padStart(2, '0')}-01,`);
    const big = t.file('big.csv', lines.join('\n') + '\n');
    expect(fs.statSync(big).size).toBeGreaterThan(BULK_JOURNAL_MIN_BYTES);
    await importAndKill(t.dbPath, big, 400_000);
    // The kill left the rollback journal behind: the next open rolls it back.
    expect(fs.existsSync(`${t.dbPath}-journal`)).toBe(true);
    const db = openDatabase(t.dbPath);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(dump(db, TABLES)).toEqual(before);
    } finally {
      db.close();
    }
  }, 60_000);
});
