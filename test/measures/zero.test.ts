// A zero denominator is "not applicable" (null), never 0, NaN or Infinity.
import { describe, expect, it } from 'vitest';
import { computeMetrics, MeasuresInputError } from '../../electron/measures/index';
import { tempDb } from '../support/tmp';
import { allocation, seedRecords, spell } from '../support/seed';

describe('measures: zero denominators', () => {
  it('an empty database gives zero counts and null rates', () => {
    const { db } = tempDb();
    const m = computeMetrics(db, '2018-09-30', { months: 2 });
    expect(m.inPost).toEqual({ headcount: 0, fte: 0 });
    expect(m.agency).toEqual({ headcount: 0, fte: 0, rateFte: null, costPremium: 0 });
    expect(m.turnover).toEqual({ rateFte: null, rateHeadcount: null });
    expect(m.stabilityIndex).toBeNull();
    expect(m.caseload.averageFte).toBeNull();
    expect(m.caseload.averagePerWorker).toBeNull();
    expect(m.caseload.groups.asye.averageFte).toBeNull();
    expect(m.caseload.supportWorkerCinShare).toBeNull();
    expect(m.vacancy).toBeNull(); // no establishment loaded
    expect(m.asye.cohorts).toEqual([]);
    expect(m.series.map((s) => s.turnover.rateFte)).toEqual([null, null]);
  });

  it('only agency workers: agency rate 100%, turnover not applicable; a zero establishment gives a null vacancy rate', () => {
    const { db } = tempDb();
    seedRecords(db, {
      spells: [spell('AG1', '2018-01-01', null, { employment_type: 'agency', fte: 0.5 })],
      allocations: [allocation('K1', 'AG1', '2018-02-01')],
      establishment: [{ team: 'Team A', role: 'case_holder', funded_fte: 0, start_date: '2018-01-01', end_date: null }],
    });
    const m = computeMetrics(db, '2018-09-30', { months: 0 });
    // 0.5 / (0.5 + 0) x 100
    expect(m.agency.rateFte).toBe(100);
    expect(m.turnover.rateFte).toBeNull();
    // one case on 0.5 FTE: 2 per FTE, 1 per worker
    expect(m.caseload.averageFte).toBe(2);
    expect(m.caseload.averagePerWorker).toBe(1);
    expect(m.vacancy).toEqual({ fte: 0, rate: null });
  });

  it('refuses an impossible date or series length in plain English', () => {
    const { db } = tempDb();
    expect(() => computeMetrics(db, '2018-02-30')).toThrow(MeasuresInputError);
    expect(() => computeMetrics(db, '30/09/2018')).toThrow(/YYYY-MM-DD/);
    expect(() => computeMetrics(db, '2018-09-30', { months: -1 })).toThrow(/whole number/);
  });
});
