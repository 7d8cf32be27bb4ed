// An import killed with SIGKILL part-way through a large file: SQLite's journal undoes the open
// transaction, so the database is exactly as before and passes its integrity check.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../electron/db/open';
import { csv, dump, setup } from './helpers';

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

    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'crash-child.ts'), t.dbPath, big], {
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
    expect(killedAt).toBeLessThan(400_001);
    // The WAL still holds the uncommitted frames; opening the database must ignore them.
    expect(fs.existsSync(t.dbPath)).toBe(true);

    const db = openDatabase(t.dbPath);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(dump(db, ['spell', 'allocation', 'asye', 'establishment', 'import_change', 'import_log', 'meta'])).toEqual(before);
    } finally {
      db.close();
    }
  }, 60_000);
});
