// Drill-down: the rows behind a count the overview shows ("24 case holders above the threshold"
// opens the 24 workers). The list is worked out from the same data and the same rules as the
// count (electron/drill), so its length always equals the figure. Staff IDs and teams appear on
// these internal screens; a child appears only as the case pseudonym the database holds.
import type { IsoDate } from './dates';
import type { MeasureFilter } from './filters';

export const DRILL_KINDS = [
  'inPost',
  'caseHolders',
  'overThreshold',
  'asyeOverCap',
  'agency',
  'vacancies',
  'leavers',
  'starters',
  'asyeInProgramme',
  'childrenThreePlus',
] as const;
export type DrillKind = (typeof DRILL_KINDS)[number];

/** The overview's filter: the same shape, and the same meaning, as the measures engine's. */
export type DrillFilter = MeasureFilter;

export type DrillCell = string | number | null;

export interface DrillColumn {
  label: string;
  /** How the screen writes the value: text as it is, a whole number, one decimal (FTE), a date. */
  kind: 'text' | 'count' | 'decimal' | 'date';
}

export interface DrillList {
  kind: DrillKind;
  asAt: IsoDate;
  /** The heading of the list, e.g. "Case holders above the caseload threshold of 20". */
  title: string;
  /** The figure the list stands behind, as the overview shows it; rows.length equals it (vacancies: the vacant FTE column sums to it). */
  count: number;
  columns: DrillColumn[];
  rows: DrillCell[][];
  /** A sentence under the table: what a row is, what the list cannot show. */
  note?: string;
}
