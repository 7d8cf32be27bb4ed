// The rules of stability for children written over rows, as plainly as they can be put: the
// measure as it was first built, before electron/measures/child-stability.ts held allocations
// column by column for speed. A property test holds the two to the same answers on random councils.
import { addDays, addYears, type IsoDate } from '../../shared/dates';
import type { ChildStability, ChildStabilityGroup } from '../../shared/metrics';
import { CASE_TYPES, type CaseType } from '../../shared/domain';
import type { AllocationRow } from '../../electron/measures/child-allocations';
import { DEPARTURE_AFTER_DAYS, DEPARTURE_BEFORE_DAYS, type Departures } from '../../electron/measures/child-stability';

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
 * The window is the 12 months to D as for leavers: after D minus one year, up to D inclusive.
 * `children` must hold every allocation of each child open at D that overlaps the window (more
 * is fine: other rows and children are left out here). A child's team is their current worker's
 * team at D (teamOf, from the HR spells; the most recently allocated worker when co-worked); a
 * filter keeps the children whose that worker is selected (include).
 */
export function referenceStabilityAt(
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
