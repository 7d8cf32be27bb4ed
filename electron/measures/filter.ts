// A filter selects HR spells (team, role group, employment type); the measures are then computed
// over the selected spells as if the HR file held only those, except where docs/measures.md
// ("Filters") says otherwise: leaving and joining are still decided over the whole council (a move
// between teams is not a leaver), and a case holder counts in the selection of their main spell at
// D, so every case is in exactly one team.
import type { Db } from '../db/open';
import { EMPLOYMENT_TYPES, ROLES } from '../../shared/domain';
import { NO_TEAM_LABEL, ROLE_GROUPS, roleGroupOf, type FilterChoices, type MeasureFilter } from '../../shared/filters';
import type { Spell, Workforce } from './load';
import type { Movements } from './movers';

export type SpellTest = (s: Pick<Spell, 'team' | 'role' | 'type'>) => boolean;

export function spellTest(f: MeasureFilter): SpellTest {
  const teams = f.teams ? new Set(f.teams) : null;
  const groups = f.roleGroups ? new Set(f.roleGroups) : null;
  const types = f.employment ? new Set(f.employment) : null;
  return (s) =>
    (!teams || teams.has(s.team ?? NO_TEAM_LABEL)) && (!groups || groups.has(roleGroupOf(s.role))) && (!types || types.has(s.type));
}

/**
 * The selected part of the workforce. The establishment follows the team and role-group choices
 * only: funded posts are not split by contract type. ASYE records are kept for people with a
 * selected spell; the census LA-level module is council-wide and is dropped.
 */
export function filterWorkforce(w: Workforce, f: MeasureFilter, test: SpellTest = spellTest(f)): Workforce {
  const spells = w.spells.filter(test);
  const spellsByStaff = new Map<string, Spell[]>();
  for (const s of spells) {
    let list = spellsByStaff.get(s.staffId);
    if (!list) spellsByStaff.set(s.staffId, (list = []));
    list.push(s);
  }
  const postTest = spellTest({ ...f, employment: undefined });
  return {
    spells,
    spellsByStaff,
    asye: w.asye.filter((a) => spellsByStaff.has(a.staffId)),
    establishment: w.establishment.filter((e) => postTest({ team: e.team, role: e.role, type: 'permanent' })),
    censusLa: [],
  };
}

/** Leavings and joinings decided over the whole council, kept when their spell is selected. */
export function filterMovements(mv: Movements, test: SpellTest): Movements {
  return { ...mv, leavings: mv.leavings.filter((m) => test(m.spell)), joinings: mv.joinings.filter((m) => test(m.spell)) };
}

/** What the filters can choose: the teams, role groups and employment types the HR spells hold. */
export function filterChoices(db: Db): FilterChoices {
  const rows = db.prepare(`SELECT DISTINCT team, role, employment_type FROM spell`).raw().all() as [string | null, string, string][];
  const teams = new Set<string>();
  const groups = new Set<string>();
  const types = new Set<string>();
  for (const [team, role, type] of rows) {
    teams.add(team ?? NO_TEAM_LABEL);
    if ((ROLES as readonly string[]).includes(role)) groups.add(roleGroupOf(role as (typeof ROLES)[number]));
    types.add(type);
  }
  return {
    teams: [...teams].sort((a, b) => a.localeCompare(b, 'en-GB')),
    roleGroups: ROLE_GROUPS.filter((g) => groups.has(g)),
    employment: EMPLOYMENT_TYPES.filter((t) => types.has(t)),
  };
}

/**
 * The team names nearest a mistyped one, nearest first: edit distance (case ignored) to the whole
 * name or to any run of as many of its words ("Asessment" finds "Duty and Assessment").
 */
export function nearestTeams(wanted: string, teams: readonly string[], max = 3): string[] {
  const w = wanted.toLowerCase().trim();
  const k = w.split(/\s+/).length;
  const score = (team: string) => {
    const words = team.toLowerCase().split(/\s+/);
    let best = distance(w, words.join(' '));
    for (let i = 0; i + k <= words.length; i++) best = Math.min(best, distance(w, words.slice(i, i + k).join(' ')));
    return best;
  };
  const limit = Math.max(2, Math.floor(w.length / 3));
  return teams
    .map((t) => ({ t, d: score(t) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.t.localeCompare(b.t))
    .slice(0, max)
    .map((x) => x.t);
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
