// Agency charge rates against the regional price caps, on a hand-worked council imported through
// the real importer (an agency file with the optional charge rate, region and assignment
// reference, and a price cap table): every expected figure is reasoned out beside the data.
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../electron/measures/index';
import { csv, setup } from '../import/helpers';

// The caps, as a regional agreement might set them (made up for the test).
const CAPS = csv(
  'region,role,max_hourly_rate,effective_from',
  'London,Social worker,45.00,2025-04-01',
  // Raised from 1 September 2025: a rate agreed before then is still held to £45.
  'London,Social worker,47.00,2025-09-01',
  // Two cap roles that are both senior practitioners in the census: the higher (£55) is used.
  'London,Senior social worker,50.00,2025-04-01',
  'London,Advanced practitioner,55.00,2025-04-01',
  'East Midlands,Team manager,52.00,2025-04-01',
  // Not in force until 2026: at the dates below the North East has no cap.
  'North East,Social worker,40.00,2026-01-01',
);

// Everyone qualified in 2010, so the three-year rule finds nobody and only the rates are at issue.
const AGENCY = csv(
  'staff_id,role,team,fte,start_date,end_date,qualified_date,charge_rate,region,assignment_ref',
  // R1: £46 agreed 1 May 2025 against the London social worker cap then in force, £45: over.
  'R1,case_holder,Team A,1,2025-05-01,,2010-01-01,46.00,London,AS-1',
  // R2: £46.50 agreed 15 September 2025, when the cap was £47: within.
  'R2,case_holder,Team A,1,2025-09-15,,2010-01-01,£46.50,London,AS-2',
  // R3: a senior practitioner at £54 ("Greater London" is London): the higher of £50 and £55 applies: within.
  'R3,senior_practitioner,Team A,1,2025-06-01,,2010-01-01,54,Greater London,AS-3',
  // R4: a team manager at £60 agreed 1 February 2025, before the East Midlands caps (1 April).
  // At 30 September 2025 it is counted apart ("agreed before the caps"); from 1 October 2025
  // every assignment is covered, so it is held to the first cap, £52: over.
  'R4,first_line_manager,Team B,1,2025-02-01,,2010-01-01,60,East Midlands,AS-4',
  // R5: the North East's only cap starts in 2026: no cap in force.
  'R5,case_holder,Team B,1,2025-03-01,,2010-01-01,41,North East,AS-5',
  // R6: no charge rate recorded.
  'R6,case_holder,Team A,1,2025-07-01,,2010-01-01,,London,AS-6',
  // R7: a rate but no region: no cap can be found.
  'R7,case_holder,Team A,1,2025-07-01,,2010-01-01,44,,AS-7',
  // R8: an assignment from 2023 at £70: not covered by the guidance until 1 October 2025, then
  // held to the first London social worker cap, £45: over.
  'R8,case_holder,Team A,1,2023-01-01,,2010-01-01,70,London,AS-8',
  // R9: £44 from 10 April 2025, then a new spell (team change) from 1 August 2025 at £48: the
  // rate at D is £48, agreed 1 August, against the £45 cap then in force: over.
  'R9,case_holder,Team A,1,2025-04-10,2025-07-31,2010-01-01,44,London,AS-9a',
  'R9,case_holder,Team B,1,2025-08-01,,2010-01-01,48,London,AS-9b',
);

describe('agency charge rates against the price caps (hand-worked council)', async () => {
  const t = setup();
  expect((await t.run(t.file('agency.csv', AGENCY), { source: 'agency', extractDate: '2025-10-31' })).outcome).toBe('imported');

  it('with no price caps imported, nothing is checked and the check says so', () => {
    const c = computeMetrics(t.db, '2025-09-30', { months: 0 }).agencyRules!.chargeRates;
    expect(c).toMatchObject({ capsImported: false, capsFrom: null, checked: 0, overCount: 0, rateNotRecorded: 0, noCapCount: 0 });
  });

  it('at 30 September 2025: R1 and R9 over the cap, R2 and R3 within, R4 agreed before the caps, R5 and R7 no cap, R6 no rate', async () => {
    expect((await t.run(t.file('caps.csv', CAPS), { extractDate: '2025-10-31' })).outcome).toBe('imported');
    const r = computeMetrics(t.db, '2025-09-30', { months: 0 }).agencyRules!;
    // Covered at D: every assignment but R8 (started 2023, before 31 October 2024) = 8.
    expect(r.covered).toBe(8);
    const c = r.chargeRates;
    expect(c.capsImported).toBe(true);
    expect(c.capsFrom).toBe('2025-04-01');
    // Compared with a cap: R1, R2, R3, R9 = 4; the other four are R4 (before the caps), R5 and
    // R7 (no cap), R6 (no rate): 4 + 1 + 2 + 1 = 8, every covered assignment accounted for.
    expect([c.checked, c.agreedBeforeCaps, c.noCapCount, c.rateNotRecorded]).toEqual([4, 1, 2, 1]);
    expect(c.over).toEqual([
      { staffId: 'R1', assignmentRef: 'AS-1', region: 'London', role: 'case_holder', chargeRate: 46, cap: 45, capRole: 'Social worker', capFrom: '2025-04-01', rateFrom: '2025-05-01' },
      { staffId: 'R9', assignmentRef: 'AS-9b', region: 'London', role: 'case_holder', chargeRate: 48, cap: 45, capRole: 'Social worker', capFrom: '2025-04-01', rateFrom: '2025-08-01' },
    ]);
    expect(c.overCount).toBe(2);
    expect(c.noCap).toEqual([
      { staffId: 'R5', assignmentRef: 'AS-5', region: 'North East', role: 'case_holder', chargeRate: 41 },
      { staffId: 'R7', assignmentRef: 'AS-7', region: null, role: 'case_holder', chargeRate: 44 },
    ]);
  });

  it('at 31 October 2025 every assignment is covered: R4 and R8 are held to the first cap and are over it', () => {
    const r = computeMetrics(t.db, '2025-10-31', { months: 0 }).agencyRules!;
    expect(r.covered).toBe(9);
    const c = r.chargeRates;
    // Checked: R1, R2, R3, R4, R8, R9 = 6; over: R1 (46 > 45), R4 (60 > 52), R8 (70 > 45), R9 (48 > 45).
    expect([c.checked, c.agreedBeforeCaps, c.noCapCount, c.rateNotRecorded]).toEqual([6, 0, 2, 1]);
    expect(c.over.map((o) => [o.staffId, o.chargeRate, o.cap, o.capFrom])).toEqual([
      ['R1', 46, 45, '2025-04-01'],
      ['R4', 60, 52, '2025-04-01'],
      ['R8', 70, 45, '2025-04-01'],
      ['R9', 48, 45, '2025-04-01'],
    ]);
  });

  it('a charge rate exactly at the cap is within it', async () => {
    const u = setup();
    await u.run(u.file('caps.csv', CAPS), { extractDate: '2025-10-31' });
    await u.run(u.file('a.csv', csv('staff_id,role,fte,start_date,qualified_date,charge_rate,region', 'E1,case_holder,1,2025-05-01,2010-01-01,45,London')), { source: 'agency', extractDate: '2025-10-31' });
    const c = computeMetrics(u.db, '2025-09-30', { months: 0 }).agencyRules!.chargeRates;
    expect([c.checked, c.overCount]).toEqual([1, 0]);
  });
});
