// The DfE census return (CSWW) as councils hold it: test/fixtures/census/testshire_2025.csv (BOM,
// CRLF) and testshire_2025.xml are the same council's 2025 return, built item by item to the
// schema (liia-tools social_work_workforce_2022.xsd): the 23 worker items in order, real code
// lists, a returner, leavers with FTE 0 at 30 September, agency workers without RoleStartDate.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeMetrics, type Metrics } from '../../electron/measures';
import { detectFile } from '../../electron/import/detect';
import { undoImport } from '../../electron/import/undo';
import { csv, rows, setup } from './helpers';
import { gatherPaperContext } from '../../electron/report/gather';
import { buildPaperModel } from '../../electron/report/build-model';
import { parsePaperConfig } from '../../shared/paper-config';

const DIR = path.resolve(__dirname, '../fixtures/census');
const CSV = path.join(DIR, 'testshire_2025.csv');
const XML = path.join(DIR, 'testshire_2025.xml');
const LA_CSV = path.join(DIR, 'testshire_2025_la_level.csv');
const D = '2025-09-30';

/** Everything but what only the XML's LA-level module gives (vacancies, agency cover). */
function withoutLaLevel(m: Metrics): unknown {
  return JSON.parse(JSON.stringify(m, (k, v: unknown) => (k === 'vacancy' || k === 'agencyCover' ? undefined : v)));
}

describe('the DfE census return', () => {
  it('is detected as the census preset without options, from the CSV headings and the XML root element', () => {
    for (const f of [CSV, XML]) {
      const d = detectFile(f);
      expect(d.best, f).toMatchObject({ source: 'workers', preset: 'census' });
      expect(d.file).toBe(f);
      expect(d.encoding === 'utf-8-bom' || f === XML).toBe(true);
    }
  });

  it('a census CSV alone gives the DfE row it was built to have', async () => {
    const t = setup();
    const r = await t.run(CSV);
    expect(r).toMatchObject({ outcome: 'imported', source: 'workers', preset: 'census', inserted: 11, rejected: 0 });
    expect(r.assumptions[0]).toBe('PersonBirthDate, GenderCurrent, Ethnicity: not stored (a worker\'s own personal details are not needed for any figure, so these columns were not read).');
    expect(r.assumptions.join(' ')).toMatch(/census date is taken to be 2025-09-30.*latest date in the file \(2025-08-15\)/);
    const m = computeMetrics(t.db, D, { months: 0 });
    // In post at 30 September: SW1 1.0, SW2 0.8, SW3 1.0, SW4 0.5 and the returner SW5's second spell 1.0.
    expect(m.inPost).toEqual({ headcount: 5, fte: 4.3 });
    // Agency: AG8 1.0 and AG10 1.0 (no RoleStartDate: in post on the census date), AG9 0.5.
    expect(m.agency.headcount).toBe(3);
    expect(m.agency.fte).toBe(2.5);
    expect(m.agency.rateFte).toBeCloseTo((2.5 / 6.8) * 100, 10);
    // Leavers: SW5 (FTE 0, FTE30 1.0 -> 1.0), SW6 (FTE 0.6), SW7 (FTE 0, FTE30 0.8 -> 0.8).
    expect({ headcount: m.leavers.headcount, fte: m.leavers.fte }).toEqual({ headcount: 3, fte: 2.4 });
    expect(m.turnover.rateFte).toBeCloseTo((2.4 / 4.3) * 100, 10);
    expect(m.turnover.rateHeadcount).toBe(60);
    // Starters: SW2 (2024-11-04, NQSW) and SW5 back from agency work (2025-06-02).
    expect({ headcount: m.starters.headcount, fte: m.starters.fte }).toEqual({ headcount: 2, fte: 1.8 });
    // Cases30: 18 + 12 + 10 + 8 (employed) + 15 + 9 (agency); SW3 holds 0, AG10 none.
    expect(m.caseload.cases).toBe(72);
    expect(m.caseload.caseHolders).toEqual({ headcount: 6, fte: 4.8 });
    expect(m.caseload.averageFte).toBeCloseTo(15, 10);
    expect(m.caseload.averagePerWorker).toBe(12);
    // CFKSSstatus 1: SW2 is in the ASYE, holding 12 cases.
    expect(m.series.length).toBe(0);
    expect(m.caseload.groups.asye).toMatchObject({ cases: 12, caseHolders: { headcount: 1, fte: 0.8 } });
    expect(computeMetrics(t.db, D, { months: 1 }).series[0]!.asyeInProgress).toBe(1);
    // Where leavers went (LeaverDestination) and starters came from (StartOrigin).
    expect(m.leavers.byDestination).toMatchObject({ '1': 1, '3': 1, '6': 1, 'not recorded': 0 });
    expect(Object.values(m.leavers.byDestination!).reduce((a, b) => a + b, 0)).toBe(3);
    expect(m.starters.byOrigin).toMatchObject({ '1': 1, '4': 1, 'not recorded': 0 });
    expect(m.leavers.byReason).toMatchObject({ resignation: 2, retired: 1 });
    // One return covers its own year: comparisons with a year earlier are said to be unreliable.
    expect(m.warnings).toEqual([
      'The staff records come from census returns, the earliest for 30 September 2025, which covers the year from 30 September 2024: starters, leavers, turnover and the stability index at 30 September 2024 (a year earlier) lack the year before it, so comparisons with a year ago are not reliable; import the earlier return too.',
    ]);
    // The CSV has no LA-level module: no vacancy figure is made up.
    expect(m.vacancy).toBeNull();
    expect(m.agencyCover).toBeNull();
    // Agency rows without OrgRole: AG8 holds cases (case holder), AG10 none (qualified without cases).
    expect(rows(t.db, `SELECT staff_id, role, start_date, end_date FROM spell WHERE employment_type = 'agency' ORDER BY staff_id`)).toEqual([
      { staff_id: 'AG0000000008', role: 'case_holder', start_date: D, end_date: D },
      { staff_id: 'AG0000000009', role: 'case_holder', start_date: '2025-03-01', end_date: D },
      { staff_id: 'AG0000000010', role: 'qualified_no_cases', start_date: D, end_date: D },
    ]);
  });

  it('the same council\'s XML gives identical figures, plus vacancies and agency cover from its LA-level module', async () => {
    const a = setup();
    await a.run(CSV);
    const b = setup();
    const r = await b.run(XML);
    expect(r).toMatchObject({ outcome: 'imported', preset: 'census', inserted: 11, extractDate: D });
    const fromCsv = computeMetrics(a.db, D, { months: 13 });
    const fromXml = computeMetrics(b.db, D, { months: 13 });
    expect(withoutLaLevel(fromXml)).toEqual(withoutLaLevel(fromCsv));
    const cols = 'staff_id, swe_number, role, employment_type, fte, start_date, end_date, leaving_reason, census_date, cases_30, cfkss_status, start_origin, leaver_destination';
    expect(rows(b.db, `SELECT ${cols} FROM spell ORDER BY id`)).toEqual(rows(a.db, `SELECT ${cols} FROM spell ORDER BY id`));
    // NumberOfVacancies 3.50 against 4.3 FTE in post: 3.5 / 7.8; NoAgencyFTE 2.00 of 2.5 agency FTE and of 3.5 vacant.
    expect(fromXml.vacancy!.fte).toBe(3.5);
    expect(fromXml.vacancy!.rate).toBeCloseTo((3.5 / 7.8) * 100, 10);
    expect(fromXml.agencyCover).toEqual({ fte: 2, headcount: 2, rateOfAgencyFte: 80, rateOfVacancies: expect.closeTo((2 / 3.5) * 100, 10) });
    expect(rows(b.db, 'SELECT census_date, la_code FROM census_la_level')).toEqual([{ census_date: D, la_code: '999' }]);
    // Undo takes the LA-level module away with the workers.
    undoImport(b.db, r.importId!);
    expect(rows(b.db, 'SELECT * FROM census_la_level')).toEqual([]);
    expect(rows(b.db, 'SELECT * FROM spell')).toEqual([]);
  });

  it('the LA-level module kept as CSV gives, with the worker CSV, every figure the XML gives', async () => {
    const a = setup();
    await a.run(CSV, { extractDate: D });
    expect(detectFile(LA_CSV).best).toMatchObject({ source: 'census_la', preset: 'census' });
    const la = await a.run(LA_CSV, { extractDate: D });
    expect(la).toMatchObject({ outcome: 'imported', source: 'census_la', inserted: 1 });
    const b = setup();
    await b.run(XML);
    expect(computeMetrics(a.db, D, { months: 13 })).toEqual(computeMetrics(b.db, D, { months: 13 }));
    expect(rows(a.db, 'SELECT census_date, vacancies_fte, agency_cover_fte, agency_cover_headcount FROM census_la_level')).toEqual([
      { census_date: D, vacancies_fte: 3.5, agency_cover_fte: 2, agency_cover_headcount: 2 },
    ]);
    // A corrected module for the same census date replaces the figures; undo brings the first back.
    const again = await a.run(a.file('la2.csv', csv('NumberOfVacancies,NoAgencyFTE,NoAgencyHeadcount', '4.00,2.00,2')), { extractDate: D });
    expect(again).toMatchObject({ outcome: 'imported', updated: 1 });
    expect(computeMetrics(a.db, D, { months: 0 }).vacancy!.fte).toBe(4);
    undoImport(a.db, again.importId!);
    expect(computeMetrics(a.db, D, { months: 0 }).vacancy!.fte).toBe(3.5);
  });

  it('the same return saved as an .xlsx workbook stores the same spells, census date included (read from the sheet, not the zip)', async () => {
    const lines = fs.readFileSync(CSV, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l !== '');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Census');
    for (const l of lines) ws.addRow(l.split(','));
    const fromCsv = setup();
    const fromXlsx = setup();
    const xlsx = fromXlsx.file('testshire_2025.xlsx', Buffer.alloc(0));
    await wb.xlsx.writeFile(xlsx);
    const a = await fromCsv.run(CSV);
    const b = await fromXlsx.run(xlsx);
    expect(b).toMatchObject({ outcome: 'imported', source: 'workers', preset: 'census', inserted: 11, rejected: 0 });
    // The census date comes from the latest date in the sheet's rows, as it does from the CSV's.
    expect(b.assumptions.join(' ')).toMatch(/census date is taken to be 2025-09-30.*latest date in the file \(2025-08-15\)/);
    const spells = `SELECT staff_id, swe_number, role, employment_type, fte, start_date, end_date, census_date, cases_30, cfkss_status, start_origin, leaver_destination FROM spell ORDER BY staff_id, start_date`;
    expect(rows(fromXlsx.db, spells)).toEqual(rows(fromCsv.db, spells));
    expect(a.inserted).toBe(11);
  });

  it("never stores a worker's date of birth, gender or ethnicity: not in the database file, nor its WAL", async () => {
    for (const f of [CSV, XML]) {
      const t = setup();
      await t.run(f);
      // Nothing checkpointed yet: the rows are in the WAL, which is scanned too (and any backup).
      const files = (fs.readdirSync(t.dir, { recursive: true }) as string[]).filter((n) => fs.statSync(path.join(t.dir, n)).isFile());
      for (const name of files) {
        const bytes = fs.readFileSync(path.join(t.dir, name));
        for (const value of ['1983-05-14', '1961-03-03', '1994-10-10', 'WBRI', 'AIND', 'BCRB']) {
          expect(bytes.includes(Buffer.from(value)), `${value} in ${name}`).toBe(false);
        }
      }
      // The file's other values are there, so the scan can find what it looks for.
      const all = Buffer.concat(files.map((n) => fs.readFileSync(path.join(t.dir, n))));
      expect(all.includes(Buffer.from('SW0000000001'))).toBe(true);
      expect(files.some((n) => n.endsWith('-wal'))).toBe(true);
    }
  });

  it('a leaver with no FTE in either item, and a bad code, are row problems naming the row and column', async () => {
    const t = setup();
    const head = fs.readFileSync(CSV, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0]!;
    const f = t.file(
      'bad.csv',
      csv(
        head,
        '0,SW0000000011,0.000000,1980-01-01,1,WBRI,Uni,1,0,5,2020-01-01,2,2025-01-31,1,1,0.000000,,,,,,,',
        '0,SW0000000012,1.000000,1980-01-01,1,WBRI,Uni,1,0,5,2020-01-01,11,,,,1.000000,3,,,,,,7',
        '0,SW0000000013,full,1980-01-01,1,WBRI,Uni,1,0,5,2020-01-01,2,,,,,3,,,,,,',
      ),
    );
    const r = await t.run(f, { extractDate: D });
    expect(r.outcome).toBe('failed');
    expect(r.problems).toEqual([
      { row: 2, column: 'FTE', value: '0.000000', reason: 'gives no FTE for the role (FTE 0.000000, FTE30 0.000000): one of FTE and FTE30 must be more than 0 and at most 1' },
      { row: 3, column: 'StartOrigin', value: '11', reason: 'is not one of the census codes 1-10' },
      { row: 3, column: 'CFKSSstatus', value: '7', reason: 'is not one of the census codes 1-4 (1 ASYE, 2 frontline practitioner, 3 practice supervisor, 4 practice leader)' },
      { row: 4, column: 'FTE', value: 'full', reason: 'is not an FTE from 0 to 1' },
    ]);
    expect(rows(t.db, 'SELECT * FROM spell')).toEqual([]);
  });

  it('an XML file that is not a census return, or not well-formed, is refused in plain words', async () => {
    const t = setup();
    const other = t.file('cin.xml', '<?xml version="1.0"?><Message><Header/><Children/></Message>');
    await expect(t.run(other)).rejects.toThrow(/not a DfE children's social work workforce census return/);
    const broken = t.file('broken.xml', '<Message><CSWWWorker><SWENo>SW1</CSWWWorker></Message>');
    await expect(t.run(broken)).rejects.toThrow(/broken.xml is not well-formed XML \(line 1/);
  });

  it("the paper's recruitment section says where leavers went and starters came from, small numbers hidden", async () => {
    const t = setup();
    await t.run(XML);
    const metrics = computeMetrics(t.db, D, { months: 13 });
    const context = gatherPaperContext(t.db, metrics, '2025-10-20');
    const tableOf = (m: Metrics, id: string) => {
      const section = buildPaperModel(m, parsePaperConfig({}), context).sections.find((x) => x.id === 'recruitment')!;
      return section.blocks.find((b) => b.type === 'table' && b.table.id === id);
    };
    // The fixture's 3 leavers and 2 starters are too few to break down: no table at all.
    expect(tableOf(metrics, 'leavers-by-destination')).toBeUndefined();
    const text = JSON.stringify(buildPaperModel(metrics, parsePaperConfig({}), context));
    expect(text).toContain('Starters by where they came from (census StartOrigin) in the 12 months to 30 September 2025: not published. With 2 starters in all');
    // With more movers the table is published, in the census code order, with its total.
    const more: Metrics = {
      ...metrics,
      leavers: { ...metrics.leavers, headcount: 16, byDestination: { ...metrics.leavers.byDestination, '1': 9, '3': 7, '6': 0 } },
    };
    const table = tableOf(more, 'leavers-by-destination');
    expect(table).toMatchObject({ type: 'table', table: { columns: [{ header: 'Destination' }, { header: 'Leavers' }], totalRow: ['All leavers', '16'] } });
    const cells = table!.type === 'table' ? table!.table.rows : [];
    expect(cells[0]).toEqual(['Social worker role in another English local authority', '9']);
    expect(cells[2]).toEqual(['Agency or consultancy social work (England)', '7']);
    expect(cells[cells.length - 1]).toEqual(['Not recorded', '0']);
  });
});
