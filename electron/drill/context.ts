// What every list is worked out from: the same reads and the same rule functions as
// computeMetrics (electron/measures), for one as-at date, so a list cannot disagree with its count.
import type { Db } from '../db/open';
import type { IsoDate } from '../../shared/dates';
import type { DrillColumn, DrillFilter, DrillKind, DrillList } from '../../shared/drill';
import { normaliseFilter } from '../../shared/filters';
import type { MeasureSettings } from '../../shared/metrics';
import { getSettings } from '../settings';
import { covers, type Spell, type Workforce } from '../measures/load';
import type { Movements } from '../measures/movers';
import { staffAt, type StaffAt } from '../measures/staff-at';
import { caseCounts, type CaseCount } from '../measures/cases';
import { casesOn, censusAsyeStaff } from '../measures/census';
import { asyeStaffAt } from '../measures/asye';
import type { WorkerLinker } from '../measures/worker-links';
import { filterMovements, filterWorkforce, spellTest } from '../measures/filter';
import { measureState } from '../measures/state';

export interface DrillData {
  db: Db;
  asAt: IsoDate;
  settings: MeasureSettings;
  w: Workforce;
  /** The whole council's workforce (the same as `w` without a filter): leaving and teams are decided over it. */
  all: Workforce;
  /**
   * What vacancy is worked out over (as the measure does): funded posts are not split by contract,
   * so a contract filter keeps every directly employed worker filling them.
   */
  posts: Workforce;
  /** The filter's test on a spell, or null without a filter. */
  test: ((s: Spell) => boolean) | null;
  mv: Movements;
  at: Map<string, StaffAt>;
  linker: WorkerLinker;
  /** Cases held at D per staff ID (allocations, or a census return's Cases30 as the measures read them). */
  counts: Map<string, CaseCount>;
  /** Staff IDs in their ASYE at D (register or census return). */
  asyeStaff: Set<string>;
}

export function drillData(db: Db, asAt: IsoDate, filter: DrillFilter | undefined): DrillData {
  const settings = getSettings(db);
  // The measures engine's filter, so a filtered list is the rows behind the filtered figure: the
  // selected spells, with leaving and joining still decided over the whole council.
  // The state the measures keep per database (read once until the data changes), so opening a
  // list after the overview reads nothing again.
  const state = measureState(db);
  const all = state.w;
  const test = normaliseFilter(filter) ? spellTest(filter!) : null;
  const w = test ? filterWorkforce(all, filter!, test) : all;
  const mvAll = state.mv;
  const linker = state.linker;
  const counts = casesOn(w, asAt, caseCounts(db, [asAt], linker)[0]!);
  return {
    db,
    asAt,
    settings,
    w,
    all,
    posts: test && filter!.employment ? filterWorkforce(all, { ...filter!, employment: undefined }) : w,
    test,
    mv: test ? filterMovements(mvAll, test) : mvAll,
    at: staffAt(w.spells, asAt),
    linker,
    counts,
    asyeStaff: new Set([...asyeStaffAt(w.asye, asAt), ...censusAsyeStaff(w, asAt)]),
  };
}

/** The spells of a staff ID covering D. */
export function coveringSpells(data: DrillData, staffId: string): Spell[] {
  return (data.w.spellsByStaff.get(staffId) ?? []).filter((s) => covers(s.start, s.end, data.asAt));
}

/** The main spell of a person at D among those `which` keeps: the larger FTE, then the later start (staff-at.ts's rule). */
export function mainSpell(data: DrillData, staffId: string, which: (s: Spell) => boolean = () => true): Spell | null {
  let best: Spell | null = null;
  for (const s of coveringSpells(data, staffId)) {
    if (!which(s)) continue;
    if (!best || s.fte > best.fte || (s.fte === best.fte && s.start > best.start)) best = s;
  }
  return best;
}

/** The qualification date a person's spells record, if any. */
export function qualifiedDate(data: DrillData, staffId: string): IsoDate | null {
  return data.mv.qualified.get(staffId) ?? null;
}

export const EMPLOYMENT_LABEL: Record<Spell['type'], string> = {
  permanent: 'Permanent',
  fixed_term: 'Fixed-term',
  agency: 'Agency',
};

/** The columns the lists share, so "Staff ID" or "FTE" reads and formats the same in each. */
export const COLUMN = {
  staffId: { label: 'Staff ID', kind: 'text' },
  team: { label: 'Team', kind: 'text' },
  role: { label: 'Role', kind: 'text' },
  contract: { label: 'Contract', kind: 'text' },
  fte: { label: 'FTE', kind: 'decimal' },
  qualified: { label: 'Qualified', kind: 'date' },
} as const satisfies Record<string, DrillColumn>;

/** A list whose figure is its number of rows. */
export function rowList(data: DrillData, kind: DrillKind, title: string, columns: DrillColumn[], rows: DrillList['rows'], note: string): DrillList {
  return { kind, asAt: data.asAt, title, count: rows.length, columns, rows, note };
}
