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
  let manifest: { files: Record<string, string> };

  beforeAll(async () => {
    // Inside node_modules/.cache so the bundle's external packages resolve from the project.
    outDir = path.join(ROOT, 'node_modules', '.cache', 'scrutiny-main-bundle', 'dist-electron');
    fs.rmSync(outDir, { recursive: true, force: true });
    const { buildElectron } = (await import(path.join(ROOT, 'scripts', 'build-electron.mjs'))) as { buildElectron(dir: string): Promise<string> };
    await buildElectron(outDir);
    // Under Node the "Electron-ABI" engine is the Node build; the point is that main passes it as nativeBinding.
    fs.mkdirSync(path.join(outDir, 'native'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), path.join(outDir, 'native', 'better_sqlite3.node'));
    // As scripts/start.mjs does once the engine is built: hash the unpacked files again.
    const built = (await import(path.join(ROOT, 'scripts', 'build-electron.mjs'))) as { writeIntegrityManifest(dir: string): Record<string, string> };
    manifest = { files: built.writeIntegrityManifest(outDir) };
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
    // Served from app://, not file://: 'self' is the app's own folder, not the whole disk.
    expect(out.loaded[0]).toBe('app://scrutiny/index.html');
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

  it('serves the renderer on app:// from its own folder only, refuses file: requests and every download', () => {
    expect(out.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    expect(out.servedIndex).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', text: expect.stringContaining('<title>Scrutiny Pack</title>') });
    expect(out.traversal).toEqual([404, 404, 404, 404, 404]);
    expect(out.fileRequest).toEqual({ cancel: true });
    expect(out.downloadPrevented).toBe(true);
  });

  it('packaged, refuses to start when the unpacked import worker differs from the hash written at build time', () => {
    const run = () =>
      JSON.parse(
        execFileSync(process.execPath, [path.join(__dirname, 'run-bundled-main.cjs'), path.join(outDir, 'main.cjs'), path.join(outDir, 'preload.cjs')], {
          encoding: 'utf8',
          env: { ...process.env, SCRUTINY_PACK_HOME: tempDir(), STUB_APP_DIR: tempDir(), STUB_PACKAGED: '1' },
        }),
      );
    expect(manifest.files).toHaveProperty('convert-worker.mjs');
    expect(manifest.files).toHaveProperty(['native/better_sqlite3.node']);
    const intact = run();
    expect(intact.errors).toEqual([]);
    expect(intact.loaded).toEqual(['app://scrutiny/index.html']);
    const worker = path.join(outDir, 'convert-worker.mjs');
    const original = fs.readFileSync(worker);
    fs.appendFileSync(worker, '\n;globalThis.replaced = true;\n');
    try {
      const tampered = run();
      expect(tampered.errors.join('\n')).toMatch(/convert-worker\.mjs has been changed since Scrutiny Pack was installed.*Reinstall/);
      expect(tampered.loaded).toEqual([]);
    } finally {
      fs.writeFileSync(worker, original);
    }
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

  it("the paper export's worker thread, built beside main.cjs and found by it, makes the paper on the app's own engine", async () => {
    const worker = path.join(outDir, 'export-worker.cjs');
    expect(fs.existsSync(worker)).toBe(true);
    // main.cjs looks for it beside itself; it is packed (inside the asar) with main.cjs.
    expect(fs.readFileSync(path.join(outDir, 'main.cjs'), 'utf8')).toContain('./export-worker.cjs');
    const builder = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
    expect(builder).toMatch(/^\s+- dist-electron\/export-worker\.cjs$/m);
    const { producePaperOffThread } = await import('../../electron/report/export-thread');
    const { openDatabase } = await import('../../electron/db/open');
    const { seedFixture, FIXTURE_AS_AT } = await import('../report/fixture');
    const dbFile = path.join(tempDir(), 'council.sqlite');
    const db = openDatabase(dbFile);
    seedFixture(db);
    db.close();
    const modes: string[] = [];
    const paper = await producePaperOffThread(
      { dbFile, nativeBinding: path.join(outDir, 'native', 'better_sqlite3.node'), request: { asAt: FIXTURE_AS_AT, format: 'pdf' } },
      () => Promise.reject(new Error('made in the main thread')),
      { workerFile: worker, onMode: (m) => modes.push(m) },
    );
    expect(modes).toEqual(['worker']);
    expect((paper.content as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect((paper.content as Buffer).length).toBeGreaterThan(50_000);
  }, 60_000);

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
