import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { importDfeFile } from '../../electron/benchmarks/import-dfe';
import { coversYear, reconcileCouncil, reconcileYear, type ReconcileInput } from '../../electron/benchmarks/reconcile';
import { DFE_DIR, tempDb } from '../support/tmp';
import type { Db } from '../../electron/db/open';
import type { PublishedFigure } from '../../shared/benchmarks';
import * as CAUTIONS from '../../electron/measures/cautions';

// Nottingham's published 2018 row (file): 238 FTE, 253 people, 36 starters FTE, 35.8 leavers FTE,
// turnover 15, 23 agency FTE, agency rate 8.8, vacancy rate 12.8, 140.2 case-holder FTE, 2639 cases, caseload 18.8.
const NOTTS_2018: Record<string, PublishedFigure> = {
  inpost_fte: { value: 238, symbol: null },
  inpost_headcount: { value: 253, symbol: null },
  starters_fte: { value: 36, symbol: null },
  leavers_fte: { value: 35.8, symbol: null },
  turnover_rate_fte: { value: 15, symbol: null },
  agency_fte: { value: 23, symbol: null },
  agency_rate_fte: { value: 8.8, symbol: null },
  vacancy_rate_fte: { value: 12.8, symbol: null },
  cases: { value: 2639, symbol: null },
  case_holders_fte: { value: 140.2, symbol: null },
  caseload_fte: { value: 18.8, symbol: null },
};
const published = (row: Record<string, PublishedFigure>) => (c: string) => row[c] ?? { value: null, symbol: null };

function own(over: Partial<{ inPostFte: number; turnover: number | null; agencyRate: number | null; caseload: number | null; cases: number; vacancy: ReconcileInput['vacancy'] }> = {}): ReconcileInput {
  return {
    inPost: { headcount: 253, fte: over.inPostFte ?? 238.04 },
    starters: { headcount: 37, fte: 36 },
    leavers: { headcount: 39, fte: 35.8 },
    turnover: { rateFte: over.turnover === undefined ? 15.06 : over.turnover, rateHeadcount: 15.4 },
    agency: { headcount: 23, fte: 23, rateFte: over.agencyRate === undefined ? 8.8 : over.agencyRate, costPremium: 0 },
    vacancy: over.vacancy === undefined ? null : over.vacancy,
    caseload: { cases: over.cases ?? 2639, caseHolders: { headcount: 150, fte: 140.2 }, averageFte: over.caseload === undefined ? 18.8 : over.caseload },
  };
}

const line = (y: ReturnType<typeof reconcileYear>, key: string) => y.lines.find((l) => l.measure === key)!;

describe('reconciling own figures with the published row', () => {
  it('rounds own figures as the DfE publishes and words the comparison', () => {
    const y = reconcileYear(2018, published(NOTTS_2018), own());
    expect(y.source).toBe("DfE Children's social work workforce, 30 September 2018");
    expect(y.asAt).toBe('2018-09-30');
    const t = line(y, 'turnover');
    expect(t).toMatchObject({ ours: 15.1, difference: 0.1, flagged: false, tolerance: 1, toleranceUnit: 'percentage point' });
    expect(t.text).toBe('your data gives 15.1%, published 15.0%');
    expect(line(y, 'inPostFte')).toMatchObject({ ours: 238, difference: 0, flagged: false });
    expect(y.flaggedCount).toBe(0);
  });

  it('flags a difference of more than one point, not one of exactly one', () => {
    const y = reconcileYear(2018, published(NOTTS_2018), own({ agencyRate: 10.0, caseload: 19.8, inPostFte: 240.3, cases: 2641 }));
    expect(line(y, 'agencyRate')).toMatchObject({ ours: 10, difference: 1.2, flagged: true });
    // caseload: 1 point = 1 case per FTE; 19.8 against 18.8 is exactly 1, not over.
    expect(line(y, 'caseload')).toMatchObject({ difference: 1, flagged: false, toleranceUnit: 'case per FTE' });
    // FTE: 1 point = one full-time post; 240.3 against 238.0 is 2.3 over.
    expect(line(y, 'inPostFte')).toMatchObject({ difference: 2.3, flagged: true, toleranceUnit: 'FTE' });
    expect(line(y, 'cases')).toMatchObject({ ours: 2641, difference: 2, flagged: true });
    expect(y.flaggedCount).toBe(3);
    expect(line(y, 'caseload').text).toBe('your data gives 19.8, published 18.8');
  });

  it('says why a figure cannot be compared, and never flags it', () => {
    const withSymbol = { ...NOTTS_2018, agency_rate_fte: { value: null, symbol: 'c' } };
    const y = reconcileYear(2018, published(withSymbol), own({ turnover: null }));
    expect(line(y, 'agencyRate')).toMatchObject({ difference: null, flagged: false, text: 'your data gives 8.8%, published as c (suppressed)' });
    expect(line(y, 'turnover').text).toBe('your data gives no figure (not applicable), published 15.0%');
    expect(line(y, 'vacancyRate').text).toBe('your data gives no figure (no establishment loaded), published 12.8%');
    const v = reconcileYear(2018, published(NOTTS_2018), own({ vacancy: { fte: 30, rate: 11.24 } }));
    expect(line(v, 'vacancyRate')).toMatchObject({ ours: 11.2, difference: -1.6, flagged: true });
  });

  it('does not compare starters, leavers or turnover when snapshot staff records make them unreliable', () => {
    const { SNAPSHOT_CAUTION_START } = CAUTIONS;
    const y = reconcileYear(2018, published(NOTTS_2018), { ...own(), warnings: [`${SNAPSHOT_CAUTION_START} (extract date 30 September 2018), ...`] });
    for (const key of ['startersFte', 'leaversFte', 'turnover']) {
      expect(line(y, key)).toMatchObject({ ours: null, difference: null, flagged: false });
      expect(line(y, key).text).toMatch(/^your data gives no figure \(not available: some staff records come from a Standard Safeguarding Dataset snapshot/);
    }
    // Point-in-time figures are still compared.
    expect(line(y, 'inPostFte')).toMatchObject({ ours: 238, flagged: false });
    // Other cautions leave the history figures alone.
    expect(line(reconcileYear(2018, published(NOTTS_2018), { ...own(), warnings: ['something else'] }), 'turnover').ours).toBe(15.1);
  });

  it('covers a year only when the data spans the twelve months to 30 September', () => {
    const cov = { spellsFrom: '2019-01-01', allocationsFrom: '2018-06-01', to: '2021-03-31' };
    expect(coversYear(cov, '2019-09-30')).toMatch(/staff records start on 2019-01-01/);
    expect(coversYear(cov, '2020-09-30')).toBeNull();
    expect(coversYear(cov, '2021-09-30')).toMatch(/ends on 2021-03-31/);
    expect(coversYear({ spellsFrom: null, allocationsFrom: null, to: null }, '2020-09-30')).toMatch(/no workforce data/);
  });

  it('needs case allocations covering the same twelve months as the staff records', () => {
    // Staff records from 2001 but allocations only from 2022: earlier years cannot be reconciled.
    const cov = { spellsFrom: '2001-02-04', allocationsFrom: '2022-01-01', to: '2025-09-30' };
    expect(coversYear(cov, '2019-09-30')).toMatch(/case allocations start on 2022-01-01, after the year to 2019-09-30 began/);
    expect(coversYear(cov, '2022-09-30')).toMatch(/case allocations start on 2022-01-01/);
    expect(coversYear(cov, '2023-09-30')).toBeNull();
    // Allocations starting exactly on 30 September of the previous year cover the year.
    expect(coversYear({ ...cov, allocationsFrom: '2022-09-30' }, '2023-09-30')).toBeNull();
    expect(coversYear({ ...cov, allocationsFrom: '2022-10-01' }, '2023-09-30')).toMatch(/allocations start on 2022-10-01/);
    expect(coversYear({ ...cov, allocationsFrom: null }, '2023-09-30')).toMatch(/no case allocations have been imported/);
  });
});

describe('reconciling a council from the database', () => {
  let db: Db;
  beforeAll(async () => {
    db = tempDb().db;
    await importDfeFile(db, { file: path.join(DFE_DIR, 'csww_indicators_2017_to_2025.csv'), source: 'benchmark' });
    db.prepare(`INSERT INTO import_log (id, file_name, sha256, source, layout, extract_date, started_at, outcome) VALUES (100, 'hr.csv', 'abc', 'workers', 'canonical', '2021-03-31', '2021-04-01', 'imported')`).run();
    db.prepare(`INSERT INTO spell (staff_id, role, employment_type, fte, start_date, import_id) VALUES ('S1', 'case_holder', 'permanent', 1, '2019-01-01', 100)`).run();
    db.prepare(`INSERT INTO allocation (case_key, case_type, staff_id, start_date, import_id) VALUES ('k1', 'CIN', 'S1', '2019-06-01', 100)`).run();
  });

  it('only reconciles the years the own data covers, at 30 September, beside the published row', () => {
    const asked: string[] = [];
    const r = reconcileCouncil(db, { la: 'Nottingham', compute: (_db, asAt) => (asked.push(asAt), own({ turnover: 14.4 })) });
    expect(asked).toEqual(['2020-09-30']);
    // Covered by both staff records (from 2019-01-01) and allocations (from 2019-06-01).
    expect(r.ownDataCoverage).toEqual({ from: '2019-06-01', to: '2021-03-31' });
    expect(r.years.map((y) => y.year)).toEqual([2020]);
    // Published 2020 row for Nottingham: turnover 14.4, FTE 261.9.
    expect(line(r.years[0]!, 'turnover')).toMatchObject({ published: { value: 14.4, symbol: null }, difference: 0, flagged: false });
    expect(line(r.years[0]!, 'inPostFte')).toMatchObject({ published: { value: 261.9, symbol: null }, flagged: true });
    expect(r.skipped.map((s) => s.year)).toEqual([2017, 2018, 2019, 2021, 2022, 2023, 2024, 2025]);
  });

  it('skips the years before case allocations begin, whatever the earliest staff record, and says why', async () => {
    const { db: d2 } = tempDb();
    await importDfeFile(d2, { file: path.join(DFE_DIR, 'csww_indicators_2017_to_2025.csv'), source: 'benchmark' });
    // No extract date given (NULL): the latest date in the data (an allocation ending 30 September 2025) is used.
    d2.prepare(`INSERT INTO import_log (id, file_name, sha256, source, layout, started_at, outcome) VALUES (100, 'hr.csv', 'abc', 'workers', 'canonical', '2026-11-23', 'imported')`).run();
    d2.prepare(`INSERT INTO spell (staff_id, role, employment_type, fte, start_date, import_id) VALUES ('S1', 'case_holder', 'permanent', 1, '2001-02-04', 100)`).run();
    d2.prepare(`INSERT INTO allocation (case_key, case_type, staff_id, start_date, end_date, import_id) VALUES ('k1', 'CIN', 'S1', '2022-01-01', '2025-09-30', 100)`).run();
    const asked: string[] = [];
    const r = reconcileCouncil(d2, { la: 'Nottingham', compute: (_db, asAt) => (asked.push(asAt), own()) });
    expect(asked).toEqual(['2023-09-30', '2024-09-30', '2025-09-30']);
    expect(r.ownDataCoverage).toEqual({ from: '2022-01-01', to: '2025-09-30' });
    expect(r.skipped.map((s) => s.year)).toEqual([2017, 2018, 2019, 2020, 2021, 2022]);
    expect(r.skipped[0]!.reason).toBe('your case allocations start on 2022-01-01, after the year to 2017-09-30 began');
  });
});

describe('reconciling with the measures engine (the hand-made council against Nottingham\'s published rows)', () => {
  it('recomputes each covered 30 September with computeMetrics and sets it beside the published row', async () => {
    const { seedRecords } = await import('../support/seed');
    const { handRecords } = await import('../measures/hand-fixture');
    const { db } = tempDb();
    await importDfeFile(db, { file: path.join(DFE_DIR, 'csww_indicators_2017_to_2025.csv'), source: 'benchmark' });
    seedRecords(db, handRecords(), 'hand');
    const r = reconcileCouncil(db, { la: '892' });
    // The hand-made data's latest date is an allocation ending 31 December 2018 (allocations.csv,
    // case C5), so 30 September 2019 onwards is not covered.
    expect(r.ownDataCoverage?.to).toBe('2018-12-31');
    expect(r.years.map((y) => y.year)).toContain(2018);
    // 2017 too: the earliest allocation starts on 1 January 2017, after the year to 30 September 2017 began.
    expect(r.skipped.map((s) => s.year)).toEqual([2017, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(r.skipped[0]!.reason).toMatch(/case allocations start on 2017-01-01/);
    const y2018 = r.years.find((y) => y.year === 2018)!;
    // Hand-worked in test/measures/hand.test.ts: 10.9 FTE in post; agency rate 1 / 11.9 = 8.40...%.
    expect(line(y2018, 'agencyRate')).toMatchObject({ ours: 8.4, published: { value: 8.8, symbol: null }, difference: -0.4, flagged: false });
    expect(line(y2018, 'agencyRate').text).toBe('your data gives 8.4%, published 8.8%');
    expect(line(y2018, 'inPostFte')).toMatchObject({ ours: 10.9, difference: -227.1, flagged: true });
  });
});
