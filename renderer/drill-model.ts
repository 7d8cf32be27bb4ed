// Which list each overview tile opens, and the words of its link: the count behind the tile's
// figure ("22 agency workers"), so the number clicked is the number of rows the list shows.
import type { Metrics } from '../shared/metrics';
import type { DrillKind } from '../shared/drill';
import { formatCount } from '../shared/format';

/** The measures' label for case holders with no team (electron/measures/caseload.ts); the filter's blank team. */

/** "1 leaver", "16 leavers". */
export const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

export function tileDrill(tileId: string, m: Metrics): Array<{ what: DrillKind; text: string }> {
  switch (tileId) {
    case 'caseload':
      return [{ what: 'caseHolders', text: `${plural(m.caseload.caseHolders.headcount, 'social worker', 'social workers')} holding cases` }];
    case 'agency':
      return [{ what: 'agency', text: plural(m.agency.headcount, 'agency worker', 'agency workers') }];
    case 'turnover':
      return [{ what: 'leavers', text: plural(m.leavers.headcount, 'leaver', 'leavers') }];
    case 'asye': {
      const n = m.asye.cohorts.reduce((s, c) => s + (c.inProgramme ?? 0), 0);
      return [{ what: 'asyeInProgramme', text: `${plural(n, 'social worker', 'social workers')} in their ASYE` }];
    }
    case 'inpost':
      return [{ what: 'inPost', text: `${plural(m.inPost.headcount, 'person', 'people')} in post` }];
    case 'children': {
      const cs = m.childStability;
      return cs && cs.covered ? [{ what: 'childrenThreePlus', text: `${plural(cs.threePlus, 'child', 'children')} with 3 or more workers` }] : [];
    }
    default:
      return [];
  }
}
