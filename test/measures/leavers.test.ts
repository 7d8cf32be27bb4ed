// Leaver breakdowns beyond the hand-made council.
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../electron/measures/index';
import { tempDb } from '../support/tmp';
import { seedRecords, spell } from '../support/seed';

describe('leavers by length of service', () => {
  it('counts from the first spell of any kind (DOMAIN.md: "years since first spell")', () => {
    const { db } = tempDb();
    seedRecords(db, {
      spells: [
        // Agency from 2010, then permanent from 2016, leaving 30/06/2018: 2010-01-01 -> 2018-06-30
        // is 8 whole years (5-10), not the 2 years of the permanent spell alone.
        spell('A', '2010-01-01', '2015-12-31', { employment_type: 'agency' }),
        spell('A', '2016-01-01', '2018-06-30', { leaving_reason: 'resignation' }),
        // Permanent only, 01/07/2017 -> 30/06/2018: 0 whole years (<2).
        spell('B', '2017-07-01', '2018-06-30', { leaving_reason: null }),
      ],
    });
    const m = computeMetrics(db, '2018-09-30', { months: 0 });
    // A's agency spell ending 31/12/2015 is not in the window and was not direct employment anyway.
    expect(m.leavers.headcount).toBe(2);
    expect(m.leavers.byServiceBand).toEqual({ '<2': 1, '2-5': 0, '5-10': 1, '10-20': 0, '20+': 0 });
    // B's blank reason counts as not known.
    expect(m.leavers.byReason).toMatchObject({ resignation: 1, not_known: 1 });
  });

  it('a move from permanent to agency is leaving; from agency to permanent is starting', () => {
    const { db } = tempDb();
    seedRecords(db, {
      spells: [
        spell('P', '2015-01-01', '2018-03-31', { leaving_reason: 'resignation' }),
        spell('P', '2018-04-01', null, { employment_type: 'agency' }),
        spell('Q', '2016-01-01', '2018-03-31', { employment_type: 'agency' }),
        spell('Q', '2018-04-01', null),
      ],
    });
    const m = computeMetrics(db, '2018-09-30', { months: 0 });
    expect(m.leavers.headcount).toBe(1); // P
    expect(m.starters.headcount).toBe(1); // Q
    expect(m.inPost.headcount).toBe(1); // Q
    expect(m.agency.headcount).toBe(1); // P
  });
});
