// The file read in a worker thread while the importing thread writes (large files) must give
// exactly what reading it in the importing thread gives: the same rows, the same case keys, the
// same problems in the same order, the same restarts, refusals and cancellation.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { runImport, type RunImportOptions } from '../../electron/import/index';
import { convertedBatches, convertWorkerFile, type ConvertMode } from '../../electron/import/convert-thread';
import { sniffFile } from '../../electron/import/csv-stream';
import { detectFile } from '../../electron/import/detect';
import { chooseLayout } from '../../electron/import/resolve-layout';
import { packValues, unpackValues } from '../../electron/import/pack-values';
import type { ImportResult } from '../../shared/import-types';
import { tempDb, tempDir } from '../support/tmp';
import { csv, dump, writeFile } from './helpers';

const HEAD = 'case_id,case_type,staff_id,team,start_date,end_date';

/** n allocations over a few years, with the odd problem and repeat planted at known rows. */
function allocations(n: number): { text: string; bad: number[]; repeats: number[]; twoLineTeams: number } {
  const lines = [HEAD];
  let twoLineTeams = 0;
  const bad: number[] = [];
  const repeats: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = i + 2; // file row: the heading is row 1
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
    const start = `${2015 + (i % 7)}-${month}-${day}`;
    if (i % 997 === 500) {
      bad.push(row);
      lines.push(`C${i},XYZ,E${i % 300},Team ${i % 9},${start},`);
    } else if (i % 1009 === 700) {
      // Repeats the previous line's key (case, worker, start).
      repeats.push(row);
      lines.push(lines[lines.length - 1]!);
    } else {
      const team = i % 50 === 0 ? '"Duty and\nAssessment"' : `Team ${i % 9}`;
      if (i % 50 === 0) twoLineTeams++;
      lines.push(`C${i},${['CIN', 'CP', 'CLA'][i % 3]},E${i % 300},${team},${start},${i % 4 === 0 ? '' : `${2023 + (i % 2)}-01-31`}`);
    }
  }
  return { text: csv(...lines), bad, repeats, twoLineTeams };
}

/** The same empty database twice (one file copied, so both hash case IDs with the same key). */
function twinDatabases() {
  const dir = tempDir();
  const first = path.join(dir, 'a.sqlite');
  const db = openDatabase(first);
  db.prepare(`INSERT INTO meta (key, value) VALUES ('case_id_hmac_key', ?)`).run('ab'.repeat(32));
  db.close();
  const second = path.join(dir, 'b.sqlite');
  fs.copyFileSync(first, second);
  return [openDatabase(first), openDatabase(second)] as const;
}

/** A result without what differs between two runs of the same import (paths, backups). */
function comparable(r: ImportResult) {
  const { backupFile: _b, ...rest } = r;
  return rest;
}

async function bothWays(file: string, options: Omit<RunImportOptions, 'file'> = {}) {
  const [a, b] = twinDatabases();
  const modes: ConvertMode[] = [];
  const now = new Date('2026-01-15T10:00:00Z');
  const inWorker = await runImport(a, { ...options, file, now, parseInWorker: true, onConvertMode: (m) => modes.push(m) });
  const inline = await runImport(b, { ...options, file, now, parseInWorker: false });
  return { inWorker, inline, modes, a, b };
}

describe('reading the file in a worker thread', () => {
  it('the worker script is found beside the import modules', () => {
    expect(convertWorkerFile()).toMatch(/convert-worker\.mjs$/);
  });

  it('gives the same rows, case keys, counts and problems (in file order) as reading inline', async () => {
    const dir = tempDir();
    const { text, bad, repeats, twoLineTeams } = allocations(12_000);
    const file = writeFile(dir, 'allocations.csv', text);
    const { inWorker, inline, modes, a, b } = await bothWays(file, { acceptValid: true, extractDate: '2025-12-31' });
    expect(modes).toEqual(['worker']);
    expect(comparable(inWorker)).toEqual(comparable(inline));
    expect(inWorker.outcome).toBe('partial');
    expect(inWorker.rowsRead).toBe(12_000);
    expect(inWorker.rejected).toBe(bad.length + repeats.length);
    expect(inWorker.inserted).toBe(12_000 - bad.length - repeats.length);
    // Every planted problem, in file order, the repeats naming the row they repeat.
    expect(inWorker.problems.map((p) => p.row)).toEqual([...bad, ...repeats].sort((x, y) => x - y));
    const repeat = inWorker.problems.find((p) => p.row === repeats[0]);
    expect(repeat?.reason).toBe(`repeats the case ID, staff ID and start date of row ${repeats[0]! - 1} of this file`);
    expect(dump(a, ['allocation'])).toEqual(dump(b, ['allocation']));
    // Case IDs are stored hashed, never as given.
    expect(a.prepare(`SELECT COUNT(*) AS n FROM allocation WHERE length(case_key) <> 32 OR case_key GLOB '*[^0-9a-f]*'`).get()).toEqual({ n: 0 });
    // A team typed over two lines in one cell arrives as one line.
    expect(a.prepare(`SELECT COUNT(*) AS n FROM allocation WHERE team = 'Duty and Assessment'`).get()).toEqual({ n: twoLineTeams });
  });

  it('strict by default: one bad row and nothing is written, the same way', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'allocations.csv', allocations(3_000).text);
    const { inWorker, inline, a } = await bothWays(file, { extractDate: '2025-12-31' });
    expect(inWorker.outcome).toBe('failed');
    expect(comparable({ ...inWorker, importId: null })).toEqual(comparable({ ...inline, importId: null }));
    expect(a.prepare('SELECT COUNT(*) AS n FROM allocation').get()).toEqual({ n: 0 });
  });

  it('a column that proves month first restarts the import the same way', async () => {
    const dir = tempDir();
    const lines = [HEAD];
    for (let i = 0; i < 2_000; i++) lines.push(`C${i},CIN,E${i % 50},Team A,0${1 + (i % 9)}/0${1 + (i % 9)}/2019,`);
    lines.push('C9999,CIN,E1,Team A,03/25/2019,');
    const file = writeFile(dir, 'us.csv', csv(...lines));
    const { inWorker, inline, a } = await bothWays(file, { extractDate: '2025-12-31' });
    expect(comparable(inWorker)).toEqual(comparable(inline));
    expect(inWorker.inserted).toBe(2_001);
    expect(inWorker.assumptions.join(' ')).toMatch(/read month first .* row 2002/);
    expect(a.prepare(`SELECT start_date FROM allocation WHERE staff_id = 'E1' ORDER BY id DESC LIMIT 1`).get()).toEqual({ start_date: '2019-03-25' });
  });

  it('a file that stops being UTF-8 part-way is refused with the same message', async () => {
    const dir = tempDir();
    const good = Buffer.from(allocations(8_000).text.replace(/XYZ/g, 'CIN'), 'utf8');
    const file = writeFile(dir, 'mixed.csv', Buffer.concat([good, Buffer.from([0x43, 0x31, 0x2c, 0xe9, 0x0a])]));
    const [a, b] = twinDatabases();
    const failure = (p: Promise<unknown>) => p.then(() => 'imported', (e: Error) => `${e.name}: ${e.message}`);
    const one = await failure(runImport(a, { file, parseInWorker: true, acceptValid: true, extractDate: '2025-12-31' }));
    const two = await failure(runImport(b, { file, parseInWorker: false, acceptValid: true, extractDate: '2025-12-31' }));
    expect(one).toMatch(/^ImportProblem: The file is not consistent text: it starts as UTF-8 but has bytes that are not UTF-8 near byte/);
    expect(one).toBe(two);
    expect(a.prepare('SELECT COUNT(*) AS n FROM allocation').get()).toEqual({ n: 0 });
  });

  it('lets the event loop turn between batches (the app answers progress polls and Cancel meanwhile)', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'allocations.csv', allocations(40_000).text.replace(/XYZ/g, 'CIN'));
    const { db } = tempDb();
    let ticks = 0;
    const ticksAtProgress: number[] = [];
    const timer = setInterval(() => ticks++, 0);
    try {
      await runImport(db, { file, parseInWorker: true, acceptValid: true, onProgress: () => ticksAtProgress.push(ticks) });
    } finally {
      clearInterval(timer);
    }
    // A timer fired at least once in every two batches written (one turn of the loop can write
    // two: one as the message arrives, one in the turn's check phase). Before the fix the count
    // stood still for the whole import.
    expect(ticksAtProgress.length).toBeGreaterThan(5);
    for (let i = 2; i < ticksAtProgress.length; i++) expect(ticksAtProgress[i]).toBeGreaterThan(ticksAtProgress[i - 2]!);
  });

  it('cancelling stops the worker and writes nothing', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'allocations.csv', allocations(20_000).text.replace(/XYZ/g, 'CIN'));
    const { db } = tempDb();
    const before = dump(db);
    const controller = new AbortController();
    const modes: ConvertMode[] = [];
    const result = await runImport(db, {
      file,
      parseInWorker: true,
      acceptValid: true,
      signal: controller.signal,
      onProgress: () => controller.abort(),
      onConvertMode: (m) => modes.push(m),
    });
    expect(modes).toEqual(['worker']);
    expect(result.outcome).toBe('cancelled');
    expect(result.rowsRead).toBeLessThan(20_000);
    expect(dump(db)).toEqual(before);
  });

  it('a worker that cannot start leaves the file to be read inline, with the same result', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'allocations.csv', allocations(1_000).text);
    const broken = writeFile(dir, 'broken-worker.mjs', 'throw new Error("cannot load");\n');
    const { db } = tempDb();
    const binding = chooseLayout(db, detectFile(file, db).headers, { source: 'allocations' });
    const s = sniffFile(file);
    const job = {
      file,
      sniffed: { encoding: s.encoding, delimiter: s.delimiter, newline: s.newline, bytes: s.bytes },
      binding,
      source: 'allocations' as const,
      extractDate: '2025-12-31',
      dateOrders: {},
      caseKeySecret: new Uint8Array(32).fill(7),
    };
    const read = async (options: Parameters<typeof convertedBatches>[1]) => {
      const out: unknown[] = [];
      for await (const batch of convertedBatches(job, options)) out.push(batch);
      return out;
    };
    const modes: ConvertMode[] = [];
    const fallen = await read({ worker: true, workerFile: broken, onMode: (m) => modes.push(m) });
    expect(modes).toEqual(['inline-after-worker-failed']);
    expect(fallen).toEqual(await read({ worker: false }));
    // The worker's batches are the same rows with the same values (split where its chunks end),
    // whichever thread hashes the case IDs.
    const flat = (batches: unknown[]) => (batches as { values: unknown[]; rows: number[] }[]).flatMap((b) => b.rows.map((r, i) => [r, b.values.slice(i * 6, i * 6 + 6)]));
    for (const caseIdHashing of ['balanced', 'importer', 'here'] as const) {
      expect(flat(await read({ worker: true, caseIdHashing }))).toEqual(flat(fallen));
    }
    const keys = flat(fallen).map(([, values]) => (values as string[])[0]);
    expect(keys.every((k) => /^[0-9a-f]{32}$/.test(k ?? ''))).toBe(true);
  });
});

describe('packing a batch of values into one string', () => {
  it('unpacks to exactly what was packed, or refuses a text value that could pass for a marker', () => {
    const value = fc.oneof(fc.string({ unit: 'binary' }), fc.constant(null), fc.double(), fc.integer(), fc.constantFrom('\u0000', '\u0001x', '\u0002', ''));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 40 }), (values) => {
        const packed = packValues(values);
        const unsafe = values.some((v) => typeof v === 'string' && v.length > 0 && (v.includes('\u0000') || v.charCodeAt(0) <= 2));
        if (unsafe) expect(packed).toBeNull();
        else expect(unpackValues(packed!, values.length)).toEqual(values);
      }),
      { numRuns: 500 },
    );
  });
});
