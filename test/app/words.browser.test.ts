// Plain words and no dead ends (issue 13), in real Chromium over the real handlers and a real
// SQLite file: no internal codes, command-line flags or developer words anywhere a user can read
// them (empty database, demo council, after an import that left rows out); every empty screen
// says what to do next with a link; the data checks say there is nothing to check yet; Settings
// checks the council against the DfE's file with suggestions; the Paper screen saves as you type
// and keeps its preview beside the form.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appSuite, axe, browserDescribe, type AppPage } from './browser-harness';
import { codeWords } from './code-words';

const SCREENS = ['welcome', 'overview', 'import', 'data', 'planning', 'paper', 'settings'] as const;

/** Everything a user can read on the page: its text, and the words read out for its controls. */
async function readable(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.body.innerText, document.title];
    for (const el of Array.from(document.querySelectorAll('[title], [aria-label], [placeholder], option, [alt]'))) {
      for (const a of ['title', 'aria-label', 'placeholder', 'alt']) {
        const v = el.getAttribute(a);
        if (v) parts.push(v);
      }
      if (el.tagName === 'OPTION') parts.push(el.textContent ?? '');
    }
    return parts.join('\n');
  });
}

async function settle(app: AppPage): Promise<void> {
  await app.page.waitForLoadState('networkidle');
  await app.page.waitForFunction(() => !document.querySelector('.loading'), undefined, { timeout: 20_000 });
  await app.page.waitForTimeout(200);
}

async function scan(app: AppPage, label: string): Promise<Array<{ screen: string; words: string[] }>> {
  const found: Array<{ screen: string; words: string[] }> = [];
  for (const screen of SCREENS) {
    await app.goto(`#/${screen}`);
    await settle(app);
    // Open what a user would open: every "show the rows" disclosure.
    for (const d of await app.page.locator('details:not([open]) > summary').all()) await d.click();
    const words = codeWords(await readable(app.page));
    if (words.length) found.push({ screen, words });
    await app.shot(`plain-words-${label}-${screen}`);
  }
  return found;
}

browserDescribe('desktop screens in Chromium: plain words, empty states, settings and paper', () => {
  const suite = appSuite();

  it('the code pattern finds codes, flags and developer words, and leaves ordinary words alone', () => {
    expect(codeWords('Role: senior_manager; run it with --source asye using the canonical template; laCode')).toEqual([
      'senior_manager',
      '--source',
      'canonical',
      'laCode',
    ]);
    expect(codeWords('Senior manager, fixed-term, 31-Mar-2018 - 2,639 cases; iTrent; load the ASYE register on the Import screen')).toEqual([]);
  });

  it('shows no internal code on any screen of an empty database', async () => {
    expect(await scan(suite.app, 'empty')).toEqual([]);
  });

  it('on an empty database every screen says what to do next, with a link to the screen that does it', async () => {
    const { page } = suite.app;
    const links: Record<string, string[]> = {};
    for (const screen of ['overview', 'data', 'planning', 'paper'] as const) {
      await suite.app.goto(`#/${screen}`);
      await settle(suite.app);
      links[screen] = await page.locator('main a[href^="#/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    }
    expect(links.overview).toContain('#/import');
    expect(links.planning).toContain('#/import');
    expect(links.paper).toEqual(expect.arrayContaining(['#/import', '#/welcome']));
    expect(links.data).toContain('#/import');
    await page.getByText('There is no data for the paper yet').waitFor();
    await suite.app.shot('words-empty-paper');
    expect(await axe(page)).toEqual([]);
  });

  it('says the data checks have nothing to check yet on an empty database, not "No problems"', async () => {
    const { page } = suite.app;
    await suite.app.goto('#/data');
    await settle(suite.app);
    const checks = page.locator('section.quality');
    await expect(checks.count()).resolves.toBe(4);
    for (const heading of await checks.locator('h3').allTextContents()) expect(heading).toMatch(/^Nothing to check yet: /);
    await expect(page.getByText('No problems').count()).resolves.toBe(0);
    await expect(page.getByText(/No case allocations have been imported yet, so there is nothing to check/).first().isVisible()).resolves.toBe(true);
    await expect(checks.first().getByRole('link', { name: 'Go to the Import screen' }).getAttribute('href')).resolves.toBe('#/import');
    await suite.app.shot('words-empty-data-checks');
    expect(await axe(page)).toEqual([]);
  });

  it('Settings will not take a council name it cannot check before the DfE file is imported', async () => {
    const { page, handlers } = suite.app;
    await suite.app.goto('#/settings');
    await settle(suite.app);
    await page.getByLabel('DfE local authority code').fill('Nottingham');
    await page.getByText(/“Nottingham” cannot be looked up until the DfE's published figures are imported/).waitFor();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.locator('#laCode-error').getByText(/cannot be looked up/).waitFor();
    expect((await handlers.getSettings({})).laCode).toBeNull();
    expect(await axe(page)).toEqual([]);
  });

  it('Settings checks the council against the DfE file: a typo gets suggestions, a name is said back and kept as its code', async () => {
    const { page, handlers } = suite.app;
    await handlers.loadDemo({});
    await handlers.updateSettings({ patch: { laCode: null } });
    await page.reload(); // the app learns the database is no longer empty, as after an import on screen
    await suite.app.goto('#/settings');
    await settle(suite.app);
    const field = page.getByLabel('DfE local authority code');
    await field.fill('Notingham');
    await page.getByText(/No council called “Notingham” is in the DfE's published figures\. Did you mean Nottingham \(892\)/).waitFor();
    await suite.app.shot('words-settings-council-typo');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.locator('#laCode-error').getByText(/Did you mean Nottingham \(892\)/).waitFor();
    expect((await handlers.getSettings({})).laCode).toBeNull();

    await page.getByRole('button', { name: 'Use Nottingham (892)' }).click();
    await expect(field.inputValue()).resolves.toBe('892');
    await page.getByText("This is Nottingham in the DfE's published figures (DfE code 892, East Midlands).").waitFor();

    await field.fill('nottingham city council');
    await page.getByText("This is Nottingham in the DfE's published figures (DfE code 892, East Midlands).").waitFor();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    expect((await handlers.getSettings({})).laCode).toBe('892');
    await expect(field.inputValue()).resolves.toBe('892');
    await suite.app.shot('words-settings-council-matched');
    expect(await axe(page)).toEqual([]);
  });

  it('the Paper screen saves commentary as it is typed, keeps it across screens, and previews it beside the form', async () => {
    const { page, handlers } = suite.app;
    if ((await handlers.getStatus({})).empty) {
      await handlers.loadDemo({});
      await page.reload();
    }
    await suite.app.goto('#/paper');
    await settle(suite.app);
    const frame = page.frameLocator('iframe[title="Preview of the committee paper"]');
    await frame.locator('body').waitFor({ timeout: 60_000 });
    const box = page.getByLabel('Commentary: Caseloads');
    await box.click();
    await box.pressSequentially('Caseloads fell in the north team.', { delay: 5 });
    const status = page.locator('.save-status');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/^Saved at \d{2}:\d{2}$/);
    expect(((await handlers.getPaperConfig({})) as { commentary: Record<string, string> }).commentary.caseloads).toBe('Caseloads fell in the north team.');
    await frame.getByText('Caseloads fell in the north team.').waitFor({ timeout: 60_000 });

    // Beside the form on a wide window.
    const form = (await page.getByRole('form', { name: "The paper's details" }).boundingBox())!;
    const preview = (await page.locator('.paper-preview').boundingBox())!;
    expect(preview.x).toBeGreaterThanOrEqual(form.x + form.width);
    await suite.app.shot('words-paper-saved');
    expect(await axe(page)).toEqual([]);

    // Typed, then straight to another screen before the save would have run: still kept.
    await box.pressSequentially(' Agency use is down.', { delay: 0 });
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Paper' }).click();
    await expect.poll(() => page.getByLabel('Commentary: Caseloads').inputValue(), { timeout: 20_000 }).toBe('Caseloads fell in the north team. Agency use is down.');
    await frame.getByText('Caseloads fell in the north team. Agency use is down.').waitFor({ timeout: 60_000 });

    // Below the form on a narrow window.
    await page.setViewportSize({ width: 800, height: 900 });
    const narrowForm = (await page.getByRole('form', { name: "The paper's details" }).boundingBox())!;
    const narrowPreview = (await page.locator('.paper-preview').boundingBox())!;
    expect(narrowPreview.y).toBeGreaterThanOrEqual(narrowForm.y + narrowForm.height);
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 180_000);

  it('shows no internal code on any screen of the demo council, nor after an import that left rows out', async () => {
    const { handlers } = suite.app;
    expect(await scan(suite.app, 'demo')).toEqual([]);

    // An HR file with a job title no rule places and a contract type nobody uses: kept as valid rows only.
    const file = await handlers.stageFile({
      name: 'hr-with-problems.csv',
      base64: Buffer.from(
        'staff_id,swe_number,role,team,employment_type,fte,start_date,end_date,leaving_reason,qualified_date\n' +
          'P1,,wizard,North,permanent,1,2019-01-01,,,\nP2,,case_holder,North,honorary,1,2019-01-01,,,\nP3,,case_holder,North,permanent,1,2019-01-01,,,\n',
      ).toString('base64'),
    });
    const job = await handlers.startImport({ fileId: file.id, source: 'workers', acceptValid: true, dryRun: false });
    await expect.poll(async () => (await handlers.importProgress({ jobId: job.jobId })).state, { timeout: 20_000 }).toBe('done');
    const history = await handlers.listImports({});
    expect(history[0]!.rejected).toBe(2);
    await suite.app.goto('#/data');
    await settle(suite.app);
    await suite.app.page.getByRole('button', { name: /Show the 2 rows left out of hr-with-problems.csv/ }).click();
    await suite.app.page.getByRole('table', { name: /Rows left out of hr-with-problems.csv/ }).waitFor();
    const words = codeWords(await readable(suite.app.page));
    await suite.app.shot('plain-words-left-out');
    expect(words).toEqual([]);
    expect(await axe(suite.app.page)).toEqual([]);
  });
});
