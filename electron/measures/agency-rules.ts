// The DfE's statutory guidance on agency social workers in children's social care ("Child and
// family social worker workforce: statutory guidance on agency use", in force for new assignments
// from 31 October 2024 and for every assignment from 1 October 2025), checked against what the
// council's own records show (docs/measures.md, "The agency rules"):
//  - an agency social worker needs at least three years' post-qualifying experience;
//  - a social worker who leaves a permanent post may not return to work as an agency social
//    worker in the same region within three months.
// Only what the records can show is checked: charge rates against the regional price caps need
// data the council's agency supplier holds, and exemptions are the council's to record.
import { addMonths, addYears, type IsoDate } from '../../shared/dates';
import type { AgencyRules } from '../../shared/metrics';
import type { Spell, Workforce } from './load';
import type { Movements } from './movers';
import { CONTINUITY_DAYS } from './movers';

/** Assignments starting on or after this date were covered from the start. */
export const RULES_NEW_ASSIGNMENTS_FROM: IsoDate = '2024-10-31';
/** From this date every assignment is covered, whenever it started. */
export const RULES_ALL_ASSIGNMENTS_FROM: IsoDate = '2025-10-01';
export const MIN_YEARS_QUALIFIED = 3;
export const RETURN_GAP_MONTHS = 3;

/**
 * A continuous agency assignment: a run of a worker's agency social-work spells each starting no
 * more than 7 days after the previous one ended (a change of team or FTE is not a new assignment).
 */
interface Assignment {
  staffId: string;
  swe: string | null;
  start: IsoDate;
  end: IsoDate | null;
  qualified: IsoDate | null;
}

function assignments(w: Workforce, qualified: Map<string, IsoDate>): Assignment[] {
  const out: Assignment[] = [];
  for (const [staffId, spells] of w.spellsByStaff) {
    let current: Assignment | null = null;
    let currentEndDay = 0;
    for (const s of spells.filter((x) => x.type === 'agency' && x.socialWorker)) {
      if (current && s.startDay <= currentEndDay + CONTINUITY_DAYS) {
        if (s.endDay > currentEndDay) {
          current.end = s.end;
          currentEndDay = s.endDay;
        }
        continue;
      }
      current = { staffId, swe: s.swe, start: s.start, end: s.end, qualified: s.qualified ?? qualified.get(staffId) ?? null };
      currentEndDay = s.endDay;
      out.push(current);
    }
  }
  return out;
}

/** Is the assignment covered by the guidance at D? */
export function inScope(assignmentStart: IsoDate, d: IsoDate): boolean {
  return assignmentStart >= RULES_NEW_ASSIGNMENTS_FROM || d >= RULES_ALL_ASSIGNMENTS_FROM;
}

export function agencyRulesAt(w: Workforce, mv: Movements, d: IsoDate): AgencyRules {
  const all = assignments(w, mv.qualified);
  const current = all.filter((a) => a.start <= d && (a.end === null || a.end >= d));
  const covered = current.filter((a) => inScope(a.start, d));

  const underThreeYears: AgencyRules['experience']['under'] = [];
  let unknown = 0;
  for (const a of covered) {
    if (!a.qualified) {
      unknown++;
      continue;
    }
    const threeYears = addYears(a.qualified, MIN_YEARS_QUALIFIED);
    if (threeYears > a.start) underThreeYears.push({ staffId: a.staffId, assignmentStart: a.start, qualified: a.qualified });
  }

  // Leavers from a directly employed (permanent or fixed-term) social-work post, matched to agency
  // assignments by Social Work England number, or by staff ID where the same ID is kept.
  const leavingsByPerson = new Map<string, IsoDate[]>();
  const personOf = (s: Pick<Spell, 'staffId' | 'swe'>) => (s.swe ? `swe:${s.swe.toUpperCase()}` : `id:${s.staffId}`);
  for (const m of mv.leavings) {
    for (const key of new Set([personOf(m.spell), `id:${m.spell.staffId}`])) {
      let list = leavingsByPerson.get(key);
      if (!list) leavingsByPerson.set(key, (list = []));
      list.push(m.date);
    }
  }
  const from = addYears(d, -1);
  const returners: AgencyRules['returners']['list'] = [];
  let starts = 0;
  for (const a of all) {
    // Assignments starting in the 12 months to D that the guidance covered when they started.
    if (a.start <= from || a.start > d || a.start < RULES_NEW_ASSIGNMENTS_FROM) continue;
    starts++;
    const left = [...new Set([...(leavingsByPerson.get(personOf(a)) ?? []), ...(leavingsByPerson.get(`id:${a.staffId}`) ?? [])])]
      .filter((x) => x < a.start && addMonths(x, RETURN_GAP_MONTHS) >= a.start)
      .sort()
      .pop();
    if (left) returners.push({ staffId: a.staffId, sweNumber: a.swe, leftPost: left, agencyStart: a.start });
  }

  return {
    newAssignmentsFrom: RULES_NEW_ASSIGNMENTS_FROM,
    allAssignmentsFrom: RULES_ALL_ASSIGNMENTS_FROM,
    assignments: current.length,
    covered: covered.length,
    experience: { under: underThreeYears, underCount: underThreeYears.length, qualificationNotKnown: unknown },
    returners: { checked: starts, count: returners.length, list: returners },
  };
}
