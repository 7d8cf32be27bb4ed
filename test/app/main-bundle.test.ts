// The Electron shell as shipped: main.ts and preload.ts bundled by scripts/build-electron.mjs,
// loaded under Node with a stand-in 'electron' module (the Electron binary cannot be downloaded
// here), then checked against the security checklist: sandboxed window without Node, every
// contract name registered, calls from other frames refused, arguments validated, navigation,
// pop-ups and permissions refused, the CSP on every response, remote requests cancelled, and the
// preload exposing exactly the contract.
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { API_NAMES } from '../../shared/api';
import { tempDir } from '../support/tmp';

const ROOT = path.resolve(__dirname, '../..');

describe('bundled Electron main process and preload', () => {
  let out: Record<string, any>;
  let outDir: string;

  beforeAll(async () => {
    // Inside node_modules/.cache so the bundle's external packages resolve from the project.
    outDir = path.join(ROOT, 'node_modules', '.cache', 'scrutiny-main-bundle', 'dist-electron');
    fs.rmSync(outDir, { recursive: true, force: true });
    const { buildElectron } = (await import(path.join(ROOT, 'scripts', 'build-electron.mjs'))) as { buildElectron(dir: string): Promise<string> };
    await buildElectron(outDir);
    // Under Node the "Electron-ABI" engine is the Node build; the point is that main passes it as nativeBinding.
    fs.mkdirSync(path.join(outDir, 'native'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), path.join(outDir, 'native', 'better_sqlite3.node'));
    const home = tempDir();
    const appDir = tempDir();
    const json = execFileSync(process.execPath, [path.join(__dirname, 'run-bundled-main.cjs'), path.join(outDir, 'main.cjs'), path.join(outDir, 'preload.cjs')], {
      encoding: 'utf8',
      env: { ...process.env, SCRUTINY_PACK_HOME: home, STUB_APP_DIR: appDir },
    });
    out = JSON.parse(json);
    if (out.crash) throw new Error(out.crash);
    out.home = home;
  });

  it('starts without errors, with one sandboxed window and no Node in the page', () => {
    expect(out.errors).toEqual([]);
    expect(out.sandboxEnabled).toBe(true);
    // UK date order in date fields whatever the machine's display language.
    expect(out.switches).toEqual({ lang: 'en-GB' });
    expect(out.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, preload: 'preload.cjs' });
    expect(out.loaded).toHaveLength(1);
    expect(out.loaded[0]).toMatch(/dist[\\/]renderer[\\/]index\.html$/);
    expect(fs.existsSync(path.join(out.home, 'scrutiny-pack.sqlite'))).toBe(true);
  });

  it('registers exactly the contract, answers its own page and refuses any other sender', () => {
    expect(out.channels.sort()).toEqual(API_NAMES.map((n) => `api:${n}`).sort());
    expect(out.trustedCall).toMatchObject({ ok: true, value: { empty: true } });
    expect(out.strangerCall).toEqual({ ok: false, error: expect.stringMatching(/Request refused/) });
    expect(out.badArgs).toMatchObject({ ok: false, error: expect.stringMatching(/YYYY-MM-DD/) });
  });

  it('blocks navigation, pop-ups, permissions and remote requests, and sets a strict CSP', () => {
    expect(out.navigationPrevented).toBe(3);
    expect(out.windowOpen).toEqual({ action: 'deny' });
    expect(out.permission).toBe(false);
    expect(out.permissionCheck).toBe(false);
    expect(out.csp[0]).toContain("script-src 'self'");
    expect(out.csp[0]).toContain("default-src 'none'");
    expect(out.csp[0]).not.toMatch(/unsafe-eval|https?:/);
    expect(out.remoteRequest).toEqual({ cancel: true });
    expect(out.localRequest).toEqual({ cancel: false });
    expect(out.menu).toEqual(expect.arrayContaining(['&File', 'editMenu', '&Go to', '&View', 'help']));
  });

  it('the preload exposes exactly the contract as a frozen window.api forwarding to api:<name>', () => {
    expect(out.exposedKeys.sort()).toEqual([...API_NAMES].sort());
    expect(out.exposedFrozen).toBe(true);
    expect(out.invoked).toEqual([['api:getStatus', {}]]);
  });

  it("the import's worker thread is self-contained: it runs from a folder with no node_modules (app.asar.unpacked)", async () => {
    const alone = tempDir();
    const worker = path.join(alone, 'convert-worker.mjs');
    fs.copyFileSync(path.join(outDir, 'convert-worker.mjs'), worker);
    const { convertedBatches } = await import('../../electron/import/convert-thread');
    const { sniffFile } = await import('../../electron/import/csv-stream');
    const { LAYOUTS, bind } = await import('../../electron/import/layouts');
    const file = path.join(alone, 'allocations.csv');
    fs.writeFileSync(file, 'case_id,case_type,staff_id,team,start_date,end_date\nC1,CIN,S1,North,2020-01-01,\nC2,XX,S1,North,2020-01-01,\n');
    const s = sniffFile(file);
    const layout = LAYOUTS.find((l) => l.preset === 'canonical' && l.sources.includes('allocations'))!;
    const job = {
      file,
      sniffed: { encoding: s.encoding, delimiter: s.delimiter, newline: s.newline, bytes: s.bytes },
      binding: bind(layout, 'allocations', ['case_id', 'case_type', 'staff_id', 'team', 'start_date', 'end_date']),
      source: 'allocations' as const,
      extractDate: '2025-01-01',
      dateOrders: {},
      caseKeySecret: new Uint8Array(32),
    };
    const modes: string[] = [];
    const batches = [];
    for await (const b of convertedBatches(job, { worker: true, workerFile: worker, onMode: (m) => modes.push(m) })) batches.push(b);
    expect(modes).toEqual(['worker']);
    expect(batches.flatMap((b) => b.rows)).toEqual([2]);
    expect(batches.flatMap((b) => b.problems.map((p) => [p.row, p.column]))).toEqual([[3, 'case_type']]);
  });

  it('the worker thread reads .xlsx workbooks from there too (exceljs bundled in)', async () => {
    const alone = tempDir();
    const worker = path.join(alone, 'convert-worker.mjs');
    fs.copyFileSync(path.join(outDir, 'convert-worker.mjs'), worker);
    const { default: ExcelJS } = await import('exceljs');
    const { convertedBatches } = await import('../../electron/import/convert-thread');
    const { LAYOUTS, bind } = await import('../../electron/import/layouts');
    const file = path.join(alone, 'allocations.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Allocations');
    ws.addRow(['Allocations report']);
    ws.addRow(['case_id', 'case_type', 'staff_id', 'team', 'start_date', 'end_date']);
    ws.addRow(['C1', 'CIN', 'S1', 'North', new Date(Date.UTC(2020, 0, 1)), null]);
    ws.addRow(['C2', 'XX', 'S1', 'North', new Date(Date.UTC(2020, 0, 1)), null]);
    await wb.xlsx.writeFile(file);
    const layout = LAYOUTS.find((l) => l.preset === 'canonical' && l.sources.includes('allocations'))!;
    const job = {
      file,
      sniffed: { encoding: 'utf-8' as const, delimiter: ',' as const, newline: '\n' as const, bytes: fs.statSync(file).size },
      binding: bind(layout, 'allocations', ['case_id', 'case_type', 'staff_id', 'team', 'start_date', 'end_date']),
      source: 'allocations' as const,
      extractDate: '2025-01-01',
      dateOrders: {},
      caseKeySecret: new Uint8Array(32),
      xlsx: {},
    };
    const modes: string[] = [];
    const batches = [];
    for await (const b of convertedBatches(job, { worker: true, workerFile: worker, onMode: (m) => modes.push(m) })) batches.push(b);
    expect(modes).toEqual(['worker']);
    expect(batches.flatMap((b) => b.rows)).toEqual([3]);
    expect(batches.flatMap((b) => b.problems.map((p) => [p.row, p.column]))).toEqual([[4, 'case_type']]);
  });
});
