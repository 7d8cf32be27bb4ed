// `npm run bench import`: the full validated import of N allocations through the command line,
// against the sqlite3 shell's `.import --csv` of the same file into an untyped table with no
// indexes (the floor: parsing and inserting, nothing else). Prints wall and CPU times, the
// ratio, rows per second and the importer's peak memory at 100,000 and 1,000,000 rows; and,
// to show where the time goes, SQLite's own share: the importer's writes of the same rows
// (already read, checked and hashed) timed alone (import-sqlite-alone.ts).
// Peak memory and CPU come from /usr/bin/time -v; wall time from this process's clock.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeDemoExports } from '../electron/demo/write';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const SIZES = (process.env.BENCH_IMPORT_SIZES ?? '100000,1000000').split(',').map(Number);
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

interface Run {
  wall: number;
  cpu: number | null;
  maxRssMb: number | null;
  stdout: string;
  stderr: string;
  status: number | null;
}

function timed(cmd: string, args: string[], input?: string): Run {
  const t0 = performance.now();
  const r = TIME
    ? spawnSync(TIME, ['-v', cmd, ...args], { input, encoding: 'utf8', cwd: ROOT, maxBuffer: 64 * 1024 * 1024 })
    : spawnSync(cmd, args, { input, encoding: 'utf8', cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  const wall = (performance.now() - t0) / 1000;
  const num = (re: RegExp) => {
    const m = re.exec(r.stderr);
    return m ? Number(m[1]) : null;
  };
  const user = num(/User time \(seconds\): ([\d.]+)/);
  const sys = num(/System time \(seconds\): ([\d.]+)/);
  const rss = num(/Maximum resident set size \(kbytes\): (\d+)/);
  return {
    wall,
    cpu: user !== null && sys !== null ? user + sys : null,
    maxRssMb: rss === null ? null : rss / 1024,
    stdout: r.stdout,
    stderr: r.stderr,
    status: r.status,
  };
}

const fmt = (n: number | null, digits = 2) => (n === null ? 'n/a' : n.toFixed(digits));
const results: string[] = [];

const startup = timed(process.execPath, ['bin/scrutiny-pack.mjs', 'help']);
console.log(`Command-line start-up (help, no import): ${fmt(startup.wall)} s wall, ${fmt(startup.cpu)} s CPU, ${fmt(startup.maxRssMb, 0)} MB peak`);
console.log(`Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);

for (const n of SIZES) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
  try {
    const manifest = await writeDemoExports(dir, { allocations: n, seed: 1 });
    const entry = manifest.files.find((f) => f.source === 'allocations')!;
    const file = path.join(dir, entry.file);
    const rows = entry.rows;
    const mb = fs.statSync(file).size / 1024 / 1024;

    const db = path.join(dir, 'bench.sqlite');
    const ours = timed(process.execPath, ['bin/scrutiny-pack.mjs', 'import', '--db', db, '--source', 'allocations', '--extract-date', manifest.endDate, file]);
    if (ours.status !== 0 || !/Imported/.test(ours.stdout)) {
      console.error(ours.stdout, ours.stderr);
      throw new Error(`the import of ${rows} rows failed`);
    }
    const shellDb = path.join(dir, 'shell.sqlite');
    const shell = timed('sqlite3', [shellDb], `CREATE TABLE allocation_raw(case_id, case_type, staff_id, team, start_date, end_date);\n.import --csv --skip 1 ${file} allocation_raw\n`);
    if (shell.status !== 0) throw new Error(`sqlite3 failed: ${shell.stderr}`);

    const alone = spawnSync(process.execPath, ['--import', 'tsx', 'bench/import-sqlite-alone.ts', db, path.join(dir, 'alone.sqlite'), String(fs.statSync(file).size)], {
      encoding: 'utf8',
      cwd: ROOT,
    });
    if (alone.status !== 0) throw new Error(`timing SQLite alone failed: ${alone.stderr}`);
    const sqlite = JSON.parse(alone.stdout) as { insert: number; indexes: number; commit: number; total: number };

    const line =
      `${rows.toLocaleString('en-GB').padStart(9)} rows (${mb.toFixed(0)} MB): ` +
      `importer ${fmt(ours.wall)} s wall / ${fmt(ours.cpu)} s CPU, sqlite3 shell ${fmt(shell.wall)} s wall / ${fmt(shell.cpu)} s CPU, ` +
      `ratio ${fmt(ours.wall / shell.wall, 1)}x wall / ${ours.cpu && shell.cpu ? fmt(ours.cpu / shell.cpu, 1) : 'n/a'}x CPU, ` +
      `${Math.round(rows / ours.wall).toLocaleString('en-GB')} rows/s, importer peak ${fmt(ours.maxRssMb, 0)} MB`;
    const share =
      `${' '.repeat(9)}  SQLite alone (the importer's writes of the same rows, nothing read or checked): ${fmt(sqlite.total)} s = ` +
      `${fmt(sqlite.total / shell.wall, 1)}x the shell (inserts ${fmt(sqlite.insert)} s, natural key and measures' index ${fmt(sqlite.indexes)} s, commit ${fmt(sqlite.commit)} s)`;
    console.log(line);
    console.log(share);
    results.push(line, share);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
console.log('\nTargets: within 2x the sqlite3 shell, peak memory under 300 MB and flat as the file grows.');
