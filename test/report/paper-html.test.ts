// The HTML paper: structure checked on the text, accessibility checked by axe-core in Chromium
// (skipped only when no Chromium is installed and SCRUTINY_REQUIRE_BROWSER is not set).
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { tempDb } from '../support/tmp';
import { producePaper } from '../../electron/report/index';
import { seedFixture, FIXTURE_AS_AT } from './fixture';

const CHROMIUM = '/usr/bin/chromium';
const haveBrowser = fs.existsSync(CHROMIUM);
if (!haveBrowser && process.env.SCRUTINY_REQUIRE_BROWSER) throw new Error(`SCRUTINY_REQUIRE_BROWSER is set but ${CHROMIUM} is missing.`);

let html = '';

beforeAll(async () => {
  const { db } = tempDb();
  seedFixture(db);
  html = await producePaper(db, { asAt: FIXTURE_AS_AT, format: 'html', generatedOn: '2018-07-02', config: { meetingDate: '2018-07-17' } });
});

describe('committee paper HTML', () => {
  it('is one self-contained file in British English with a title', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    expect(html).toContain('<title>Social work caseloads, recruitment and retention: Testshire County Council</title>');
    // Nothing fetched from elsewhere: no external scripts, styles, images or fonts.
    expect(html).not.toMatch(/<script|<link |src="http|url\(http/);
  });

  it('has one h1 and a numbered h2 per section', () => {
    expect(html.match(/<h1[ >]/g)?.length).toBe(1);
    const h2 = [...html.matchAll(/<h2 id="section-[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(h2[0]).toBe('1. Purpose and summary');
    expect(h2[h2.length - 1]).toBe('10. Appendix: the data behind each chart');
  });

  it('gives every chart an accessible name and description, and a link to its data table', () => {
    const svgs = [...html.matchAll(/<svg role="img" aria-labelledby="([^ "]+) ([^"]+)"/g)];
    // The fixture's charts of small numbers are sentences instead (every value hidden); four remain.
    expect(svgs.length).toBeGreaterThanOrEqual(4);
    for (const [, titleId, descId] of svgs) {
      expect(html).toContain(`<title id="${titleId}">`);
      expect(html).toContain(`<desc id="${descId}">`);
    }
    expect(html).toContain('<desc id="chart-caseload-trend-desc">Average caseload of social workers (excluding ASYE) rose from 12.3 to 17.5 in the 12 months to 30 June 2018, below the threshold of 20.');
    const links = [...html.matchAll(/href="#(appendix-[^"]+)"/g)].map((m) => m[1]);
    for (const id of links) expect(html).toContain(`id="${id}"`);
  });

  it('uses captions and scoped header cells in tables', () => {
    const tables = html.match(/<table>/g)?.length ?? 0;
    expect(html.match(/<caption /g)?.length).toBe(tables);
    expect(html).toContain('<th scope="col">Team</th>');
    expect(html).toContain('<th scope="row">Duty</th>');
  });
});

describe.skipIf(!haveBrowser)('committee paper HTML in Chromium', () => {
  it('has no axe-core accessibility violations (WCAG 2.2 A and AA)', async () => {
    const { chromium } = await import('playwright-core');
    const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      await page.addScriptTag({ path: axePath });
      const result = (await page.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<unknown> } }).axe;
        return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
      })) as { violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }>; passes: unknown[] };
      const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
      expect(summary).toEqual([]);
      expect(result.passes.length).toBeGreaterThan(10);
    } finally {
      await browser.close();
    }
  });
});
