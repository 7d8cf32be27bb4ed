// Whether the overview's filter selects anything less than the whole council. The filter itself
// is the measures engine's (electron/measures/filter.ts), so lists and figures agree.
import type { DrillFilter } from '../../shared/drill';

export function isFiltered(filter: DrillFilter | undefined): boolean {
  return !!filter && [filter.teams, filter.roleGroups, filter.employment].some((l) => l !== undefined && l.length > 0);
}
