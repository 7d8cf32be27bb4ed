// The import wizard and the history without dead ends (issue 13), in Chromium over the real
// handlers and a real SQLite file: a refused file is marked at step 1 while the others carry on;
// agency files are told from HR files; an unrecognised file is never silently HR and its mapping
// starts from the headings Scrutiny Pack knows, once for every file with the same headings; row
// problems are grouped with one action to the value step; files chosen together are one import in
// the history, undone together from a confirmation that defaults to keeping them; the demo council
// is named and removed in one step; and no command-line option or code reaches these screens.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appSuite, axe, browserDescribe, ROOT, type AppPage } from './browser-harness';

const HAND = path.join(ROOT, 'fixtures', 'hand');
const CHILD_NAMES = path.join(ROOT, 'fixtures', 'messy', 'allocations-child-names.csv');
const DEMO_AGENCY = path.join(ROOT, 'fixtures', 'demo', 'agency.csv');
const INTERNAL = /--source|--accept-valid|--mapping|fixed_term|senior_manager|case_holder|canonical template/;

function count(app: AppPage, table: string): number {
  return (app.app.db().prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

async function mainText(page: Page): Promise<string> {
  return (await page.locator('main').textContent()) ?? '';
}

async function choose(app: AppPage, files: string[]): Promise<void> {
  app.host.nextPicks.push(files);
  await app.page.getByRole('button', { name: 'Choose files…' }).click();
  await app.page.getByRole('table', { name: 'Files to import' }).getByRole('cell', { name: path.basename(files[files.length - 1]!), exact: true }).waitFor();
}

async function startAgain(app: AppPage): Promise<void> {
  await app.goto('#/import');
  await app.page.getByRole('heading', { name: '1. Choose the files' }).waitFor();
}

browserDescribe('the import wizard and history without dead ends', () => {
  const suite = appSuite();

  beforeAll(async () => {
    await suite.app.goto('#/import');
  });

  it('marks a refused file (a child\'s-name column) at step 1 and imports the files after it', async () => {
    const { page } = suite.app;
    await choose(suite.app, [path.join(HAND, 'workers.csv'), CHILD_NAMES, path.join(HAND, 'asye.csv')]);
    const files = page.getByRole('table', { name: 'Files to import' });
    const refusedRow = files.getByRole('row', { name: /allocations-child-names\.csv/ });
    await expect(refusedRow.textContent()).resolves.toMatch(/Refused, not imported: This file has columns \("Forename", "Surname"\) that look like a child's name/);
    await suite.app.shot('importux-10-refused-at-step-1');
    expect(await axe(page)).toEqual([]);

    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: '4. Check the rows' }).waitFor();
    // Both files after and before the refused one are checked.
    await expect.poll(async () => (await page.getByRole('region', { name: 'Check of asye.csv' }).textContent()) ?? '', { timeout: 30_000 }).toContain('would be added');
    await expect(page.getByRole('region', { name: 'Check of workers.csv' }).textContent()).resolves.toContain('would be added');
    await expect(mainText(page)).resolves.toContain("allocations-child-names.csv: refused (a column like a child's name or date of birth)");
    for (const name of ['Import', 'Back', 'Start again']) await expect(page.getByRole('button', { name, exact: true }).isVisible()).resolves.toBe(true);
    await suite.app.shot('importux-11-check-carries-on');
    expect(await axe(page)).toEqual([]);

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: '6. What changed' }).waitFor({ timeout: 60_000 });
    const summary = (await page.getByRole('table', { name: 'Import summary' }).textContent()) ?? '';
    expect(summary).toContain('workers.csv');
    expect(summary).toContain('asye.csv');
    expect(count(suite.app, 'spell')).toBe(fs.readFileSync(path.join(HAND, 'workers.csv'), 'utf8').trim().split('\n').length - 1);
    expect(count(suite.app, 'asye')).toBe(3);
    expect(count(suite.app, 'allocation')).toBe(0);
    // The two files chosen together are one batch in the log.
    const batches = suite.app.app.db().prepare(`SELECT DISTINCT batch_id FROM import_log`).all() as { batch_id: string | null }[];
    expect(batches).toHaveLength(1);
    expect(batches[0]!.batch_id).toMatch(/^b[a-z0-9]+$/);
  });

  it('lists files chosen together as one import, undone together from a confirmation that defaults to keeping them', async () => {
    const { page } = suite.app;
    // A file imported alone afterwards stays undoable on its own.
    await startAgain(suite.app);
    await choose(suite.app, [path.join(HAND, 'establishment.csv')]);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: '6. What changed' }).waitFor({ timeout: 60_000 });

    await suite.app.goto('#/data');
    const history = page.getByRole('table', { name: 'Imports, most recent first' });
    await history.waitFor();
    await expect(history.getByRole('rowheader', { name: /2 files imported together/ }).isVisible()).resolves.toBe(true);
    const undoAll = page.getByRole('button', { name: /^Undo all 2 files: (workers\.csv, asye\.csv|asye\.csv, workers\.csv)$/ });
    await expect(page.getByRole('button', { name: 'Undo the import of establishment.csv' }).isVisible()).resolves.toBe(true);
    await suite.app.shot('importux-20-history-batch');
    expect(await axe(page)).toEqual([]);

    // The confirmation has the focus on the safe choice, and Escape closes it, back to the button.
    await undoAll.click();
    const dialog = page.getByRole('alertdialog', { name: 'Undo the 2 files imported together?' });
    await dialog.waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Keep them');
    await expect(dialog.textContent()).resolves.toMatch(/(workers\.csv, asye\.csv|asye\.csv, workers\.csv): all are undone together\./);
    await suite.app.shot('importux-21-undo-confirm');
    expect(await axe(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toMatch(/^Undo all 2/);
    expect(count(suite.app, 'spell')).toBeGreaterThan(0);

    // Enter on the focused default keeps them too.
    await undoAll.click();
    await dialog.waitFor();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(count(suite.app, 'spell')).toBeGreaterThan(0);

    await undoAll.click();
    await page.getByRole('button', { name: 'Yes, undo all 2' }).click();
    // The result is shown where the confirmation was, and has the focus.
    const result = page.getByRole('status').filter({ hasText: /undone \(2 files\)/ });
    await result.waitFor();
    await expect(page.evaluate(() => document.activeElement?.classList.contains('undo-result'))).resolves.toBe(true);
    const below = await page.evaluate(() => {
      const table = document.querySelector('[aria-label="Imports, most recent first"]')!.getBoundingClientRect();
      const r = document.querySelector('.undo-result')!.getBoundingClientRect();
      return { afterTable: r.top >= table.bottom - 1, inView: r.top >= 0 && r.bottom <= window.innerHeight };
    });
    expect(below).toEqual({ afterTable: true, inView: true });
    expect(count(suite.app, 'spell')).toBe(0);
    expect(count(suite.app, 'asye')).toBe(0);
    expect(count(suite.app, 'establishment')).toBeGreaterThan(0);
    await expect(history.getByRole('rowheader', { name: /2 files imported together.*: undone/ }).isVisible()).resolves.toBe(true);
    await suite.app.shot('importux-22-batch-undone');
    expect(await axe(page)).toEqual([]);
    expect(INTERNAL.test(await mainText(page))).toBe(false);
  });

  it("takes the demo's agency.csv for agency workers, not HR staff spells", async () => {
    const { page } = suite.app;
    await startAgain(suite.app);
    await choose(suite.app, [DEMO_AGENCY]);
    await expect(page.getByLabel('Import agency.csv as').inputValue()).resolves.toBe('agency');
    await expect(page.getByRole('table', { name: 'Files to import' }).textContent()).resolves.toMatch(/agency file/);
    await page.getByRole('button', { name: 'Start again' }).click();
  });

  it('never takes an unrecognised file for HR silently, suggests columns from their headings and maps files with the same headings once', async () => {
    const { page } = suite.app;
    await startAgain(suite.app);
    const head = 'Employee No,Post,Contract,FTE,Started';
    const a = path.join(suite.app.dir, 'itrent-north.csv');
    const b = path.join(suite.app.dir, 'itrent-south.csv');
    fs.writeFileSync(a, `${head}\nN1,Social Worker,Permanent,1,2020-01-06\nN2,Social Worker,Permanent,0.5,2021-03-01\n`);
    fs.writeFileSync(b, `${head}\nS1,Senior Practitioner,Fixed Term,1,2019-05-01\n`);
    await choose(suite.app, [a, b]);
    await expect(page.getByLabel('Import itrent-north.csv as').inputValue()).resolves.toBe('');
    await expect(page.getByRole('table', { name: 'Files to import' }).textContent()).resolves.toContain('Choose what it holds: Scrutiny Pack will not guess.');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Choose what itrent-north.csv, itrent-south.csv hold (or remove them): they were not recognised.').waitFor();
    await suite.app.shot('importux-30-unrecognised-not-guessed');
    expect(await axe(page)).toEqual([]);
    for (const f of ['itrent-north.csv', 'itrent-south.csv']) await page.getByLabel(`Import ${f} as`).selectOption('workers');
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('heading', { name: '2. Match the columns' }).waitFor();
    // One editor for both files; the headings Scrutiny Pack knows start matched.
    await expect(page.getByRole('heading', { name: 'itrent-north.csv and itrent-south.csv: HR staff spells' }).isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('What the column “FTE” holds').count()).resolves.toBe(1);
    await expect(page.getByLabel('What the column “FTE” holds').inputValue()).resolves.toBe('fte');
    await expect(page.getByLabel('What the column “Employee No” holds').inputValue()).resolves.toBe('staff_id');
    await page.getByLabel('What the column “Post” holds').selectOption('role');
    await page.getByLabel('What the column “Contract” holds').selectOption('employment_type');
    await page.getByLabel('What the column “Started” holds').selectOption('start_date');
    await suite.app.shot('importux-31-mapping-suggested-shared');
    expect(await axe(page)).toEqual([]);
    expect(INTERNAL.test(await mainText(page))).toBe(false);
    await page.getByRole('button', { name: 'Check the rows' }).click();
    await page.getByRole('heading', { name: /3\. Match the values|4\. Check the rows/ }).waitFor();
    if (await page.getByRole('heading', { name: '3. Match the values' }).isVisible()) await page.getByRole('button', { name: 'Check the rows' }).click();
    await page.getByRole('heading', { name: '4. Check the rows' }).waitFor();
    await expect.poll(async () => (await page.getByRole('region', { name: 'Check of itrent-south.csv' }).textContent()) ?? '', { timeout: 30_000 }).toContain('1 row would be added');
    await expect(page.getByRole('region', { name: 'Check of itrent-north.csv' }).textContent()).resolves.toContain('2 rows would be added');
  });

  it('groups row problems by column with the values, and one action opens the value step at that column', async () => {
    const { page } = suite.app;
    await startAgain(suite.app);
    const file = path.join(suite.app.dir, 'titles.csv');
    const titles = ['Widget Lead', 'Widget Lead', 'Widget Lead', 'Quality Wrangler', 'Quality Wrangler', 'Ops Partner', 'Zed Officer', 'Zed Officer'];
    fs.writeFileSync(
      file,
      ['staff_id,role,team,employment_type,fte,start_date', ...titles.map((t, i) => `T${i},${t},North,permanent,1,2020-01-0${i + 1}`)].join('\n') + '\n',
    );
    await choose(suite.app, [file]);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: '3. Match the values' }).waitFor();
    // Carry on without choosing: the rows with those titles are problems.
    await page.getByRole('button', { name: 'Check the rows' }).click();
    await page.getByRole('heading', { name: '4. Check the rows' }).waitFor();
    const grouped = page.getByRole('list', { name: 'Problems in titles.csv, grouped' });
    await grouped.waitFor({ timeout: 30_000 });
    const items = await grouped.getByRole('listitem').allTextContents();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatch(/^Role: 8 rows, 4 different values not recognised \(“Widget Lead” 3 rows, “Quality Wrangler” 2 rows, “Zed Officer” 2 rows, “Ops Partner” 1 row\)\. First on row 2\./);
    // Its valid rows could still be imported: this is not a dead end.
    await expect(mainText(page)).resolves.not.toContain('None of the files can be imported');
    // The per-row list is still there, folded away.
    await expect(page.getByRole('table', { name: 'Problems in titles.csv' }).isVisible()).resolves.toBe(false);
    await suite.app.shot('importux-40-problems-grouped');
    expect(await axe(page)).toEqual([]);

    await grouped.getByRole('button', { name: /Choose what these 4 values are/ }).click();
    await page.getByRole('heading', { name: '3. Match the values' }).waitFor();
    const region = page.getByRole('region', { name: 'Values of the column “role”' });
    await expect(region.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    for (const t of ['Widget Lead', 'Quality Wrangler', 'Ops Partner', 'Zed Officer']) await page.getByLabel(`Count “${t}” (role) as`).selectOption('case_holder');
    await suite.app.shot('importux-41-values-from-check');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Check the rows' }).click();
    await page.getByRole('heading', { name: '4. Check the rows' }).waitFor();
    await expect.poll(async () => (await page.getByRole('region', { name: 'Check of titles.csv' }).textContent()) ?? '', { timeout: 30_000 }).toContain('8 rows would be added');
    await expect(page.getByRole('list', { name: 'Problems in titles.csv, grouped' }).count()).resolves.toBe(0);
  });

  it('words the check with the screen\'s controls, not command-line options or codes', async () => {
    const { page } = suite.app;
    await startAgain(suite.app);
    const file = path.join(suite.app.dir, 'one-bad-date.csv');
    fs.writeFileSync(file, 'staff_id,role,team,employment_type,fte,start_date\nD1,Social Worker,North,permanent,1,2020-01-06\nD2,Social Worker,North,permanent,1,2020-02-30\nD3,Social Worker,North,Contractor,1,2020-01-06\n');
    await choose(suite.app, [file]);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: /3\. Match the values|4\. Check the rows/ }).waitFor();
    if (await page.getByRole('heading', { name: '3. Match the values' }).isVisible()) await page.getByRole('button', { name: 'Check the rows' }).click();
    const check = page.getByRole('region', { name: 'Check of one-bad-date.csv' });
    await expect.poll(async () => (await check.textContent()) ?? '', { timeout: 30_000 }).toMatch(/alone by choosing “Import the valid rows”/);
    await page.getByRole('group', { name: 'What should happen to rows with problems?' }).waitFor();
    await check.getByText(/Show every row with a problem/).click();
    await expect(check.getByRole('table', { name: 'Problems in one-bad-date.csv' }).textContent()).resolves.toContain('is not a real calendar date');
    expect(INTERNAL.test(await mainText(page))).toBe(false);
    // Not a dead end: back, or start again.
    await expect(page.getByRole('button', { name: 'Back' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Start again' }).isVisible()).resolves.toBe(true);
    await suite.app.shot('importux-50-check-plain-words');
    expect(await axe(page)).toEqual([]);
  });

  it('warns that the demo council is loaded and removes it in one step, with a backup to go back to', async () => {
    const app = await suite.open();
    try {
      await app.handlers.loadDemo({});
      const spells = count(app, 'spell');
      expect(spells).toBeGreaterThan(0);
      await app.goto('#/data');
      await app.page.getByRole('rowheader', { name: /The demo council/ }).waitFor();
      await app.goto('#/import');
      const warning = app.page.getByText('The demo council is still loaded');
      await warning.waitFor();
      await expect(app.page.locator('main').textContent()).resolves.toContain('workers.csv, agency.csv, allocations.csv, asye.csv, establishment.csv');
      await app.shot('importux-60-demo-warning');
      expect(await axe(app.page)).toEqual([]);
      await app.page.getByRole('button', { name: 'Remove the demo council' }).click();
      const done = app.page.getByRole('status').filter({ hasText: 'The demo council is removed' });
      await done.waitFor({ timeout: 60_000 });
      await expect(done.textContent()).resolves.toMatch(/restore the backup taken just before \(.+\.sqlite\) in Settings/);
      expect(count(app, 'spell')).toBe(0);
      expect(count(app, 'allocation')).toBe(0);
      // The DfE's published figures bundled with the demo are real statistics: kept.
      expect(count(app, 'dfe_indicator')).toBeGreaterThan(0);
      expect((await app.handlers.getSettings({})).councilName).toBe('');
      await expect(warning.count()).resolves.toBe(0);
      expect((await app.handlers.listBackups({})).length).toBeGreaterThan(0);
      await app.shot('importux-61-demo-removed');
      expect(await axe(app.page)).toEqual([]);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 120_000);

  it('logged no errors (no CSP violations, no React errors)', () => {
    expect(suite.app.consoleErrors).toEqual([]);
  });
});
