// The shape of the synthetic council: its teams, the posts in each, the mix of cases each team
// holds and how long allocations last. Calibrated to the seeds: Peterborough (team support
// workers holding about 40% of child-in-need cases at about 15 each; agency locums), Shropshire
// (leavers clustering at two to three years qualified) and Nottingham's 2018 scrutiny paper
// (ASYE protected caseloads of no more than 15; agency workers falling from 65 to 23).
import type { CaseType, Role } from '../../shared/domain';

/** Teams whose social workers hold children's cases. */
export const CASE_TEAMS = [
  'Duty and Assessment',
  'Child Protection',
  'Children in Care',
  'Care Leavers',
  'Disabled Children',
] as const;
export type CaseTeam = (typeof CASE_TEAMS)[number];

export const QA_TEAM = 'Safeguarding and Quality Assurance';
export const LEADERSHIP_TEAM = 'Senior Leadership';

/** Share of the case-holding teams' posts in each team. */
export const CASE_TEAM_SHARE: Record<CaseTeam, number> = {
  'Duty and Assessment': 0.26,
  'Child Protection': 0.26,
  'Children in Care': 0.24,
  'Care Leavers': 0.1,
  'Disabled Children': 0.14,
};

/** What a social worker in each team holds. */
export const TEAM_CASE_MIX: Record<CaseTeam, Partial<Record<CaseType, number>>> = {
  'Duty and Assessment': { CIN: 0.72, CP: 0.12, other: 0.16 },
  'Child Protection': { CP: 0.55, CIN: 0.4, CLA: 0.05 },
  'Children in Care': { CLA: 0.92, care_leaver: 0.04, CP: 0.04 },
  'Care Leavers': { care_leaver: 0.9, CLA: 0.1 },
  'Disabled Children': { CIN: 0.55, CLA: 0.25, CP: 0.15, other: 0.05 },
};

/** Teams with team support workers, and their share of the support posts. */
export const SUPPORT_TEAM_SHARE: Partial<Record<CaseTeam, number>> = {
  'Duty and Assessment': 0.35,
  'Child Protection': 0.4,
  'Disabled Children': 0.25,
};

/** Mean allocation length in days: short assessments at the front door, long care episodes. */
export function meanAllocationDays(team: CaseTeam, type: CaseType): number {
  if (team === 'Duty and Assessment') return type === 'other' ? 20 : 40;
  switch (type) {
    case 'CIN': return 170;
    case 'CP': return 260;
    case 'CLA': return 420;
    case 'care_leaver': return 480;
    case 'other': return 45;
  }
}

/** Roles that hold children's cases in this council (managers and IROs hold none). */
export function holdsCases(role: Role, team: string | null): boolean {
  if (role !== 'case_holder' && role !== 'senior_practitioner' && role !== 'support_worker') return false;
  return (CASE_TEAMS as readonly string[]).includes(team ?? '');
}

/** Caseload a full-time worker is aimed at (the worker's own draw sits within these bounds). */
export const CASELOAD_RANGE = {
  case_holder: [16, 23],
  senior_practitioner: [12, 18],
  support_worker: [13, 17],
  asye: [10, 15],
} as const;
export const ASYE_CAP = 15;

export interface PostPlan {
  role: Role;
  team: string;
}

/**
 * The social-work and support posts of a council with `staff` social-work posts. `caseHolding`
 * is the share of social-work posts that hold cases (case holders and senior practitioners);
 * the rest are managers and qualified staff without cases.
 */
export function planPosts(staff: number, caseHolding = 0.72): { social: PostPlan[]; support: PostPlan[] } {
  const social: PostPlan[] = [];
  const senior = Math.max(1, Math.round(staff * 0.015));
  const middle = Math.max(1, Math.round(staff * 0.035));
  for (let i = 0; i < senior; i++) social.push({ role: 'senior_manager', team: LEADERSHIP_TEAM });
  for (let i = 0; i < middle; i++) social.push({ role: 'middle_manager', team: CASE_TEAMS[i % CASE_TEAMS.length]! });
  const rest = staff - senior - middle;
  const holding = Math.min(rest, Math.round(staff * caseHolding));
  const flm = Math.max(1, Math.round(holding / 7));
  const iro = Math.max(0, rest - holding - flm);
  // IROs and child-protection chairs first fill the quality assurance team; a council whose
  // case holders are a small share has qualified staff without cases in the teams too.
  const qaPosts = Math.min(iro, Math.max(1, Math.round(staff * 0.07)));
  for (let i = 0; i < qaPosts; i++) social.push({ role: 'qualified_no_cases', team: QA_TEAM });
  const inTeamNoCases = iro - qaPosts;
  const teamCounts = apportion(holding, CASE_TEAM_SHARE);
  const flmCounts = apportion(flm, CASE_TEAM_SHARE);
  const noCaseCounts = apportion(inTeamNoCases, CASE_TEAM_SHARE);
  for (const team of CASE_TEAMS) {
    const n = teamCounts[team];
    const sp = Math.round(n / 6);
    for (let i = 0; i < flmCounts[team]; i++) social.push({ role: 'first_line_manager', team });
    for (let i = 0; i < sp; i++) social.push({ role: 'senior_practitioner', team });
    for (let i = 0; i < n - sp; i++) social.push({ role: 'case_holder', team });
    for (let i = 0; i < noCaseCounts[team]; i++) social.push({ role: 'qualified_no_cases', team });
  }
  // Support workers hold about 40% of all CIN cases at about 15 each, so their number follows
  // from the CIN cases the social workers in their teams hold.
  let swCin = 0;
  for (const p of social) {
    if (!holdsCases(p.role, p.team)) continue;
    const [lo, hi] = CASELOAD_RANGE[p.role === 'senior_practitioner' ? 'senior_practitioner' : 'case_holder'];
    const mix = TEAM_CASE_MIX[p.team as CaseTeam];
    if (SUPPORT_TEAM_SHARE[p.team as CaseTeam]) swCin += ((lo + hi) / 2) * 0.93 * (mix.CIN ?? 0);
  }
  const supportTotal = Math.max(1, Math.round((swCin * (0.4 / 0.6)) / 15));
  const support: PostPlan[] = [];
  const supportCounts = apportion(supportTotal, SUPPORT_TEAM_SHARE as Record<string, number>);
  for (const [team, n] of Object.entries(supportCounts)) {
    for (let i = 0; i < n; i++) support.push({ role: 'support_worker', team });
  }
  return { social, support };
}

/** Splits a whole number by shares (largest remainder), so the parts always add up. */
export function apportion<K extends string>(total: number, shares: Record<K, number>): Record<K, number> {
  const keys = Object.keys(shares) as K[];
  const sum = keys.reduce((s, k) => s + shares[k], 0);
  const out = {} as Record<K, number>;
  const rema: [K, number][] = [];
  let used = 0;
  for (const k of keys) {
    const exact = (total * shares[k]) / sum;
    out[k] = Math.floor(exact);
    used += out[k];
    rema.push([k, exact - out[k]]);
  }
  rema.sort((a, b) => b[1] - a[1]);
  for (let i = 0; i < total - used; i++) out[rema[i % rema.length]![0]] += 1;
  return out;
}
