// The overview screen in real Chromium over a real database (issue 13): what the data covers and
// no figure or verdict outside it, one group per caseload tile, a caution on a rate from a handful
// of people, published figures beside your own for the same date with the rank explained, the
// vacancy tile, the contents bar, and one as-at date for every screen remembered between visits.
import { beforeAll, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { runImport } from '../../electron/import/index';
import { importDfeFile } from '../../electron/benchmarks';
import { formatAverage, formatCount, formatRate } from '../../shared/format';
import { appSuite, axe, browserDescribe, type AppPage } from './browser-harness';
import { DFE_DIR } from '../support/tmp';

const LATEST = '2025-09-30';

/** Saves a screenshot where the test artefacts go (test-artifacts/app), to look at. */
async function shot(app: AppPage, name: string): Promise<void> {
  await app.shot(`overview-${name}`);
}

async function showDate(app: AppPage, date: string): Promise<void> {
  await app.page.getByLabel('As-at date').fill(date);
  await app.page.getByRole('button', { name: 'Show figures' }).click();
}

const tileText = (app: AppPage, id: string) => app.page.locator(`[data-tile="${id}"]`).textContent();

browserDescribe('desktop screens in Chromium: the overview', () => {
  const suite = appSuite();

  beforeAll(async () => {
    const { handlers } = suite.app;
    await handlers.loadDemo({});
    // Targets set, so a verdict would show wherever the screen gave one.
    const config = await handlers.getPaperConfig({});
    await handlers.savePaperConfig({ config: { ...config, targets: { caseload: 18, agencyRate: 15, turnover: 15, asyeInProgress: 5 } } });
    await suite.app.goto('#/overview');
  });

  it('says what the data covers, and shows no figure and no verdict for a date outside it', async () => {
    const { page } = suite.app;
    await page.getByRole('heading', { level: 2, name: `Headline figures at 30 September 2025` }).waitFor();
    await page.getByText('Your data runs from October 2022 to September 2025.').first().waitFor();

    // Before the data starts: nothing to count, so no 0.0% "Target met".
    await showDate(suite.app, '2021-09-30');
    await page.getByText('Your data does not cover 30 September 2021').waitFor();
    await expect(page.locator('[data-tile]').count()).resolves.toBe(0);
    await expect(page.getByText(/Target met/).count()).resolves.toBe(0);
    await shot(suite.app, 'before-data');
    expect(await axe(page)).toEqual([]);

    // After it ends: not "the same as a year ago".
    await showDate(suite.app, '2026-03-31');
    await page.getByText('Your data does not cover 31 March 2026').waitFor();
    await expect(page.locator('[data-tile]').count()).resolves.toBe(0);
    await expect(page.getByText(/the same as a year ago/i).count()).resolves.toBe(0);

    // Six months in: staff figures are there, turnover (a year of history) is not, and no figure
    // is compared with a year ago the data does not reach.
    await showDate(suite.app, '2023-03-31');
    await page.getByRole('heading', { level: 2, name: 'Headline figures at 31 March 2023' }).waitFor();
    const turnover = (await tileText(suite.app, 'turnover')) ?? '';
    expect(turnover).toContain('No figure');
    expect(turnover).not.toMatch(/Target (not )?met|%/);
    const agency = (await tileText(suite.app, 'agency')) ?? '';
    expect(agency).toMatch(/\d+\.\d%/);
    expect(agency).toContain('No comparison: your data does not cover 31 March 2022.');
    expect(agency).not.toMatch(/same as a year ago|on a year ago/);
    await shot(suite.app, 'first-year');
    expect(await axe(page)).toEqual([]);
  });

  it('gives both caseload figures for one group, says which, and shows the vacancy tile', async () => {
    const { page, handlers } = suite.app;
    await showDate(suite.app, LATEST);
    await page.getByRole('heading', { level: 2, name: 'Headline figures at 30 September 2025' }).waitFor();
    const m = await handlers.computeMetrics({ asAt: LATEST, months: 1 });
    await expect(page.locator('[data-tile="caseload"] [data-value]').textContent()).resolves.toBe(formatAverage(m.caseload.averageFte));
    const caption = (await page.locator('[data-tile="caseload"] .tile-caption').textContent()) ?? '';
    expect(caption).toContain(`${formatAverage(m.caseload.averagePerWorker)} per worker`);
    expect(caption).toContain(`Both for the ${formatCount(m.caseload.caseHolders.headcount)} social workers holding cases`);
    // The excluding-ASYE average (a different group) is not in the tile.
    expect(caption).not.toContain(formatAverage(m.caseload.groups.excludingAsye.averagePerWorker));
    // The demo council is said to be the demo, with the way to remove it before importing.
    await expect(page.locator('[data-demo-notice]').textContent()).resolves.toMatch(/remove it on the Import screen/);
    // The demo loads an establishment: a vacancy tile.
    expect(m.vacancy).not.toBeNull();
    await expect(page.locator('[data-tile="vacancy"] [data-value]').textContent()).resolves.toBe(formatRate(m.vacancy!.rate));
    await expect(tileText(suite.app, 'vacancy')).resolves.toMatch(/funded social worker posts/);
  });

  it('has a contents bar, and keeps the date beside its button', async () => {
    const { page } = suite.app;
    const bar = page.getByRole('navigation', { name: 'On this page' });
    await expect(bar.getByRole('link').allTextContents()).resolves.toEqual(['Headline figures', 'Trends', 'Caseloads by team', 'How do we compare?']);
    await bar.getByRole('link', { name: 'Caseloads by team' }).click();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Caseloads by team');
    expect(page.url()).toMatch(/#\/overview$/);
    const input = (await page.getByLabel('As-at date').boundingBox())!;
    const button = (await page.getByRole('button', { name: 'Show figures' }).boundingBox())!;
    // Side by side: the button starts right of the date box, and their middles are level.
    expect(button.x).toBeGreaterThan(input.x + input.width);
    expect(Math.abs(button.y + button.height / 2 - (input.y + input.height / 2))).toBeLessThan(8);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(suite.app, 'latest');
    expect(await axe(page)).toEqual([]);
  });

  it('sets the published figures beside your own for the same date, and explains rank', async () => {
    const { page, handlers, app } = suite.app;
    await importDfeFile(app.db(), { file: path.join(DFE_DIR, 'csww_indicators_2017_to_2025.csv'), source: 'benchmark' });
    await importDfeFile(app.db(), { file: path.join(DFE_DIR, 'statistical_neighbours_2021.csv'), source: 'neighbours' });
    await handlers.updateSettings({ patch: { laCode: '892' } });
    // Mid-year: the published figures are the previous September's, and so are your own beside them.
    await showDate(suite.app, '2025-03-31');
    const table = page.getByRole('table', { name: 'Published figures for 30 September 2024, with your own figures for the same date' });
    await table.waitFor();
    const headers = await table.locator('th').allTextContents();
    expect(headers).toContain('Your council, published for 30 September 2024');
    expect(headers).toContain('Your council, from your data at 30 September 2024');
    const own = await handlers.computeMetrics({ asAt: '2024-09-30', months: 1 });
    const cells = async (name: RegExp) => table.getByRole('row', { name }).getByRole('cell').allTextContents();
    const turnover = await cells(/^Turnover rate/);
    expect(turnover[1]).toBe('17.6%'); // Nottingham's published 2024 turnover (fixtures/dfe)
    expect(turnover[2]).toBe(formatRate(own.turnover.rateFte));
    expect((await cells(/^Agency worker rate/))[2]).toBe(formatRate(own.agency.rateFte));
    expect((await cells(/^Average caseload/))[2]).toBe(formatAverage(own.caseload.averageFte));
    expect((await cells(/^Sickness absence/))[2]).toBe('not in your data');
    expect(turnover[6]).toMatch(/^\d+ of 11$/);
    expect((await cells(/^Social workers in post/))[6]).toMatch(/^\d+ of 11 \(1 = largest\)$/);
    await page.getByText('1 = lowest of 11 councils').waitFor();
    await table.scrollIntoViewIfNeeded();
    await shot(suite.app, 'comparison');
    expect(await axe(page)).toEqual([]);
  });

  it('uses one as-at date on every screen, carries it into the paper, and remembers it', async () => {
    const { page, handlers } = suite.app;
    await showDate(suite.app, '2024-09-30');
    await page.getByRole('heading', { level: 2, name: 'Headline figures at 30 September 2024' }).waitFor();
    await expect.poll(async () => (await handlers.getUiState({})).asAt).toBe('2024-09-30');

    await page.getByRole('link', { name: 'Data', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Data checks at 30 September 2024' }).waitFor();
    await expect(page.getByLabel('As-at date').inputValue()).resolves.toBe('2024-09-30');

    await page.getByRole('link', { name: 'Planning', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Projections from the figures at 30 September 2024' }).waitFor();
    await shot(suite.app, 'planning');
    expect(await axe(page)).toEqual([]);

    await page.getByRole('link', { name: 'Paper', exact: true }).click();
    await page.getByText('This paper is as at 30 September 2024').waitFor();
    await shot(suite.app, 'paper');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Export HTML…' }).click();
    await page.getByText(/^Saved workforce-paper-2024-09-30\.html/).waitFor({ timeout: 60_000 });

    // A date chosen on the paper is the overview's too.
    await page.getByLabel('As-at date').fill('2025-06-30');
    await page.getByRole('button', { name: 'Use this date' }).click();
    await page.getByText('This paper is as at 30 June 2025').waitFor();

    // The next visit (a new window on the same database) opens at the chosen date.
    const again = await suite.open({ dir: suite.app.dir });
    try {
      await again.goto('#/overview');
      await again.page.getByRole('heading', { level: 2, name: 'Headline figures at 30 June 2025' }).waitFor();
      await again.page.getByRole('button', { name: 'Use the latest month end, 30 September 2025' }).click();
      await again.page.getByRole('heading', { level: 2, name: 'Headline figures at 30 September 2025' }).waitFor();
      await expect.poll(async () => (await again.handlers.getUiState({})).asAt).toBeNull();
      expect(again.consoleErrors).toEqual([]);
    } finally {
      await again.close();
    }
  });

  it('puts a caution, not a verdict, on a rate from a handful of people', async () => {
    const small = await suite.open();
    try {
      const dir = small.dir;
      fs.writeFileSync(
        path.join(dir, 'workers.csv'),
        'staff_id,swe_number,role,team,employment_type,fte,start_date,end_date,leaving_reason,qualified_date\n' +
          'S1,SW100001,case_holder,North,permanent,1,2015-01-05,,,2012-07-01\n' +
          'S2,SW100002,case_holder,North,permanent,0.5,2016-03-01,,,2013-07-01\n' +
          'S3,SW100003,case_holder,North,permanent,1,2015-06-01,2025-06-30,resignation,2011-07-01\n',
      );
      fs.writeFileSync(
        path.join(dir, 'allocations.csv'),
        'case_id,case_type,staff_id,team,start_date,end_date\nC1,CIN,S1,North,2024-01-10,\nC2,CP,S1,North,2024-02-10,\nC3,CIN,S2,North,2024-03-10,\n',
      );
      for (const f of ['workers.csv', 'allocations.csv']) await runImport(small.app.db(), { file: path.join(dir, f), dbPath: small.app.dbFile, keys: small.app.keys, extractDate: LATEST });
      const config = await small.handlers.getPaperConfig({});
      await small.handlers.savePaperConfig({ config: { ...config, targets: { turnover: 15, agencyRate: 15 } } });
      await small.goto('#/overview');
      await showDate(small, LATEST);
      await small.page.getByRole('heading', { level: 2, name: 'Headline figures at 30 September 2025' }).waitFor({ timeout: 10_000 }).catch(async (e: unknown) => {
        await shot(small, 'small-base-FAILED');
        throw e;
      });
      const m = await small.handlers.computeMetrics({ asAt: LATEST, months: 1 });
      expect(m.leavers.headcount).toBe(1);
      const turnover = small.page.locator('[data-tile="turnover"]');
      await expect(turnover.locator('[data-value]').textContent()).resolves.toBe(formatRate(m.turnover.rateFte));
      await expect(turnover.locator('[data-caution]').textContent()).resolves.toMatch(/^Small numbers: from only 2 social workers in post/);
      await expect(turnover.textContent()).resolves.not.toMatch(/Target (not )?met/);
      await expect(turnover.locator('.tile-target').textContent()).resolves.toBe('Not judged against the target: too few people');
      await expect(small.page.locator('[data-tile="agency"] [data-caution]').count()).resolves.toBe(1);
      await shot(small, 'small-base');
      expect(await axe(small.page)).toEqual([]);
      expect(small.consoleErrors).toEqual([]);
    } finally {
      await small.close();
    }
  });

  it('logged no errors (no CSP violations, no React errors)', () => {
    expect(suite.app.consoleErrors).toEqual([]);
  });
});
