// The workforce simulation: day by day over the history, each post's holder may leave, change
// hours, finish a fixed-term contract or an agency assignment; vacant posts are filled by agency
// locums (while the council is above its falling agency target), newly qualified workers at the
// September and March ASYE intakes, internal promotions and transfers (role moves: a new spell,
// the same staff ID, no gap), rejoiners, support workers who qualify, or experienced hires.
import type { LeavingReason, Role } from '../../shared/domain';
import { addMonths, fromDayNumber, toDayNumber } from '../../shared/dates';
import type { SpellRecord } from '../../shared/records';
import { IdIssuer, currentSpell, roleNeedsYears, type Person, type PersonKind } from './people';
import type { Rng } from './prng';
import { planPosts, type PostPlan } from './structure';
import type { ResolvedOptions } from './options';

interface Post extends PostPlan {
  social: boolean;
  holder: Person | null;
  /** Day the holder's current spell started. */
  since: number;
  fillDay: number | null;
  fillAsye: boolean;
}

export interface Workforce {
  people: Person[];
  posts: PostPlan[];
}

const YEAR = 365.25;
const AGENCY_ROLES: readonly Role[] = ['case_holder', 'senior_practitioner', 'first_line_manager', 'qualified_no_cases'];

export interface WorkforcePlan {
  /** Agency share of filled social-work posts at the start and at `agencyPivotDay`. */
  agencyStart: number;
  agencyEnd: number;
  agencyPivotDay: number;
  /** Annual leaving rate of directly employed social workers (before the years-qualified curve). */
  turnoverStart: number;
  turnoverEnd: number;
  /** Share of social-work posts that hold cases. */
  caseHolding: number;
}

export function defaultPlan(opts: ResolvedOptions, rng: Rng): WorkforcePlan {
  const t = opts.targets;
  if (t) {
    const agency = t.agencyFte / (t.agencyFte + t.inPostFte);
    const turnover = t.inPostFte > 0 ? t.leaversFte / t.inPostFte : 0.15;
    return {
      agencyStart: Math.min(0.35, Math.max(agency + 0.05, agency * 2)),
      agencyEnd: agency,
      agencyPivotDay: toDayNumber(t.asAt),
      turnoverStart: turnover,
      turnoverEnd: turnover,
      caseHolding: Math.min(0.8, Math.max(0.3, t.caseHolderFte / (t.inPostFte + t.agencyFte))),
    };
  }
  return {
    agencyStart: 0.26 + rng.next() * 0.08,
    agencyEnd: 0.11 + rng.next() * 0.05,
    agencyPivotDay: toDayNumber(opts.endDate),
    turnoverStart: 0.16 + rng.next() * 0.03,
    turnoverEnd: 0.12 + rng.next() * 0.02,
    caseHolding: 0.72,
  };
}

/**
 * Leaving is likeliest two to three years after qualifying (Shropshire's exit interviews): the
 * ASYE year is protected, the next two are when early-career workers move on, and the longer
 * qualified leave least. The factors are relative; the simulation rescales them each day so
 * that the workforce as a whole still leaves at the planned turnover rate.
 */
export function yearsQualifiedFactor(years: number): number {
  if (years < 1) return 0.4;
  if (years < 2) return 1.6;
  if (years < 3) return 10;
  if (years < 5) return 1.2;
  if (years < 10) return 0.35;
  return 0.2;
}

const REASONS: Partial<Record<LeavingReason, number>> = {
  resignation: 78,
  other: 6,
  not_known: 5,
  moved_within_council: 4,
  dismissed: 3,
  voluntary_redundancy: 2,
  compulsory_redundancy: 1,
  deceased: 0.3,
};

export function simulateWorkforce(opts: ResolvedOptions, plan: WorkforcePlan, rng: Rng, ids: IdIssuer): Workforce {
  const startDay = toDayNumber(opts.startDate);
  const endDay = toDayNumber(opts.endDate);
  const plannedPosts = planPosts(opts.staff, plan.caseHolding);
  const posts: Post[] = [
    ...plannedPosts.social.map((p) => ({ ...p, social: true, holder: null, since: 0, fillDay: null, fillAsye: false })),
    ...plannedPosts.support.map((p) => ({ ...p, social: false, holder: null, since: 0, fillDay: null, fillAsye: false })),
  ];
  const byRole = new Map<Role, Post[]>();
  for (const post of posts) {
    const list = byRole.get(post.role) ?? [];
    list.push(post);
    byRole.set(post.role, list);
  }
  // Filled social-work posts and those filled by agency, kept as posts change hands.
  let filledSocial = 0;
  let agencySocial = 0;
  const setHolder = (post: Post, p: Person | null) => {
    if (post.social) {
      if (post.holder) { filledSocial--; if (post.holder.kind === 'agency') agencySocial--; }
      if (p) { filledSocial++; if (p.kind === 'agency') agencySocial++; }
    }
    post.holder = p;
  };
  const people: Person[] = [];
  const rejoinPool: Person[] = [];

  const frac = (day: number, pivot: number) => Math.min(1, Math.max(0, (day - startDay) / Math.max(1, pivot - startDay)));
  const agencyTarget = (day: number) => plan.agencyStart + (plan.agencyEnd - plan.agencyStart) * frac(day, plan.agencyPivotDay);
  const turnover = (day: number) => plan.turnoverStart + (plan.turnoverEnd - plan.turnoverStart) * frac(day, endDay);

  const yearsQualified = (p: Person, day: number) => (p.qualifiedDay === null ? 0 : (day - p.qualifiedDay) / YEAR);

  function drawFte(kind: PersonKind, asye: boolean): number {
    const fullTime = kind === 'agency' ? 0.94 : asye ? 0.95 : kind === 'support' ? 0.7 : 0.82;
    if (rng.chance(fullTime)) return 1;
    const tenths = rng.weighted({ '8': 6, '6': 4, '5': 3, '9': 2, '7': 2, '4': 1 });
    return Number(tenths) / 10;
  }

  function newPerson(kind: PersonKind, qualifiedDay: number | null): Person {
    const p: Person = {
      staffId: ids.staffId(kind),
      swe: kind === 'support' ? null : ids.sweNumber(),
      qualifiedDay,
      kind,
      spells: [],
      plannedEnd: null,
      failDay: null,
      asye: null,
      leftDay: null,
    };
    people.push(p);
    return p;
  }

  function openSpell(p: Person, post: Post, day: number, fte: number, type: SpellRecord['employment_type']): void {
    p.spells.push({
      staff_id: p.staffId,
      swe_number: p.swe,
      role: post.role,
      team: post.team,
      employment_type: type,
      fte,
      start_date: fromDayNumber(day),
      end_date: null,
      leaving_reason: null,
      qualified_date: p.qualifiedDay === null ? null : fromDayNumber(p.qualifiedDay),
    });
    setHolder(post, p);
    post.since = day;
  }

  function closeSpell(p: Person, day: number, reason: LeavingReason | null): void {
    const s = currentSpell(p);
    if (!s) return;
    s.end_date = fromDayNumber(day);
    s.leaving_reason = reason;
  }

  function nextIntake(day: number): number {
    const earliest = fromDayNumber(day + 21);
    const y = Number(earliest.slice(0, 4));
    const candidates = [`${y}-03-01`, `${y}-09-01`, `${y + 1}-03-01`, `${y + 1}-09-01`].filter((d) => d >= earliest);
    const sept = candidates.find((d) => d.slice(5, 7) === '09')!;
    const march = candidates.find((d) => d.slice(5, 7) === '03')!;
    return toDayNumber(rng.chance(0.65) ? sept : march) + rng.int(0, 13);
  }

  /** The September and March intake days before `day`, latest first. */
  function previousIntakes(day: number): number[] {
    const y = Number(fromDayNumber(day).slice(0, 4));
    return [`${y}-09-01`, `${y}-03-01`, `${y - 1}-09-01`, `${y - 1}-03-01`, `${y - 2}-09-01`]
      .map(toDayNumber)
      .filter((d) => d + 13 < day);
  }

  function vacate(post: Post, day: number, quick = false): void {
    setHolder(post, null);
    post.fillAsye = false;
    // Newly qualified workers fill many case-holding vacancies, and replace agency locums
    // while the council is above its agency target (Nottingham's "grow our own").
    const asyeChance = !quick ? 0.6 : agencyShare() > agencyTarget(day) ? 0.5 : 0;
    if (post.social && post.role === 'case_holder' && rng.chance(asyeChance)) {
      post.fillAsye = true;
      post.fillDay = nextIntake(day);
    } else {
      post.fillDay = day + (quick ? rng.int(1, 10) : 14 + Math.round(rng.exponential(45)));
    }
  }

  function leave(p: Person, post: Post, day: number, reason: LeavingReason | null): void {
    closeSpell(p, day, reason);
    p.leftDay = day;
    p.plannedEnd = null;
    p.failDay = null;
    if (p.kind === 'direct' && reason === 'resignation') rejoinPool.push(p);
    vacate(post, day, p.kind === 'agency');
  }

  function agencyShare(): number {
    return filledSocial === 0 ? 0 : agencySocial / filledSocial;
  }

  function startAsye(p: Person, day: number): void {
    const plannedEnd = toDayNumber(addMonths(fromDayNumber(day), 12));
    const fate = rng.weighted({ passed: 92, extended: 5, failed: 3 });
    p.asye = { start: day, plannedEnd, fate };
    if (fate === 'failed') p.failDay = plannedEnd + rng.int(1, 20);
  }

  function hireDirect(post: Post, day: number, qualifiedDay: number | null, asye: boolean): Person {
    const p = newPerson(post.social ? 'direct' : 'support', qualifiedDay);
    const fixedTerm = !asye && rng.chance(0.1);
    openSpell(p, post, day, drawFte(p.kind, asye), fixedTerm ? 'fixed_term' : 'permanent');
    if (fixedTerm) p.plannedEnd = toDayNumber(addMonths(fromDayNumber(day), rng.int(6, 18)));
    if (asye) startAsye(p, day);
    return p;
  }

  /** Someone moves into `post` from their current post: their spell ends the day before. */
  function moveIn(p: Person, post: Post, day: number, from: Post): void {
    const old = currentSpell(p)!;
    closeSpell(p, day - 1, null);
    openSpell(p, post, day, old.fte, old.employment_type === 'agency' ? 'agency' : 'permanent');
    p.plannedEnd = p.kind === 'agency' ? p.plannedEnd : null;
    vacate(from, day - 1);
  }

  function findInternal(day: number, roles: readonly Role[], minYears: number, except: Post, otherTeam = false): Post | null {
    const found: Post[] = [];
    for (const q of roles.flatMap((r) => byRole.get(r) ?? [])) {
      const h = q.holder;
      if (!h || q === except || h.kind === 'agency') continue;
      if (otherTeam && q.team === except.team) continue;
      if (q.since > day - 90) continue;
      if (h.kind === 'direct' && yearsQualified(h, day) < minYears) continue;
      if (h.asye && day <= h.asye.plannedEnd + 30) continue;
      found.push(q);
    }
    return found.length ? rng.pick(found) : null;
  }

  function fill(post: Post, day: number): void {
    post.fillDay = null;
    if (post.fillAsye) {
      post.fillAsye = false;
      // Grow our own: a support worker who has qualified takes an ASYE post.
      if (rng.chance(0.15)) {
        const from = findInternal(day, ['support_worker'], 0, post);
        if (from && from.since < day - 700) {
          const p = from.holder!;
          p.kind = 'direct';
          p.qualifiedDay = day - rng.int(20, 80);
          p.swe = ids.sweNumber();
          moveIn(p, post, day, from);
          startAsye(p, day);
          return;
        }
      }
      hireDirect(post, day, day - rng.int(30, 120), true);
      return;
    }
    if (post.social && AGENCY_ROLES.includes(post.role) && agencyShare() < agencyTarget(day)) {
      const yq = 2 + rng.exponential(6);
      const p = newPerson('agency', day - Math.round(Math.max(yq, roleNeedsYears(post.role) + 0.5) * YEAR));
      openSpell(p, post, day, drawFte('agency', false), 'agency');
      p.plannedEnd = day + Math.max(28, Math.round(rng.exponential(210)));
      return;
    }
    if (!post.social) {
      hireDirect(post, day, null, false);
      return;
    }
    const internal: Partial<Record<Role, [readonly Role[], number, number]>> = {
      senior_practitioner: [['case_holder'], 3, 0.5],
      first_line_manager: [['senior_practitioner'], 5, 0.5],
      middle_manager: [['first_line_manager'], 8, 0.4],
      senior_manager: [['middle_manager'], 12, 0.3],
      qualified_no_cases: [['case_holder', 'senior_practitioner'], 5, 0.3],
      case_holder: [['case_holder'], 1, 0.1],
    };
    const rule = internal[post.role];
    if (rule && rng.chance(rule[2])) {
      const from = findInternal(day, rule[0], rule[1], post, post.role === 'case_holder');
      if (from) {
        moveIn(from.holder!, post, day, from);
        return;
      }
    }
    if (rng.chance(0.08)) {
      const back = rejoinPool.findIndex((p) => p.leftDay !== null && day - p.leftDay > 90 && day - p.leftDay < 4 * YEAR
        && yearsQualified(p, day) >= roleNeedsYears(post.role));
      if (back >= 0) {
        const p = rejoinPool.splice(back, 1)[0]!;
        openSpell(p, post, day, drawFte('direct', false), 'permanent');
        return;
      }
    }
    hireDirect(post, day, day - Math.round(externalHireYears(post.role) * YEAR), false);
  }

  /**
   * Years qualified of someone hired from outside. Six in ten case holders recruited are
   * early-career workers moving from another council one to three and a half years after
   * qualifying (movers like those whose leaving makes the two-to-three-year peak); the rest are
   * experienced.
   */
  function externalHireYears(role: Role): number {
    if (role === 'case_holder' && rng.chance(0.6)) return 1.2 + rng.next() * 2.3;
    return Math.max(roleNeedsYears(role) + rng.next() * 3, 1 + rng.exponential(5));
  }

  // The council as it stood the day the history begins.
  const years = [0.5, 1.5, 2.5, 4, 7.5, 15, 25];
  const yearWeights = { '0': 10, '1': 12, '2': 12, '3': 18, '4': 24, '5': 17, '6': 7 };
  for (const post of posts) {
    if (rng.chance(0.06)) {
      post.fillDay = startDay + rng.int(1, 60);
      continue;
    }
    if (post.social && AGENCY_ROLES.includes(post.role) && rng.chance(plan.agencyStart)) {
      const p = newPerson('agency', startDay - Math.round((roleNeedsYears(post.role) + 2 + rng.exponential(5)) * YEAR));
      openSpell(p, post, startDay - rng.int(1, 240), drawFte('agency', false), 'agency');
      p.plannedEnd = startDay + rng.int(10, 300);
      continue;
    }
    if (!post.social) {
      const p = newPerson('support', null);
      openSpell(p, post, startDay - 1 - Math.round(rng.exponential(4) * YEAR), drawFte('support', false), 'permanent');
      continue;
    }
    const band = Number(rng.weighted(yearWeights));
    // Case holders keep the band drawn (so the council starts with early-career workers in
    // every year of the pipeline); other roles need their years of experience.
    const drawn = years[band]! + (rng.next() - 0.5) * (band === 0 ? 0.8 : 1);
    const needs = roleNeedsYears(post.role);
    let yq = needs > 0 ? Math.max(needs + rng.next() * 3, drawn) : drawn;
    if (post.role !== 'case_holder') yq = Math.max(yq, 1.2);
    const asye = yq < 1;
    let qualifiedDay = startDay - Math.round(yq * YEAR);
    let start = Math.max(qualifiedDay + 30, startDay - 1 - Math.round(rng.exponential(5) * YEAR));
    if (asye) {
      // ASYEs in their first year started at one of the last two intakes.
      start = previousIntakes(startDay)[rng.int(0, 1)]! + rng.int(0, 13);
      if (start >= startDay) start = startDay - 1;
      qualifiedDay = start - rng.int(30, 120);
    }
    const p = newPerson('direct', qualifiedDay);
    const fixedTerm = !asye && rng.chance(0.06);
    openSpell(p, post, start, drawFte('direct', asye), fixedTerm ? 'fixed_term' : 'permanent');
    if (fixedTerm) p.plannedEnd = startDay + rng.int(30, 400);
    if (asye) startAsye(p, start);
  }

  for (let day = startDay; day <= endDay; day++) {
    const nearEnd = endDay - day < 45;
    // The years-qualified curve shapes who leaves, not how many: scale it so its average over
    // today's directly employed social workers is 1.
    let factorSum = 0;
    let directCount = 0;
    for (const post of posts) {
      const h = post.holder;
      if (!h || h.kind !== 'direct') continue;
      factorSum += yearsQualifiedFactor(yearsQualified(h, day));
      directCount++;
    }
    const curveScale = factorSum > 0 ? directCount / factorSum : 1;
    for (const post of posts) {
      const p = post.holder;
      if (!p) {
        if (post.fillDay === day) fill(post, day);
        continue;
      }
      if (post.since >= day) continue;
      const s = currentSpell(p)!;
      if (p.kind === 'agency') {
        if (p.plannedEnd !== null && day >= p.plannedEnd) leave(p, post, day, null);
        continue;
      }
      if (p.failDay === day) {
        leave(p, post, day, 'dismissed');
        continue;
      }
      if (p.plannedEnd === day && s.employment_type === 'fixed_term') {
        if (day < endDay && rng.chance(0.5)) {
          closeSpell(p, day, null);
          openSpell(p, post, day + 1, s.fte, 'permanent');
          p.plannedEnd = null;
        } else {
          leave(p, post, day, 'other');
        }
        continue;
      }
      const yq = yearsQualified(p, day);
      const base = p.kind === 'support' ? 0.14 : turnover(day) * curveScale * yearsQualifiedFactor(yq);
      if (rng.chance(base / YEAR)) {
        let reason = rng.weighted(REASONS as Record<LeavingReason, number>);
        if (nearEnd && rng.chance(0.4)) reason = 'not_yet_collected';
        leave(p, post, day, reason);
        continue;
      }
      if (yq >= 25 && rng.chance(0.06 / YEAR)) {
        leave(p, post, day, 'retired');
        continue;
      }
      if (day < endDay && rng.chance(0.04 / YEAR)) {
        // A change of hours starts a new spell in the same post.
        const fte = s.fte === 1 ? Number(rng.pick(['0.8', '0.6', '0.5'])) : 1;
        closeSpell(p, day, null);
        openSpell(p, post, day + 1, fte, s.employment_type);
      }
    }
  }

  return { people, posts: posts.map(({ role, team }) => ({ role, team })) };
}
