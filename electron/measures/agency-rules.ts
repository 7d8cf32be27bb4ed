// The DfE's statutory guidance on agency social workers in children's social care ("Child and
// family social worker workforce: statutory guidance on agency use", in force for new assignments
// from 31 October 2024 and for every assignment from 1 October 2025), checked against what the
// council's own records show (docs/measures.md, "The agency rules"):
//  - an agency social worker needs at least three years' post-qualifying experience;
//  - a social worker who leaves a permanent post may not return to work as an agency social
//    worker in the same region within three months;
//  - an assignment's hourly charge rate stays within the regional price cap for its role, where
//    the agency file gives the rate and region and the council has imported its caps.
// Only what the records can show is checked: exemptions are the council's to record, and whether
// project teams are used is not in any export the product takes.
import type { Db } from '../db/open';
import { addMonths, addYears, type IsoDate } from '../../shared/dates';
import type { Role } from '../../shared/domain';
import type { AgencyRules, ChargeRateCheck } from '../../shared/metrics';
import { norm } from '../import/normalise';
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

export function agencyRulesAt(w: Workforce, mv: Movements, d: IsoDate, db?: Db): AgencyRules {
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
    chargeRates: db ? chargeRatesAt(db, covered, d) : noCapsCheck(),
  };
}

function noCapsCheck(): ChargeRateCheck {
  return { capsImported: false, capsFrom: null, checked: 0, overCount: 0, over: [], rateNotRecorded: 0, noCapCount: 0, noCap: [], agreedBeforeCaps: 0 };
}

interface RatedSpell {
  staff_id: string;
  role: Role;
  start_date: IsoDate;
  end_date: IsoDate | null;
  charge_rate: number | null;
  region: string | null;
  assignment_ref: string | null;
}

interface Cap {
  region: string;
  role_title: string;
  role: Role;
  max_rate: number;
  effective_from: IsoDate;
}

/**
 * Each covered assignment's rate is the one on its spell covering D (the latest spell of the
 * assignment started by D), checked against the cap for its region and role in force when that
 * spell started, since a rate is agreed when the spell starts and a later change of cap does not
 * re-price it. A rate agreed before any cap for its region and role is held to the first such cap
 * once the guidance covers every assignment (1 October 2025), and is counted apart before then.
 * Where two cap roles fall in one census role (senior social worker and advanced practitioner are
 * both senior practitioners), the higher cap is used: the records cannot tell them apart.
 */
function chargeRatesAt(db: Db, covered: readonly Assignment[], d: IsoDate): ChargeRateCheck {
  const caps = db.prepare(`SELECT region, role_title, role, max_rate, effective_from FROM agency_cap ORDER BY effective_from`).all() as Cap[];
  const out = noCapsCheck();
  if (caps.length === 0) return out;
  out.capsImported = true;
  out.capsFrom = caps[0]!.effective_from;
  const capsFor = new Map<string, Cap[]>();
  for (const c of caps) {
    const key = `${norm(c.region)}\u0000${c.role}`;
    let list = capsFor.get(key);
    if (!list) capsFor.set(key, (list = []));
    list.push(c);
  }
  const spells = db
    .prepare(
      `SELECT staff_id, role, start_date, end_date, charge_rate, region, assignment_ref FROM spell
       WHERE employment_type = 'agency' AND role <> 'support_worker' AND start_date <= ? ORDER BY staff_id, start_date`,
    )
    .all(d) as RatedSpell[];
  const byStaff = new Map<string, RatedSpell[]>();
  for (const s of spells) {
    let list = byStaff.get(s.staff_id);
    if (!list) byStaff.set(s.staff_id, (list = []));
    list.push(s);
  }
  for (const a of covered) {
    const s = (byStaff.get(a.staffId) ?? []).filter((x) => x.start_date >= a.start).pop();
    if (!s || s.charge_rate === null) {
      out.rateNotRecorded++;
      continue;
    }
    const list = s.region === null ? [] : (capsFor.get(`${norm(s.region)}\u0000${s.role}`) ?? []);
    const inForce = list.filter((c) => c.effective_from <= d);
    if (inForce.length === 0) {
      out.noCap.push({ staffId: a.staffId, assignmentRef: s.assignment_ref, region: s.region, role: s.role, chargeRate: s.charge_rate });
      continue;
    }
    const atAgreement = inForce.filter((c) => c.effective_from <= s.start_date);
    let from: IsoDate;
    if (atAgreement.length > 0) from = atAgreement[atAgreement.length - 1]!.effective_from;
    else if (d >= RULES_ALL_ASSIGNMENTS_FROM) from = inForce[0]!.effective_from;
    else {
      out.agreedBeforeCaps++;
      continue;
    }
    // The highest cap of that date among the cap roles placed in this census role.
    const cap = inForce.filter((c) => c.effective_from === from).reduce((x, y) => (y.max_rate > x.max_rate ? y : x));
    out.checked++;
    if (s.charge_rate > cap.max_rate) {
      out.over.push({
        staffId: a.staffId, assignmentRef: s.assignment_ref, region: s.region!, role: s.role, chargeRate: s.charge_rate,
        cap: cap.max_rate, capRole: cap.role_title, capFrom: cap.effective_from, rateFrom: s.start_date,
      });
    }
  }
  out.overCount = out.over.length;
  out.noCapCount = out.noCap.length;
  return out;
}
