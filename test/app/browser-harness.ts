// Runs the built screens in real Chromium with window.api bound to the real handler table over a
// real temporary database: the same table Electron registers, reached through the same
// invokeHandler door (zod validation, errors as data). The page is served from a made-up origin
// by request interception, so its Content-Security-Policy is the shipped one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { API_NAMES } from '../../shared/api';
import { AppContext, createHandlers, invokeHandler, type Handlers } from '../../electron/handlers';
import { ScriptedHost } from './scripted-host';

/** Debian's Chromium; SCRUTINY_CHROMIUM points elsewhere (another distribution's path). */
export const CHROMIUM = process.env.SCRUTINY_CHROMIUM ?? '/usr/bin/chromium';
export const ROOT = path.resolve(__dirname, '../..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'app');
const ORIGIN = 'http://scrutiny.test';

/** describe() when Chromium is here; describe.skip with a clear message when not (unless CI requires it). */
export function browserDescribe(name: string, fn: () => void): void {
  if (fs.existsSync(CHROMIUM)) {
    describe(name, fn);
    return;
  }
  if (process.env.SCRUTINY_REQUIRE_BROWSER === '1') {
    describe(name, () => {
      throw new Error(`Chromium is required for the browser tests (SCRUTINY_REQUIRE_BROWSER=1) but ${CHROMIUM} does not exist. Install Debian's chromium package.`);
    });
    return;
  }
  console.warn(`Skipping the browser tests "${name}": ${CHROMIUM} not found (install Debian's chromium package to run them).`);
  describe.skip(name, fn);
}

/** Builds the renderer once into a temporary folder. */
export async function buildRenderer(): Promise<string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutiny-renderer-'));
  // scripts/build-renderer.mjs is the same build npm start runs.
  const mod = (await import(path.join(ROOT, 'scripts', 'build-renderer.mjs'))) as { buildRenderer(out: string): Promise<string> };
  await mod.buildRenderer(out);
  return out;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };

export interface AppPage {
  page: Page;
  context: BrowserContext;
  app: AppContext;
  handlers: Handlers;
  host: ScriptedHost;
  dir: string;
  /** Messages the page logged as errors (CSP violations, React errors): tests expect none. */
  consoleErrors: string[];
  goto(hash: string): Promise<void>;
  shot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function openApp(browser: Browser, dist: string, options: { viewport?: { width: number; height: number }; deviceScaleFactor?: number; dir?: string } = {}): Promise<AppPage> {
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'scrutiny-app-'));
  const host = new ScriptedHost(dir);
  const app = new AppContext(path.join(dir, 'app.sqlite'), host, { fixturesDir: path.join(ROOT, 'fixtures', 'demo') });
  const handlers = createHandlers(app);
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 }, deviceScaleFactor: options.deviceScaleFactor ?? 1, locale: 'en-GB', timezoneId: 'Europe/London' });
  await context.route(`${ORIGIN}/**`, async (route) => {
    const rel = decodeURIComponent(new URL(route.request().url()).pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.join(dist, rel);
    if (!file.startsWith(dist) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, body: fs.readFileSync(file), contentType: TYPES[path.extname(file)] ?? 'application/octet-stream' });
  });
  // Anything else (a remote font, an analytics call) would be a bug: refuse it.
  await context.route((url) => !url.href.startsWith(ORIGIN), (route) => route.abort());
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  // As in Electron, only the main frame of our own page may call the handlers.
  await page.exposeBinding('__scrutinyInvoke', async (source, name: unknown, args: unknown) => {
    if (source.frame !== page.mainFrame() || !source.frame.url().startsWith(ORIGIN)) return { ok: false, error: 'Request refused.' };
    return invokeHandler(handlers, name, args);
  });
  await page.addInitScript((names: string[]) => {
    const w = window as unknown as { __scrutinyInvoke: (n: string, a: unknown) => Promise<unknown>; api?: unknown };
    const api: Record<string, (a: unknown) => Promise<unknown>> = {};
    for (const n of names) api[n] = (a: unknown) => w.__scrutinyInvoke(n, a ?? {});
    Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false });
  }, API_NAMES as string[]);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return {
    page,
    context,
    app,
    handlers,
    host,
    dir,
    consoleErrors,
    async goto(hash) {
      // Going to the screen already shown first leaves it, so every test starts it afresh.
      if (page.url().startsWith(ORIGIN) && new URL(page.url()).hash === hash) {
        await page.evaluate(() => (window.location.hash = '#/welcome'));
        await page.getByRole('heading', { level: 1, name: 'Welcome to Scrutiny Pack' }).waitFor();
      }
      if (page.url().startsWith(ORIGIN)) await page.evaluate((h) => (window.location.hash = h), hash);
      else await page.goto(`${ORIGIN}/index.html${hash}`);
      await page.locator('#page-heading').waitFor();
    },
    async shot(name) {
      const file = path.join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await context.close();
      app.close();
    },
  };
}

export interface AppSuite {
  /** The app over a fresh database, opened before the block's first test. */
  app: AppPage;
  /** Another page on the same browser and build (another viewport, the same folder...). */
  open(options?: Parameters<typeof openApp>[2]): Promise<AppPage>;
}

/**
 * Inside a browserDescribe block: builds the renderer and launches Chromium once, opens the app
 * before the first test and closes everything after the last.
 */
export function appSuite(): AppSuite {
  let browser: Browser | undefined;
  let dist = '';
  const suite: AppSuite = {
    app: undefined as unknown as AppPage,
    open: (options) => openApp(browser!, dist, options),
  };
  beforeAll(async () => {
    [dist, browser] = await Promise.all([buildRenderer(), launch()]);
    suite.app = await openApp(browser, dist);
  });
  afterAll(async () => {
    await suite.app?.close();
    await browser?.close();
  });
  return suite;
}

const AXE = fs.readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core (WCAG 2.x A and AA rules) on the page as it is now. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  // evaluate() is not subject to the page's CSP, so the shipped policy stays on.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
}
