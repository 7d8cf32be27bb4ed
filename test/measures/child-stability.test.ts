// Stability for children, on a hand-worked council: every expected figure is reasoned out beside
// the data, then checked through the database (computeMetrics) as a user would get it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeMetrics } from '../../electron/measures/index';
import { childStabilityAt, type Departures } from '../../electron/measures/child-stability';
import { fromRows, type AllocationRow } from '../../electron/measures/child-allocations';
import { groupByChild, referenceStabilityAt } from './child-stability-reference';
import { addDays, type IsoDate } from '../../shared/dates';
import { CASE_TYPES } from '../../shared/domain';
import { allocation, seedRecords, spell } from '../support/seed';
import { tempDb } from '../support/tmp';

const D = '2025-09-30';

// Workers (HR spells):
//  A: permanent case holder, Team North, throughout.
//  B: permanent case holder, Team North, leaves 2025-03-31 (no later spell): a leaver.
//  C: agency case holder, Team South, assignment ends 2025-06-30: an agency assignment ending.
//  E: permanent, Team South, moves from case holder to senior practitioner on 2025-05-01 (a new
//     spell the next day: not a departure).
//  F: permanent case holder, Team South, from 2025-04-01.
const spells = [
  spell('A', '2020-01-01', null, { team: 'Team North' }),
  spell('B', '2019-01-01', '2025-03-31', { team: 'Team North', leaving_reason: 'resignation' }),
  spell('C', '2024-01-01', '2025-06-30', { team: 'Team South', employment_type: 'agency' }),
  spell('E', '2018-01-01', '2025-04-30', { team: 'Team South' }),
  spell('E', '2025-05-01', null, { team: 'Team South', role: 'senior_practitioner' }),
  spell('F', '2025-04-01', null, { team: 'Team South' }),
];

// Children (cases) and their allocations; the window is 2024-10-01 to 2025-09-30.
const allocations = [
  // k1 (CLA): A all year. 1 worker, no change.
  allocation('k1', 'A', '2023-05-01', null, { case_type: 'CLA' }),
  // k2 (CLA): B until 2025-03-25 (B leaves 2025-03-31: the end is 6 days before the leaving, a
  // change after a leaver), then F from 2025-04-01. 2 workers, 1 change (after a leaver).
  allocation('k2', 'B', '2024-02-01', '2025-03-25', { case_type: 'CLA' }),
  allocation('k2', 'F', '2025-04-01', null, { case_type: 'CLA' }),
  // k3 (CP): B until 2025-01-10 (81 days before B leaves: not caused by the leaving), C until
  // 2025-06-30 (C's assignment ends that day: after an agency end), then A. 3 workers, 2 changes.
  allocation('k3', 'B', '2024-09-01', '2025-01-10', { case_type: 'CP' }),
  allocation('k3', 'C', '2025-01-11', '2025-06-30', { case_type: 'CP' }),
  allocation('k3', 'A', '2025-07-01', null, { case_type: 'CP' }),
  // k4 (CIN): E all year, with the allocation re-recorded when E changed role (ends 2025-04-30,
  // a new one from 2025-05-01): the same worker carries on, so 1 worker and no change.
  allocation('k4', 'E', '2024-06-01', '2025-04-30'),
  allocation('k4', 'E', '2025-05-01', null),
  // k5 (CIN): co-worked by A and F; F joined 2025-04-01. 2 workers, no change (nobody left it).
  allocation('k5', 'A', '2024-11-01', null),
  allocation('k5', 'F', '2025-04-01', null),
  // k6 (CIN): closed 2025-08-31, not open at D: not counted at all, although B and C worked it.
  allocation('k6', 'B', '2024-10-01', '2025-02-01'),
  allocation('k6', 'C', '2025-02-02', '2025-08-31'),
  // k7 (CIN): an allocation to B that ended before the window (2024-09-30) does not count; A since.
  allocation('k7', 'B', '2023-01-01', '2024-09-30'),
  allocation('k7', 'A', '2024-10-01', null),
];

describe('stability for children (hand-worked council)', () => {
  const { db } = tempDb();
  seedRecords(db, { spells, allocations });
  const m = computeMetrics(db, D, { months: 3 });
  const s = m.childStability!;

  it('counts each child open at D by the different workers allocated in the 12 months to D', () => {
    expect(s.windowStart).toBe('2024-10-01');
    // Open at D: k1, k2, k3, k4, k5, k7 = 6 children. One worker: k1, k4, k7. Two: k2, k5. Three: k3.
    expect({ children: s.children, one: s.one, two: s.two, threePlus: s.threePlus }).toEqual({ children: 6, one: 3, two: 2, threePlus: 1 });
    expect(s.threePlusShare).toBeCloseTo(100 / 6, 10);
  });

  it('splits by case type, each child once', () => {
    expect(s.byCaseType.CLA).toMatchObject({ children: 2, one: 1, two: 1, threePlus: 0, threePlusShare: 0 });
    expect(s.byCaseType.CP).toMatchObject({ children: 1, one: 0, two: 0, threePlus: 1, threePlusShare: 100 });
    expect(s.byCaseType.CIN).toMatchObject({ children: 3, one: 2, two: 1, threePlus: 0 });
    expect(s.byCaseType.care_leaver).toMatchObject({ children: 0, threePlusShare: null });
  });

  it('attributes changes to leavers and agency assignments ending', () => {
    // Changes: k2 (B, after B left), k3 (B, not near B's leaving), k3 (C, the day C's assignment ended) = 3.
    expect(s.changes).toEqual({ total: 3, afterLeaver: 1, afterAgencyEnd: 1, departureShare: (2 / 3) * 100 });
  });

  it("puts each child in their current worker's team at D", () => {
    // k1 A North; k2 F South; k3 A North; k4 E South; k5 most recent current allocation F South; k7 A North.
    expect(s.byTeam.map((t) => [t.team, t.children, t.threePlus])).toEqual([
      ['Team North', 3, 1],
      ['Team South', 3, 0],
    ]);
  });

  it('gives a monthly series ending on the headline figure', () => {
    expect(s.series.map((p) => p.date)).toEqual(['2025-07-31', '2025-08-31', D]);
    const last = s.series[2]!;
    expect(last).toEqual({ date: D, covered: true, children: 6, threePlusShare: s.threePlusShare, changes: 3, departureShare: s.changes.departureShare });
    // At 2025-08-31 (window from 2024-09-01) k6 is still open (ends that day): 7 children. Changes:
    // the 3 above, k6's B ending 2025-02-01 (58 days before B left: not caused by it) and k7's B
    // ending 2024-09-30, now inside the window: 5, of which the same 2 after departures.
    expect(s.series[1]).toMatchObject({ children: 7, changes: 5, departureShare: (2 / 5) * 100 });
  });

  it('a council with no allocations has no children and no shares', () => {
    const { db: empty } = tempDb();
    seedRecords(empty, { spells });
    const e = computeMetrics(empty, D, { months: 0 }).childStability!;
    expect(e).toMatchObject({ children: 0, threePlusShare: null, changes: { total: 0, departureShare: null } });
  });
});

// Random children over a small set of workers and days.
const randomAllocations = (children: number, days: number, length: number, maxLength: number) =>
  fc.array(
    fc.record({
      child: fc.integer({ min: 0, max: children }),
      worker: fc.integer({ min: 0, max: 5 }),
      start: fc.integer({ min: 0, max: days }),
      length: fc.integer({ min: 0, max: length }),
      open: fc.boolean(),
      type: fc.constantFrom(...CASE_TYPES),
    }),
    { maxLength },
  );
const rows = randomAllocations(6, 800, 400, 30);
const BASE: IsoDate = '2024-01-01';
const toRows = (rs: { child: number; worker: number; start: number; length: number; open: boolean; type: (typeof CASE_TYPES)[number] }[]): AllocationRow[] =>
  rs.map((r) => ({
    caseKey: `k${r.child}`,
    caseType: r.type,
    staffId: `w${r.worker}`,
    start: addDays(BASE, r.start),
    end: r.open ? null : addDays(BASE, r.start + r.length),
  }));

describe('stability for children: properties', () => {
  it("a child's worker count is at least 1 and at most its allocations in the window; groups add up", () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 0, max: 900 }), (rs, at) => {
        const d = addDays(BASE, at);
        const all = toRows(rs);
        const s = childStabilityAt(fromRows(all), null, d, { leavers: new Map(), agencyEnds: new Map() }, () => null);
        // Oracle, from the definition: children with an allocation covering d.
        const open = new Set(all.filter((r) => r.start <= d && (r.end === null || r.end >= d)).map((r) => r.caseKey));
        expect(s.children).toBe(open.size);
        expect(s.one + s.two + s.threePlus).toBe(s.children);
        const types = Object.values(s.byCaseType).reduce((n, g) => n + g.children, 0);
        expect(types).toBe(s.children);
        expect(s.byTeam.reduce((n, g) => n + g.children, 0)).toBe(s.children);
        // Three or more workers needs at least three allocations in the window.
        const from = addDays(d, -365);
        for (const k of open) {
          const inWindow = all.filter((r) => r.caseKey === k && r.start <= d && (r.end === null || r.end > from));
          expect(inWindow.length).toBeGreaterThanOrEqual(1);
        }
        expect(s.threePlus).toBeLessThanOrEqual([...open].filter((k) => all.filter((r) => r.caseKey === k).length >= 3).length);
      }),
      { numRuns: 300 },
    );
  });

  it('with no leavers and no agency endings, no change is put down to a departure', () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 0, max: 900 }), (rs, at) => {
        const s = childStabilityAt(fromRows(toRows(rs)), null, addDays(BASE, at), { leavers: new Map(), agencyEnds: new Map() }, () => null);
        expect(s.changes.afterLeaver + s.changes.afterAgencyEnd).toBe(0);
        expect(s.changes.departureShare === null || s.changes.departureShare === 0).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('stability for children: the column-by-column measure against the rules written over rows', () => {
  // Random councils packed into a few months, so that ties (two allocations starting the same day),
  // allocations ending the day before another starts and departures exactly at the edges of the
  // -7/+31-day rule are common; with teams, unknown teams and a filter. Every figure must equal
  // the plain reading of the rules (child-stability-reference.ts).
  const dense = randomAllocations(4, 60, 40, 25);
  const departureEdges = fc.array(
    fc.record({ worker: fc.integer({ min: 0, max: 5 }), row: fc.nat(), offset: fc.constantFrom(-8, -7, -6, 0, 30, 31, 32), agency: fc.boolean() }),
    { maxLength: 10 },
  );
  it('gives the same figures, teams and changes on random councils', () => {
    fc.assert(
      fc.property(dense, departureEdges, fc.integer({ min: 0, max: 120 }), fc.boolean(), (rs, ds, at, filtered) => {
        // Dates near 2025-01-01 so that the window (a year) holds every allocation or cuts some.
        const all = toRows(rs).map((r) => ({ ...r, start: addDays(r.start, 300), end: r.end === null ? null : addDays(r.end, 300) }));
        const d = addDays(BASE, 300 + at);
        const gone: Departures = { leavers: new Map(), agencyEnds: new Map() };
        for (const x of ds) {
          const ended = all.filter((r) => r.end !== null);
          const base = ended.length ? ended[x.row % ended.length]!.end! : d;
          const map = x.agency ? gone.agencyEnds : gone.leavers;
          map.set(`w${x.worker}`, [...(map.get(`w${x.worker}`) ?? []), addDays(base, x.offset)]);
        }
        const teamOf = (id: string) => (id === 'w5' ? null : `Team ${Number(id.slice(1)) % 3}`);
        const include = filtered ? (id: string) => id !== 'w1' && id !== 'w4' : null;
        // The reference takes the first current allocation on a tie: given in the covering index's
        // order (end, start, staff ID), as the database first read them, and in a shuffled order to
        // the measure, which must not depend on it.
        const end = (r: AllocationRow) => r.end ?? '9999-12-31';
        const indexOrder = [...all].sort((x, y) => (end(x) !== end(y) ? (end(x) < end(y) ? -1 : 1) : x.start !== y.start ? (x.start < y.start ? -1 : 1) : x.staffId < y.staffId ? -1 : x.staffId > y.staffId ? 1 : 0));
        const shuffled = [...all].reverse();
        expect(childStabilityAt(fromRows(shuffled), null, d, gone, teamOf, include)).toEqual(referenceStabilityAt(groupByChild(indexOrder), d, gone, teamOf, include));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('stability for children: coverage', () => {
  it('says when the allocations do not go back a full year, and the overview tile shows no figure', async () => {
    const { childrenTile } = await import('../../renderer/overview-model');
    const { db } = tempDb();
    // Allocations start 2025-03-01: at 2025-09-30 the 12 months are not covered, so a child seems
    // to have had fewer workers than they did.
    seedRecords(db, { spells, allocations: [allocation('k1', 'A', '2025-03-01'), allocation('k2', 'F', '2025-04-01')] });
    const m = computeMetrics(db, D, { months: 13 });
    expect(m.childStability!.covered).toBe(false);
    expect(m.childStability!.series.every((p) => !p.covered)).toBe(true);
    expect(childrenTile(m)[0]).toMatchObject({ value: 'No figure', covered: false });
    // From 2026-03-01 the window is covered.
    const later = computeMetrics(db, '2026-03-01', { months: 0 });
    expect(later.childStability!.covered).toBe(true);
    expect(childrenTile(later)[0]).toMatchObject({ value: '0.0%' });
    expect(childrenTile(later)[0]!.target.text).toBe('No changes of worker in the 12 months');
  });
});

describe('stability for children: one worker across identifiers', () => {
  it("links the case system's worker IDs to HR staff numbers, so a leaver's changes are attributed", () => {
    const { db } = tempDb();
    // HR: H1 leaves 2025-03-31 (SWE SW1); H2 carries on (SWE SW2). The case system records workers
    // by their SWE numbers.
    seedRecords(db, {
      spells: [
        spell('H1', '2019-01-01', '2025-03-31', { swe_number: 'SW1', team: 'Team North' }),
        spell('H2', '2019-01-01', null, { swe_number: 'SW2', team: 'Team South' }),
      ],
      allocations: [allocation('k1', 'SW1', '2024-06-01', '2025-03-28'), allocation('k1', 'SW2', '2025-03-29', null)],
    });
    const s = computeMetrics(db, D, { months: 0 }).childStability!;
    expect([s.children, s.two]).toEqual([1, 1]);
    expect(s.changes).toMatchObject({ total: 1, afterLeaver: 1 });
    // The child's team is the HR team of their current worker, found through the link.
    expect(s.byTeam.map((t) => t.team)).toEqual(['Team South']);
  });
});

describe('stability for children one child at a time (the drill-down)', () => {
  it('adds up to the figure for all children, and costs about what one call for all of them does', () => {
    // 5,000 children with three workers each over 1,250 workers, each with four leaving dates.
    const rs: AllocationRow[] = [];
    for (let c = 0; c < 5000; c++) {
      for (let k = 0; k < 3; k++) {
        const start = addDays('2025-01-01', k * 60 + (c % 30));
        rs.push({ caseKey: `case${c}`, caseType: 'CIN', staffId: `w${(c * 7 + k * 13) % 1250}`, start, end: k === 2 ? null : addDays(start, 59) });
      }
    }
    const leavers = new Map(Array.from({ length: 1250 }, (_, w) => [`w${w}`, [0, 1, 2, 3].map((i) => addDays('2022-01-01', w + i * 200))] as [string, IsoDate[]]));
    const gone: Departures = { leavers, agencyEnds: new Map() };
    const a = fromRows(rs);
    const all = childStabilityAt(a, null, D, gone, () => 'Team');
    const t0 = performance.now();
    let threePlus = 0;
    let changes = 0;
    let afterLeaver = 0;
    for (let c = 0; c < a.caseKeys.length; c++) {
      const one = childStabilityAt(a, [c], D, gone, () => 'Team');
      threePlus += one.threePlus;
      changes += one.changes.total;
      afterLeaver += one.changes.afterLeaver;
    }
    const ms = performance.now() - t0;
    expect([threePlus, changes, afterLeaver]).toEqual([all.threePlus, all.changes.total, all.changes.afterLeaver]);
    expect(all.threePlus).toBe(5000);
    expect(all.changes.afterLeaver).toBeGreaterThan(0);
    // About 0.1 s here; working the departure days out again for each child took 4-5 s.
    expect(ms).toBeLessThan(1500);
  });
});
