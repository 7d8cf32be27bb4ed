// Leavers and starters with the DfE's 7-day rule. A directly employed social-worker spell ends
// in a leaving only if no other directly employed social-worker spell of the same staff ID
// carries on past its end or starts within 7 days after it; a spell starts a joining only if no
// such spell was still running within the 7 days before it. So a change of role, team or FTE
// is not a leaving, while someone who leaves and returns more than 7 days later is a leaver and,
// later, a starter. Each spell is classified once; each date then only counts.
import { addYears, wholeYearsBetween, type IsoDate } from '../../shared/dates';
import { SERVICE_BANDS, YEARS_QUALIFIED_BANDS } from '../../shared/metrics';
import { LEAVING_REASONS } from '../../shared/domain';
import type { Spell, Workforce } from './load';
import { tidy } from './ratio';

/** Days after a spell's end within which a new spell means the person did not leave. */
export const CONTINUITY_DAYS = 7;

export interface Movement {
  spell: Spell;
  /** The leaving date (spell end) or joining date (spell start). */
  date: IsoDate;
}

export interface Movements {
  /** Leaving spells, sorted by end date. */
  leavings: Movement[];
  /** Joining spells, sorted by start date. */
  joinings: Movement[];
  /** Earliest spell start per staff ID, of any role or employment type: DOMAIN.md's "years since first spell". */
  serviceStart: Map<string, IsoDate>;
  /** Qualification date per staff ID (from any spell that records it). */
  qualified: Map<string, IsoDate>;
}

export function classifyMovements(w: Workforce): Movements {
  const leavings: Movement[] = [];
  const joinings: Movement[] = [];
  const serviceStart = new Map<string, IsoDate>();
  const qualified = new Map<string, IsoDate>();
  for (const [staffId, all] of w.spellsByStaff) {
    for (const s of all) {
      if (s.qualified && !qualified.has(staffId)) qualified.set(staffId, s.qualified);
      const first = serviceStart.get(staffId);
      if (!first || s.start < first) serviceStart.set(staffId, s.start);
    }
    const counted = all.filter((s) => s.direct && s.socialWorker);
    for (const s of counted) {
      const start = s.startDay;
      const end = s.endDay;
      let continuesAfter = end === Number.POSITIVE_INFINITY;
      let runningBefore = false;
      for (const t of counted) {
        if (t === s) continue;
        const tStart = t.startDay;
        const tEnd = t.endDay;
        // Another spell still running after s ends, starting no later than 7 days after it.
        if (tEnd > end && tStart <= end + CONTINUITY_DAYS) continuesAfter = true;
        // Another spell that began before s and was still running within the 7 days before it.
        if (tStart < start && tEnd >= start - CONTINUITY_DAYS) runningBefore = true;
      }
      if (!continuesAfter) leavings.push({ spell: s, date: s.end! });
      if (!runningBefore) joinings.push({ spell: s, date: s.start });
    }
  }
  leavings.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  joinings.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { leavings, joinings, serviceStart, qualified };
}

/** Movements dated in the 12 months to D: after D minus one year, up to and including D. */
export function inYearTo(list: readonly Movement[], d: IsoDate): Movement[] {
  const from = addYears(d, -1);
  return list.filter((m) => m.date > from && m.date <= d);
}

/**
 * Headcount counts each person once (their last movement in the window); FTE sums the FTE of
 * every movement's spell, as in-post FTE sums every covering spell.
 */
export function countMovements(list: readonly Movement[]): { headcount: number; fte: number } {
  const people = new Set<string>();
  let fte = 0;
  for (const m of list) {
    people.add(m.spell.staffId);
    fte += m.spell.fte;
  }
  return { headcount: people.size, fte: tidy(fte) };
}

export function serviceBand(years: number): (typeof SERVICE_BANDS)[number] {
  if (years < 2) return '<2';
  if (years < 5) return '2-5';
  if (years < 10) return '5-10';
  if (years < 20) return '10-20';
  return '20+';
}

export function yearsQualifiedBand(years: number): (typeof YEARS_QUALIFIED_BANDS)[number] {
  if (years < 1) return '<1';
  if (years < 2) return '1-2';
  if (years < 3) return '2-3';
  if (years < 5) return '3-5';
  return '5+';
}

export const NOT_KNOWN_BAND = 'not known';

export interface LeaverBreakdowns {
  byReason: Record<string, number>;
  byServiceBand: Record<string, number>;
  byYearsQualified: Record<string, number>;
}

/**
 * Leavers by reason, length of service and years qualified. Each person counts once, by their
 * last leaving in the window, so every breakdown sums to the leavers headcount. A blank reason
 * counts as not_known; a missing qualification date goes in the "not known" band.
 */
export function leaverBreakdowns(leavers: readonly Movement[], mv: Movements): LeaverBreakdowns {
  const last = new Map<string, Movement>();
  for (const m of leavers) last.set(m.spell.staffId, m); // sorted by date: the last one wins
  const byReason: Record<string, number> = Object.fromEntries(LEAVING_REASONS.map((r) => [r, 0]));
  const byServiceBand: Record<string, number> = Object.fromEntries(SERVICE_BANDS.map((b) => [b, 0]));
  const byYearsQualified: Record<string, number> = Object.fromEntries([...YEARS_QUALIFIED_BANDS, NOT_KNOWN_BAND].map((b) => [b, 0]));
  for (const m of last.values()) {
    const id = m.spell.staffId;
    const reason = m.spell.reason ?? 'not_known';
    byReason[reason] = (byReason[reason] ?? 0) + 1;
    const first = mv.serviceStart.get(id) ?? m.spell.start;
    byServiceBand[serviceBand(wholeYearsBetween(first, m.date))]! += 1;
    const q = m.spell.qualified ?? mv.qualified.get(id);
    const band = q && q <= m.date ? yearsQualifiedBand(wholeYearsBetween(q, m.date)) : NOT_KNOWN_BAND;
    byYearsQualified[band]! += 1;
  }
  return { byReason, byServiceBand, byYearsQualified };
}
