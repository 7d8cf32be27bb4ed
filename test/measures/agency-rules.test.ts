// The agency rules on a hand-worked council: every expected figure reasoned out beside the data.
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../electron/measures/index';
import { inScope } from '../../electron/measures/agency-rules';
import { seedRecords, spell } from '../support/seed';
import { tempDb } from '../support/tmp';

const agency = (id: string, start: string, end: string | null, over: Parameters<typeof spell>[3] = {}) =>
  spell(id, start, end, { employment_type: 'agency', ...over });

const spells = [
  // G1: agency since 2025-01-06, qualified 2023-06-01: 1.6 years at the start: under three years, covered (new assignment).
  agency('G1', '2025-01-06', null, { qualified_date: '2023-06-01' }),
  // G2: agency since 2022-03-01, qualified 2021-01-01 (1.2 years at the start): an older assignment,
  // covered only from 2025-10-01.
  agency('G2', '2022-03-01', null, { qualified_date: '2021-01-01' }),
  // G3: agency since 2025-02-01 (continuing after a team change on 2025-06-01, same assignment),
  // qualified 2020-01-01: five years, fine.
  agency('G3', '2025-02-01', '2025-05-31', { qualified_date: '2020-01-01' }),
  agency('G3', '2025-06-01', null, { qualified_date: '2020-01-01', team: 'Team B' }),
  // G4: agency since 2025-03-01, no qualification date: cannot be checked.
  agency('G4', '2025-03-01', null),
  // P1 (SWE SW111): permanent until 2025-04-30, back through an agency as A1 (same SWE number) from
  // 2025-06-16: 47 days later, inside three months: a returner.
  spell('P1', '2019-01-01', '2025-04-30', { swe_number: 'SW111', qualified_date: '2015-01-01', leaving_reason: 'resignation' }),
  agency('A1', '2025-06-16', null, { swe_number: 'sw111', qualified_date: '2015-01-01' }),
  // P2 (SWE SW222): permanent until 2024-12-31, agency from 2025-05-01 (four months): not a returner.
  spell('P2', '2018-01-01', '2024-12-31', { swe_number: 'SW222', qualified_date: '2012-01-01' }),
  agency('A2', '2025-05-01', null, { swe_number: 'SW222', qualified_date: '2012-01-01' }),
  // P3: the same staff ID kept, fixed term until 2025-07-31, then agency from 2025-08-04. The 7-day
  // rule joins only directly employed spells, so the fixed-term post did end (a leaving), and the
  // agency assignment 4 days later is a return inside three months.
  spell('P3', '2020-01-01', '2025-07-31', { employment_type: 'fixed_term', qualified_date: '2016-01-01' }),
  agency('P3', '2025-08-04', null, { qualified_date: '2016-01-01' }),
];

describe('the agency rules (hand-worked council)', () => {
  const { db } = tempDb();
  seedRecords(db, { spells });

  it('at 30 September 2025: only new assignments are covered', () => {
    const r = computeMetrics(db, '2025-09-30', { months: 0 }).agencyRules!;
    // Running at D: G1, G2, G3 (one assignment), G4, A1, A2, P3 = 7. Covered: all but G2 = 6.
    expect([r.assignments, r.covered]).toEqual([7, 6]);
    expect(r.experience.under).toEqual([{ staffId: 'G1', assignmentStart: '2025-01-06', qualified: '2023-06-01' }]);
    expect(r.experience.qualificationNotKnown).toBe(1);
    // Agency starts from 2024-10-01 to 2025-09-30, on or after 2024-10-31: G1, G3, G4, A1, A2, P3 = 6.
    expect(r.returners.checked).toBe(6);
    expect(r.returners.list).toEqual([
      { staffId: 'A1', sweNumber: 'sw111', leftPost: '2025-04-30', agencyStart: '2025-06-16' },
      { staffId: 'P3', sweNumber: null, leftPost: '2025-07-31', agencyStart: '2025-08-04' },
    ]);
  });

  it('from 1 October 2025 every assignment is covered, however old', () => {
    const r = computeMetrics(db, '2025-10-31', { months: 0 }).agencyRules!;
    expect([r.assignments, r.covered]).toEqual([7, 7]);
    expect(r.experience.under.map((u) => u.staffId).sort()).toEqual(['G1', 'G2']);
  });

  it('before the guidance, nothing is covered and no returner is counted', () => {
    const r = computeMetrics(db, '2024-09-30', { months: 0 }).agencyRules!;
    expect(r.covered).toBe(0);
    expect(r.returners.count).toBe(0);
  });
});

describe('the agency rules: scope', () => {
  it('covers assignments started on or after 31 October 2024, and every assignment from 1 October 2025', () => {
    expect(inScope('2024-10-30', '2025-09-30')).toBe(false);
    expect(inScope('2024-10-31', '2025-09-30')).toBe(true);
    expect(inScope('2024-10-30', '2025-10-01')).toBe(true);
    expect(inScope('2019-01-01', '2025-10-01')).toBe(true);
  });
});
