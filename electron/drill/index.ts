// Drill-down: the rows behind a count the overview shows, from the same data and rule functions
// as the measures (electron/measures), so a list's length always equals its figure. Plain Node:
// the handler, the tests and any later command-line use call drillDown directly.
import type { Db } from '../db/open';
import { isIsoDate, type IsoDate } from '../../shared/dates';
import type { DrillFilter, DrillKind, DrillList } from '../../shared/drill';
import { MeasuresInputError } from '../measures';
import { drillData, type DrillData } from './context';
import { agencyList, asyeInProgrammeList, asyeOverCapList, caseHoldersList, inPostList, overThresholdList } from './staff';
import { leaversList, startersList } from './movers';
import { vacanciesList } from './vacancies';
import { childrenThreePlusList } from './children';

const LISTS: Record<DrillKind, (data: DrillData) => DrillList> = {
  inPost: inPostList,
  caseHolders: caseHoldersList,
  overThreshold: overThresholdList,
  asyeOverCap: asyeOverCapList,
  agency: agencyList,
  vacancies: vacanciesList,
  leavers: leaversList,
  starters: startersList,
  asyeInProgramme: asyeInProgrammeList,
  childrenThreePlus: childrenThreePlusList,
};

export function drillDown(db: Db, asAt: IsoDate, kind: DrillKind, filter?: DrillFilter): DrillList {
  if (!isIsoDate(asAt)) throw new MeasuresInputError(`"${asAt}" is not a real date in the form YYYY-MM-DD (for example 2018-09-30).`);
  // One read transaction, as computeMetrics: the list comes from one snapshot even if an import runs.
  return db.transaction(() => LISTS[kind](drillData(db, asAt, filter)))();
}

