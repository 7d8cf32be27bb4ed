// The case-management simulation: day by day, each case-holding worker's caseload is topped up
// towards their own target with new cases of their team's mix; allocations end when the work
// does, and some cases move on (assessment to child protection, child protection to care, care
// to care leaver); when a worker leaves or changes team their cases go to colleagues. Only open
// allocations are held in memory: closed ones are handed out at once, so a million rows need no
// more memory than a thousand.
import type { CaseType } from '../../shared/domain';
import { fromDayNumber, toDayNumber } from '../../shared/dates';
import type { AllocationRecord, SpellRecord } from '../../shared/records';
import type { IdIssuer } from './people';
import { createRng, deriveSeed, type Rng } from './prng';
import { ASYE_CAP, CASELOAD_RANGE, TEAM_CASE_MIX, holdsCases, meanAllocationDays, type CaseTeam } from './structure';

export interface CaseloadInput {
  seed: number;
  startDate: string;
  endDate: string;
  spells: readonly SpellRecord[];
  /** Protected ASYE period per staff ID (inclusive day numbers). */
  asye: ReadonlyMap<string, { start: number; end: number }>;
  ids: IdIssuer;
  /** Calibration: exactly this many social-worker cases held at this date. */
  pin?: { day: number; cases: number } | null;
  /** Multiplies how long allocations last (below 1: more, shorter allocations). */
  durationScale?: number;
}

interface Alloc {
  caseId: string;
  type: CaseType;
  worker: Worker;
  team: CaseTeam;
  start: number;
  plannedEnd: number;
  closed: boolean;
  slot: number;
}

interface Worker {
  staffId: string;
  support: boolean;
  spell: SpellRecord | null;
  team: CaseTeam | null;
  target: number;
  asyeTarget: number;
  asye: { start: number; end: number } | null;
  open: Alloc[];
  rosterSlot: number;
}

type Transfer = [to: CaseTeam, type: CaseType, p: number];

/** Where a case goes when an allocation ends, if it continues. */
function transfers(team: CaseTeam, type: CaseType): Transfer[] {
  switch (team) {
    case 'Duty and Assessment':
      if (type === 'CIN') return [['Child Protection', 'CIN', 0.22], ['Child Protection', 'CP', 0.1], ['Disabled Children', 'CIN', 0.04]];
      if (type === 'CP') return [['Child Protection', 'CP', 0.9]];
      return [['Duty and Assessment', 'CIN', 0.05]];
    case 'Child Protection':
      if (type === 'CP') return [['Children in Care', 'CLA', 0.2], ['Child Protection', 'CIN', 0.25]];
      return [['Child Protection', 'CIN', 0.05]];
    case 'Children in Care':
      if (type === 'CLA') return [['Care Leavers', 'care_leaver', 0.15], ['Children in Care', 'CLA', 0.06]];
      return [];
    case 'Care Leavers':
      return [['Care Leavers', 'care_leaver', 0.05]];
    case 'Disabled Children':
      return [['Disabled Children', type, 0.05]];
  }
}

function pickType(rng: Rng, team: CaseTeam): CaseType {
  return rng.weighted(TEAM_CASE_MIX[team] as Record<CaseType, number>);
}

export function* simulateCaseload(input: CaseloadInput): Generator<AllocationRecord> {
  const rng = createRng(deriveSeed(input.seed, 'caseload'));
  const startDay = toDayNumber(input.startDate);
  const endDay = toDayNumber(input.endDate);
  const scale = input.durationScale ?? 1;

  const workers = new Map<string, Worker>();
  const spellStarts = new Map<number, SpellRecord[]>();
  const spellEnds = new Map<number, SpellRecord[]>();
  const spellsByStaff = new Map<string, SpellRecord[]>();
  const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  for (const s of input.spells) {
    push(spellsByStaff, s.staff_id, s);
    if (!holdsCases(s.role, s.team)) continue;
    if (!workers.has(s.staff_id)) {
      workers.set(s.staff_id, {
        staffId: s.staff_id, support: s.role === 'support_worker', spell: null, team: null, target: 0, asyeTarget: 0,
        asye: input.asye.get(s.staff_id) ?? null, open: [], rosterSlot: -1,
      });
    }
    push(spellStarts, toDayNumber(s.start_date), s);
    if (s.end_date !== null) push(spellEnds, toDayNumber(s.end_date), s);
  }

  const rosters = new Map<CaseTeam, Worker[]>();
  const ends = new Map<number, Alloc[]>();
  let out: AllocationRecord[] = [];
  const movedToday = new Set<string>();

  const targetOn = (w: Worker, day: number) =>
    w.asye && day >= w.asye.start && day <= w.asye.end ? w.asyeTarget : w.target;
  const meanDays = (team: CaseTeam, type: CaseType) => meanAllocationDays(team, type) * scale;

  function emit(a: Alloc, end: number | null): void {
    out.push({
      case_id: a.caseId, case_type: a.type, staff_id: a.worker.staffId, team: a.team,
      start_date: fromDayNumber(a.start), end_date: end === null ? null : fromDayNumber(end),
    });
  }

  function allocate(w: Worker, caseId: string, type: CaseType, start: number, plannedEnd: number): Alloc {
    const a: Alloc = { caseId, type, worker: w, team: w.team!, start, plannedEnd, closed: false, slot: w.open.length };
    w.open.push(a);
    if (plannedEnd <= endDay) push(ends, plannedEnd, a);
    return a;
  }

  function detach(a: Alloc): void {
    const list = a.worker.open;
    const last = list.pop()!;
    if (last !== a) {
      list[a.slot] = last;
      last.slot = a.slot;
    }
    a.closed = true;
  }

  function activate(w: Worker, s: SpellRecord): void {
    w.spell = s;
    w.team = s.team as CaseTeam;
    // A support worker who qualifies becomes a social worker with their next spell.
    w.support = s.role === 'support_worker';
    const range = w.support ? CASELOAD_RANGE.support_worker
      : s.role === 'senior_practitioner' ? CASELOAD_RANGE.senior_practitioner : CASELOAD_RANGE.case_holder;
    w.target = Math.max(1, Math.round(s.fte * (range[0] + rng.next() * (range[1] - range[0]))));
    const [alo, ahi] = CASELOAD_RANGE.asye;
    w.asyeTarget = Math.min(ASYE_CAP, Math.max(1, Math.round(s.fte * (alo + rng.next() * (ahi - alo)))));
    let roster = rosters.get(w.team);
    if (!roster) rosters.set(w.team, (roster = []));
    w.rosterSlot = roster.length;
    roster.push(w);
  }

  function deactivate(w: Worker): void {
    const roster = rosters.get(w.team!)!;
    const last = roster.pop()!;
    if (last !== w) {
      roster[w.rosterSlot] = last;
      last.rosterSlot = w.rosterSlot;
    }
    w.spell = null;
    w.team = null;
    w.rosterSlot = -1;
  }

  /** A colleague in `team` with room for a case of this type (a few tried, the emptiest wins). */
  function colleague(team: CaseTeam, type: CaseType, day: number, except: Worker | null, over: number): Worker | null {
    const roster = rosters.get(team);
    if (!roster || roster.length === 0) return null;
    let best: Worker | null = null;
    let bestRoom = -Infinity;
    for (let i = 0; i < 6; i++) {
      const w = roster[Math.floor(rng.next() * roster.length)]!;
      if (w === except || (w.support && type !== 'CIN')) continue;
      const protectedNow = w.asye !== null && day >= w.asye.start && day <= w.asye.end;
      const room = targetOn(w, day) - w.open.length;
      if (protectedNow && w.open.length >= ASYE_CAP) continue;
      if (room > bestRoom) { best = w; bestRoom = room; }
    }
    return best && bestRoom + over > 0 ? best : null;
  }

  function newCase(w: Worker, day: number): void {
    const team = w.team!;
    const type: CaseType = w.support ? 'CIN' : pickType(rng, team);
    const caseId = input.ids.caseId();
    const plannedEnd = day + Math.round(rng.exponential(meanDays(team, type)));
    allocate(w, caseId, type, day, plannedEnd);
    // Co-working: a second worker (often a support worker on a CIN case) alongside the first.
    if (team !== 'Care Leavers' && rng.chance(0.05)) {
      const other = colleague(team, type, day, w, 1);
      if (other) allocate(other, caseId, type, day, Math.min(plannedEnd, day + Math.round(rng.exponential(meanDays(team, type) / 2))));
    }
  }

  function moveOn(a: Alloc, day: number, forced: boolean): void {
    // A co-worked case whose two allocations end together moves on once.
    if (movedToday.has(a.caseId)) return;
    let to: CaseTeam = a.team;
    let type: CaseType = a.type;
    if (!forced) {
      let r = rng.next();
      let moved = false;
      for (const [team, t, p] of transfers(a.team, a.type)) {
        if (r < p) { to = team; type = t; moved = true; break; }
        r -= p;
      }
      if (!moved) return;
    } else if (!rng.chance(0.92)) {
      return;
    }
    const w = colleague(to, type, day, a.worker, forced ? 4 : 2);
    if (!w) return;
    movedToday.add(a.caseId);
    allocate(w, a.caseId, type, day, day + Math.round(rng.exponential(meanDays(to, type))));
  }

  // Caseloads already open when the history begins.
  for (const s of input.spells) {
    if (!holdsCases(s.role, s.team)) continue;
    const first = toDayNumber(s.start_date);
    if (first >= startDay || (s.end_date !== null && toDayNumber(s.end_date) < startDay)) continue;
    const w = workers.get(s.staff_id)!;
    activate(w, s);
    const n = Math.max(0, targetOn(w, startDay) - rng.int(0, 2));
    for (let i = 0; i < n; i++) {
      const type: CaseType = w.support ? 'CIN' : pickType(rng, w.team!);
      const mean = meanDays(w.team!, type);
      const start = Math.max(first, startDay - Math.round(rng.next() * mean * 1.5));
      allocate(w, input.ids.caseId(), type, start, startDay + Math.round(rng.exponential(mean)));
    }
  }

  for (let day = startDay; day <= endDay; day++) {
    movedToday.clear();
    // Workers whose spell ended yesterday leave their rosters first, so no case moves to them.
    const ending = spellEnds.get(day - 1);
    const handedOver: Alloc[] = [];
    if (ending) {
      for (const s of ending) {
        const w = workers.get(s.staff_id)!;
        if (w.spell !== s) continue;
        const next = spellsByStaff.get(s.staff_id)!.find((o) => o.start_date === fromDayNumber(day));
        const team = w.team;
        deactivate(w);
        if (next && holdsCases(next.role, next.team) && next.team === team && next.role !== 'support_worker') {
          activate(w, next);
          continue;
        }
        for (const a of w.open.slice()) {
          detach(a);
          emit(a, day - 1);
          handedOver.push(a);
        }
      }
    }
    const due = ends.get(day - 1);
    if (due) {
      ends.delete(day - 1);
      for (const a of due) {
        if (a.closed) continue;
        detach(a);
        emit(a, day - 1);
        moveOn(a, day, false);
      }
    }
    for (const a of handedOver) moveOn(a, day, true);
    const starting = spellStarts.get(day);
    if (starting) {
      for (const s of starting) {
        const w = workers.get(s.staff_id)!;
        if (w.spell === s) continue;
        if (w.spell) deactivate(w);
        activate(w, s);
      }
    }
    for (const roster of rosters.values()) {
      for (let i = 0; i < roster.length; i++) {
        const w = roster[i]!;
        const deficit = targetOn(w, day) - w.open.length;
        for (let k = 0; k < deficit; k++) if (rng.chance(0.35)) newCase(w, day);
      }
    }
    if (input.pin && input.pin.day === day) pinCases(input.pin.cases, day);
    if (out.length) {
      yield* out;
      out = [];
    }
  }
  for (const w of workers.values()) for (const a of w.open) emit(a, null);
  yield* out;

  /** Calibration: every social-worker case holder holds at least one case, and exactly `cases` in all. */
  function pinCases(cases: number, day: number): void {
    const holders: Worker[] = [];
    for (const roster of rosters.values()) for (const w of roster) if (!w.support) holders.push(w);
    holders.sort((a, b) => (a.staffId < b.staffId ? -1 : 1));
    for (const w of holders) if (w.open.length === 0) newCase(w, day);
    let held = holders.reduce((n, w) => n + w.open.length, 0);
    let progress = true;
    while (held !== cases && progress) {
      progress = false;
      for (const w of holders) {
        if (held === cases) break;
        const protectedNow = w.asye !== null && day >= w.asye.start && day <= w.asye.end;
        if (held < cases) {
          if (protectedNow && w.open.length >= ASYE_CAP) continue;
          allocate(w, input.ids.caseId(), pickType(rng, w.team!), day, day + Math.round(rng.exponential(meanDays(w.team!, 'CIN'))));
          held++;
          progress = true;
        } else {
          if (w.open.length <= 1) continue;
          const a = w.open.find((x) => x.start < day);
          if (!a) continue;
          detach(a);
          emit(a, day - 1);
          held--;
          progress = true;
        }
      }
    }
    if (held !== cases) throw new Error(`Calibration cannot reach ${cases} cases held (reached ${held}).`);
  }
}
