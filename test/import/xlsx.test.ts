// .xlsx workbooks, built here with exceljs's writer the way HR systems export them (a title
// block above the headings, dates stored as Excel dates, yes/no as booleans, a second sheet),
// imported and compared with the CSV of the same data: the stored rows must be identical.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { main } from '../../electron/cli/main';
import { detectImportFile } from '../../electron/import/detect';
import { readXlsxRowBatches, xlsxHead } from '../../electron/import/xlsx-stream';
import { tempDir } from '../support/tmp';
import { computeMetrics } from '../../electron/measures/index';
import { handlersWithFile } from '../support/app-handlers';
import { csv, rows, setup } from './helpers';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const HEADINGS = ['staff_id', 'swe_number', 'role', 'team', 'agency_worker', 'fte', 'start_date', 'end_date', 'leaving_reason', 'qualified_date'];
// The same six workers as the CSV below.
const WORKERS: unknown[][] = [
  ['S1', 'SW100', 'case_holder', 'North', false, 1, d('2019-04-01'), null, null, d('2018-07-01')],
  ['S2', null, { richText: [{ text: 'Senior ' }, { text: 'practitioner', font: { bold: true } }] }, 'South', false, 0.8, d('2020-01-06'), d('2024-03-31'), 'resignation', null],
  ['S3', 'SW300', 'first_line_manager', 'North', true, 1, d('2023-09-04'), null, null, null],
  ['S4', null, 'support_worker', { formula: 'D2&""', result: 'North' }, false, 0.5, 43709, null, null, null],
  ['S5', 'SW500', 'case_holder', 'South  Team', false, 0.6, d('2021-02-01'), d('2024-11-30'), 'retired', d('1999-06-30')],
  ['S6', null, 'middle_manager', 'Central', 'N', 1, d('2015-05-05'), null, null, null],
];
const CSV = csv(
  HEADINGS.join(','),
  'S1,SW100,case_holder,North,FALSE,1,2019-04-01,,,2018-07-01',
  'S2,,Senior practitioner,South,FALSE,0.8,2020-01-06,2024-03-31,resignation,',
  'S3,SW300,first_line_manager,North,TRUE,1,2023-09-04,,,',
  'S4,,support_worker,North,FALSE,0.5,2019-09-01,,,',
  'S5,SW500,case_holder,South  Team,FALSE,0.6,2021-02-01,2024-11-30,retired,1999-06-30',
  'S6,,middle_manager,Central,N,1,2015-05-05,,,',
);

async function workbook(file: string, options: { title?: boolean; blankRowAfter?: number; extra?: unknown[][]; sheetFirst?: string } = {}) {
  const wb = new ExcelJS.Workbook();
  if (options.sheetFirst) wb.addWorksheet(options.sheetFirst).addRow(['Notes', 'This sheet is not the data']);
  const ws = wb.addWorksheet('Staff');
  if (options.title !== false) {
    ws.addRow(['Workforce report']);
    ws.addRow(['Run date', d('2025-10-01')]);
    ws.addRow([]);
  }
  ws.addRow(HEADINGS);
  [...WORKERS, ...(options.extra ?? [])].forEach((w, i) => {
    const row = ws.addRow(w);
    // S4's start is a number formatted as a date (how a date typed into a formatted cell is stored).
    if (w[0] === 'S4') row.getCell(7).numFmt = 'dd/mm/yyyy';
    if (options.blankRowAfter === i) ws.addRow([]);
  });
  wb.addWorksheet('Allocations').addRow(['case_id', 'case_type', 'staff_id', 'team', 'start_date', 'end_date']);
  await wb.xlsx.writeFile(file);
  return file;
}

const SPELLS = 'SELECT staff_id, swe_number, role, team, employment_type, fte, start_date, end_date, leaving_reason, qualified_date FROM spell ORDER BY staff_id';

describe('.xlsx import', () => {
  it('a workbook with a title block, dates as dates and a second sheet stores exactly what the CSV of the same data does', async () => {
    const fromCsv = setup();
    const viaCsv = await fromCsv.run(fromCsv.file('staff.csv', CSV), { extractDate: '2025-10-01' });
    expect(viaCsv.outcome).toBe('imported');

    const t = setup();
    const file = await workbook(path.join(t.dir, 'staff.xlsx'), { blankRowAfter: 2 });
    const viaXlsx = await t.run(file, { extractDate: '2025-10-01' });
    expect(viaXlsx).toMatchObject({ outcome: 'imported', source: 'workers', preset: 'canonical', rowsRead: 6, inserted: 6, rejected: 0 });
    expect(viaXlsx.assumptions[0]).toBe('The workbook has 2 sheets ("Staff", "Allocations"); sheet "Staff" was read. Choose another with --sheet NAME.');
    const stored = rows(t.db, SPELLS);
    expect(stored).toEqual(rows(fromCsv.db, SPELLS));
    expect(stored).toHaveLength(6);
    expect(stored[3]).toMatchObject({ staff_id: 'S4', team: 'North', start_date: '2019-09-01', employment_type: 'permanent' });
    expect(stored[2]).toMatchObject({ staff_id: 'S3', employment_type: 'agency' });
    // And so the same figures: headcount, FTE, agency, turnover on a date.
    const figures = (db: typeof t.db) => computeMetrics(db, '2024-09-30', { months: 12 });
    expect(figures(t.db)).toEqual(figures(fromCsv.db));
    // Non-trivial: S1, S3 (agency), S5 and S6 in post on the date; S2 left within the year.
    expect(figures(t.db).inPost.headcount).toBe(3);
    expect(figures(t.db).agency.headcount).toBe(1);
    expect(figures(t.db).leavers.headcount).toBe(1);
  });

  it('the app: detection offers the sheets, and another sheet is looked at afresh', async () => {
    const file = await workbook(path.join(tempDir(), 'book.xlsx'), { sheetFirst: 'Read me' });
    const { ctx, h, fileId, finished } = await handlersWithFile(file);
    const first = await h.detectFile({ fileId });
    expect(first).toMatchObject({ sheet: 'Read me', sheets: ['Read me', 'Staff', 'Allocations'], source: null });
    const staff = await h.detectFile({ fileId, sheet: 'Staff' });
    expect(staff).toMatchObject({ sheet: 'Staff', source: 'workers', preset: 'canonical', headers: HEADINGS });
    const { jobId } = await h.startImport({ fileId, sheet: 'Staff', source: 'workers', preset: 'canonical', acceptValid: false, dryRun: true });
    expect((await finished(jobId)).result).toMatchObject({ outcome: 'checked', rowsRead: 6, inserted: 6 });
    ctx.close();
  });

  it('reads the same first rows every time, however many workbooks a session has looked at', async () => {
    // exceljs's streaming reader failed one early-stopped read in 128 in a process (the app's
    // worker reads a workbook's first rows several times per import): 300 reads cross that twice.
    const file = await workbook(path.join(tempDir(), 'again.xlsx'));
    const first = await xlsxHead(file);
    expect(first).toMatchObject({ sheet: 'Staff', sheets: ['Staff', 'Allocations'] });
    const failed: number[] = [];
    for (let i = 0; i < 300; i++) {
      const again = await xlsxHead(file).catch(() => null);
      if (again === null || JSON.stringify(again) !== JSON.stringify(first)) failed.push(i);
    }
    expect(failed).toEqual([]);
  }, 60_000);

  it('finds the heading row below the title block, and numbers rows as the sheet does', async () => {
    const dir = tempDir();
    const file = await workbook(path.join(dir, 'w.xlsx'));
    const detection = await detectImportFile(file);
    expect(detection.headers).toEqual(HEADINGS);
    expect(detection.sheets).toEqual(['Staff', 'Allocations']);
    expect(detection.preview[0]!.slice(0, 3)).toEqual(['S1', 'SW100', 'case_holder']);
    expect(detection.best).toMatchObject({ source: 'workers', preset: 'canonical' });
    const numbered: Array<[number, string]> = [];
    for await (const b of readXlsxRowBatches(file)) b.rows.forEach((r, i) => numbered.push([b.firstRow + i, r[0]!]));
    // Rows 1-3 (the title block) come through blank; the headings are row 4, S1 row 5.
    expect(numbered.slice(0, 6)).toEqual([[1, ''], [2, ''], [3, ''], [4, 'staff_id'], [5, 'S1'], [6, 'S2']]);
  });

  it('errors name the sheet row and the column, with the same words as for a CSV', async () => {
    const t = setup();
    const bad = [['S7', null, 'wizard', 'North', false, 1.5, d('2020-01-01'), null, null, null]];
    const file = await workbook(path.join(t.dir, 'bad.xlsx'), { extra: bad });
    const r = await t.run(file, { extractDate: '2025-10-01' });
    expect(r.outcome).toBe('failed');
    // Headings on row 4, six workers on rows 5-10, the bad row on 11.
    expect(r.problems).toEqual([
      { row: 11, column: 'role', value: 'wizard', reason: expect.stringMatching(/^is not a recognised Role; use one of:/) },
      { row: 11, column: 'fte', value: '1.5', reason: 'is outside the FTE range: more than 0 and at most 1 (a full-time post is 1)' },
    ]);
    const viaCsv = setup();
    const csvResult = await viaCsv.run(viaCsv.file('bad.csv', CSV + 'S7,,wizard,North,FALSE,1.5,2020-01-01,,,\n'), { extractDate: '2025-10-01' });
    expect(csvResult.problems.map((p) => ({ ...p, row: p.row + 3 }))).toEqual(r.problems);
  });

  it('reads a named sheet (--sheet), and says plainly when there is no such sheet', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.sqlite');
    const file = await workbook(path.join(dir, 'book.xlsx'), { title: false, sheetFirst: 'Read me' });
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s), isTty: false, env: {} };
    // The first sheet is a notes page: nothing fits it, so the import cannot proceed without --sheet.
    expect(await main(['import', '--db', db, '--extract-date', '2025-10-01', file], io)).toBe(1);
    expect(err.join('\n')).toContain('This is sheet "Read me" of a workbook with 3 sheets ("Read me", "Staff", "Allocations"): if the data is on another, choose it with --sheet NAME.');
    expect(await main(['import', '--db', db, '--sheet', 'nosuch', file], io)).toBe(1);
    expect(err.join('\n')).toContain('The workbook has no sheet called "nosuch". Its sheets are: "Read me", "Staff", "Allocations".');
    expect(await main(['import', '--db', db, '--sheet', 'staff', '--extract-date', '2025-10-01', file], io)).toBe(0);
    expect(out.join('\n')).toMatch(/Imported book.xlsx \(import 1\): 6 new rows/);
  });

  it('the same rows in a worker thread (large files are read beside the writing)', async () => {
    const t = setup();
    const file = await workbook(path.join(t.dir, 'w.xlsx'));
    const modes: string[] = [];
    const r = await t.run(file, { extractDate: '2025-10-01', parseInWorker: true, onConvertMode: (m) => modes.push(m) });
    expect(modes).toEqual(['worker']);
    expect(r).toMatchObject({ outcome: 'imported', inserted: 6 });
  });

  it('an old .xls workbook is refused with what to do instead', async () => {
    const t = setup();
    const file = t.file('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    await expect(t.run(file)).rejects.toThrow(/old Excel workbook \(\.xls\).*save it as "Excel Workbook \(\.xlsx\)"/);
  });

  it('dry run of an .xlsx with a bad row fails as the import would', async () => {
    const t = setup();
    const file = await workbook(path.join(t.dir, 'bad.xlsx'), { extra: [['S8', null, 'case_holder', 'North', false, 1, d('2030-01-01'), null, null, null]] });
    const r = await t.run(file, { extractDate: '2025-10-01', dryRun: true });
    expect(r).toMatchObject({ outcome: 'failed', rejected: 1, problems: [{ row: 11, column: 'start_date', value: '2030-01-01' }] });
  });

  it("a sheet whose team column holds people's names is refused, read from the sheet's cells (as a CSV's would be)", async () => {
    const t = setup();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Staff');
    ws.addRow(['Workforce report']);
    ws.addRow([]);
    ws.addRow(HEADINGS);
    const names = ['Jane Smith', 'Smith, John', 'Mary Jones', 'David Brown'];
    names.forEach((team, i) => ws.addRow([`S${i + 1}`, null, 'case_holder', team, false, 1, d('2020-01-01'), null, null, null]));
    const file = path.join(t.dir, 'names.xlsx');
    await wb.xlsx.writeFile(file);
    const err = (await t.run(file, { extractDate: '2025-10-01' }).catch((e: unknown) => e)) as Error & { code: string };
    expect(err.code).toBe('child_identity');
    expect(err.message).toMatch(/"team", read as the team, holds what look like people's names/);
    expect(rows(t.db, 'SELECT COUNT(*) AS n FROM spell')).toEqual([{ n: 0 }]);
  });
});
