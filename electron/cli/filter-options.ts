// --team, --role-group and --employment: the overview's filters on the command line. Each may be
// repeated or given as a comma list; names are matched ignoring case, and a team not in the data
// is refused with the nearest names the staff records hold.
import { UsageError } from './command';
import { EMPLOYMENT_TYPES, type EmploymentType } from '../../shared/domain';
import { EMPLOYMENT_LABEL, ROLE_GROUP_LABEL, ROLE_GROUPS, type FilterChoices, type MeasureFilter, type RoleGroup } from '../../shared/filters';
import { nearestTeams } from '../measures/filter';

export const FILTER_OPTIONS = {
  team: { type: 'string', multiple: true },
  'role-group': { type: 'string', multiple: true },
  employment: { type: 'string', multiple: true },
} as const;

export const FILTER_USAGE =
  '  --team        only this team (repeat, or a comma list: --team "Assessment East,Children in care")\n' +
  `  --role-group  only these roles: ${ROLE_GROUPS.join(', ')}\n` +
  `  --employment  only these contracts: ${EMPLOYMENT_TYPES.join(', ')}`;

const items = (v: unknown): string[] =>
  (Array.isArray(v) ? v : typeof v === 'string' ? [v] : [])
    .flatMap((x) => String(x).split(','))
    .map((x) => x.trim())
    .filter((x) => x.length > 0);

const key = (s: string) => s.toLowerCase().replace(/[\s-]+/g, '_');

export function parseFilterOptions(values: Record<string, unknown>, choices: () => FilterChoices): MeasureFilter | undefined {
  const teams = items(values.team);
  const groups = items(values['role-group']);
  const types = items(values.employment);
  if (!teams.length && !groups.length && !types.length) return undefined;
  const filter: MeasureFilter = {};
  if (teams.length) {
    const known = choices().teams;
    filter.teams = teams.map((t) => {
      const found = known.find((k) => k.toLowerCase() === t.toLowerCase());
      if (found) return found;
      const near = nearestTeams(t, known);
      const hint = near.length ? ` Did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : '';
      throw new UsageError(`No staff record has the team "${t}".${hint} The teams in your data are: ${known.join(', ') || 'none (no staff records imported)'}.`);
    });
  }
  if (groups.length) {
    filter.roleGroups = groups.map((g) => {
      const found = ROLE_GROUPS.find((r) => r === key(g) || key(ROLE_GROUP_LABEL[r]) === key(g));
      if (!found) throw new UsageError(`--role-group "${g}" is not a role group. Use one of: ${ROLE_GROUPS.map((r) => `${r} (${ROLE_GROUP_LABEL[r]})`).join(', ')}.`);
      return found as RoleGroup;
    });
  }
  if (types.length) {
    filter.employment = types.map((t) => {
      const found = EMPLOYMENT_TYPES.find((e) => e === key(t) || key(EMPLOYMENT_LABEL[e]) === key(t));
      if (!found) throw new UsageError(`--employment "${t}" is not an employment type. Use one of: ${EMPLOYMENT_TYPES.join(', ')}.`);
      return found as EmploymentType;
    });
  }
  return filter;
}
