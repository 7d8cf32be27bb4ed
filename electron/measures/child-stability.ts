// Stability for children: what workforce churn means for the children whose cases the workforce
// holds (docs/measures.md, "Stability for children"). For each child (a pseudonymised case) open at
// D, the number of different workers allocated to them in the 12 months to D; and the changes of
// worker they lived through in those months, with how many followed a worker leaving the council
// or an agency worker's assignment ending. Pure functions over allocation rows, so the rules are
// tested on hand-worked rows; the database read is in child-stability-read.ts.
import { addDays, addYears, type IsoDate } from '../../shared/dates';
import type { ChildStability, ChildStabilityGroup } from '../../shared/metrics';
import { CASE_TYPES, type CaseType } from '../../shared/domain';
import { firstAfter, firstAtOrAfter } from './cases';

export interface AllocationRow {
  caseKey: string;
  caseType: CaseType;
  staffId: string;
  start: IsoDate;
  /** null while open. */
  end: IsoDate | null;
}

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
const TYPE_PRIORITY: readonly CaseType[] = ['CLA', 'CP', 'CIN', 'care_leaver', 'other'];

const emptyGroup = (): ChildStabilityGroup => ({ children: 0, one: 0, two: 0, threePlus: 0, threePlusShare: null });

/** Allocation rows grouped by child (case key), built once for every date of a series. */
export function groupByChild(rows: readonly AllocationRow[]): AllocationRow[][] {
  const byCase = new Map<string, AllocationRow[]>();
  for (const r of rows) {
    let list = byCase.get(r.caseKey);
    if (!list) byCase.set(r.caseKey, (list = []));
    list.push(r);
  }
  return [...byCase.values()];
}

/**
 * For each date, the children open at it (an allocation covers it): a series then looks at each
 * child only on the dates it is open, instead of every child at every date.
 */
export function childrenOpenOn(children: readonly AllocationRow[][], dates: readonly IsoDate[]): Map<IsoDate, AllocationRow[][]> {
  const sorted = [...new Set(dates)].sort();
  const lists: AllocationRow[][][] = sorted.map(() => []);
  const lastAdded = new Int32Array(sorted.length).fill(-1);
  children.forEach((child, c) => {
    for (const r of child) {
      const hi = firstAfter(sorted, r.end ?? '9999-12-31');
      for (let i = firstAtOrAfter(sorted, r.start); i < hi; i++) {
        if (lastAdded[i] === c) continue;
        lastAdded[i] = c;
        lists[i]!.push(child);
      }
    }
  });
  return new Map(sorted.map((d, i) => [d, lists[i]!]));
}

/**
 * The window is the 12 months to D as for leavers: after D minus one year, up to D inclusive.
 * `children` must hold every allocation of each child open at D that overlaps the window (more
 * is fine: other rows and children are left out here). A child's team is their current worker's
 * team at D (teamOf, from the HR spells; the most recently allocated worker when co-worked); a
 * filter keeps the children whose that worker is selected (include).
 */
export function childStabilityAt(
  children: readonly AllocationRow[][],
  d: IsoDate,
  departures: Departures,
  teamOf: (staffId: string) => string | null,
  /** With a filter: is this worker (the child's most recent current one) in the selection at D? */
  include: ((staffId: string) => boolean) | null = null,
): ChildStability {
  const from = addDays(addYears(d, -1), 1);
  const all = emptyGroup();
  const byType = Object.fromEntries(CASE_TYPES.map((t) => [t, emptyGroup()])) as Record<CaseType, ChildStabilityGroup>;
  const teams = new Map<string, ChildStabilityGroup>();
  let changes = 0;
  let afterLeaver = 0;
  let afterAgencyEnd = 0;
  const teamGroup = (staffId: string) => {
    const team = teamOf(staffId) ?? 'Team not recorded';
    let t = teams.get(team);
    if (!t) teams.set(team, (t = emptyGroup()));
    return t;
  };
  for (const child of children) {
    if (child.length === 1) {
      // Most children have one allocation in the span read: one worker, no change, if open at D.
      const r = child[0]!;
      if (r.start > d || (r.end !== null && r.end < d)) continue;
      if (include && !include(r.staffId)) continue;
      for (const g of [all, byType[r.caseType], teamGroup(r.staffId)]) add(g, 1);
      continue;
    }
    const current = child.filter((r) => r.start <= d && (r.end === null || r.end >= d));
    if (current.length === 0) continue; // not open at D
    // The child's team: that of their most recent current allocation.
    const latest = current.reduce((a, b) => (b.start > a.start ? b : a));
    if (include && !include(latest.staffId)) continue;
    const list = child.filter((r) => r.start <= d && (r.end === null || r.end >= from));
    const type = TYPE_PRIORITY.find((t) => current.some((r) => r.caseType === t))!;
    const workers = new Set(list.map((r) => r.staffId)).size;
    for (const g of [all, byType[type], teamGroup(latest.staffId)]) add(g, workers);
    for (const r of list) {
      // A change: a worker's allocation ended inside the window (before D) and the same worker
      // did not carry on with the child through another allocation starting by the next day.
      if (r.end === null || r.end >= d) continue;
      const next = addDays(r.end, 1);
      if (list.some((o) => o !== r && o.staffId === r.staffId && o.start <= next && (o.end === null || o.end >= next))) continue;
      changes++;
      if (near(departures.leavers.get(r.staffId), r.end)) afterLeaver++;
      else if (near(departures.agencyEnds.get(r.staffId), r.end)) afterAgencyEnd++;
    }
  }
  for (const g of [all, ...Object.values(byType), ...teams.values()]) finish(g);
  return {
    windowStart: from,
    ...all,
    byCaseType: byType,
    byTeam: [...teams.entries()].map(([team, g]) => ({ team, ...g })).sort((a, b) => a.team.localeCompare(b.team)),
    changes: {
      total: changes,
      afterLeaver,
      afterAgencyEnd,
      departureShare: changes === 0 ? null : ((afterLeaver + afterAgencyEnd) / changes) * 100,
    },
  };
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

/** Did one of these departure dates fall from 7 days before the allocation ended to 31 days after? */
function near(dates: readonly IsoDate[] | undefined, allocationEnd: IsoDate): boolean {
  if (!dates) return false;
  const lo = addDays(allocationEnd, -DEPARTURE_AFTER_DAYS);
  const hi = addDays(allocationEnd, DEPARTURE_BEFORE_DAYS);
  return dates.some((x) => x >= lo && x <= hi);
}
