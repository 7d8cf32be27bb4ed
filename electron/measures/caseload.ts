// Caseloads at one date: cases held, case holders and both averages, for all social workers,
// the ASYE and non-ASYE groups, support workers and each team.
//  - A case holder is a social worker (in post or agency) at D holding at least one allocation
//    covering D; their FTE is the sum of their covering social-work spells, their team that of
//    their main covering spell (staff-at.ts).
//  - Support workers' cases are counted only in their own group, never in social-worker figures.
//  - Allocations held at D by anyone who is neither (a staff ID with no covering spell, a
//    leaver whose allocation was not closed) are left out of every figure and reported as
//    casesNotCounted, which the app shows as a data-quality warning.
import type { CaseloadGroup, TeamCaseload } from '../../shared/metrics';
import type { CaseCount } from './cases';
import { isSocialWorkerAt, isSupportWorkerAt, type StaffAt } from './staff-at';
import { percent, ratio, tidy } from './ratio';

import { NO_TEAM_LABEL as NO_TEAM } from '../../shared/filters';

export { NO_TEAM };

class Group {
  cases = 0;
  headcount = 0;
  fte = 0;
  add(cases: number, fte: number): void {
    this.cases += cases;
    this.headcount++;
    this.fte += fte;
  }
  result(): CaseloadGroup {
    this.fte = tidy(this.fte);
    return {
      cases: this.cases,
      caseHolders: { headcount: this.headcount, fte: this.fte },
      averageFte: ratio(this.cases, this.fte),
      averagePerWorker: ratio(this.cases, this.headcount),
    };
  }
}

export interface CaseloadAt extends CaseloadGroup {
  groups: { asye: CaseloadGroup; excludingAsye: CaseloadGroup; supportWorkers: CaseloadGroup };
  byTeam: TeamCaseload[];
  overThreshold: number;
  asyeOverCap: number;
  supportWorkerCinShare: number | null;
  casesNotCounted: number;
  /** CIN cases held by social workers, and by support workers, at D. */
  cinHeldBySocialWorkers: number;
  cinHeldBySupportWorkers: number;
}

export function caseloadAt(
  at: Map<string, StaffAt>,
  counts: Map<string, CaseCount>,
  asyeStaff: Set<string>,
  limits: { caseloadThreshold: number; asyeCap: number },
): CaseloadAt {
  const all = new Group();
  const asye = new Group();
  const notAsye = new Group();
  const support = new Group();
  const teams = new Map<string, Group>();
  let overThreshold = 0;
  let asyeOverCap = 0;
  let swCin = 0;
  let supportCin = 0;
  let casesNotCounted = 0;
  for (const [staffId, c] of counts) {
    if (c.all <= 0) continue;
    const s = at.get(staffId);
    if (s && isSocialWorkerAt(s)) {
      const fte = s.directSwFte + s.agencySwFte;
      all.add(c.all, fte);
      swCin += c.cin;
      if (c.all > limits.caseloadThreshold) overThreshold++;
      if (asyeStaff.has(staffId)) {
        asye.add(c.all, fte);
        if (c.all > limits.asyeCap) asyeOverCap++;
      } else {
        notAsye.add(c.all, fte);
      }
      const team = s.team ?? NO_TEAM;
      let g = teams.get(team);
      if (!g) teams.set(team, (g = new Group()));
      g.add(c.all, fte);
    } else if (s && isSupportWorkerAt(s)) {
      support.add(c.all, s.supportFte);
      supportCin += c.cin;
    } else {
      casesNotCounted += c.all;
    }
  }
  return {
    ...all.result(),
    groups: { asye: asye.result(), excludingAsye: notAsye.result(), supportWorkers: support.result() },
    byTeam: [...teams.entries()]
      .sort(([a], [b]) => a.localeCompare(b, 'en-GB'))
      .map(([team, g]) => ({ team, ...g.result() })),
    overThreshold,
    asyeOverCap,
    supportWorkerCinShare: percent(supportCin, swCin + supportCin),
    casesNotCounted,
    cinHeldBySocialWorkers: swCin,
    cinHeldBySupportWorkers: supportCin,
  };
}
