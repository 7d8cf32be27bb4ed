// The overview's filter applied to the data before any list is worked out: the lists are the
// rows behind the figures computed for the same subset, so a spell outside the filter is not
// there at all (as if the export had left it out), never hidden afterwards.
import type { Role } from '../../shared/domain';
import type { DrillFilter, RoleGroup } from '../../shared/drill';
import type { EstablishmentEntry, Spell, Workforce } from '../measures/load';

const GROUP_OF: Record<Role, RoleGroup> = {
  senior_manager: 'managers',
  middle_manager: 'managers',
  first_line_manager: 'managers',
  senior_practitioner: 'practitioners',
  case_holder: 'practitioners',
  qualified_no_cases: 'practitioners',
  support_worker: 'support_workers',
};

export function roleGroupOf(role: Role): RoleGroup {
  return GROUP_OF[role];
}

const keeps = <T>(list: readonly T[] | undefined, value: T): boolean => !list || list.length === 0 || list.includes(value);

export function isFiltered(filter: DrillFilter | undefined): boolean {
  return !!filter && [filter.teams, filter.roleGroups, filter.employment].some((l) => l !== undefined && l.length > 0);
}

function keepSpell(f: DrillFilter, s: Spell): boolean {
  return keeps(f.teams, s.team ?? '') && keeps(f.roleGroups, roleGroupOf(s.role)) && keeps(f.employment, s.type);
}

function keepPost(f: DrillFilter, e: EstablishmentEntry): boolean {
  return keeps(f.teams, e.team) && keeps(f.roleGroups, roleGroupOf(e.role));
}

/** The workforce with only the spells (and funded posts) the filter keeps. */
export function filterWorkforce(w: Workforce, filter: DrillFilter | undefined): Workforce {
  if (!filter || !isFiltered(filter)) return w;
  const spells = w.spells.filter((s) => keepSpell(filter, s));
  const spellsByStaff = new Map<string, Spell[]>();
  for (const s of spells) {
    let list = spellsByStaff.get(s.staffId);
    if (!list) spellsByStaff.set(s.staffId, (list = []));
    list.push(s);
  }
  const kept = new Set(spellsByStaff.keys());
  return {
    spells,
    spellsByStaff,
    asye: w.asye.filter((a) => kept.has(a.staffId)),
    establishment: w.establishment.filter((e) => keepPost(filter, e)),
    // The census LA-level module is one council-wide row: it cannot be split by team or role.
    censusLa: isFiltered(filter) ? [] : w.censusLa,
  };
}
