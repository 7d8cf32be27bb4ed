// First run, settings, and every screen's accessibility, in real Chromium over a real database.
import { expect, it } from 'vitest';
import fs from 'node:fs';
import JSZip from 'jszip';
import { appSuite, axe, browserDescribe } from './browser-harness';

browserDescribe('desktop screens in Chromium: first run', () => {
  const suite = appSuite();

  it('opens on the welcome screen with the two ways in when the database is empty', async () => {
    await suite.app.page.goto('http://scrutiny.test/index.html');
    await suite.app.page.getByRole('heading', { level: 1, name: 'Welcome to Scrutiny Pack' }).waitFor();
    expect(suite.app.page.url()).toMatch(/#\/welcome$/);
    await expect(suite.app.page.getByRole('button', { name: 'Import your own exports' }).isVisible()).resolves.toBe(true);
    await expect(suite.app.page.getByRole('button', { name: /Explore the demo council/ }).isVisible()).resolves.toBe(true);
    await suite.app.shot('01-welcome');
    expect(await axe(suite.app.page)).toEqual([]);
  });

  it('every screen has no axe-core violations when empty', async () => {
    for (const screen of ['overview', 'import', 'data', 'paper', 'settings']) {
      await suite.app.goto(`#/${screen}`);
      await suite.app.page.waitForLoadState('networkidle');
      await suite.app.page.waitForTimeout(300);
      await suite.app.shot(`02-empty-${screen}`);
      const v = await axe(suite.app.page);
      expect({ screen, violations: v }).toEqual({ screen, violations: [] });
    }
  });

  it('saves settings typed by keyboard, and says what is wrong with a bad number', async () => {
    await suite.app.goto('#/settings');
    const page = suite.app.page;
    await page.getByLabel('Council name').fill('Testshire County Council');
    await page.getByLabel('Caseload threshold').fill('eighteen');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Some settings need correcting').waitFor();
    await expect(page.getByText(/Enter caseload threshold as a number/).isVisible()).resolves.toBe(true);
    await suite.app.shot('03-settings-error');
    expect(await axe(page)).toEqual([]);
    await page.getByLabel('Caseload threshold').fill('18');
    await page.getByLabel('Caseload threshold').press('Enter');
    await page.getByText('Settings saved.').waitFor();
    const saved = await suite.app.handlers.getSettings({});
    expect(saved).toMatchObject({ councilName: 'Testshire County Council', caseloadThreshold: 18 });
    // The header follows once the app has read its status again (after the save's message).
    await expect.poll(() => page.locator('.council').textContent()).toBe('Testshire County Council');
  });

  it('backs up from the settings screen', async () => {
    await suite.app.goto('#/settings');
    await suite.app.page.getByRole('button', { name: 'Back up now' }).click();
    await suite.app.page.getByText(/Backup saved: scrutiny-pack-/).waitFor();
    await suite.app.page.getByRole('table', { name: /Backups kept/ }).waitFor();
    await suite.app.shot('04-settings-backup');
  });

  it('restores a backup chosen from the list, keeping the state before it', async () => {
    const page = suite.app.page;
    await suite.app.goto('#/settings');
    await page.getByLabel('Council name').fill('Renamed Council');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    const [backup] = await suite.app.handlers.listBackups({});
    await page.getByLabel('Restore a backup').selectOption(backup!.id);
    await page.getByRole('button', { name: 'Restore the chosen backup' }).click();
    await page.getByText(/^Restored scrutiny-pack-/).waitFor();
    await expect.poll(() => page.getByLabel('Council name').inputValue()).toBe('Testshire County Council');
    expect((await suite.app.handlers.listBackups({})).length).toBe(2);
    expect(await axe(page)).toEqual([]);
  });

  it('can be used with the keyboard alone: skip link, navigation and visible focus', async () => {
    const page = suite.app.page;
    await suite.app.goto('#/overview');
    await page.reload();
    await page.locator('#page-heading').waitFor();
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.textContent);
    expect(first).toBe('Skip to main content');
    await page.keyboard.press('Tab'); // brand
    await page.keyboard.press('Tab'); // Overview
    await page.keyboard.press('Tab'); // Import
    const focused = page.locator(':focus');
    await expect(focused.textContent()).resolves.toBe('Import');
    const outline = await focused.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(outline).toBe('rgb(255, 221, 0)'); // the yellow focus style
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Import files' }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('page-heading');
  });

  it('loads the demo council from the welcome screen and shows its figures', async () => {
    const page = suite.app.page;
    await suite.app.goto('#/welcome');
    await page.getByRole('button', { name: 'Explore the demo council' }).click();
    await page.getByRole('heading', { level: 2, name: /^Headline figures at / }).waitFor({ timeout: 60_000 });
    expect(page.url()).toMatch(/#\/overview$/);
    const status = await suite.app.handlers.getStatus({});
    expect(status.empty).toBe(false);
    expect(status.counts.allocations).toBeGreaterThan(1000);
    await expect(page.locator('[data-tile="caseload"] [data-value]').textContent()).resolves.toMatch(/^\d+\.\d$/);
    await page.waitForTimeout(300);
    await suite.app.shot('05-demo-overview');
    expect(await axe(page)).toEqual([]);
  });

  it('prepares the paper: details, preview, and PDF, HTML and Word exports that open', async () => {
    const page = suite.app.page;
    await suite.app.goto('#/paper');
    await page.getByLabel('Meeting date').fill('2025-11-20');
    await page.getByLabel('The committee is asked to…').fill('note the fall in agency use\nendorse the recruitment plan');
    await page.getByLabel('Commentary: Purpose and summary').fill('Caseloads are steady and agency use is falling.');
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.getByText('Paper details saved.').waitFor();
    await page.getByRole('button', { name: 'Preview' }).click();
    const frame = page.frameLocator('iframe[title="Preview of the committee paper"]');
    await frame.getByText('endorse the recruitment plan').waitFor({ timeout: 60_000 });
    await suite.app.shot('06-paper-preview');
    expect(await axe(page)).toEqual([]);

    await page.getByRole('button', { name: 'Export PDF…' }).click();
    await page.getByText(/^Saved workforce-paper-.*\.pdf/).waitFor({ timeout: 60_000 });
    const pdf = suite.app.host.saved.find((f) => f.endsWith('.pdf'))!;
    const bytes = fs.readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(20_000);
    await page.getByRole('button', { name: /^Open workforce-paper-/ }).click();
    await expect.poll(() => suite.app.host.opened).toEqual([pdf]);
    await page.getByRole('button', { name: 'Show it in its folder' }).click();
    await expect.poll(() => suite.app.host.shown).toEqual([pdf]);

    await page.getByRole('button', { name: 'Export HTML…' }).click();
    await page.getByText(/^Saved workforce-paper-.*\.html/).waitFor({ timeout: 60_000 });
    const html = fs.readFileSync(suite.app.host.saved.find((f) => f.endsWith('.html'))!, 'utf8');
    expect(html).toContain('endorse the recruitment plan');
    expect(html).toContain('Caseloads are steady and agency use is falling.');

    // Word: the council report details typed on the screen reach the document.
    await page.getByLabel('Financial implications').fill('Agency spending is within budget.');
    // Back to the export buttons as a user would, before clicking (from far down the form, the
    // scroll-and-click could land on the preview frame beside it).
    await page.getByRole('heading', { name: 'Produce the paper' }).scrollIntoViewIfNeeded();
    await page.getByRole('button', { name: 'Export Word…' }).click();
    await page.getByText(/^Saved workforce-paper-.*\.docx/).waitFor({ timeout: 60_000 });
    const docx = await JSZip.loadAsync(fs.readFileSync(suite.app.host.saved.find((f) => f.endsWith('.docx'))!));
    const xml = await docx.file('word/document.xml')!.async('string');
    expect(xml).toContain('Financial implications');
    expect(xml).toContain('Agency spending is within budget.');
    await page.getByRole('button', { name: 'Word appendix for our own report…' }).click();
    await page.getByText(/^Saved workforce-appendix-.*\.docx/).waitFor({ timeout: 60_000 });
  }, 240_000);

  it('logged no errors (no CSP violations, no React errors)', () => {
    expect(suite.app.consoleErrors).toEqual([]);
  });
});
