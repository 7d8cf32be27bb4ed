// The ASYE register read on a date: who is an ASYE worker at D, and each cohort's progress.
// The programme length is never assumed: the register's own planned end (12 months by default,
// 24 for the Early Career Development Programme) and outcome dates decide.
import { addMonths, type IsoDate } from '../../shared/dates';
import type { AsyeCohort } from '../../shared/metrics';
import { covers, type AsyeEntry, type Workforce } from './load';
import type { CaseCount } from './cases';
import type { StaffAt } from './staff-at';
import { isSocialWorkerAt } from './staff-at';
import { percent, ratio } from './ratio';

/**
 * The last day of an ASYE: the outcome date when it ended in a pass, fail or withdrawal
 * (the planned end if that date is blank); otherwise (in progress, extended) the planned end
 * date, which is where a council records an extension.
 */
export function asyeLastDay(a: AsyeEntry): IsoDate {
  if (a.outcome === 'passed' || a.outcome === 'failed' || a.outcome === 'withdrawn') return a.outcomeDate ?? a.plannedEnd;
  return a.plannedEnd;
}

/** A worker is "ASYE at D" when one of their ASYE records runs from its start to its last day covering D. */
export function isAsyeOn(a: AsyeEntry, d: IsoDate): boolean {
  return covers(a.start, asyeLastDay(a), d);
}

export function asyeStaffAt(asye: readonly AsyeEntry[], d: IsoDate): Set<string> {
  const out = new Set<string>();
  for (const a of asye) if (isAsyeOn(a, d)) out.add(a.staffId);
  return out;
}

/** A social worker (in post or agency) at D: a register not yet updated for a leaver does not keep them in progress. */
function workingAsSocialWorker(at: Map<string, StaffAt>, staffId: string): boolean {
  const s = at.get(staffId);
  return s !== undefined && isSocialWorkerAt(s);
}

/** Still employed by the council (any directly employed spell, any role) on a date. */
function employedOn(w: Workforce, staffId: string, d: IsoDate): boolean {
  return (w.spellsByStaff.get(staffId) ?? []).some((s) => s.direct && covers(s.start, s.end, d));
}

/**
 * Cohorts of ASYE records started on or before D. Outcome counts include an outcome only once
 * its outcome date (when recorded) is on or before D, so a past as-at date is not told the
 * future. Retention at 12 / 24 months after each member's ASYE start is null until every
 * member has reached that anniversary by D.
 */
export function asyeCohorts(
  w: Workforce,
  d: IsoDate,
  at: Map<string, StaffAt>,
  counts: Map<string, CaseCount>,
  cap: number,
): AsyeCohort[] {
  const groups = new Map<string, AsyeEntry[]>();
  for (const a of w.asye) {
    if (a.start > d) continue;
    let g = groups.get(a.cohort);
    if (!g) groups.set(a.cohort, (g = []));
    g.push(a);
  }
  const out: (AsyeCohort & { firstStart: IsoDate })[] = [];
  for (const [cohort, members] of groups) {
    const known = (outcome: AsyeEntry['outcome']) =>
      members.filter((m) => m.outcome === outcome && (m.outcomeDate === null || m.outcomeDate <= d)).length;
    const retained = (months: number): number | null => {
      const due = members.map((m) => addMonths(m.start, months));
      if (due.some((x) => x > d)) return null;
      return percent(members.filter((m, i) => employedOn(w, m.staffId, due[i]!)).length, members.length);
    };
    let cases = 0;
    let holders = 0;
    let overCap = 0;
    for (const m of members) {
      if (!isAsyeOn(m, d)) continue;
      const s = at.get(m.staffId);
      const c = counts.get(m.staffId);
      if (!s || !isSocialWorkerAt(s) || !c) continue;
      cases += c.all;
      holders++;
      if (c.all > cap) overCap++;
    }
    out.push({
      cohort,
      firstStart: members.reduce((x, m) => (m.start < x ? m.start : x), members[0]!.start),
      size: new Set(members.map((m) => m.staffId)).size,
      inProgress: new Set(members.filter((m) => isAsyeOn(m, d) && workingAsSocialWorker(at, m.staffId)).map((m) => m.staffId)).size,
      passed: known('passed'),
      failed: known('failed'),
      extended: known('extended'),
      withdrawn: known('withdrawn'),
      retained12m: retained(12),
      retained24m: retained(24),
      cases,
      caseHolders: holders,
      averagePerWorker: ratio(cases, holders),
      overCap,
    });
  }
  out.sort((a, b) => (a.firstStart < b.firstStart ? -1 : a.firstStart > b.firstStart ? 1 : a.cohort < b.cohort ? -1 : 1));
  return out.map(({ firstStart: _f, ...c }) => c);
}

/**
 * Each social worker (in post or agency) in their ASYE at D, once: the last day of their current
 * ASYE record and the cases they hold at D. The planning screen projects from these.
 */
export function asyeInProgress(w: Workforce, d: IsoDate, at: Map<string, StaffAt>, counts: Map<string, CaseCount>): Array<{ lastDay: IsoDate; cases: number }> {
  const last = new Map<string, IsoDate>();
  for (const a of w.asye) {
    if (!isAsyeOn(a, d) || !workingAsSocialWorker(at, a.staffId)) continue;
    const day = asyeLastDay(a);
    const seen = last.get(a.staffId);
    if (!seen || day > seen) last.set(a.staffId, day);
  }
  return [...last.entries()]
    .map(([staffId, lastDay]) => ({ lastDay, cases: counts.get(staffId)?.all ?? 0 }))
    .sort((a, b) => (a.lastDay < b.lastDay ? -1 : a.lastDay > b.lastDay ? 1 : a.cases - b.cases));
}
