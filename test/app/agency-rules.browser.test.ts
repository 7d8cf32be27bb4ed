// The agency rules lists on the Data screen in real Chromium over a real database: the three
// lists name staff (an internal screen), the charge-rate list follows the imported price caps, and
// without a cap table the screen says the rates were not checked.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runImport } from '../../electron/import/index';
import { appSuite, axe, browserDescribe, ROOT } from './browser-harness';

browserDescribe('desktop screens in Chromium: agency rules', () => {
  const suite = appSuite();

  it('lists assignments over the price cap with their staff ID, rate and cap, after saying none were checked without caps', async () => {
    const { page, app, dir } = suite.app;
    const db = app.db();
    const agency = path.join(dir, 'agency-rates.csv');
    fs.writeFileSync(
      agency,
      [
        'staff_id,role,team,fte,start_date,qualified_date,charge_rate,region,assignment_ref',
        // £49 against the made-up London social worker cap of £46: over.
        'AG-OVER,case_holder,Team A,1,2025-05-01,2010-01-01,49,London,MSP-77',
        // £45 against £46: within.
        'AG-OK,case_holder,Team A,1,2025-05-01,2010-01-01,45,London,MSP-78',
        // Qualified in 2024: under three years at the start.
        'AG-NEW,case_holder,Team A,1,2025-06-01,2024-07-01,40,East Midlands,MSP-79',
      ].join('\n') + '\n',
    );
    expect((await runImport(db, { file: agency, source: 'agency', extractDate: '2025-09-30' })).outcome).toBe('imported');

    const at = async (date: string) => {
      await page.getByLabel('As-at date').fill(date);
      await page.getByRole('button', { name: 'Check again' }).click();
      await page.getByRole('heading', { level: 2, name: 'Agency rules at 30 September 2025' }).waitFor();
    };
    await suite.app.goto('#/data');
    await at('2025-09-30');
    await page.getByText('Not checked: no price cap table has been imported.').waitFor();
    const under = page.getByRole('table', { name: 'Agency workers under three years qualified at the assignment start' });
    await under.getByRole('row', { name: /AG-NEW/ }).waitFor();

    expect((await runImport(db, { file: path.join(ROOT, 'fixtures/examples/agency_caps_made_up.csv') })).outcome).toBe('imported');
    await suite.app.goto('#/data');
    await at('2025-09-30');
    const over = page.getByRole('table', { name: 'Agency assignments charged more than the price cap for their region and role' });
    await over.waitFor();
    const rows = await over.getByRole('row').allTextContents();
    expect(rows.slice(1)).toEqual([expect.stringContaining('AG-OVER')]);
    expect(rows[1]).toContain('MSP-77');
    expect(rows[1]).toContain('£49.00');
    expect(rows[1]).toContain('£46.00');
    await page.getByRole('heading', { level: 3, name: 'Charged more than the regional price cap (1)' }).scrollIntoViewIfNeeded();
    await suite.app.shot('70-agency-rules');
    expect(await axe(page)).toEqual([]);
    expect(suite.app.consoleErrors).toEqual([]);
  });
});
