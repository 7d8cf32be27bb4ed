// Children who had 3 or more social workers in the 12 months to D, each shown only by the case
// pseudonym the database holds. Whether a child is counted is decided by the measure's own rule
// (childStabilityAt, applied to that child's allocations), so the list matches the figure.
import { CASE_TYPES, CASE_TYPE_LABEL, type CaseType } from '../../shared/domain';
import { addDays, addYears, formatLongDate, toDayNumber } from '../../shared/dates';
import type { DrillList } from '../../shared/drill';
import { childStabilityAt } from '../measures/child-stability';
import { withLinkedWorkers } from '../measures/child-allocations';
import { readChildAllocations } from '../measures/child-stability-read';
import { measureState } from '../measures/state';
import { staffAt } from '../measures/staff-at';
import { COLUMN, rowList, type DrillData } from './context';

export function childrenThreePlusList(data: DrillData): DrillList {
  const d = data.asAt;
  const a = withLinkedWorkers(readChildAllocations(data.db, [d]), (id) => data.linker.link(id).staffId ?? id);
  // As the measure decides it (electron/measures/index.ts): departures and teams over the whole
  // council; under a filter, a child counts when its worker at D has their main spell selected.
  const gone = measureState(data.db).gone;
  const everyone = data.test ? staffAt(data.all.spells, d) : data.at;
  const teamOf = (staffId: string) => everyone.get(staffId)?.team ?? null;
  const test = data.test;
  const inSelection = test ? (staffId: string) => { const s = everyone.get(staffId); return !!s && s.main !== null && test(s.main); } : null;
  const [day, from] = [toDayNumber(d), toDayNumber(addDays(addYears(d, -1), 1))];
  const out: DrillList['rows'] = [];
  for (let c = 0; c < a.caseKeys.length; c++) {
    if (a.first[c + 1]! - a.first[c]! < 3) continue; // fewer allocations cannot mean three workers
    const one = childStabilityAt(a, [c], d, gone, teamOf, inSelection);
    if (one.threePlus !== 1) continue;
    const type = CASE_TYPES.find((t) => one.byCaseType[t].children === 1) as CaseType;
    const window = a.rows.subarray(a.first[c]!, a.first[c + 1]!).filter((r) => a.start[r]! <= day && a.end[r]! >= from);
    out.push([a.caseKeys[c]!, CASE_TYPE_LABEL[type], one.byTeam[0]?.team ?? null, new Set(window.map((r) => a.worker[r]!)).size, one.changes.total]);
  }
  out.sort((a, b) => (b[3] as number) - (a[3] as number) || String(a[0]).localeCompare(String(b[0])));
  return rowList(
    data,
    'childrenThreePlus',
    `Children with 3 or more social workers in the 12 months to ${formatLongDate(d)}`,
    [
      { label: 'Case (pseudonym)', kind: 'text' },
      { label: 'Case type', kind: 'text' },
      COLUMN.team,
      { label: 'Workers in the 12 months', kind: 'count' },
      { label: 'Changes of worker', kind: 'count' },
    ],
    out,
    'Children with a case open on the date. Each child is shown by the pseudonym Scrutiny Pack stores in place of the case ID; only this database’s case key can match it to your case system.',
  );
}
