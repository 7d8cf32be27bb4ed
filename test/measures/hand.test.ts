// The hand-made council (fixtures/hand/, described in fixtures/hand/README.md) at
// D = 30 September 2018. Every expected figure below was worked out by hand from the CSVs,
// with the reasoning beside it; none was copied from the code's output.
//
// The 12 months to D run from 1 October 2017 to 30 September 2018 inclusive.
import { beforeAll, describe, expect, it } from 'vitest';
import { computeMetrics } from '../../electron/measures/index';
import type { Metrics } from '../../shared/metrics';
import { tempDb } from '../support/tmp';
import { seedRecords } from '../support/seed';
import { handRecords } from './hand-fixture';

let m: Metrics;
beforeAll(() => {
  const { db } = tempDb();
  seedRecords(db, handRecords(), 'hand');
  m = computeMetrics(db, '2018-09-30', { months: 13 });
});

describe('hand-made council at 30 September 2018', () => {
  it('in post: directly employed social workers with a spell covering D', () => {
    // A 1, B 0.5 (part time), C 1 (spell ends on D: still in post), D 1 (starts on D: in post),
    // E 1 (one person, now a senior practitioner), F 0.8 (rejoined), G 1 (qualified support
    // worker), H 0.6 (fixed term, part time), J 1, K 1, L 1, N 1 (senior manager).
    // Not: I (agency), O (support worker), M and P (left), X (no spells).
    expect(m.inPost.headcount).toBe(12);
    expect(m.inPost.fte).toBeCloseTo(10.9, 10);
  });

  it('agency: I only; rate 1 / (1 + 10.9); premium 1 x (60,500 - 41,000)', () => {
    expect(m.agency.headcount).toBe(1);
    expect(m.agency.fte).toBe(1);
    expect(m.agency.rateFte).toBeCloseTo((1 / 11.9) * 100, 10); // 8.403...
    expect(m.agency.costPremium).toBeCloseTo(19_500, 6);
  });

  it('leavers: the 7-day rule, a spell ending on D, a leaver who rejoins; a role move is not leaving', () => {
    // C ends 30/09/2018 (on D, inside the window), resignation.
    // F ends 31/12/2017 and rejoins 01/06/2018 (152 days later): a leaver.
    // K ends 10/05/2018 and restarts 18/05/2018: 8 days later, more than 7: a leaver ("other").
    // P ends 31/07/2018, retired.
    // Not leavers: E (role move to senior practitioner the next day), J (restarts exactly 7 days
    // later, 17/05/2018), G (the support-worker spell is not a social-work spell), M (left
    // 30/06/2017, before the window), H (fixed term ends 31/10/2018, after D).
    expect(m.leavers.headcount).toBe(4);
    expect(m.leavers.fte).toBeCloseTo(4, 10); // every leaving spell was full time (F's was 1.0)
    expect(m.leavers.byReason).toMatchObject({ resignation: 2, other: 1, retired: 1, dismissed: 0 });
    // Service since the first spell (any kind), whole years to the leaving date:
    // C 01/04/2016 -> 30/09/2018 = 2 (2-5); F 01/01/2012 -> 31/12/2017 = 5 (5-10);
    // K 01/01/2014 -> 10/05/2018 = 4 (2-5); P 01/01/2015 -> 31/07/2018 = 3 (2-5).
    expect(m.leavers.byServiceBand).toEqual({ '<2': 0, '2-5': 3, '5-10': 1, '10-20': 0, '20+': 0 });
    // Years qualified at leaving: C 01/03/2016 -> 2 (2-3); F 01/07/2011 -> 6 (5+);
    // K no qualification date (not known); P 01/01/1990 -> 28 (5+).
    expect(m.leavers.byYearsQualified).toEqual({ '<1': 0, '1-2': 0, '2-3': 1, '3-5': 0, '5+': 2, 'not known': 1 });
  });

  it('starters: the same rule in reverse; a support worker who qualifies is a starter', () => {
    // D 30/09/2018 (starts on D) 1.0; F rejoins 01/06/2018 0.8; G qualifies 01/02/2018 1.0;
    // H fixed term 01/11/2017 0.6; K restarts 18/05/2018 (8 days after) 1.0.
    // Not: E's new role (previous spell ended the day before), J (7 days), I (agency).
    expect(m.starters.headcount).toBe(5);
    expect(m.starters.fte).toBeCloseTo(4.4, 10);
  });

  it('turnover: leavers / in post at D', () => {
    expect(m.turnover.rateFte).toBeCloseTo((4 / 10.9) * 100, 10); // 36.697...
    expect(m.turnover.rateHeadcount).toBeCloseTo((4 / 12) * 100, 10); // 33.333...
  });

  it('stability index: of those in post a year before, the share still in post at D', () => {
    // In post at 30/09/2017: A, B, C, E, F, J, K, L, N, P = 10 (G was a support worker, H not
    // yet started, M left in June 2017). At D all but P (retired) are in post: C's spell covers
    // D, F and K came back. 9 / 10.
    expect(m.stabilityIndex).toBeCloseTo(90, 10);
  });

  it('cases held: co-worked cases count once per worker; closed on D counts, closed the day before does not', () => {
    // A: C1 (co-worked with B), C2, C3 = 3 (C4 closed 29/09/2018: not held at D)
    // B: C1, C5 = 2; C: C6 closed on D = 1; D: C7 opened on D = 1; E: C8 = 1; G: 17;
    // H: 4; I (agency): 22; J: 2; L: 5.  3+2+1+1+1+17+4+22+2+5 = 58.
    // Not counted: O's 3 (support worker), X1 (X has no spell), M1 (M left; never closed).
    expect(m.caseload.cases).toBe(58);
    expect(m.caseload.caseHolders.headcount).toBe(10);
    // FTE of case holders: A1 B0.5 C1 D1 E1 G1 H0.6 I1 J1 L1 = 9.1
    expect(m.caseload.caseHolders.fte).toBeCloseTo(9.1, 10);
    expect(m.caseload.averageFte).toBeCloseTo(58 / 9.1, 10); // 6.37...
    expect(m.caseload.averagePerWorker).toBeCloseTo(5.8, 10);
    expect(m.caseload.casesNotCounted).toBe(2);
  });

  it('groups: ASYE (G), everyone else, and support workers kept apart', () => {
    // G is in the ASYE (01/02/2018 to the default planned end 01/02/2019) holding 17.
    expect(m.caseload.groups.asye).toEqual({ cases: 17, caseHolders: { headcount: 1, fte: 1 }, averageFte: 17, averagePerWorker: 17 });
    // The other nine hold 58 - 17 = 41 on 9.1 - 1 = 8.1 FTE.
    const ex = m.caseload.groups.excludingAsye;
    expect(ex.cases).toBe(41);
    expect(ex.caseHolders.headcount).toBe(9);
    expect(ex.caseHolders.fte).toBeCloseTo(8.1, 10);
    expect(ex.averageFte).toBeCloseTo(41 / 8.1, 10);
    expect(ex.averagePerWorker).toBeCloseTo(41 / 9, 10);
    // O, the support worker, holds O1, O2 (CIN) and O3 (CP).
    expect(m.caseload.groups.supportWorkers).toEqual({ cases: 3, caseHolders: { headcount: 1, fte: 1 }, averageFte: 3, averagePerWorker: 3 });
  });

  it('thresholds: I above 20; G above the ASYE cap of 15 but not above 20', () => {
    expect(m.caseload.overThreshold).toBe(1);
    expect(m.caseload.asyeOverCap).toBe(1);
  });

  it('support-worker share of CIN cases', () => {
    // CIN held by social workers: A C1, B C1, C C6, D C7, G 17, J 2 = 23; by O: 2. 2 / 25.
    expect(m.caseload.supportWorkerCinShare).toBeCloseTo(8, 10);
  });

  it('by team: the team of the covering spell (E counts in South after the move)', () => {
    // North: A 3 (1.0), B 2 (0.5), G 17 (1.0), J 2 (1.0), L 5 (1.0) = 29 cases, 5 people, 4.5 FTE
    // South: C 1, D 1, E 1, H 4 (0.6), I 22 = 29 cases, 5 people, 4.6 FTE
    expect(m.caseload.byTeam.map((t) => t.team)).toEqual(['North', 'South']);
    const [north, south] = m.caseload.byTeam;
    expect(north!.cases).toBe(29);
    expect(north!.caseHolders.headcount).toBe(5);
    expect(north!.caseHolders.fte).toBeCloseTo(4.5, 10);
    expect(north!.averageFte).toBeCloseTo(29 / 4.5, 10);
    expect(south!.cases).toBe(29);
    expect(south!.caseHolders.fte).toBeCloseTo(4.6, 10);
    expect(south!.averagePerWorker).toBeCloseTo(5.8, 10);
  });

  it('vacancy: funded case-holder posts not filled by directly employed staff', () => {
    // North case holders in post: A 1, B 0.5, F 0.8, G 1, J 1, L 1 = 5.3 of 6 -> 0.7 vacant.
    // South: C 1, D 1, H 0.6, K 1 = 3.6 of 4 -> 0.4 (I, agency, fills no post).
    // Support-worker posts are left out. 1.1 / 10 = 11%.
    expect(m.vacancy!.fte).toBeCloseTo(1.1, 10);
    expect(m.vacancy!.rate).toBeCloseTo(11, 10);
  });

  it('ASYE cohorts', () => {
    // 2016-09: L passed 31/08/2017, M withdrew 30/06/2017. At the 12-month anniversary
    // (01/09/2017) and the 24-month one (01/09/2018) L is employed, M is not: 50% and 50%.
    // 2018-02 (the default cohort, from G's start month): G in progress, anniversaries after D.
    expect(m.asye.cohorts).toEqual([
      { cohort: '2016-09', size: 2, inProgress: 0, passed: 1, failed: 0, extended: 0, withdrawn: 1, noOutcome: 0, inProgramme: 0, retained12m: 50, retained24m: 50, cases: 0, caseHolders: 0, averagePerWorker: null, overCap: 0 },
      { cohort: '2018-02', size: 1, inProgress: 1, passed: 0, failed: 0, extended: 0, withdrawn: 0, noOutcome: 0, inProgramme: 1, retained12m: null, retained24m: null, cases: 17, caseHolders: 1, averagePerWorker: 17, overCap: 1 },
    ]);
  });

  it('a year earlier, at 30 September 2017', () => {
    const y = m.yearAgo;
    expect(y.asAt).toBe('2017-09-30');
    // A 1, B 0.5, C 1, E 1, F 1, J 1, K 1, L 1, N 1, P 1
    expect(y.inPost.headcount).toBe(10);
    expect(y.inPost.fte).toBeCloseTo(9.5, 10);
    // I had not started: no agency, rate 0 (the denominator 9.5 is not zero)
    expect(y.agency).toEqual({ headcount: 0, fte: 0, rateFte: 0, costPremium: 0 });
    // Leavers 01/10/2016-30/09/2017: M (30/06/2017). 1 / 9.5.
    expect(y.leavers.headcount).toBe(1);
    expect(y.turnover.rateFte).toBeCloseTo((1 / 9.5) * 100, 10);
    // Only C3 (A, from 01/06/2017) is held; M1 is M's, and M had left.
    expect(y.caseload.cases).toBe(1);
    expect(y.caseload.casesNotCounted).toBe(1);
    // L passed on 31/08/2017: nobody in the ASYE at 30/09/2017.
    expect(y.asyeInProgress).toBe(0);
    // North 0.5 vacant of 6 (A, B, E's first spell, F, J, L = 5.5); South 2 of 4 (C, K). 2.5 / 10.
    expect(y.vacancy!.rate).toBeCloseTo(25, 10);
  });

  it('the series ends on D with the headline figures, month ends before it', () => {
    expect(m.series).toHaveLength(13);
    expect(m.series[0]!.date).toBe('2017-09-30');
    expect(m.series[11]!.date).toBe('2018-08-31');
    const last = m.series[12]!;
    expect(last.date).toBe('2018-09-30');
    expect(last.caseload.cases).toBe(58);
    expect(last.inPost.fte).toBeCloseTo(10.9, 10);
    // The first point is the year-ago date, computed by the sweep rather than the stab.
    expect(m.series[0]!.caseload.cases).toBe(1);
    expect(m.series[0]!.inPost.headcount).toBe(10);
    // 31/08/2018: C's allocation C6 and D's C7 differ from D; A's C4 (closed 29/09) is still open:
    // A 4, B 2, C 1, E 1, G 17, H 4, I 22, J 2, L 5 = 58 (D not yet started: no C7).
    expect(m.series[11]!.caseload.cases).toBe(58);
    expect(m.series[11]!.caseload.caseHolders.headcount).toBe(9);
  });
});
