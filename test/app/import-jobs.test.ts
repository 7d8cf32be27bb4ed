// Import jobs as the screen drives them: progress while a long file is read, cancel part-way
// leaving the database untouched, and a finished job reporting its summary.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { AppContext, createHandlers } from '../../electron/handlers';
import { tempDir } from '../support/tmp';
import { ScriptedHost } from './scripted-host';

function setup() {
  const dir = tempDir();
  const host = new ScriptedHost(dir);
  const ctx = new AppContext(path.join(dir, 'app.sqlite'), host, { fixturesDir: dir });
  return { dir, host, ctx, h: createHandlers(ctx) };
}

function bigAllocations(dir: string, rows: number): string {
  const file = path.join(dir, 'big-allocations.csv');
  const lines = ['case_id,case_type,staff_id,team,start_date,end_date'];
  for (let i = 0; i < rows; i++) lines.push(`C${i},CIN,S${i % 500},North,2018-0${1 + (i % 9)}-1${i % 10},`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('import jobs', () => {
  it('reports progress on a long file and cancels part-way without writing anything', async () => {
    const { dir, host, ctx, h } = setup();
    host.nextPicks.push([bigAllocations(dir, 300_000)]);
    const [file] = await h.pickFiles({ multiple: false });
    const { jobId } = await h.startImport({ fileId: file!.id, source: 'allocations', preset: 'canonical', acceptValid: false, dryRun: false });
    const moving = await until(() => h.importProgress({ jobId }), (p) => p.rowsRead > 0 || p.state !== 'running');
    expect(moving.state).toBe('running');
    expect(moving.fraction).toBeGreaterThan(0);
    expect(moving.fraction).toBeLessThan(1);
    expect(await h.cancelImport({ jobId })).toEqual({ cancelled: true });
    const end = await until(() => h.importProgress({ jobId }), (p) => p.state !== 'running');
    expect(end.state).toBe('cancelled');
    expect((ctx.db().prepare('SELECT COUNT(*) AS n FROM allocation').get() as { n: number }).n).toBe(0);
    // A finished job is forgotten once reported.
    await expect(h.importProgress({ jobId })).rejects.toThrow(/no longer running/);
    ctx.close();
  });

  it('finishes a job with the summary of what changed', async () => {
    const { host, ctx, h } = setup();
    host.nextPicks.push([path.join(__dirname, '../../fixtures/hand/workers.csv')]);
    const [file] = await h.pickFiles({ multiple: false });
    const detected = await h.detectFile({ fileId: file!.id });
    expect(detected).toMatchObject({ source: 'workers', preset: 'canonical', presetBySource: { workers: 'canonical' } });
    const { jobId } = await h.startImport({ fileId: file!.id, source: 'workers', preset: 'canonical', acceptValid: false, dryRun: false });
    const end = await until(() => h.importProgress({ jobId }), (p) => p.state !== 'running');
    expect(end.state).toBe('done');
    const rows = fs.readFileSync(path.join(__dirname, '../../fixtures/hand/workers.csv'), 'utf8').trim().split('\n').length - 1;
    expect(end.result).toMatchObject({ outcome: 'imported', rowsRead: rows, inserted: rows, rejected: 0 });
    const history = await h.listImports({});
    expect(history[0]).toMatchObject({ fileName: 'workers.csv', outcome: 'imported', canUndo: true });
    ctx.close();
  });
});
