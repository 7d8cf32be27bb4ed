// The overview's filter bar in real Chromium over a real database: ticking a team changes every
// tile to the command line's `metrics --team` figures, the filter is stated in words, the team
// table keeps only that team, axe-core finds nothing, and "Clear filters" brings the council back.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { appSuite, axe, browserDescribe, ROOT } from './browser-harness';
import type { Metrics } from '../../shared/metrics';

browserDescribe('desktop screens in Chromium: overview filters', () => {
  const suite = appSuite();

  it('a team ticked: the tiles equal `metrics --team`, the words say so, and clearing restores the council', async () => {
    const { page, handlers } = suite.app;
    await handlers.loadDemo({});
    const { suggestedAsAt } = await handlers.dataRange({});
    const cli = (...filter: string[]) =>
      JSON.parse(
        execFileSync(process.execPath, [path.join(ROOT, 'bin', 'scrutiny-pack.mjs'), 'metrics', '--db', suite.app.app.dbFile, '--as-at', suggestedAsAt, '--months', '0', '--json', ...filter], { encoding: 'utf8' }),
      ) as Metrics;
    const all = cli();
    const team = cli('--team', 'Children in Care');
    expect(team.inPost.fte).not.toBe(all.inPost.fte);

    await suite.app.goto('#/overview');
    const tile = (id: string) => page.locator(`[data-tile="${id}"] [data-value]`).textContent();
    const one = (v: number | null) => (v === null ? 'not applicable' : v.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
    await expect.poll(() => tile('inpost'), { timeout: 30_000 }).toBe(one(all.inPost.fte));
    await page.getByText('Showing: All staff').waitFor();

    await page.getByRole('group', { name: 'Team' }).getByLabel('Children in Care').check();
    await page.getByText('Showing: Children in Care', { exact: true }).waitFor();
    await expect.poll(() => tile('inpost'), { timeout: 30_000 }).toBe(one(team.inPost.fte));
    expect(await tile('agency')).toBe(`${one(team.agency.rateFte)}%`);
    expect(await tile('turnover')).toBe(`${one(team.turnover.rateFte)}%`);
    const teamRows = page.getByRole('table', { name: /Caseloads by team/ }).locator('tbody tr');
    expect(await teamRows.count()).toBe(1);
    expect(await teamRows.first().locator('td, th').first().textContent()).toBe('Children in Care');
    await suite.app.shot('70-overview-filtered');
    expect(await axe(page)).toEqual([]);

    // A second group combines with "and": permanent staff in that team.
    await page.getByRole('group', { name: 'Contract' }).getByLabel('Permanent').check();
    const permanent = cli('--team', 'Children in Care', '--employment', 'permanent');
    await page.getByText(/Children in Care, permanent staff/).waitFor();
    await expect.poll(() => tile('agency'), { timeout: 30_000 }).toBe(`${one(permanent.agency.rateFte)}%`);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByText('Showing: All staff').waitFor();
    await expect.poll(() => tile('inpost'), { timeout: 30_000 }).toBe(one(all.inPost.fte));
    expect(await page.getByRole('group', { name: 'Team' }).getByLabel('Children in Care').isChecked()).toBe(false);
  });
});
