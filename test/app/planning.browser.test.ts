// The Planning screen in real Chromium over a real database: projections follow the assumptions
// as the user types, equal the shared projection of the same figures, bad input is named, and
// the assumptions can be carried into the paper.
import { expect, it } from 'vitest';
import { appSuite, axe, browserDescribe } from './browser-harness';
import { whatIf } from '../../shared/what-if';
import { formatAverage, formatCount } from '../../shared/format';

browserDescribe('desktop screens in Chromium: planning', () => {
  const suite = appSuite();

  it('projects from the demo council and follows each assumption as it is typed', async () => {
    const { page, handlers } = suite.app;
    await handlers.loadDemo({});
    await suite.app.goto('#/planning');
    await page.getByRole('heading', { level: 1, name: 'Planning' }).waitFor();
    await page.getByRole('table', { name: /Support workers holding child-in-need cases/ }).waitFor();
    const range = await handlers.dataRange({});
    const m = await handlers.computeMetrics({ asAt: range.suggestedAsAt, months: 1 });
    const s = await handlers.getSettings({});
    const cell = (table: RegExp, row: string, col: number) =>
      page.getByRole('table', { name: table }).getByRole('row', { name: new RegExp(`^${row}`) }).getByRole('cell').nth(col).textContent();

    const expected = whatIf(m, s, { supportShare: 40, supportCaseload: 15, convertAgencyFte: 0, fullCaseload: null });
    expect(await cell(/Support workers holding/, 'Average caseload per worker', 2)).toBe(formatAverage(expected.support.perWorkerAfter));
    expect(await cell(/Support workers holding/, 'Support workers needed', 2)).toBe(formatCount(expected.support.supportWorkersNeeded));
    await suite.app.shot('60-planning');
    expect(await axe(page)).toEqual([]);

    await page.getByLabel('Share of child-in-need cases support workers take on (%)').fill('20');
    const twenty = whatIf(m, s, { supportShare: 20, supportCaseload: 15, convertAgencyFte: 0, fullCaseload: null });
    await expect.poll(() => cell(/Support workers holding/, 'Support workers needed', 2)).toBe(formatCount(twenty.support.supportWorkersNeeded));

    await page.getByLabel('Cases per support worker').fill('none');
    await page.getByText('Enter a number from 1 to 60.').waitFor();
    await expect(page.getByRole('table', { name: /Support workers holding/ }).count()).resolves.toBe(0);
    await suite.app.shot('61-planning-error');
    expect(await axe(page)).toEqual([]);
    await page.getByLabel('Cases per support worker').fill('12');

    await page.getByRole('button', { name: 'Use these assumptions in the paper' }).click();
    await page.getByText(/“What if: projections” section is switched on/).waitFor();
    const config = (await handlers.getPaperConfig({})) as { sections: Record<string, boolean>; whatIf: Record<string, unknown> };
    expect(config.sections.whatif).toBe(true);
    expect(config.whatIf).toMatchObject({ supportShare: 20, supportCaseload: 12 });
  });
});
