// Calibration: after the simulation, nudge the council so that at the chosen date its totals are
// exactly the targets (e.g. a published DfE row). Each step only touches people or spells that
// cannot move the totals fixed by the steps before it: agency-only people, then people in post,
// then leavers who are gone by the date, then roles (which decide who holds cases).
import { isDirectlyEmployed, isSocialWorkerRole, type LeavingReason, type Role } from '../../shared/domain';
import { addDays, addYears, fromDayNumber, toDayNumber, type IsoDate } from '../../shared/dates';
import type { SpellRecord } from '../../shared/records';
import type { CalibrationTargets, ResolvedOptions } from './options';
import { IdIssuer, type Person, type PersonKind } from './people';
import type { Rng } from './prng';
import { CASE_TEAMS, holdsCases } from './structure';

const YEAR = 365.25;

export function covers(s: SpellRecord, d: IsoDate): boolean {
  return s.start_date <= d && (s.end_date === null || s.end_date >= d);
}

function isDirectSw(s: SpellRecord): boolean {
  return isSocialWorkerRole(s.role) && isDirectlyEmployed(s.employment_type);
}

/** Spells of social workers present at d: directly employed (in post) or agency. */
export function presentSpells(people: readonly Person[], d: IsoDate, agency: boolean): SpellRecord[] {
  const out: SpellRecord[] = [];
  for (const p of people) {
    for (const s of p.spells) {
      if (!covers(s, d) || !isSocialWorkerRole(s.role)) continue;
      if ((s.employment_type === 'agency') === agency) out.push(s);
    }
  }
  return out;
}

/** Leaving spells under the DOMAIN.md definition (not followed within 7 days by another). */
export function leaverSpells(people: readonly Person[], d: IsoDate): SpellRecord[] {
  const from = addYears(d, -1);
  const out: SpellRecord[] = [];
  for (const p of people) {
    for (const s of p.spells) {
      if (!isDirectSw(s) || s.end_date === null || s.end_date <= from || s.end_date > d) continue;
      const limit = addDays(s.end_date, 7);
      const followed = p.spells.some((o) => o !== s && isDirectSw(o) && o.start_date > s.start_date && o.start_date <= limit);
      if (!followed) out.push(s);
    }
  }
  return out;
}

const tenths = (fte: number) => Math.round(fte * 10);
const sumTenths = (spells: readonly SpellRecord[]) => spells.reduce((n, s) => n + tenths(s.fte), 0);

/** Moves FTEs a tenth at a time, round the spells, until they add up to `target` tenths. */
function adjustTenths(spells: SpellRecord[], target: number, lo: number, rng: Rng, what: string): void {
  let diff = target - sumTenths(spells);
  const order = rng.shuffled(spells);
  while (diff !== 0) {
    let moved = false;
    for (const s of order) {
      if (diff === 0) break;
      const t = tenths(s.fte);
      if (diff > 0 && t < 10) { s.fte = (t + 1) / 10; diff--; moved = true; }
      else if (diff < 0 && t > lo) { s.fte = (t - 1) / 10; diff++; moved = true; }
    }
    if (!moved) throw new Error(`Calibration cannot reach the ${what} target.`);
  }
}

/** Indices of items whose weights add up to exactly `target`, or null. */
export function subsetSum(weights: readonly number[], target: number): number[] | null {
  if (target < 0) return null;
  const reach = new Int32Array(target + 1).fill(-2);
  reach[0] = -1;
  weights.forEach((w, i) => {
    for (let s = target; s >= w; s--) if (reach[s] === -2 && reach[s - w] !== -2) reach[s] = i;
  });
  if (reach[target] === -2) return null;
  const picked: number[] = [];
  for (let s = target; s > 0; ) {
    const i = reach[s]!;
    picked.push(i);
    s -= weights[i]!;
  }
  return picked;
}

export function calibrate(people: Person[], targets: CalibrationTargets, opts: ResolvedOptions, rng: Rng, ids: IdIssuer): void {
  const d = targets.asAt;
  const dDay = toDayNumber(d);
  const endDay = toDayNumber(opts.endDate);
  const fte10 = (x: number) => Math.round(x * 10);
  const presentAt = (p: Person) => p.spells.some((s) => covers(s, d));
  const remove = (p: Person) => people.splice(people.indexOf(p), 1);
  const caseTeam = () => rng.pick(CASE_TEAMS);

  function add(kind: PersonKind, role: Role, start: number, end: number | null, qualifiedDay: number, reason: LeavingReason | null): Person {
    const p: Person = {
      staffId: ids.staffId(kind), swe: ids.sweNumber(), qualifiedDay, kind, plannedEnd: null, failDay: null,
      asye: null, leftDay: end, calibrated: true,
      spells: [],
    };
    p.spells.push({
      staff_id: p.staffId, swe_number: p.swe, role, team: role === 'qualified_no_cases' ? rng.pick(CASE_TEAMS) : caseTeam(),
      employment_type: kind === 'agency' ? 'agency' : 'permanent', fte: 1, start_date: fromDayNumber(start),
      end_date: end === null ? null : fromDayNumber(end), leaving_reason: reason, qualified_date: fromDayNumber(qualifiedDay),
    });
    people.push(p);
    return p;
  }

  // 1. Agency workers at D: whole-time locums, the last one part-time if the target needs it.
  const agencyTarget = fte10(targets.agencyFte);
  const agencyCount = Math.ceil(agencyTarget / 10);
  const agencyPeople = people.filter((p) => p.spells.every((s) => s.employment_type === 'agency') && presentSpells([p], d, true).length > 0);
  for (const p of rng.shuffled(agencyPeople).slice(0, Math.max(0, agencyPeople.length - agencyCount))) remove(p);
  for (let n = agencyPeople.length; n < agencyCount; n++) {
    const start = dDay - rng.int(20, 300);
    const end = dDay + rng.int(20, 200);
    add('agency', 'case_holder', start, end >= endDay ? null : end, start - Math.round((3 + rng.next() * 8) * YEAR), null);
  }
  adjustTenths(presentSpells(people, d, true), agencyTarget, 1, rng, 'agency FTE');

  // 2. Directly employed social workers in post at D: headcount, then FTE.
  const inPostPeople = () => people.filter((p) => p.spells.some((s) => covers(s, d) && isDirectSw(s)));
  const inPost = inPostPeople();
  const surplus = inPost.length - targets.inPostHeadcount;
  // People in their ASYE year go last, so that the council keeps its newly qualified workers.
  const inAsye = (p: Person) => p.asye !== null && p.asye.plannedEnd >= dDay;
  const removable = [...rng.shuffled(inPost.filter((p) => !inAsye(p))), ...rng.shuffled(inPost.filter(inAsye))];
  for (const p of removable.slice(0, Math.max(0, surplus))) remove(p);
  for (let n = inPost.length; n < targets.inPostHeadcount; n++) {
    const start = dDay - rng.int(400, 3000);
    add('direct', rng.chance(0.7) ? 'case_holder' : 'qualified_no_cases', start, null, start - Math.round((1 + rng.next() * 10) * YEAR), null);
  }
  const inPostTarget = fte10(targets.inPostFte);
  adjustTenths(presentSpells(people, d, false), inPostTarget, inPostTarget >= 4 * targets.inPostHeadcount ? 4 : 1, rng, 'in-post FTE');

  // 3. Leavers in the year to D, among people no longer there at D.
  const leaverTarget = fte10(targets.leaversFte);
  const wanted = Math.round(leaverTarget / 10 / 0.93);
  const gone = (p: Person) => !presentAt(p) && leaverSpells([p], d).length > 0;
  let leavers = leaverSpells(people, d);
  for (const p of rng.shuffled(people.filter(gone))) {
    if (leavers.length <= wanted) break;
    remove(p);
    leavers = leaverSpells(people, d);
  }
  const addLeaver = () => {
    const end = dDay - rng.int(1, 360);
    // Shropshire: leavers cluster at two to three years qualified.
    const qualified = end - Math.round((rng.chance(0.5) ? 2 + rng.next() : 1 + rng.next() * 12) * YEAR);
    const start = Math.max(qualified + 30, end - rng.int(200, 2500));
    const reason = rng.weighted({ resignation: 80, other: 6, not_known: 5, retired: 4, dismissed: 3, voluntary_redundancy: 2 });
    add('direct', 'case_holder', start, end, qualified, reason);
  };
  for (let n = leavers.length; n < wanted; n++) addLeaver();
  for (;;) {
    leavers = leaverSpells(people, d);
    const fixed = leavers.filter((s) => s.end_date === d);
    const adjustable = leavers.filter((s) => s.end_date !== d);
    const fixedSum = sumTenths(fixed);
    if (leaverTarget > fixedSum + 10 * adjustable.length) { addLeaver(); continue; }
    if (leaverTarget < fixedSum + 3 * adjustable.length) {
      const victim = people.find((p) => gone(p) && leaverSpells([p], d).every((s) => s.end_date !== d));
      if (!victim) throw new Error('Calibration cannot reach the leavers FTE target.');
      remove(victim);
      continue;
    }
    adjustTenths(adjustable, leaverTarget - fixedSum, 3, rng, 'leavers FTE');
    break;
  }

  // 4. Case holders at D: who holds cases follows from role and team, so set roles until the
  // holders' FTE is exactly the target (ASYE workers in their protected year always hold cases).
  const present = [...presentSpells(people, d, false), ...presentSpells(people, d, true)];
  const asyeStaff = new Set(people.filter((p) => p.asye && p.asye.start <= dDay && p.asye.plannedEnd >= dDay).map((p) => p.staffId));
  const holderTarget = fte10(targets.caseHolderFte);
  const holding = present.filter((s) => holdsCases(s.role, s.team));
  const diff = holderTarget - sumTenths(holding);
  const makeHolder = (s: SpellRecord) => {
    if (holdsCases(s.role, s.team)) return;
    s.role = s.role === 'first_line_manager' || s.role === 'middle_manager' ? 'senior_practitioner' : 'case_holder';
    if (!(CASE_TEAMS as readonly string[]).includes(s.team ?? '')) s.team = caseTeam();
  };
  const makeNonHolder = (s: SpellRecord) => {
    if (holdsCases(s.role, s.team)) s.role = 'qualified_no_cases';
  };
  const pool = rng.shuffled(diff > 0
    ? present.filter((s) => !holdsCases(s.role, s.team) && s.role !== 'senior_manager')
    : holding.filter((s) => !asyeStaff.has(s.staff_id)));
  const picked = subsetSum(pool.map((s) => tenths(s.fte)), Math.abs(diff));
  if (picked) {
    for (const i of picked) (diff > 0 ? makeHolder : makeNonHolder)(pool[i]!);
  } else {
    // No small change lands exactly: choose the whole set of holders afresh.
    const forced = present.filter((s) => asyeStaff.has(s.staff_id));
    const free = rng.shuffled(present.filter((s) => !asyeStaff.has(s.staff_id)));
    const all = subsetSum(free.map((s) => tenths(s.fte)), holderTarget - sumTenths(forced));
    if (!all) throw new Error('Calibration cannot reach the case-holder FTE target.');
    const chosen = new Set(all.map((i) => free[i]!));
    for (const s of forced) makeHolder(s);
    for (const s of free) (chosen.has(s) ? makeHolder : makeNonHolder)(s);
  }
}
