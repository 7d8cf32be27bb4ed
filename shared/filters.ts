// Filters on the measures: which part of the workforce a figure is for (a team, a role group, an
// employment type). Pure data and words, shared by the measures engine, the contract, the command
// line and the overview's filter bar. What a filter means for each measure: docs/measures.md, "Filters".
import { EMPLOYMENT_TYPES, type EmploymentType, type Role } from './domain';

export const ROLE_GROUPS = ['managers', 'practitioners', 'qualified_no_cases', 'support_workers'] as const;
export type RoleGroup = (typeof ROLE_GROUPS)[number];

export const ROLE_GROUP_LABEL: Record<RoleGroup, string> = {
  managers: 'Managers',
  practitioners: 'Senior practitioners and case holders',
  qualified_no_cases: 'Qualified, without cases',
  support_workers: 'Support workers',
};

const GROUP_OF_ROLE: Record<Role, RoleGroup> = {
  senior_manager: 'managers',
  middle_manager: 'managers',
  first_line_manager: 'managers',
  senior_practitioner: 'practitioners',
  case_holder: 'practitioners',
  qualified_no_cases: 'qualified_no_cases',
  support_worker: 'support_workers',
};

export function roleGroupOf(role: Role): RoleGroup {
  return GROUP_OF_ROLE[role];
}

export const EMPLOYMENT_LABEL: Record<EmploymentType, string> = {
  permanent: 'Permanent',
  fixed_term: 'Fixed-term',
  agency: 'Agency',
};

/** The words a spell with no team is filtered (and listed) under, as the caseload table names it. */
export const NO_TEAM_LABEL = 'No team recorded';

/** Each list, when given and not empty, keeps only the spells with one of its values; lists combine with "and". */
export interface MeasureFilter {
  teams?: string[];
  roleGroups?: RoleGroup[];
  employment?: EmploymentType[];
}

/** The filter with empty lists dropped and values sorted and unique; null when it selects everything. */
export function normaliseFilter(f: MeasureFilter | null | undefined): MeasureFilter | null {
  if (!f) return null;
  const out: MeasureFilter = {};
  const tidy = <T extends string>(xs: readonly T[] | undefined) => (xs && xs.length ? [...new Set(xs)].sort() : undefined);
  const teams = tidy(f.teams);
  const roleGroups = tidy(f.roleGroups);
  const employment = tidy(f.employment);
  if (teams) out.teams = teams;
  if (roleGroups) out.roleGroups = roleGroups;
  if (employment) out.employment = employment;
  return Object.keys(out).length ? out : null;
}

/** What the filter shows, in words: "Assessment East, permanent staff" ("All staff" with none). */
export function describeFilter(f: MeasureFilter | null | undefined): string {
  const n = normaliseFilter(f);
  if (!n) return 'All staff';
  const list = (xs: string[]) => (xs.length <= 2 ? xs.join(' and ') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
  const parts: string[] = [];
  if (n.teams) parts.push(list(n.teams));
  if (n.roleGroups) parts.push(list(n.roleGroups.map((g) => ROLE_GROUP_LABEL[g].toLowerCase())));
  if (n.employment) {
    const all = EMPLOYMENT_TYPES.every((t) => n.employment!.includes(t));
    if (!all) parts.push(`${list(n.employment.map((t) => EMPLOYMENT_LABEL[t].toLowerCase()))} staff`);
  }
  return parts.length ? parts.join(', ') : 'All staff';
}

/** The teams, role groups and employment types present in the data: what the filters can choose. */
export interface FilterChoices {
  teams: string[];
  roleGroups: RoleGroup[];
  employment: EmploymentType[];
}
