// The one as-at date the screens share (issue 13), through the handler table over a real database:
// remembered when the app is opened again, forgotten on request, a bad date refused; and the dates
// dataRange says the data covers, which decide where the overview shows no figure.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { AppContext, createHandlers, invokeHandler } from '../../electron/handlers';
import { runImport } from '../../electron/import/index';
import { dataRange } from '../../electron/handlers/status';
import { tempDir } from '../support/tmp';
import { smallBaseCaution } from '../../shared/small-base';
import { ScriptedHost } from './scripted-host';

function open(dir: string) {
  const ctx = new AppContext(path.join(dir, 'app.sqlite'), new ScriptedHost(dir), { fixturesDir: path.join(__dirname, '../../fixtures/demo') });
  return { ctx, handlers: createHandlers(ctx) };
}

describe('the shared as-at date', () => {
  it('is remembered when the app opens again, and forgotten on request', async () => {
    const dir = tempDir();
    const first = open(dir);
    expect(await invokeHandler(first.handlers, 'getUiState', {})).toEqual({ ok: true, value: { asAt: null } });
    expect(await invokeHandler(first.handlers, 'saveUiState', { asAt: '2024-09-30' })).toEqual({ ok: true, value: { asAt: '2024-09-30' } });
    first.ctx.close();
    const again = open(dir);
    expect(await again.handlers.getUiState({})).toEqual({ asAt: '2024-09-30' });
    // The measure settings do not see it.
    expect(Object.values(await again.handlers.getSettings({}))).not.toContain('2024-09-30');
    await again.handlers.saveUiState({ asAt: null });
    expect(await again.handlers.getUiState({})).toEqual({ asAt: null });
    const bad = await invokeHandler(again.handlers, 'saveUiState', { asAt: '30/09/2024' });
    expect(bad).toEqual({ ok: false, error: 'That request could not be accepted (asAt): Dates must be written as YYYY-MM-DD.' });
    again.ctx.close();
  });
});

describe('what the data covers (dataRange.covers)', () => {
  it('runs from the demo export’s first month to its extract date', async () => {
    const { ctx, handlers } = open(tempDir());
    await handlers.loadDemo({});
    expect((await handlers.dataRange({})).covers).toEqual({ staffFrom: '2022-10-02', casesFrom: '2022-10-01', to: '2025-09-30' });
    ctx.close();
  });

  it('is not stretched by a contract’s planned end after today', async () => {
    const dir = tempDir();
    const { ctx } = open(dir);
    const csv = path.join(dir, 'workers.csv');
    fs.writeFileSync(
      csv,
      'staff_id,swe_number,role,team,employment_type,fte,start_date,end_date,leaving_reason,qualified_date\n' +
        'S1,SW100001,case_holder,North,permanent,1,2019-01-07,,,2015-07-01\n' +
        'S2,SW100002,case_holder,North,fixed_term,1,2024-04-01,2026-03-31,,2020-07-01\n',
    );
    await runImport(ctx.db(), { file: csv, dbPath: ctx.dbFile, extractDate: '2025-06-30' });
    expect(dataRange(ctx, '2025-12-01').covers).toEqual({ staffFrom: '2019-01-07', casesFrom: null, to: '2025-06-30' });
    // Once that day has passed, the contract's end is a date the data speaks for.
    expect(dataRange(ctx, '2026-05-01').covers.to).toBe('2026-03-31');
    ctx.close();
  });

  it('runs to the day of the import when no extract date was given (the importer assumes the same)', async () => {
    const dir = tempDir();
    const { ctx } = open(dir);
    const csv = path.join(dir, 'workers.csv');
    fs.writeFileSync(csv, 'staff_id,swe_number,role,team,employment_type,fte,start_date,end_date,leaving_reason,qualified_date\nS1,SW100001,case_holder,North,permanent,1,2019-01-07,,,2015-07-01\n');
    await runImport(ctx.db(), { file: csv, dbPath: ctx.dbFile });
    const imported = (ctx.db().prepare('SELECT substr(started_at, 1, 10) AS d FROM import_log').get() as { d: string }).d;
    expect(dataRange(ctx).covers.to).toBe(imported);
    ctx.close();
  });
});

describe('small-base caution', () => {
  it('is given below 10 people, with how far one person moves the rate, and not from 10 up or from nobody', () => {
    expect(smallBaseCaution(2, 'social workers in post', 'rate')).toBe(
      'Small numbers: from only 2 social workers in post, one person more or less moves this rate by about 50 percentage points. Read it with care.',
    );
    expect(smallBaseCaution(9, 'social workers', 'rate')).toMatch(/about 11 percentage points/);
    expect(smallBaseCaution(10, 'social workers', 'rate')).toBeNull();
    expect(smallBaseCaution(0, 'social workers', 'rate')).toBeNull();
    expect(smallBaseCaution(3, 'social workers holding cases', 'average')).toMatch(/one person’s cases move this average a long way/);
  });
});
