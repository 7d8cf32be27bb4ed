// The import wizard's value step in Chromium, with the HR export a council's HR system writes
// (fixtures/hr/hr-export.csv: its own headings, job titles, contract types in words, hours): the
// step lists each value in the council's words with where it will be counted; the user corrects
// two, the choices are saved as the council's rules, and the import counts the rows as chosen.
import { beforeAll, expect, it } from 'vitest';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { appSuite, axe, browserDescribe, ROOT } from './browser-harness';

const HR = path.join(ROOT, 'fixtures', 'hr', 'hr-export.csv');

browserDescribe('the value-mapping step of the import wizard', () => {
  const suite = appSuite();

  beforeAll(async () => {
    await suite.app.page.goto('http://scrutiny.test/index.html#/import');
    await suite.app.page.locator('#page-heading').waitFor();
  });

  it('lists the values in the council\'s own words, takes corrections, saves them and imports', async () => {
    const page = suite.app.page;
    suite.app.host.nextPicks.push([HR]);
    await page.getByRole('button', { name: 'Choose files…' }).click();
    const files = page.getByRole('table', { name: 'Files to import' });
    await files.getByRole('cell', { name: 'hr-export.csv', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('heading', { name: '3. Match the values' }).waitFor();
    const titles = page.getByRole('table', { name: /Column “Job Title”/ });
    await titles.waitFor();
    // Every title is listed with its rows and the rule that placed it.
    const titleRows = await titles.locator('tbody tr').allTextContents();
    expect(titleRows).toHaveLength(7); // eight rows, "Social Worker" twice
    expect(titleRows.find((r) => r.startsWith('Social Worker'))).toMatch(/^Social Worker2.*Default rule$/);
    await expect(page.getByLabel('Count “Business Support Officer” (Job Title) as').inputValue()).resolves.toBe('not_counted');
    await expect(page.getByLabel('Count “Assistant Team Manager” (Job Title) as').inputValue()).resolves.toBe('first_line_manager');
    await expect(page.getByLabel('Count “Zero hours” (Contract Type) as').inputValue()).resolves.toBe('not_counted');
    await expect(page.getByLabel('Count “Moved to another LA” (Reason for Leaving) as').inputValue()).resolves.toBe('resignation');
    // "Permanent" is a code already: nothing to say about it.
    await expect(page.getByLabel('Count “Permanent” (Contract Type) as').count()).resolves.toBe(0);

    await page.getByLabel('Count “Practice Educator” (Job Title) as').selectOption('case_holder');
    await page.getByLabel('Count “Zero hours” (Contract Type) as').selectOption('permanent');
    await expect(titles.getByRole('row', { name: /Practice Educator/ }).textContent()).resolves.toContain('Your choice (saved for this council)');
    await suite.app.shot('30-import-values');
    expect(await axe(page)).toEqual([]);

    await page.getByRole('button', { name: 'Check the rows' }).click();
    await page.getByRole('heading', { name: '4. Check the rows' }).waitFor();
    const check = page.getByRole('region', { name: 'Check of hr-export.csv' });
    await check.waitFor();
    await expect.poll(async () => (await check.textContent()) ?? '').toContain('6 rows would be added');
    const text = (await check.textContent()) ?? '';
    expect(text).toContain('2 rows skipped by design, not errors: job title not a social work or support role: 2 (Student Social Worker 1, Business Support Officer 1)');
    expect(text).toContain('placed by your council\'s saved rules: "Practice Educator" as Case holder (1 row)');
    await suite.app.shot('31-import-values-check');
    // The choices are the council's rules now, in the database.
    expect((await suite.app.handlers.listValueRules({})).map((r) => [r.field, r.value, r.placed])).toEqual([
      ['employment_type', 'Zero hours', 'permanent'],
      ['role', 'Practice Educator', 'case_holder'],
    ]);

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: '6. What changed' }).waitFor({ timeout: 60_000 });
    const roles = suite.app.app.db().prepare(`SELECT staff_id, role, employment_type FROM spell WHERE staff_id IN ('E1005', 'E1008') ORDER BY staff_id`).all();
    expect(roles).toEqual([
      { staff_id: 'E1005', role: 'case_holder', employment_type: 'fixed_term' },
      { staff_id: 'E1008', role: 'case_holder', employment_type: 'permanent' },
    ]);
    expect(suite.app.consoleErrors).toEqual([]);
  });

  it('offers the sheets of a workbook with several, and reads the one chosen', async () => {
    const page = suite.app.page;
    const file = path.join(suite.app.dir, 'hr-book.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').addRow(['Exported from iTrent', 'for the workforce census']);
    const ws = wb.addWorksheet('Staff');
    ws.addRow(['Workforce report']);
    ws.addRow(['Run date', new Date(Date.UTC(2025, 9, 1))]);
    ws.addRow(['staff_id', 'role', 'employment_type', 'fte', 'start_date']);
    ws.addRow(['X1', 'case_holder', 'permanent', 1, new Date(Date.UTC(2020, 0, 6))]);
    await wb.xlsx.writeFile(file);
    await page.getByRole('button', { name: 'Import more files' }).click();
    suite.app.host.nextPicks.push([file]);
    await page.getByRole('button', { name: 'Choose files…' }).click();
    const files = page.getByRole('table', { name: 'Files to import' });
    await files.getByRole('cell', { name: /hr-book\.xlsx/ }).first().waitFor();
    const sheet = page.getByLabel('Sheet of the workbook to read');
    await expect(sheet.inputValue()).resolves.toBe('Notes');
    await sheet.selectOption('Staff');
    await expect.poll(async () => (await files.textContent()) ?? '').toMatch(/workers file/);
    await suite.app.shot('32-import-xlsx-sheet');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: '4. Check the rows' }).waitFor();
    await expect.poll(async () => (await page.getByRole('region', { name: 'Check of hr-book.xlsx' }).textContent()) ?? '').toContain('1 row would be added');
  });
});
