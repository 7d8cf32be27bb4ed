// Stability for children: what workforce churn means for the children whose cases the workforce
// holds (docs/measures.md, "Stability for children"). For each child (a pseudonymised case) open at
// D, the number of different workers allocated to them in the 12 months to D; and the changes of
// worker they lived through in those months, with how many followed a worker leaving the council
// or an agency worker's assignment ending. Pure functions over the allocations held column by column
// (child-allocations.ts), so the rules are tested on hand-worked rows; the database read is in
// child-stability-read.ts. test/measures/child-stability-reference.ts states the same rules over
// rows, as plainly as they can be written, and a property test holds the two to the same answers.
import { addDays, addYears, toDayNumber, type IsoDate } from '../../shared/dates';
import type { ChildStability, ChildStabilityGroup } from '../../shared/metrics';
import { CASE_TYPES } from '../../shared/domain';
import { firstAfter, firstAtOrAfter } from './cases';
import type { ChildAllocations } from './child-allocations';

/** When a worker's allocation ending counts as caused by their departure: ended from 31 days before to 7 days after. */
export const DEPARTURE_BEFORE_DAYS = 31;
export const DEPARTURE_AFTER_DAYS = 7;

export interface Departures {
  /** Leaving dates of directly employed workers (the DfE's 7-day rule), by staff ID. */
  leavers: Map<string, IsoDate[]>;
  /** End dates of agency assignments not followed within 7 days by further work, by staff ID. */
  agencyEnds: Map<string, IsoDate[]>;
}

// When one child has allocations of different types at D (rare: a CP plan ending as the child comes
// into care), the child is counted once, under the type that says most about their situation.
// As ranks by index into CASE_TYPES ('CIN', 'CP', 'CLA', 'care_leaver', 'other'): CLA, CP, CIN, care leaver, other.
const TYPE_RANK = CASE_TYPES.map((t) => ['CLA', 'CP', 'CIN', 'care_leaver', 'other'].indexOf(t));

const emptyGroup = (): ChildStabilityGroup => ({ children: 0, one: 0, two: 0, threePlus: 0, threePlusShare: null });

/**
 * For each date, the children open at it (an allocation covers it): a series then looks at each
 * child only on the dates it is open, instead of every child at every date.
 */
export function childrenOpenOn(a: ChildAllocations, dates: readonly IsoDate[]): Map<IsoDate, number[]> {
  const sorted = [...new Set(dates)].sort();
  const days = sorted.map(toDayNumber);
  const lists: number[][] = sorted.map(() => []);
  const lastAdded = new Int32Array(sorted.length).fill(-1);
  for (let c = 0; c + 1 < a.first.length; c++) {
    for (let k = a.first[c]!; k < a.first[c + 1]!; k++) {
      const i0 = a.rows[k]!;
      const hi = firstAfter(days, a.end[i0]!);
      for (let i = firstAtOrAfter(days, a.start[i0]!); i < hi; i++) {
        if (lastAdded[i] === c) continue;
        lastAdded[i] = c;
        lists[i]!.push(c);
      }
    }
  }
  return new Map(sorted.map((d, i) => [d, lists[i]!]));
}

interface DepartureDays {
  leavers: (number[] | undefined)[];
  agencyEnds: (number[] | undefined)[];
}

// Departure dates as day numbers by worker number, worked out once for a set of allocations and
// departures: the series asks for every month end, and the drill-down for one child at a time
// (worked out per call, 5,000 children took 4-5 s instead of 60 ms).
const departureDaysOf = new WeakMap<ChildAllocations, WeakMap<Departures, DepartureDays>>();

function departureDays(a: ChildAllocations, departures: Departures): DepartureDays {
  let forA = departureDaysOf.get(a);
  if (!forA) departureDaysOf.set(a, (forA = new WeakMap()));
  let got = forA.get(departures);
  if (!got) {
    const days = (m: Map<string, IsoDate[]>) => a.workers.map((id) => m.get(id)?.map(toDayNumber));
    forA.set(departures, (got = { leavers: days(departures.leavers), agencyEnds: days(departures.agencyEnds) }));
  }
  return got;
}

/**
 * The window is the 12 months to D as for leavers: after D minus one year, up to D inclusive.
 * `a` must hold every allocation of each child open at D that overlaps the window (more is fine:
 * other rows and children are left out here); `children` are the child numbers to look at (all of
 * them when null). A child's team is their current worker's team at D (teamOf, from the HR
 * spells; the most recently allocated worker when co-worked); a filter keeps the children whose
 * that worker is selected (include).
 */
export function childStabilityAt(
  a: ChildAllocations,
  children: readonly number[] | null,
  d: IsoDate,
  departures: Departures,
  teamOf: (staffId: string) => string | null,
  /** With a filter: is this worker (the child's most recent current one) in the selection at D? */
  include: ((staffId: string) => boolean) | null = null,
): ChildStability {
  const fromIso = addDays(addYears(d, -1), 1);
  const day = toDayNumber(d);
  const from = toDayNumber(fromIso);
  const gone = departureDays(a, departures);
  const all = emptyGroup();
  const byType = CASE_TYPES.map(emptyGroup);
  const teams = new Map<string, ChildStabilityGroup>();
  // A worker's team and selection at D, looked up once per worker.
  const teamGroups: (ChildStabilityGroup | undefined)[] = [];
  const teamGroup = (w: number) => {
    let g = teamGroups[w];
    if (g) return g;
    const team = teamOf(a.workers[w]!) ?? 'Team not recorded';
    g = teams.get(team);
    if (!g) teams.set(team, (g = emptyGroup()));
    return (teamGroups[w] = g);
  };
  const included: (boolean | undefined)[] = [];
  const isIncluded = (w: number) => !include || (included[w] ??= include(a.workers[w]!));
  const { start, end, worker, type, first, rows } = a;
  let changes = 0;
  let afterLeaver = 0;
  let afterAgencyEnd = 0;
  const list: number[] = [];
  const count = children ? children.length : first.length - 1;
  for (let j = 0; j < count; j++) {
    const c = children ? children[j]! : j;
    const lo = first[c]!;
    const hi = first[c + 1]!;
    if (hi - lo === 1) {
      // Most children have one allocation in the span read: one worker, no change, if open at D.
      const r = rows[lo]!;
      if (start[r]! > day || end[r]! < day) continue;
      if (!isIncluded(worker[r]!)) continue;
      add(all, 1);
      add(byType[type[r]!]!, 1);
      add(teamGroup(worker[r]!), 1);
      continue;
    }
    // The child's current allocations: the most recently started gives the team (on the same
    // start, the one ending first, then the lower staff ID: the order of the covering index, as
    // the rows were first read), the highest-ranked type the group.
    let latest = -1;
    let bestType = -1;
    list.length = 0;
    for (let k = lo; k < hi; k++) {
      const r = rows[k]!;
      if (start[r]! > day || end[r]! < from) continue;
      list.push(r);
      if (end[r]! < day) continue;
      if (latest < 0 || later(a, r, latest)) latest = r;
      if (bestType < 0 || TYPE_RANK[type[r]!]! < TYPE_RANK[bestType]!) bestType = type[r]!;
    }
    if (latest < 0) continue; // not open at D
    if (!isIncluded(worker[latest]!)) continue;
    const workers = distinctWorkers(list, worker);
    add(all, workers);
    add(byType[bestType]!, workers);
    add(teamGroup(worker[latest]!), workers);
    for (const r of list) {
      // A change: a worker's allocation ended inside the window (before D) and the same worker
      // did not carry on with the child through another allocation starting by the next day.
      if (end[r]! >= day) continue;
      const next = end[r]! + 1;
      if (list.some((o) => o !== r && worker[o] === worker[r] && start[o]! <= next && end[o]! >= next)) continue;
      changes++;
      if (near(gone.leavers[worker[r]!], end[r]!)) afterLeaver++;
      else if (near(gone.agencyEnds[worker[r]!], end[r]!)) afterAgencyEnd++;
    }
  }
  const typeGroups = Object.fromEntries(CASE_TYPES.map((t, i) => [t, byType[i]!])) as ChildStability['byCaseType'];
  for (const g of [all, ...byType, ...teams.values()]) finish(g);
  return {
    windowStart: fromIso,
    ...all,
    byCaseType: typeGroups,
    byTeam: [...teams.entries()].map(([team, g]) => ({ team, ...g })).sort((x, y) => x.team.localeCompare(y.team)),
    changes: {
      total: changes,
      afterLeaver,
      afterAgencyEnd,
      departureShare: changes === 0 ? null : ((afterLeaver + afterAgencyEnd) / changes) * 100,
    },
  };
}

/** Whether allocation r gives the child's team before allocation q (see childStabilityAt). */
function later(a: ChildAllocations, r: number, q: number): boolean {
  if (a.start[r] !== a.start[q]) return a.start[r]! > a.start[q]!;
  if (a.end[r] !== a.end[q]) return a.end[r]! < a.end[q]!;
  return a.workers[a.worker[r]!]! < a.workers[a.worker[q]!]!;
}

function distinctWorkers(list: readonly number[], worker: Int32Array): number {
  let n = 0;
  for (let i = 0; i < list.length; i++) {
    const w = worker[list[i]!]!;
    let seen = false;
    for (let j = 0; j < i && !seen; j++) seen = worker[list[j]!] === w;
    if (!seen) n++;
  }
  return n;
}

function add(g: ChildStabilityGroup, workers: number): void {
  g.children++;
  if (workers <= 1) g.one++;
  else if (workers === 2) g.two++;
  else g.threePlus++;
}

function finish(g: ChildStabilityGroup): void {
  g.threePlusShare = g.children === 0 ? null : (g.threePlus / g.children) * 100;
}

/** Did one of these departure days fall from 7 days before the allocation ended to 31 days after? */
function near(days: readonly number[] | undefined, allocationEnd: number): boolean {
  if (!days) return false;
  const lo = allocationEnd - DEPARTURE_AFTER_DAYS;
  const hi = allocationEnd + DEPARTURE_BEFORE_DAYS;
  return days.some((x) => x >= lo && x <= hi);
}
