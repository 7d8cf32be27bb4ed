// The Paper screen's export runs in a worker thread (issue 16): while a long paper is laid out the
// main process's event loop keeps answering (timers, other calls from the page), and the file
// written is the one the main thread itself would have made.
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { invokeHandler } from '../../electron/handlers';
import { producePaper } from '../../electron/report/index';
import { producePaperOffThread, type PaperThreadMode } from '../../electron/report/export-thread';
import { PREVIEW_REPLACED } from '../../electron/handlers/paper';
import { PAPER_LIMITS } from '../../shared/paper-config';
import { scriptedApp } from '../app/scripted-host';
import { tempDir } from '../support/tmp';
import { FIXTURE_AS_AT, seedFixture } from './fixture';

const SECTIONS = ['summary', 'caseloads', 'agency', 'recruitment', 'children'];

/** Five sections' commentary at its limit: a paper that takes seconds to lay out. */
function longConfig(): Record<string, unknown> {
  const sentence = 'Caseloads in the duty teams were reviewed weekly by senior managers and agency cover fell. ';
  const text = sentence.repeat(Math.ceil(PAPER_LIMITS.commentary / sentence.length)).slice(0, PAPER_LIMITS.commentary).trim();
  return { meetingDate: '2018-07-17', commentary: Object.fromEntries(SECTIONS.map((s) => [s, text])) };
}

/** The longest the event loop went without running a 5 ms timer, and how long calls from the page took, while `work` ran. */
async function responsiveness(work: () => Promise<unknown>, call: () => Promise<unknown>) {
  let last = performance.now();
  const gaps: number[] = [];
  const timer = setInterval(() => {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
  }, 5);
  const calls: number[] = [];
  let done = false;
  const caller = (async () => {
    while (!done) {
      const t0 = performance.now();
      await call();
      calls.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const t0 = performance.now();
  try {
    await work();
  } finally {
    done = true;
    clearInterval(timer);
    await caller;
  }
  gaps.sort((a, b) => a - b);
  const at = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;
  return { ms: performance.now() - t0, maxGap: gaps.at(-1) ?? 0, gap90: at(gaps, 0.9), call50: at(calls.sort((a, b) => a - b), 0.5), call90: at(calls, 0.9), calls: calls.length };
}

/** HTML without the chart library's running counter in clip-path ids (it differs between two calls in one thread too). */
function htmlWithoutIds(html: string): string {
  return html.replace(/(-clip|clipPath-recharts-[a-z]+-|recharts-[a-z]+-clip-?)\d+/g, '$1#');
}

/** A PDF without what differs between two runs: the creation date and the file ID made from it. */
function pdfWithoutDates(pdf: Buffer): string {
  return pdf
    .toString('latin1')
    .replace(/\(D:\d{14}Z\)/g, '(D:)')
    .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/gi, '/ID []')
    .replace(/<xmp:CreateDate>[^<]*<\/xmp:CreateDate>/g, '');
}

/** A Word file's parts, without the created and modified times in docProps/core.xml. */
async function docxParts(bytes: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) {
    const text = await zip.files[name]!.async('base64');
    parts[name] = name === 'docProps/core.xml' ? Buffer.from(text, 'base64').toString('utf8').replace(/<dcterms:(created|modified)[^>]*>[^<]*<\/dcterms:\1>/g, '') : text;
  }
  return parts;
}

const apps: Array<ReturnType<typeof scriptedApp>> = [];
afterEach(() => {
  for (const a of apps.splice(0)) a.ctx.close();
});

function fixtureApp() {
  const app = scriptedApp();
  apps.push(app);
  seedFixture(app.ctx.db());
  return app;
}

describe('paper export off the main thread', () => {
  it('while a long paper is exported from the Paper screen, timers run and another call is answered within 100 ms; the main thread alone held the event loop far longer', async () => {
    const { ctx, handlers, dir } = fixtureApp();
    const config = longConfig();
    const ask = () => invokeHandler(handlers, 'getSettings', {});
    const inline = await responsiveness(() => producePaper(ctx.db(), { asAt: FIXTURE_AS_AT, config, format: 'pdf' }), ask);
    let exported: unknown;
    const worker = await responsiveness(async () => {
      exported = await invokeHandler(handlers, 'exportPaper', { asAt: FIXTURE_AS_AT, config, format: 'pdf' });
    }, ask);
    expect(exported).toMatchObject({ ok: true, value: { name: `workforce-paper-${FIXTURE_AS_AT}.pdf` } });
    expect(fs.statSync(path.join(dir, `workforce-paper-${FIXTURE_AS_AT}.pdf`)).size).toBeGreaterThan(100_000);
    console.log(
      `export of a ${Math.round(fs.statSync(path.join(dir, `workforce-paper-${FIXTURE_AS_AT}.pdf`)).size / 1024)} KB paper: ` +
        `main thread ${Math.round(inline.ms)} ms, longest pause ${Math.round(inline.maxGap)} ms; ` +
        `worker ${Math.round(worker.ms)} ms, longest pause ${Math.round(worker.maxGap)} ms (90th percentile ${worker.gap90.toFixed(1)} ms), ` +
        `median call ${worker.call50.toFixed(1)} ms, 90th percentile ${worker.call90.toFixed(1)} ms over ${worker.calls} calls`,
    );
    // The control: in the main thread, the layout holds the event loop in long stretches (634 ms
    // measured on the loaded 2-core development machine, 131 ms when it was quiet), far longer
    // than the worker's usual timer turn.
    expect(inline.maxGap).toBeGreaterThan(Math.max(50, 4 * worker.gap90));
    // In the worker, nine in ten of the page's calls are answered within 100 ms (0.2 ms was the
    // median measured) and 9 in 10 of the 5 ms timer's turns come within 100 ms; the very
    // slowest are left to the machine's load (eight people's tests share its two cores).
    expect(worker.calls).toBeGreaterThan(5);
    expect(worker.call90).toBeLessThan(100);
    expect(worker.gap90).toBeLessThan(100);

  }, 180_000);

  it.each(['pdf', 'html', 'docx'] as const)('the %s file written by the worker is the one the main thread makes', async (format) => {
    const { ctx, handlers, dir } = fixtureApp();
    const config = { meetingDate: '2018-07-17', recommendations: ['Note the rise in agency use.'], commentary: { caseloads: 'Reviewed weekly.\n\nSecond paragraph.' } };
    const r = await invokeHandler(handlers, 'exportPaper', { asAt: FIXTURE_AS_AT, config, format });
    expect(r.ok).toBe(true);
    const written = fs.readFileSync(path.join(dir, `workforce-paper-${FIXTURE_AS_AT}.${format}`));
    const here = await producePaper(ctx.db(), { asAt: FIXTURE_AS_AT, config, format });
    if (format === 'html') expect(htmlWithoutIds(written.toString('utf8'))).toBe(htmlWithoutIds(here as string));
    else if (format === 'pdf') expect(pdfWithoutDates(written)).toBe(pdfWithoutDates(here as Buffer));
    else expect(await docxParts(written)).toEqual(await docxParts(here as Buffer));
  }, 120_000);

  it('the worker reads what is committed, in one snapshot, while the main connection holds an open transaction', async () => {
    const { ctx } = fixtureApp();
    const modes: PaperThreadMode[] = [];
    const job = { dbFile: ctx.dbFile, request: { asAt: FIXTURE_AS_AT, format: 'html' as const, generatedOn: '2018-07-02' as const } };
    const before = await producePaper(ctx.db(), job.request);
    // An import keeps its transaction open while it reads the file: its rows are not the paper's until it commits.
    ctx.db().exec('BEGIN IMMEDIATE');
    ctx.db().exec("DELETE FROM allocation");
    try {
      const during = await producePaperOffThread(job, () => Promise.reject(new Error('no worker')), { onMode: (m) => modes.push(m) });
      expect(modes).toEqual(['worker']);
      expect(htmlWithoutIds(during.content as string)).toBe(htmlWithoutIds(before));
    } finally {
      ctx.db().exec('ROLLBACK');
    }
  }, 60_000);

  it('the user reads the same words as before for a date or configuration the paper cannot use', async () => {
    const { handlers } = fixtureApp();
    const bad = await invokeHandler(handlers, 'exportPaper', { asAt: FIXTURE_AS_AT, config: { title: 't'.repeat(301) }, format: 'pdf' });
    expect(bad).toEqual({ ok: false, error: expect.stringMatching(/paper configuration is not valid.*title: the title can be at most 300 characters/s) });
  }, 60_000);

  it('a worker that cannot start: the paper is made in the main thread, the same', async () => {
    const { ctx } = fixtureApp();
    const broken = path.join(tempDir(), 'broken-worker.mjs');
    fs.writeFileSync(broken, "throw new Error('cannot load');\n");
    const modes: PaperThreadMode[] = [];
    const request = { asAt: FIXTURE_AS_AT, format: 'html' as const, generatedOn: '2018-07-02' as const };
    const r = await producePaperOffThread({ dbFile: ctx.dbFile, request }, async () => ({ content: await producePaper(ctx.db(), request), warnings: [] }), {
      workerFile: broken,
      onMode: (m) => modes.push(m),
    });
    expect(modes).toEqual(['inline-after-worker-failed']);
    expect(htmlWithoutIds(r.content as string)).toBe(htmlWithoutIds(await producePaper(ctx.db(), request)));
  }, 60_000);

  it('cancelling stops the worker at once and rejects with the reason; nothing is made in the main thread', async () => {
    const { ctx } = fixtureApp();
    const controller = new AbortController();
    let inlineRan = false;
    const t0 = performance.now();
    const p = producePaperOffThread(
      { dbFile: ctx.dbFile, request: { asAt: FIXTURE_AS_AT, format: 'pdf', config: longConfig() } },
      async () => {
        inlineRan = true;
        return { content: '', warnings: [] };
      },
      { signal: controller.signal, onMode: (m) => m === 'worker' && setTimeout(() => controller.abort(new Error('Export cancelled.')), 200) },
    );
    await expect(p).rejects.toThrow('Export cancelled.');
    expect(performance.now() - t0).toBeLessThan(15_000);
    expect(inlineRan).toBe(false);
  }, 60_000);
});

describe('the paper preview off the main thread', () => {
  it('is the web page the main thread makes, read by the worker from what is committed', async () => {
    const { ctx, handlers } = fixtureApp();
    const config = { meetingDate: '2018-07-17', commentary: { caseloads: 'Reviewed weekly.' } };
    const here = await producePaper(ctx.db(), { asAt: FIXTURE_AS_AT, config, format: 'html' });
    // A write the main connection has not committed: a preview made on the main thread would see
    // every allocation gone; the worker's own connection still reads the committed ones.
    ctx.db().exec('BEGIN IMMEDIATE');
    ctx.db().exec('DELETE FROM allocation');
    try {
      const r = await invokeHandler(handlers, 'previewPaper', { asAt: FIXTURE_AS_AT, config });
      expect(r.ok).toBe(true);
      const html = (r as { value: { html: string } }).value.html;
      expect(htmlWithoutIds(html)).toBe(htmlWithoutIds(here as string));
    } finally {
      ctx.db().exec('ROLLBACK');
    }
  }, 60_000);

  it('a newer preview stops the one still being made, which says so', async () => {
    const { handlers } = fixtureApp();
    const first = invokeHandler(handlers, 'previewPaper', { asAt: FIXTURE_AS_AT, config: longConfig() });
    await new Promise((r) => setTimeout(r, 50));
    const second = invokeHandler(handlers, 'previewPaper', { asAt: FIXTURE_AS_AT, config: { meetingDate: '2018-07-17' } });
    expect(await first).toEqual({ ok: false, error: PREVIEW_REPLACED });
    const r = await second;
    expect(r.ok).toBe(true);
    expect((r as { value: { html: string } }).value.html).toContain('<h1');
  }, 60_000);
});
