// Plain words on every screen (issue 13): no internal codes, command-line flags or developer
// words anywhere a user can read them, on the empty database, the demo council and after an
// import that left rows out. Real renderer in Chromium, real handlers over a real SQLite file.
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appSuite, axe, browserDescribe, ROOT, type AppPage } from './browser-harness';
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

browserDescribe('desktop screens in Chromium: plain words', () => {
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

  it('shows no internal code on any screen of the demo council, nor after an import that left rows out', async () => {
    const { handlers, app } = suite.app;
    await handlers.loadDemo({});
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
    void app;
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
void path;
void ROOT;
