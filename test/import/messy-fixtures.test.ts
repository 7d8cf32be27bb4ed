// The hand-made messy files in fixtures/messy, each expected value worked out by hand from the
// file (see the comments), not from the importer's output.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { detectFile } from '../../electron/import/index';
import { rows, setup } from './helpers';

const MESSY = path.resolve(__dirname, '../../fixtures/messy');
const f = (name: string) => path.join(MESSY, name);

describe('messy fixtures', () => {
  it('Windows-1252, CRLF, UK dates, spaced headings, Yes/No flags and Excel blank rows', async () => {
    const t = setup();
    const d = detectFile(f('workers-excel-1252.csv'));
    expect(d).toMatchObject({ encoding: 'windows-1252', delimiter: ',', best: { source: 'workers', preset: 'canonical' } });
    const r = await t.run(f('workers-excel-1252.csv'));
    // Four people; the two ",,,," rows and the empty line are not data.
    expect(r).toMatchObject({ outcome: 'imported', rowsRead: 4, inserted: 4 });
    expect(rows(t.db, 'SELECT staff_id, role, team, employment_type, fte, start_date, end_date, leaving_reason, qualified_date FROM spell ORDER BY staff_id')).toEqual([
      { staff_id: 'A201', role: 'case_holder', team: '“Long Term” Team £', employment_type: 'agency', fte: 1, start_date: '2019-01-07', end_date: null, leaving_reason: null, qualified_date: '2012-07-01' },
      { staff_id: 'E101', role: 'case_holder', team: 'Children’s Disability Team', employment_type: 'permanent', fte: 1, start_date: '2016-04-01', end_date: null, leaving_reason: null, qualified_date: '2015-07-15' },
      { staff_id: 'E102', role: 'senior_practitioner', team: 'Duty & Assessment', employment_type: 'permanent', fte: 0.8, start_date: '2016-10-03', end_date: '2018-08-31', leaving_reason: 'resignation', qualified_date: '2010-07-01' },
      { staff_id: 'E103', role: 'support_worker', team: 'Duty & Assessment', employment_type: 'fixed_term', fte: 0.5, start_date: '2017-09-05', end_date: null, leaving_reason: null, qualified_date: null },
    ]);
  });

  it('UTF-8 with BOM, semicolons, day-month-name dates, a quoted newline and a co-worked case', async () => {
    const t = setup();
    const r = await t.run(f('allocations-bom-semicolon.csv'));
    expect(r).toMatchObject({ outcome: 'imported', encoding: 'utf-8-bom', inserted: 4 });
    expect(rows(t.db, 'SELECT case_type, staff_id, team, start_date, end_date FROM allocation ORDER BY start_date')).toEqual([
      { case_type: 'CIN', staff_id: 'E101', team: 'Children’s Disability Team', start_date: '2018-04-01', end_date: '2018-09-30' },
      { case_type: 'CP', staff_id: 'E101', team: 'Children’s Disability Team', start_date: '2018-05-15', end_date: null },
      { case_type: 'CLA', staff_id: 'E102', team: 'Duty & Assessment', start_date: '2018-06-02', end_date: '2018-08-31' },
      { case_type: 'CP', staff_id: 'A201', team: 'Long Term; North', start_date: '2019-01-15', end_date: null },
    ]);
    // C9002 is co-worked by E101 and A201: one case, one pseudonym, two allocations.
    expect(rows(t.db, 'SELECT COUNT(DISTINCT case_key) AS n FROM allocation')).toEqual([{ n: 3 }]);
  });

  it('UTF-16 with BOM, tabs and Excel serial dates', async () => {
    const t = setup();
    const r = await t.run(f('asye-utf16.csv'));
    expect(r).toMatchObject({ outcome: 'imported', encoding: 'utf-16le', inserted: 2 });
    // 43346 = 3 Sep 2018; 42248 = 1 Sep 2015; 42613 = 31 Aug 2016 (2016 is a leap year).
    expect(rows(t.db, 'SELECT staff_id, cohort, start_date, planned_end_date, outcome, outcome_date FROM asye ORDER BY staff_id')).toEqual([
      { staff_id: 'E101', cohort: 'Sept 2015', start_date: '2015-09-01', planned_end_date: '2016-08-31', outcome: 'passed', outcome_date: '2016-08-31' },
      { staff_id: 'E103', cohort: '2018-09', start_date: '2018-09-03', planned_end_date: '2019-09-03', outcome: 'in_progress', outcome_date: null },
    ]);
  });

  it('children’s names: refused whole', async () => {
    const t = setup();
    await expect(t.run(f('allocations-child-names.csv'))).rejects.toMatchObject({ code: 'child_identity' });
    expect(rows(t.db, 'SELECT * FROM import_log')).toEqual([]);
  });

  it('census layout without StaffID', async () => {
    const t = setup();
    const r = await t.run(f('workers-census.csv'));
    expect(r).toMatchObject({ outcome: 'imported', preset: 'census', inserted: 4 });
    expect(rows(t.db, `SELECT staff_id, role, employment_type FROM spell WHERE staff_id IN ('SW20201', 'SW30301') ORDER BY staff_id`)).toEqual([
      { staff_id: 'SW20201', role: 'case_holder', employment_type: 'agency' },
      { staff_id: 'SW30301', role: 'first_line_manager', employment_type: 'permanent' },
    ]);
  });
});
