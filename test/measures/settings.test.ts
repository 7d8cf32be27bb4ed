// The thresholds and costs come from the database settings (electron/settings.ts).
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../electron/measures/index';
import { updateSettings } from '../../electron/settings';
import { tempDb } from '../support/tmp';
import { seedRecords } from '../support/seed';
import { handRecords } from './hand-fixture';

describe('measures use the stored settings', () => {
  it('caseload threshold, ASYE cap and the two annual costs', () => {
    const { db } = tempDb();
    seedRecords(db, handRecords());
    // Defaults (hand.test.ts): I (22 cases) is over 20; G (17, ASYE) is over the cap of 15.
    let m = computeMetrics(db, '2018-09-30', { months: 0 });
    expect([m.caseload.overThreshold, m.caseload.asyeOverCap, m.agency.costPremium]).toEqual([1, 1, 19_500]);
    // Threshold 4: A has 3 (no), L 5, G 17, H 4 (no: not above), I 22 -> L, G, I = 3.
    // Cap 17: G's 17 is not above it. Premium 1 FTE x (70,000 - 40,000) = 30,000.
    updateSettings(db, { caseloadThreshold: 4, asyeCap: 17, agencyAnnualCost: 70_000, employeeAnnualCost: 40_000 });
    m = computeMetrics(db, '2018-09-30', { months: 0 });
    expect([m.caseload.overThreshold, m.caseload.asyeOverCap, m.agency.costPremium]).toEqual([3, 0, 30_000]);
  });
});
