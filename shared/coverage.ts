// Which points of a trend the imported data fully covers (issue 14): a council whose exports start
// in October 2017 has no leavers before then, so a turnover "rising from 0.4% to 15.0%" over its
// first year is an artefact of the export, not a fact about the council. Pure; the paper and the
// overview screen draw each series only from its first covered month.
import { addDays, addYears, formatLongDate, type IsoDate } from './dates';

export interface SeriesCoverage {
  /** The first day the staff records are complete (null: no staff records). */
  spellsFrom: IsoDate | null;
  /** The first day the case allocations are complete (null: none). */
  allocationsFrom: IsoDate | null;
}

/**
 * What a figure at a date needs: `history` the 12 months before it (turnover, stability index,
 * starters and leavers), `staff` the staff records on the date (in post, agency), `cases` the
 * allocations on the date (caseloads).
 */
export type CoverageNeed = 'history' | 'staff' | 'cases';

/** The first date at which a figure needing this is fully covered; null when it never is. */
export function coveredFrom(need: CoverageNeed, c: SeriesCoverage | undefined): IsoDate | null {
  if (!c) return '0000-01-01';
  if (need === 'cases') return c.allocationsFrom;
  if (need === 'staff') return c.spellsFrom;
  // The 12 months to D run from D minus a year (exclusive): covered once that day is on or after the start.
  return c.spellsFrom ? addDays(addYears(c.spellsFrom, 1), -1) : null;
}

export function isCovered(date: IsoDate, need: CoverageNeed, c: SeriesCoverage | undefined): boolean {
  const from = coveredFrom(need, c);
  return from !== null && date >= from;
}

/** Index of the first covered date (dates ascending); dates.length when none is. */
export function firstCoveredIndex(dates: readonly IsoDate[], need: CoverageNeed, c: SeriesCoverage | undefined): number {
  const i = dates.findIndex((d) => isCovered(d, need, c));
  return i < 0 ? dates.length : i;
}

/** The sentence a trend's summary ends with when its first months were left out. */
export function coverageNote(firstLabel: string, need: CoverageNeed, c: SeriesCoverage | undefined): string {
  const from = need === 'cases' ? c?.allocationsFrom : c?.spellsFrom;
  const what = need === 'cases' ? 'case allocations' : 'staff records';
  const why = need === 'history' ? ', and each point needs the 12 months before it' : '';
  return `The chart starts in ${firstLabel}: the imported ${what} are complete from ${from ? formatLongDate(from) : 'no date'}${why}.`;
}
