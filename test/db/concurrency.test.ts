// Two programs at one database (issue 16): creating it at the same moment must not fail, and a
// write lock held too long is reported with who holds it and what to do.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { MIGRATIONS } from '../../electron/db/migrations';
import { openDatabase } from '../../electron/db/open';
import { runImport, undoImport } from '../../electron/import/index';
import { tempDir } from '../support/tmp';
import { csv, writeFile } from '../import/helpers';

function run(cmd: string, args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: path.resolve(__dirname, '../..') });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('two programs at one database', () => {
  it('two processes creating the same database at once both succeed (6 of 6 rounds)', async () => {
    const dir = tempDir();
    const outcomes: string[] = [];
    for (let round = 0; round < 6; round++) {
      const file = path.join(dir, `race-${round}.sqlite`);
      // Both processes start their open at the same instant, after tsx has loaded in each.
      const startAt = String(Date.now() + 2500);
      const both = await Promise.all([0, 1].map(() => run(process.execPath, ['--import', 'tsx', path.join(__dirname, 'open-child.ts'), file, startAt])));
      for (const r of both) outcomes.push(r.out.trim());
    }
    expect(outcomes).toEqual(Array.from({ length: 12 }, () => `version ${MIGRATIONS.length}`));
  }, 120_000);

  it('a write lock held by another program is reported with the program, its process and what to do', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'locked.sqlite');
    const db = openDatabase(dbPath, { busyTimeoutMs: 300 });
    const file = writeFile(dir, 'a.csv', csv('case_id,case_type,staff_id,team,start_date,end_date', 'C1,CIN,S1,T,2019-01-01,'));
    await runImport(db, { file, dbPath });
    // The sqlite3 shell takes the write lock and keeps it while its input stays open.
    const shell = spawn('sqlite3', [dbPath], { stdio: ['pipe', 'pipe', 'pipe'] });
    shell.stdin.write("BEGIN IMMEDIATE; INSERT INTO settings (key, value) VALUES ('x', '1'); SELECT 'locked';\n");
    await new Promise<void>((resolve) => shell.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve()));
    try {
      const other = writeFile(dir, 'b.csv', csv('case_id,case_type,staff_id,team,start_date,end_date', 'C2,CIN,S1,T,2019-01-01,'));
      const message = await runImport(db, { file: other, dbPath }).then(
        () => 'imported',
        (e: Error) => e.message,
      );
      expect(message).toMatch(new RegExp(`is busy: the program "sqlite3" \\(process ${shell.pid}\\) has been writing to it for more than 300 milliseconds`));
      expect(message).toMatch(/then try again\. Nothing was written\.$/);
      expect(() => undoImport(db, 1)).toThrow(/is busy: the program "sqlite3"/);
      expect(db.prepare('SELECT COUNT(*) AS n FROM allocation').get()).toEqual({ n: 1 });
    } finally {
      shell.stdin.end('ROLLBACK;\n');
      await new Promise((r) => shell.on('close', r));
      db.close();
    }
  }, 30_000);
});
