// The ASYE rule (docs/measures.md): a worker is in the ASYE at D when a record runs from its
// start to its last day covering D; the last day is the outcome date for passed, failed and
// withdrawn, the planned end otherwise. Nothing assumes a 12-month programme.
import { describe, expect, it } from 'vitest';
import { asyeLastDay, isAsyeOn } from '../../electron/measures/asye';
import { computeMetrics, seriesDates } from '../../electron/measures/index';
import type { AsyeEntry } from '../../electron/measures/load';
import { tempDb } from '../support/tmp';
import { allocation, seedRecords, spell } from '../support/seed';

const entry = (over: Partial<AsyeEntry>): AsyeEntry => ({
  staffId: 'A', cohort: '2018-09', start: '2018-09-01', plannedEnd: '2019-08-31', outcome: 'in_progress', outcomeDate: null, ...over,
});

describe('the ASYE rule', () => {
  it('in progress and extended run to the planned end; passed, failed and withdrawn to the outcome date', () => {
    expect(asyeLastDay(entry({}))).toBe('2019-08-31');
    expect(asyeLastDay(entry({ outcome: 'extended', plannedEnd: '2020-02-29', outcomeDate: '2019-08-31' }))).toBe('2020-02-29');
    expect(asyeLastDay(entry({ outcome: 'passed', outcomeDate: '2019-09-15' }))).toBe('2019-09-15');
    expect(asyeLastDay(entry({ outcome: 'withdrawn', outcomeDate: '2019-01-10' }))).toBe('2019-01-10');
    expect(asyeLastDay(entry({ outcome: 'failed', outcomeDate: null }))).toBe('2019-08-31');
  });

  it('covers both ends; a two-year programme (ECDP) is an ASYE for two years', () => {
    const ecdp = entry({ start: '2027-09-01', plannedEnd: '2029-08-31' });
    expect(isAsyeOn(ecdp, '2027-09-01')).toBe(true);
    expect(isAsyeOn(ecdp, '2029-08-31')).toBe(true);
    expect(isAsyeOn(ecdp, '2029-09-01')).toBe(false);
    expect(isAsyeOn(ecdp, '2027-08-31')).toBe(false);
  });

  it('a withdrawn worker leaves the ASYE group on the day after the outcome date', () => {
    const { db } = tempDb();
    seedRecords(db, {
      spells: [spell('A', '2018-09-01')],
      allocations: [allocation('K1', 'A', '2018-09-10')],
      asye: [{ staff_id: 'A', cohort: null, start_date: '2018-09-01', planned_end_date: null, outcome: 'withdrawn', outcome_date: '2019-01-10' }],
    });
    expect(computeMetrics(db, '2019-01-10', { months: 0 }).caseload.groups.asye.cases).toBe(1);
    const after = computeMetrics(db, '2019-01-11', { months: 0 });
    expect(after.caseload.groups.asye.cases).toBe(0);
    expect(after.caseload.groups.excludingAsye.cases).toBe(1);
    // the outcome is known at 11/01/2019 but not at 09/01/2019
    expect(after.asye.cohorts[0]).toMatchObject({ cohort: '2018-09', withdrawn: 1, inProgress: 0 });
    expect(computeMetrics(db, '2019-01-09', { months: 0 }).asye.cohorts[0]).toMatchObject({ withdrawn: 0, inProgress: 1 });
  });
});

describe('ASYE in progress needs the person at work', () => {
  it('a leaver the register still shows in progress is not in progress once their spell has ended', () => {
    const { db } = tempDb();
    seedRecords(db, {
      spells: [spell('A', '2018-09-01', '2019-03-31', { leaving_reason: 'resignation' })],
      asye: [{ staff_id: 'A', cohort: null, start_date: '2018-09-01', planned_end_date: null, outcome: 'in_progress', outcome_date: null }],
    });
    const before = computeMetrics(db, '2019-03-31', { months: 1 });
    expect(before.asye.cohorts[0]!.inProgress).toBe(1);
    expect(before.series[0]!.asyeInProgress).toBe(1);
    const after = computeMetrics(db, '2019-04-01', { months: 1 });
    expect(after.asye.cohorts[0]).toMatchObject({ size: 1, inProgress: 0 });
    expect(after.series[0]!.asyeInProgress).toBe(0);
  });
});

describe('series dates', () => {
  it('month ends, the last replaced by D when D is mid-month', () => {
    expect(seriesDates('2018-09-15', 3)).toEqual(['2018-07-31', '2018-08-31', '2018-09-15']);
    expect(seriesDates('2020-02-29', 2)).toEqual(['2020-01-31', '2020-02-29']);
    expect(seriesDates('2018-09-30', 0)).toEqual([]);
  });
});

describe('ASYE cohort outcomes are exclusive', () => {
  // Worked by hand at D = 2019-10-31, cohort 2018-09, four members:
  //   A extended on 2019-08-31 (planned end moved to 2020-02-29), still working  -> Extended only
  //   B passed on 2019-08-31                                                     -> Passed
  //   C started late (2018-11-01), in progress to 2019-10-31, working            -> In progress
  //   D in progress on the register but left the council on 2019-03-31           -> No outcome recorded
  // Size 4 = 0 + 1 + 1 + 0 + 1 + 0 + 1 (in progress, passed, failed, extended, ... no outcome):
  // each member in exactly one column. Two are still in the programme (A in extension, C).
  it('counts an extended worker still in the programme as extended, not also in progress', () => {
    const { db } = tempDb();
    const a = (staff_id: string, start_date: string, planned_end_date: string | null, outcome: string, outcome_date: string | null) =>
      ({ staff_id, cohort: '2018-09', start_date, planned_end_date, outcome, outcome_date }) as const;
    seedRecords(db, {
      spells: [spell('A', '2018-09-01'), spell('B', '2018-09-01'), spell('C', '2018-11-01'), spell('D', '2018-09-01', '2019-03-31', { leaving_reason: 'resignation' })],
      asye: [
        a('A', '2018-09-01', '2020-02-29', 'extended', '2019-08-31'),
        a('B', '2018-09-01', null, 'passed', '2019-08-31'),
        a('C', '2018-11-01', '2019-10-31', 'in_progress', null),
        a('D', '2018-09-01', null, 'in_progress', null),
      ] as never,
    });
    const c = computeMetrics(db, '2019-10-31', { months: 0 }).asye.cohorts[0]!;
    expect(c).toMatchObject({ cohort: '2018-09', size: 4, inProgress: 1, passed: 1, failed: 0, extended: 1, withdrawn: 0, noOutcome: 1, inProgramme: 2 });
    expect(c.inProgress + c.passed + c.failed + c.extended + c.withdrawn + (c.noOutcome ?? 0)).toBe(c.size);
  });
});
