// The import wizard end to end with a messy case-management export (column mapping, row errors,
// "import the valid rows", undo), then the overview's figures against the command line's
// `metrics --json` for the same date, the data checks, and each populated screen's accessibility
// at 1280x800 and at 200% zoom.
import { firstCoveredIndex } from '../../shared/coverage';
import { beforeAll, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Metrics } from '../../shared/metrics';
import { appSuite, axe, browserDescribe, ROOT, type AppPage } from './browser-harness';
import { DFE_DIR } from '../support/tmp';

const WORKERS = path.join(ROOT, 'fixtures', 'hand', 'workers.csv');
const ASYE = path.join(ROOT, 'fixtures', 'hand', 'asye.csv');
const MESSY = path.join(__dirname, 'fixtures', 'mosaic-allocations.csv');
const AS_AT = '2018-09-30';

/** Counts rows of a table in the real database, not through the app. */
function count(app: AppPage, table: string): number {
  return (app.app.db().prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

browserDescribe('desktop screens in Chromium: import, overview, data', () => {
  const suite = appSuite();

  beforeAll(async () => {
    await suite.app.page.goto('http://scrutiny.test/index.html#/import');
    await suite.app.page.locator('#page-heading').waitFor();
  });

  it('imports a recognised HR file and a messy allocations file through the column mapping, rejecting its bad rows', async () => {
    const page = suite.app.page;
    suite.app.host.nextPicks.push([WORKERS, ASYE, MESSY]);
    await page.getByRole('button', { name: 'Choose files…' }).click();
    const files = page.getByRole('table', { name: 'Files to import' });
    await files.getByRole('cell', { name: 'mosaic-allocations.csv', exact: true }).waitFor();
    await expect(files.getByRole('row', { name: /workers\.csv/ }).textContent()).resolves.toMatch(/workers/i);
    await expect(files.getByRole('row', { name: /mosaic-allocations\.csv/ }).textContent()).resolves.toMatch(/Not recognised/);
    await page.getByLabel('Import mosaic-allocations.csv as').selectOption('allocations');
    await suite.app.shot('10-import-chosen');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('heading', { name: '2. Match the columns' }).waitFor();
    // The preview shows the first rows of the file beside each column.
    await expect(page.getByRole('row', { name: /Allocated On/ }).textContent()).resolves.toContain('01/01/2018');
    const map: Record<string, string> = {
      'Case Ref': 'case_id',
      'Involvement Type': 'case_type',
      'Worker ID': 'staff_id',
      'Team Name': 'team',
      'Allocated On': 'start_date',
      'Ended On': 'end_date',
    };
    // Nothing can be checked until the required fields are matched.
    await page.getByRole('button', { name: 'Check the rows' }).click();
    await page.getByText(/Match every required field first/).waitFor();
    for (const [column, field] of Object.entries(map)) await page.getByLabel(`What the column “${column}” holds`).selectOption(field);
    await page.getByLabel('Save this mapping as (optional)').fill('Mosaic allocations');
    await suite.app.shot('11-import-mapping');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Check the rows' }).click();

    await page.getByRole('heading', { name: '4. Check the rows' }).waitFor();
    await page.getByRole('radio', { name: /Import nothing until every row is right/ }).waitFor();
    // The problems are grouped by column; the row-by-row list is folded away beneath.
    await page.getByRole('list', { name: 'Problems in mosaic-allocations.csv, grouped' }).waitFor();
    await page.getByText(/Show every row with a problem/).click();
    const problems = page.getByRole('table', { name: /Problems in mosaic-allocations\.csv/ });
    await problems.waitFor();
    const problemText = (await problems.textContent()) ?? '';
    expect(problemText).toContain('31/02/2018');
    expect(problemText).toContain('Adoption Support');
    expect(await problems.locator('tbody tr').count()).toBe(2);
    // Strict mode cannot import a file with problems.
    await expect(page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).resolves.toBe(true);
    expect(count(suite.app, 'spell')).toBe(0); // the check wrote nothing
    await suite.app.shot('12-import-check');
    expect(await axe(page)).toEqual([]);

    // The problems download as CSV (where the user chose to save it).
    await page.getByRole('button', { name: /Download the problems as CSV/ }).click();
    await expect.poll(() => suite.app.host.saved.find((f) => f.endsWith('mosaic-allocations-problems.csv'))).toBeTruthy();
    const csv = fs.readFileSync(suite.app.host.saved.find((f) => f.endsWith('mosaic-allocations-problems.csv'))!, 'utf8');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);
    expect(csv).toContain('31/02/2018');

    await page.getByRole('radio', { name: /Import the valid rows/ }).check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: '6. What changed' }).waitFor({ timeout: 60_000 });
    const summary = (await page.getByRole('table', { name: 'Import summary' }).textContent()) ?? '';
    expect(summary).toContain('mosaic-allocations.csv');
    await suite.app.shot('13-import-done');
    expect(await axe(page)).toEqual([]);

    const workerRows = fs.readFileSync(WORKERS, 'utf8').trim().split('\n').length - 1;
    const allocRows = fs.readFileSync(path.join(ROOT, 'fixtures', 'hand', 'allocations.csv'), 'utf8').trim().split('\n').length - 1;
    expect(count(suite.app, 'spell')).toBe(workerRows);
    expect(count(suite.app, 'allocation')).toBe(allocRows); // every valid row, neither bad one
    expect((await suite.app.handlers.listMappings({})).map((m) => m.name)).toContain('Mosaic allocations');
  });

  it('undoes the allocations import from the Data screen, and the history says so', async () => {
    const page = suite.app.page;
    await suite.app.goto('#/data');
    const history = page.getByRole('table', { name: /Imports, most recent first/ });
    await history.waitFor();
    // The three files chosen together: one heading row for the batch, then a row for each.
    expect(await history.locator('tbody tr').count()).toBe(4);
    await suite.app.shot('20-data-history');
    expect(await axe(page)).toEqual([]);
    // It was chosen with two other files: undone on its own, the others stay.
    await page.getByRole('button', { name: /^Undo only this file ?: the import of mosaic-allocations\.csv$/ }).click();
    await page.getByRole('alertdialog').waitFor();
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Yes, undo this import' }).click();
    await page.getByRole('status').filter({ hasText: /undone|Undone|removed/i }).first().waitFor();
    expect(count(suite.app, 'allocation')).toBe(0);
    expect(count(suite.app, 'spell')).toBeGreaterThan(0);
    await expect(history.textContent()).resolves.toMatch(/Undone/);
    await suite.app.shot('21-data-undone');
  });

  it('re-imports the allocations with the saved mapping offered automatically', async () => {
    const page = suite.app.page;
    await suite.app.goto('#/import');
    suite.app.host.nextPicks.push([MESSY]);
    await page.getByRole('button', { name: 'Choose files…' }).click();
    await page.getByRole('table', { name: 'Files to import' }).getByRole('cell', { name: 'mosaic-allocations.csv', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: '2. Match the columns' }).waitFor();
    await expect(page.getByLabel('What the column “Worker ID” holds').inputValue()).resolves.toBe('staff_id');
    await page.getByRole('button', { name: 'Check the rows' }).click();
    await page.getByRole('radio', { name: /Import the valid rows/ }).check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: '6. What changed' }).waitFor({ timeout: 60_000 });
    expect(count(suite.app, 'allocation')).toBeGreaterThan(0);
  });

  it('shows the same figures on the overview as `metrics --json` for the same date', async () => {
    const page = suite.app.page;
    const json = execFileSync(process.execPath, [path.join(ROOT, 'bin', 'scrutiny-pack.mjs'), 'metrics', '--db', suite.app.app.dbFile, '--as-at', AS_AT, '--json'], { encoding: 'utf8' });
    const m = JSON.parse(json) as Metrics;
    await suite.app.goto('#/overview');
    await page.getByLabel('As-at date').fill(AS_AT);
    await page.getByRole('button', { name: 'Show figures' }).click();
    await page.getByRole('heading', { name: 'Headline figures at 30 September 2018' }).waitFor();
    const tile = (id: string) => page.locator(`[data-tile="${id}"] [data-value]`).textContent();
    const one = (v: number | null) => (v === null ? 'not applicable' : v.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
    // The DfE measure, for all social workers holding cases (the per-worker figure beside it is for the same group).
    expect(await tile('caseload')).toBe(one(m.caseload.averageFte));
    expect(await tile('agency')).toBe(`${one(m.agency.rateFte)}%`);
    expect(await tile('turnover')).toBe(`${one(m.turnover.rateFte)}%`);
    expect(await tile('inpost')).toBe(one(m.inPost.fte));
    expect(await tile('asye')).toBe(String(m.asye.cohorts.reduce((s, c) => s + (c.inProgramme ?? c.inProgress), 0)));
    // A verdict only against a target the council set; none is set here, and it says so in words.
    await expect(page.locator('[data-tile="turnover"] .tile-target').textContent()).resolves.toMatch(/No target set/);
    // Each chart's data table is a click away and holds the series.
    await page.getByRole('button', { name: 'Show the data table' }).first().click();
    const table = page.getByRole('table', { name: 'Average caseload by month' });
    await table.waitFor();
    // The chart starts at the first month the imported allocations cover fully.
    expect(await table.locator('tbody tr').count()).toBe(m.series.length - firstCoveredIndex(m.series.map((p) => p.date), 'cases', m.coverage));
    await suite.app.shot('30-overview');
    expect(await axe(page)).toEqual([]);
  });

  it('shows a progress bar while checking a long file, and cancels it', async () => {
    const page = suite.app.page;
    const big = path.join(suite.app.dir, 'big-allocations.csv');
    const lines = ['case_id,case_type,staff_id,team,start_date,end_date'];
    for (let i = 0; i < 400_000; i++) lines.push(`B${i},CIN,S${i % 700},North,2018-0${1 + (i % 9)}-1${i % 10},`);
    fs.writeFileSync(big, lines.join('\n') + '\n');
    const before = count(suite.app, 'allocation');
    await suite.app.goto('#/import');
    suite.app.host.nextPicks.push([big]);
    await page.getByRole('button', { name: 'Choose files…' }).click();
    await page.getByRole('table', { name: 'Files to import' }).getByRole('cell', { name: 'big-allocations.csv', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    const bar = page.getByRole('progressbar', { name: /Checking big-allocations\.csv/ });
    try {
      await bar.waitFor({ timeout: 60_000 });
      await expect.poll(async () => Number(await bar.getAttribute('value')), { timeout: 60_000 }).toBeGreaterThan(0);
    } catch (err) {
      await suite.app.shot('14-import-progress-FAILED'); // to see what the screen said instead
      throw err;
    }
    await suite.app.shot('14-import-progress');
    expect(await axe(page)).toEqual([]);
    // The progress text under the bar changes every poll; under load a pointer click can land
    // between two layouts ("<html> intercepts pointer events"), so the click is sent to the button.
    await page.getByRole('button', { name: 'Cancel' }).dispatchEvent('click');
    // Polled from the test, in short calls: one long browser-side wait here has been seen to miss
    // a notice that was on the screen (the page's calls to the handlers share this process).
    await expect.poll(() => page.getByText('Checking was cancelled').count(), { timeout: 60_000 }).toBe(1);
    await expect(page.getByRole('button', { name: 'Import', exact: true }).count()).resolves.toBe(0);
    expect(count(suite.app, 'allocation')).toBe(before);
    await page.getByRole('button', { name: 'Start again' }).click();
  });

  it('accepts a file dropped on the window (staged privately, then detected)', async () => {
    const page = suite.app.page;
    await suite.app.goto('#/import');
    const text = fs.readFileSync(ASYE, 'utf8');
    const dataTransfer = await page.evaluateHandle((csv) => {
      const dt = new DataTransfer();
      dt.items.add(new File([csv], 'dropped-asye.csv', { type: 'text/csv' }));
      return dt;
    }, text);
    await page.dispatchEvent('.drop-zone', 'drop', { dataTransfer });
    const row = page.getByRole('table', { name: 'Files to import' }).getByRole('row', { name: /dropped-asye\.csv/ });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/ASYE/i);
    await page.getByRole('button', { name: 'Start again' }).click();
  });

  it('imports the DfE published files without a mapping and compares with England on the overview', async () => {
    const page = suite.app.page;
    await suite.app.handlers.updateSettings({ patch: { laCode: '892' } });
    await suite.app.goto('#/import');
    suite.app.host.nextPicks.push([path.join(DFE_DIR, 'csww_indicators_2017_to_2025.csv'), path.join(DFE_DIR, 'statistical_neighbours_2021.csv')]);
    await page.getByRole('button', { name: 'Choose files…' }).click();
    const files = page.getByRole('table', { name: 'Files to import' });
    await files.getByRole('cell', { name: /workforce indicators, as published/ }).waitFor();
    await files.getByRole('cell', { name: /statistical neighbours, as published/ }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: '4. Check the rows' }).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: '6. What changed' }).waitFor({ timeout: 60_000 });
    await suite.app.goto('#/overview');
    await page.getByLabel('As-at date').fill(AS_AT);
    await page.getByRole('button', { name: 'Show figures' }).click();
    // The DfE year matching the as-at date.
    const table = page.getByRole('table', { name: 'Published figures for 30 September 2018, with your own figures for the same date' });
    await table.waitFor();
    // Nottingham's published 2018 row (DOMAIN.md): turnover 15.0%, agency rate 8.8%, caseload 18.8.
    const row = async (name: RegExp) => (await table.getByRole('row', { name }).textContent()) ?? '';
    expect(await row(/Turnover rate/)).toContain('15.0%');
    expect(await row(/Agency worker rate/)).toContain('8.8%');
    expect(await row(/Average caseload/)).toContain('18.8');
    await suite.app.shot('32-overview-comparison');
    expect(await axe(page)).toEqual([]);
  });

  it('lists the data-quality warnings with the rows behind them', async () => {
    const page = suite.app.page;
    await suite.app.goto('#/data');
    const unknown = page.locator('[data-quality="unknown_staff"]');
    await unknown.waitFor();
    await expect(unknown.locator('h3').textContent()).resolves.toMatch(/^1 found/);
    await unknown.getByText('Show the rows behind this warning').click();
    await expect(unknown.getByRole('table').textContent()).resolves.toContain('X');
    await suite.app.shot('31-data-quality');
    // The rows "import the valid rows" left out are listed with their reasons.
    await page.getByRole('button', { name: /Show the 2 rows left out of mosaic-allocations\.csv/ }).click();
    const leftOut = page.getByRole('table', { name: /Rows left out of mosaic-allocations\.csv/ });
    await leftOut.waitFor();
    expect(await leftOut.locator('tbody tr').count()).toBe(2);
    await expect(leftOut.textContent()).resolves.toContain('31/02/2018');
    expect(await axe(page)).toEqual([]);
  });

  it('reflows at 200% zoom without sideways scrolling', async () => {
    // The same database, so the populated screens are the ones checked.
    const zoomed = await suite.open({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2, dir: suite.app.dir });
    try {
      await zoomed.page.goto('http://scrutiny.test/index.html#/settings');
      await zoomed.page.locator('#page-heading').waitFor();
      for (const screen of ['welcome', 'import', 'data', 'paper', 'settings', 'overview']) {
        if (screen === 'overview') {
          await zoomed.goto('#/overview');
          await zoomed.page.getByLabel('As-at date').fill(AS_AT);
          await zoomed.page.getByRole('button', { name: 'Show figures' }).click();
          await zoomed.page.getByRole('heading', { name: /^Headline figures/ }).waitFor();
        }
        await zoomed.goto(`#/${screen}`);
        await zoomed.page.waitForTimeout(200);
        await zoomed.shot(`40-zoom200-${screen}`);
        const overflow = await zoomed.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        // What sticks out, to make a failure easy to fix.
        const culprits = overflow
          ? await zoomed.page.evaluate(() =>
              [...document.querySelectorAll('body *')]
                .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !el.closest('.table-wrap'))
                .slice(0, 5)
                .map((el) => `${el.tagName}.${el.className}`),
            )
          : [];
        expect({ screen, overflow, culprits }).toEqual({ screen, overflow: 0, culprits: [] });
      }
    } finally {
      await zoomed.close();
    }
  });

  it('logged no errors (no CSP violations, no React errors)', () => {
    expect(suite.app.consoleErrors).toEqual([]);
  });
});
