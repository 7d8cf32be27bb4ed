// The agency price caps source and the agency file's optional items (issue 12): imported through
// the real importer, undone and listed like any other source; files without the new columns
// import exactly as before.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listImports, undoImport } from '../../electron/import/index';
import { csv, rows, setup } from './helpers';

const TEMPLATES = path.resolve(__dirname, '../../fixtures/templates');
const EXAMPLE = path.resolve(__dirname, '../../fixtures/examples/agency_caps_made_up.csv');

describe('agency price caps: import', () => {
  it('the template is detected as agency price caps; region, role as written and placed, rate and date are stored', async () => {
    const t = setup();
    const r = await t.run(path.join(TEMPLATES, 'agency_caps.csv'));
    expect(r).toMatchObject({ outcome: 'imported', source: 'agency_caps', inserted: 1 });
    expect(r.assumptions.join(' ')).toContain('"Social worker" as Case holder');
    expect(rows(t.db, 'SELECT region, role_title, role, max_rate, effective_from FROM agency_cap')).toEqual([
      { region: 'East Midlands', role_title: 'Social worker', role: 'case_holder', max_rate: 45, effective_from: '2025-04-01' },
    ]);
  });

  it('the made-up example has the nine regions and the five role groups, placed in four census roles', async () => {
    const t = setup();
    expect(await t.run(EXAMPLE)).toMatchObject({ outcome: 'imported', inserted: 45 });
    expect(rows(t.db, 'SELECT COUNT(DISTINCT region) AS n FROM agency_cap')).toEqual([{ n: 9 }]);
    expect(rows<{ role: string }>(t.db, 'SELECT DISTINCT role FROM agency_cap ORDER BY role').map((x) => x.role)).toEqual([
      'case_holder', 'first_line_manager', 'qualified_no_cases', 'senior_practitioner',
    ]);
  });

  it('regions in other spellings are tidied; a grouping the file names otherwise is kept as written', async () => {
    const t = setup();
    const r = await t.run(
      t.file('caps.csv', csv('Region,Role Group,Price Cap,Effective From', 'Yorkshire & Humber,Social Worker,£41.00,01/04/2025', 'eastern,Team Manager,52,01/04/2025', 'Greater Manchester partnership,Social worker,43,01/04/2025')),
    );
    expect(r).toMatchObject({ outcome: 'imported', source: 'agency_caps', inserted: 3 });
    expect(rows(t.db, 'SELECT region, role, max_rate FROM agency_cap ORDER BY id')).toEqual([
      { region: 'Yorkshire and the Humber', role: 'case_holder', max_rate: 41 },
      { region: 'East of England', role: 'first_line_manager', max_rate: 52 },
      { region: 'Greater Manchester partnership', role: 'case_holder', max_rate: 43 },
    ]);
  });

  it('bad rows are refused in plain words naming row and column, and nothing is written', async () => {
    const t = setup();
    const r = await t.run(
      t.file('caps.csv', csv('region,role,max_hourly_rate,effective_from', 'London,Social worker,about 45,2025-04-01', 'London,Business support officer,30,2025-04-01', ',Social worker,45,2025-04-01', 'London,Social worker,45,April', 'London,Team manager,52,2025-04-01', 'London,team  manager,53,2025-04-01')),
    );
    expect(r.outcome).toBe('failed');
    expect(r.problems.map((p) => [p.row, p.column, p.reason.slice(0, 50)])).toEqual([
      [2, 'max_hourly_rate', 'is not an hourly amount in pounds (write it as 45.'],
      [3, 'role', 'is not a social work role, so no agency social wor'],
      [4, 'region', 'is blank, but every row needs a Region'],
      [5, 'effective_from', expect.any(String)],
      [7, null, 'repeats the region, role and date the cap applies '],
    ]);
    expect(rows(t.db, 'SELECT COUNT(*) AS n FROM agency_cap')).toEqual([{ n: 0 }]);
  });

  it('a later table merges by region, role and date (a changed cap is updated), is listed in the history, and undo restores the earlier cap', async () => {
    const t = setup();
    const first = await t.run(t.file('caps1.csv', csv('region,role,max_hourly_rate,effective_from', 'London,Social worker,45,2025-04-01', 'London,Team manager,52,2025-04-01')));
    const second = await t.run(t.file('caps2.csv', csv('region,role,max_hourly_rate,effective_from', 'London,Social worker,46,2025-04-01', 'London,Social worker,47,2026-04-01')));
    expect(second).toMatchObject({ outcome: 'imported', inserted: 1, updated: 1 });
    expect(listImports(t.db).map((e) => [e.id, e.source, e.outcome])).toEqual(
      expect.arrayContaining([[first.importId, 'agency_caps', 'imported'], [second.importId, 'agency_caps', 'imported']]),
    );
    undoImport(t.db, second.importId!);
    expect(rows(t.db, 'SELECT role_title, max_rate, effective_from FROM agency_cap ORDER BY id')).toEqual([
      { role_title: 'Social worker', max_rate: 45, effective_from: '2025-04-01' },
      { role_title: 'Team manager', max_rate: 52, effective_from: '2025-04-01' },
    ]);
    undoImport(t.db, first.importId!);
    expect(rows(t.db, 'SELECT COUNT(*) AS n FROM agency_cap')).toEqual([{ n: 0 }]);
  });
});

describe('agency file: optional charge rate, region and assignment reference', () => {
  it('the agency template stores all three', async () => {
    const t = setup();
    const r = await t.run(path.join(TEMPLATES, 'agency.csv'), { source: 'agency' });
    expect(r).toMatchObject({ outcome: 'imported', inserted: 1 });
    expect(rows(t.db, 'SELECT staff_id, employment_type, charge_rate, region, assignment_ref FROM spell')).toEqual([
      { staff_id: 'A0001', employment_type: 'agency', charge_rate: 42.5, region: 'East Midlands', assignment_ref: 'MSP-20190107-01' },
    ]);
  });

  it('a file without the new columns imports exactly as before: the same rows, the three items NULL', async () => {
    const t = setup();
    const old = csv(
      'staff_id,swe_number,role,team,employment_type,fte,start_date,end_date,leaving_reason,qualified_date',
      'A0001,SW654321,case_holder,Assessment North,agency,1,2019-01-07,2019-06-30,other,2012-07-01',
      'S0001,SW123456,case_holder,Assessment North,permanent,1,2018-03-31,,,2016-07-01',
    );
    const r = await t.run(t.file('old.csv', old));
    expect(r).toMatchObject({ outcome: 'imported', source: 'workers', inserted: 2, rejected: 0 });
    expect(r.assumptions).toEqual([]);
    expect(rows(t.db, 'SELECT staff_id, employment_type, fte, start_date, end_date, charge_rate, region, assignment_ref FROM spell ORDER BY staff_id')).toEqual([
      { staff_id: 'A0001', employment_type: 'agency', fte: 1, start_date: '2019-01-07', end_date: '2019-06-30', charge_rate: null, region: null, assignment_ref: null },
      { staff_id: 'S0001', employment_type: 'permanent', fte: 1, start_date: '2018-03-31', end_date: null, charge_rate: null, region: null, assignment_ref: null },
    ]);
  });

  it('a later HR file without the agency items leaves the stored charge rate, region and reference as they were (the row is unchanged)', async () => {
    const t = setup();
    await t.run(t.file('agency.csv', csv('staff_id,role,fte,start_date,charge_rate,region,assignment_ref', 'A1,case_holder,1,2025-01-06,48.25,London,AS-1')), { source: 'agency', extractDate: '2025-09-30' });
    const hr = await t.run(t.file('hr.csv', csv('staff_id,role,employment_type,fte,start_date', 'A1,case_holder,agency,1,2025-01-06', 'P1,case_holder,permanent,1,2020-01-01')), { extractDate: '2025-09-30' });
    expect(hr).toMatchObject({ outcome: 'imported', inserted: 1, updated: 0, unchanged: 1 });
    // A changed FTE is an update that still keeps the agency items.
    const later = await t.run(t.file('hr2.csv', csv('staff_id,role,employment_type,fte,start_date', 'A1,case_holder,agency,0.5,2025-01-06')), { extractDate: '2025-09-30' });
    expect(later).toMatchObject({ outcome: 'imported', updated: 1 });
    expect(rows(t.db, `SELECT fte, charge_rate, region, assignment_ref FROM spell WHERE staff_id = 'A1'`)).toEqual([{ fte: 0.5, charge_rate: 48.25, region: 'London', assignment_ref: 'AS-1' }]);
    undoImport(t.db, later.importId!);
    expect(rows(t.db, `SELECT fte, charge_rate FROM spell WHERE staff_id = 'A1'`)).toEqual([{ fte: 1, charge_rate: 48.25 }]);
  });

  it('the bundled demo agency file (no new columns) still imports every row', async () => {
    const t = setup();
    const demo = path.resolve(__dirname, '../../fixtures/demo/agency.csv');
    const lines = fs.readFileSync(demo, 'utf8').trim().split('\n').length - 1;
    const r = await t.run(demo, { extractDate: '2025-09-30' });
    expect(r).toMatchObject({ outcome: 'imported', rejected: 0, inserted: lines });
  });
});
