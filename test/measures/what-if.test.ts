// "What if" projections on a hand-worked council: each result reasoned out from the assumptions.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeMetrics } from '../../electron/measures/index';
import { DEFAULT_WHAT_IF, whatIf } from '../../shared/what-if';
import { allocation, seedRecords, spell } from '../support/seed';
import { tempDb } from '../support/tmp';

const D = '2025-09-30';
const costs = { agencyAnnualCost: 60_500, employeeAnnualCost: 41_000 };

function council() {
  const { db } = tempDb();
  // Four permanent case holders (3.5 FTE), one agency worker (1 FTE), one ASYE worker (N1, ends
  // 2026-03-31, 6 cases) among the permanent ones.
  const spells = [
    spell('S1', '2020-01-01'),
    spell('S2', '2020-01-01', null, { fte: 0.5 }),
    spell('S3', '2020-01-01'),
    spell('N1', '2025-04-01'),
    spell('G1', '2025-01-01', null, { employment_type: 'agency' }),
  ];
  const allocations = [];
  // S1: 20 cases (10 CIN), S2: 10 (10 CIN), S3: 20 (0 CIN), G1: 18 (0 CIN), N1: 6 CIN. Total 74, CIN 26.
  for (let i = 0; i < 20; i++) allocations.push(allocation(`a${i}`, 'S1', '2025-01-01', null, { case_type: i < 10 ? 'CIN' : 'CP' }));
  for (let i = 0; i < 10; i++) allocations.push(allocation(`b${i}`, 'S2', '2025-01-01'));
  for (let i = 0; i < 20; i++) allocations.push(allocation(`c${i}`, 'S3', '2025-01-01', null, { case_type: 'CLA' }));
  for (let i = 0; i < 18; i++) allocations.push(allocation(`g${i}`, 'G1', '2025-01-01', null, { case_type: 'CP' }));
  for (let i = 0; i < 6; i++) allocations.push(allocation(`n${i}`, 'N1', '2025-04-01'));
  seedRecords(db, { spells, allocations, asye: [{ staff_id: 'N1', cohort: null, start_date: '2025-04-01', planned_end_date: '2026-03-31', outcome: 'in_progress', outcome_date: null }] });
  return computeMetrics(db, D, { months: 0 });
}

describe('what if (hand-worked council)', () => {
  const m = council();

  it('support workers taking 40% of child-in-need cases at 15 each', () => {
    const r = whatIf(m, costs, DEFAULT_WHAT_IF);
    // CIN held by social workers: 10 + 10 + 6 = 26; 40% = 10.4 -> 10 cases; 10 / 15 -> 1 support worker.
    expect(r.support).toMatchObject({ cinHeldBySocialWorkers: 26, casesMoved: 10, supportWorkersNeeded: 1, casesBefore: 74, casesAfter: 64, caseHolders: 5 });
    // 5 case holders (4.5 FTE): 74 / 5 = 14.8 -> 64 / 5 = 12.8 per worker; 74 / 4.5 -> 64 / 4.5 per FTE.
    expect(r.support.perWorkerBefore).toBeCloseTo(14.8, 10);
    expect(r.support.perWorkerAfter).toBeCloseTo(12.8, 10);
    expect(r.support.perFteAfter).toBeCloseTo(64 / 4.5, 10);
  });

  it('converting agency FTE to permanent posts', () => {
    const r = whatIf(m, costs, { ...DEFAULT_WHAT_IF, convertAgencyFte: 5 });
    // Only 1 agency FTE exists: 1 converted; saving 1 x (60,500 - 41,000) = 19,500; rate 1 / 4.5 -> 0.
    expect(r.agency).toMatchObject({ agencyFte: 1, fteConverted: 1, annualSaving: 19_500, rateAfter: 0 });
    expect(r.agency.rateBefore).toBeCloseTo((1 / 4.5) * 100, 10);
  });

  it('the ASYE pipeline: the worker finishing in March 2026 can take the full caseload from then', () => {
    const r = whatIf(m, costs, DEFAULT_WHAT_IF);
    expect(r.asye.inProgress).toBe(1);
    expect(r.asye.months.map((x) => x.monthEnd)).toEqual([
      '2025-10-31', '2025-11-30', '2025-12-31', '2026-01-31', '2026-02-28', '2026-03-31',
      '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30',
    ]);
    // Full caseload: social workers excluding ASYE, 68 cases / 4 workers = 17; N1 holds 6: 11 extra
    // from March 2026. Per FTE excluding ASYE: 68 / 3.5 -> 11 / (68 / 3.5) FTE.
    expect(r.asye.months[4]).toMatchObject({ finished: 0, extraCases: 0 });
    expect(r.asye.months[5]).toMatchObject({ finished: 1, extraCases: 11 });
    expect(r.asye.months[5]!.extraFte).toBeCloseTo(11 / (68 / 3.5), 10);
    expect(whatIf(m, costs, { ...DEFAULT_WHAT_IF, fullCaseload: 20 }).asye.months[11]).toMatchObject({ extraCases: 14 });
  });

  it('never moves more cases than social workers hold, nor converts more agency FTE than there is', () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 500, noNaN: true }), fc.double({ min: -5, max: 100, noNaN: true }), fc.double({ min: -10, max: 1e6, noNaN: true }), (share, load, fte) => {
        const r = whatIf(m, costs, { supportShare: share, supportCaseload: load, convertAgencyFte: fte, fullCaseload: null });
        expect(r.support.casesMoved).toBeGreaterThanOrEqual(0);
        expect(r.support.casesMoved).toBeLessThanOrEqual(r.support.cinHeldBySocialWorkers);
        expect(r.agency.fteConverted).toBeLessThanOrEqual(r.agency.agencyFte);
        expect(r.agency.annualSaving).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
