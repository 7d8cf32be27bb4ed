// SIGKILL at random points during an undo, and during a merge into a WAL database (issue 16):
// every time, the database opens intact and is exactly the state before or exactly the state
// after, never anything between.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../../electron/db/open';
import { runImport, undoImport } from '../../electron/import/index';
import { tempDir } from '../support/tmp';

const A = 'case_id,case_type,staff_id,team,start_date,end_date';
const TABLES = ['allocation', 'import_log', 'import_change', 'import_confirm', 'meta'];

function fingerprint(db: Db): string {
  const hash = crypto.createHash('sha256');
  for (const t of TABLES) {
    for (const r of db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).iterate() as Iterable<Record<string, unknown>>) {
      // When an undo ran is the clock's, not the data's: the child's undo and the copy's differ.
      const { undone_at: _when, ...data } = r;
      hash.update(JSON.stringify(data));
    }
  }
  return hash.digest('hex');
}

function allocationLines(from: number, to: number, end = ''): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) out.push(`CASE-${i},CIN,STAFF-${i % 300},Team ${i % 9},2019-${String((i % 12) + 1).padStart(2, '0')}-01,${end}`);
  return out;
}

/** Copies a closed database (checkpointed, so one file) for one trial. */
function copyOf(source: string, dir: string, name: string): string {
  const dest = path.join(dir, name);
  fs.copyFileSync(source, dest);
  return dest;
}

/** Runs crash-child.ts with args and kills it `delayMs` after its output satisfies `trigger`. */
function runAndKill(args: string[], kill: { trigger: (out: string) => boolean; delayMs: number }): Promise<'killed' | 'finished'> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'crash-child.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: path.resolve(__dirname, '../..'),
  });
  let out = '';
  let err = '';
  let armed = false;
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!armed && kill.trigger(out)) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), kill.delayMs);
      }
    });
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0) resolve('finished');
      else reject(new Error(`child failed (${code}): ${out} ${err}`));
    });
  });
}

function setUp(dir: string) {
  const base = path.join(dir, 'base.sqlite');
  const db = openDatabase(base);
  const a = path.join(dir, 'a.csv');
  const b = path.join(dir, 'b.csv');
  // B repeats 10,000 of A's rows unchanged, closes 5,000 more, and adds 25,000.
  fs.writeFileSync(a, [A, ...allocationLines(0, 20_000)].join('\n') + '\n');
  fs.writeFileSync(b, [A, ...allocationLines(5_000, 15_000), ...allocationLines(15_000, 20_000, '2019-12-31'), ...allocationLines(20_000, 45_000)].join('\n') + '\n');
  return { base, db, a, b };
}

describe('SIGKILL during undo and during a merge into a WAL database', () => {
  it('undo killed at random points: N of N intact, each exactly before or after', async () => {
    const dir = tempDir();
    const { base, db, a, b } = setUp(dir);
    await runImport(db, { file: a, dbPath: base });
    await runImport(db, { file: b, dbPath: base });
    db.pragma('wal_checkpoint(TRUNCATE)');
    const before = fingerprint(db);
    db.close();
    // The state after undoing import 1, worked out on a copy.
    const done = openDatabase(copyOf(base, dir, 'done.sqlite'));
    undoImport(done, 1);
    const after = fingerprint(done);
    done.close();
    expect(after).not.toBe(before);

    // The last lets the undo finish: "after" must be whole too.
    const delays = [0, 50, 250, 20_000];
    const seen: string[] = [];
    for (const [n, delayMs] of delays.entries()) {
      const file = copyOf(base, dir, `undo-${n}.sqlite`);
      const how = await runAndKill(['undo', file, '1'], { trigger: (out) => out.includes('undoing\n'), delayMs });
      const check = openDatabase(file);
      try {
        expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
        const state = fingerprint(check);
        expect([before, after]).toContain(state);
        seen.push(`${how}:${state === before ? 'before' : 'after'}`);
      } finally {
        check.close();
      }
    }
    expect(seen).toHaveLength(delays.length);
    // At least one kill landed inside the undo's transaction (if every one came too late the test would prove nothing).
    expect(seen.some((s) => s === 'killed:before')).toBe(true);
    if (process.env.SHOW_CRASH) console.log(seen);
  }, 300_000);

  it('a merge into a WAL database killed at random points: N of N intact and exactly as before', async () => {
    const dir = tempDir();
    const { base, db, a, b } = setUp(dir);
    await runImport(db, { file: a, dbPath: base });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.pragma('wal_checkpoint(TRUNCATE)');
    const before = fingerprint(db);
    db.close();
    const killAt = [1, 20_000, 40_000];
    const seen: string[] = [];
    for (const [n, rows] of killAt.entries()) {
      const file = copyOf(base, dir, `merge-${n}.sqlite`);
      const how = await runAndKill([file, b], { trigger: (out) => [...out.matchAll(/progress (\d+)\n/g)].some((m) => Number(m[1]) >= rows), delayMs: 0 });
      const check = openDatabase(file);
      try {
        expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(fingerprint(check)).toBe(before);
        seen.push(how);
      } finally {
        check.close();
      }
    }
    expect(seen).toEqual(killAt.map(() => 'killed'));
  }, 300_000);
});
