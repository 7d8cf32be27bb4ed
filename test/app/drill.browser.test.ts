// The overview as a workbench, in real Chromium over the real handlers and a real database: a
// count opens the rows behind it (as many as the count), Escape closes and focus returns; the
// list, a chart's data and a table save as CSV with formulas neutralised; a chart saves as a
// valid PNG and SVG; the print view hides the navigation and shows every chart's table.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { appSuite, ARTIFACTS, axe, browserDescribe } from './browser-harness';
import { formatCount } from '../../shared/format';
import { DRILL_KINDS } from '../../shared/drill';

const PLANTED_TEAM = '=HYPERLINK("http://example.com","Click")';

browserDescribe('desktop screens in Chromium: drill-down and exports', () => {
  const suite = appSuite();

  it('opens the case holders above the threshold, one row each, and closes with Escape', async () => {
    const { page, handlers, app } = suite.app;
    await handlers.loadDemo({});
    // A team name that a spreadsheet would run as a formula, to check every CSV neutralises it.
    const db = app.db();
    const importId = (db.prepare('SELECT max(id) AS id FROM import_log').get() as { id: number }).id;
    db.prepare(`INSERT INTO spell (staff_id, role, team, employment_type, fte, start_date, import_id) VALUES ('PLANT1', 'case_holder', ?, 'agency', 1, '2020-01-01', ?)`).run(PLANTED_TEAM, importId);
    db.prepare(`INSERT INTO allocation (case_key, case_type, staff_id, start_date, import_id) VALUES ('0123456789abcdef0123456789abcdef', 'CIN', 'PLANT1', '2020-01-01', ?)`).run(importId);
    const asAt = (await handlers.dataRange({})).suggestedAsAt;
    const m = await handlers.computeMetrics({ asAt, months: 1 });
    await suite.app.goto('#/overview');
    const link = page.getByRole('button', { name: `${formatCount(m.caseload.overThreshold)} case holders above the caseload threshold of 20` });
    await link.click();
    const dialog = page.getByRole('dialog', { name: 'Case holders above the caseload threshold of 20' });
    await dialog.waitFor();
    const table = dialog.getByRole('table', { name: 'Case holders above the caseload threshold of 20' });
    await table.waitFor();
    expect(m.caseload.overThreshold).toBeGreaterThan(0);
    expect(await table.locator('tbody tr').count()).toBe(m.caseload.overThreshold);
    // Every row holds more cases than the threshold (column 6: Cases).
    const cases = await table.locator('tbody tr td:nth-child(6)').allTextContents();
    expect(cases.every((c) => Number(c.replace(/,/g, '')) > 20)).toBe(true);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Close');
    await suite.app.shot('70-drill-dialog');
    expect(await axe(page)).toEqual([]);

    // The list saves as CSV, a heading row and one line per row.
    await dialog.getByRole('button', { name: 'Save the list as CSV' }).click();
    await dialog.getByText(/^Saved as .*\.csv\.$/).waitFor();
    const listCsv = fs.readFileSync(suite.app.host.saved.at(-1)!, 'utf8');
    expect(listCsv.trimEnd().split('\r\n')).toHaveLength(m.caseload.overThreshold + 1);
    expect(listCsv).toMatch(/^\ufeffStaff ID,Team,Role,Employed,FTE,Cases,Of which child in need,In ASYE\r\n/);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.drill)).resolves.toBe('overThreshold');
  });

  it('opens each tile’s list with as many rows as the count it shows, and a team’s case holders', async () => {
    const { page, handlers } = suite.app;
    const asAt = (await handlers.dataRange({})).suggestedAsAt;
    for (const what of ['agency', 'leavers', 'inPost', 'childrenThreePlus'] as const) {
      const link = page.locator(`[data-drill="${what}"]`);
      const shown = Number((await link.textContent())!.replace(/,/g, '').match(/\d+/)![0]);
      await link.click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('table').waitFor();
      expect([what, await dialog.locator('tbody tr').count()]).toEqual([what, shown]);
      if (what === 'childrenThreePlus') {
        // A child is shown only by its pseudonym (32 hex digits), never a case ID.
        const ids = await dialog.locator('tbody tr td:first-child').allTextContents();
        expect(ids.every((id) => /^[0-9a-f]{32}$/.test(id))).toBe(true);
      }
      if (what === 'leavers') await suite.app.shot('70-drill-leavers');
      await dialog.getByRole('button', { name: 'Close' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    const m = await handlers.computeMetrics({ asAt, months: 1 });
    const team = m.caseload.byTeam[0]!;
    await page.getByRole('button', { name: `${formatCount(team.caseHolders.headcount)} case holders in ${team.team}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('table').waitFor();
    expect(await dialog.locator('tbody tr').count()).toBe(team.caseHolders.headcount);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(DRILL_KINDS.length).toBe(10);
  });

  it('saves a chart as PNG and SVG and its data and the team table as CSV, formulas neutralised', async () => {
    const { page } = suite.app;
    await page.getByRole('button', { name: 'Save as PNG: Agency rate by month' }).click();
    await page.getByText('Saved as agency-rate-by-month.png.').waitFor();
    const png = fs.readFileSync(suite.app.host.saved.at(-1)!);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(1120); // IHDR width: the 560-unit chart at twice the size
    fs.copyFileSync(suite.app.host.saved.at(-1)!, path.join(ARTIFACTS, '70-drill-chart.png'));

    await page.getByRole('button', { name: 'Save as SVG: Agency rate by month' }).click();
    await page.getByText('Saved as agency-rate-by-month.svg.').waitFor();
    const svg = fs.readFileSync(suite.app.host.saved.at(-1)!, 'utf8');
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('Agency rate');

    await page.getByRole('button', { name: 'Save data as CSV: Agency rate by month' }).click();
    await page.getByText('Saved as agency-rate-by-month.csv.').waitFor();
    const csv = fs.readFileSync(suite.app.host.saved.at(-1)!, 'utf8').trimEnd().split('\r\n');
    // The counts behind the rate sit beside it: agency FTE and all social worker FTE.
    expect(csv[0]).toBe('\ufeffMonth end,Agency rate,Agency FTE,All social worker FTE');
    const [, rate, agencyFte, allFte] = csv.at(-1)!.split(',');
    expect(Number(rate!.replace('%', ''))).toBeCloseTo((Number(agencyFte) / Number(allFte)) * 100, 0);

    await page.getByRole('button', { name: /^Save as CSV: Caseloads by team/ }).click();
    await page.getByText(/^Saved as caseloads-by-team-.*\.csv\.$/).waitFor();
    const teams = fs.readFileSync(suite.app.host.saved.at(-1)!, 'utf8');
    expect(teams).toContain(`"'${PLANTED_TEAM.replace(/"/g, '""')}"`);
    expect(teams).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(suite.app.consoleErrors).toEqual([]);
  });

  it('prints the overview without the navigation, every chart with its table', async () => {
    const { page } = suite.app;
    await page.getByRole('button', { name: 'Print the overview' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('.app-nav').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Print the overview' }).isVisible()).toBe(false);
      const charts = await page.locator('.chart-card').count();
      expect(charts).toBeGreaterThan(3);
      expect(await page.locator('.chart-card .chart-table table:visible').count()).toBe(charts);
      await suite.app.shot('70-drill-print');
      // What the print dialog's "Save as PDF" gives: the print stylesheet on A4 pages.
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      fs.writeFileSync(path.join(ARTIFACTS, '70-drill-print.pdf'), pdf);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    expect(await page.locator('.chart-card .chart-table table:visible').count()).toBe(0);
  });
});
