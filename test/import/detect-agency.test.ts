// An agency export with the HR template's headings is told apart by what its rows say (the
// layout's rowsSay), so the demo's agency.csv is not taken for HR staff spells (issue 13).
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { detectFile } from '../../electron/import/detect';
import { csv, setup } from './helpers';

const DEMO = path.resolve(__dirname, '../../fixtures/demo');
const W = 'staff_id,swe_number,role,team,employment_type,fte,start_date,end_date,leaving_reason,qualified_date';

describe('detecting agency files', () => {
  it("takes the demo's agency.csv for an agency file and its workers.csv for HR spells", () => {
    expect(detectFile(path.join(DEMO, 'agency.csv')).best).toMatchObject({ source: 'agency', preset: 'canonical' });
    expect(detectFile(path.join(DEMO, 'workers.csv')).best).toMatchObject({ source: 'workers', preset: 'canonical' });
  });

  it('needs every row to say agency (in its own words, or by an agency flag); one permanent row keeps it an HR file', () => {
    const t = setup();
    const row = (id: string, type: string) => `${id},,case_holder,T,${type},1,2020-01-01,,,`;
    expect(detectFile(t.file('locums.csv', csv(W, row('L1', 'Locum'), row('L2', 'Agency worker')))).best?.source).toBe('agency');
    expect(detectFile(t.file('mixed.csv', csv(W, row('L1', 'agency'), row('P1', 'permanent')))).best?.source).toBe('workers');
    const flagged = 'staff_id,role,agency_worker,fte,start_date';
    expect(detectFile(t.file('flag.csv', csv(flagged, 'A1,case_holder,Y,1,2020-01-01', 'A2,case_holder,yes,1,2020-01-01'))).best?.source).toBe('agency');
    expect(detectFile(t.file('flag-mixed.csv', csv(flagged, 'A1,case_holder,Y,1,2020-01-01', 'A2,case_holder,N,1,2020-01-01'))).best?.source).toBe('workers');
    // The candidates still offer both readings, so the user can say otherwise.
    expect(detectFile(t.file('locums2.csv', csv(W, row('L1', 'agency')))).candidates.map((c) => c.source)).toEqual(expect.arrayContaining(['agency', 'workers']));
  });

  it('reads a census return whose every row has AgencyWorker 1 as agency', () => {
    const t = setup();
    const h = 'SWENo,AgencyWorker,FTE,OrgRole,RoleStartDate';
    expect(detectFile(t.file('census-agency.csv', csv(h, 'SW1,1,1,6,2020-01-01', 'SW2,1,0.5,6,2021-01-01'))).best?.source).toBe('agency');
    expect(detectFile(t.file('census-mixed.csv', csv(h, 'SW1,1,1,6,2020-01-01', 'SW2,0,0.5,6,2021-01-01'))).best?.source).toBe('workers');
  });
});
