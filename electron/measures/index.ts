// The measures engine: every figure the app, the committee paper and the benchmark comparison
// show, computed with the DfE definitions of DOMAIN.md ("Measures"). Rules this module had to
// decide where DOMAIN.md is silent are documented in docs/measures.md and next to the code.
import type { Db } from '../db/open';
import { addYears, isIsoDate, monthEnds, toDayNumber, type IsoDate } from '../../shared/dates';
import type { Metrics } from '../../shared/metrics';
import { getSettings } from '../settings';
import { inYearTo, leaverBreakdowns } from './movers';
import { agencyCoverAt, casesOn, censusYearCaution, leaversByDestination, startersByOrigin } from './census';
import { CoverCounter, firstAfter, firstAtOrAfter, linkCounts, stab, type CaseCountsByDate } from './cases';
import { headlineAt, MeasureContext } from './headline';
import { asyeCohorts, asyeInProgress } from './asye';
import { snapshotDatesTouching } from './coverage';
import { coverageCautions, snapshotCaution } from './cautions';
import type { Headline } from '../../shared/metrics';
import { childrenOpenOn, childStabilityAt } from './child-stability';
import { caseTypeIndex, withLinkedWorkers, type ChildAllocations } from './child-allocations';
import { agencyRulesAt } from './agency-rules';
import { readChildAllocations } from './child-stability-read';
import { measureState } from './state';
import { filterMovements, filterWorkforce, spellTest } from './filter';
import { normaliseFilter, type MeasureFilter } from '../../shared/filters';

export interface MetricsOptions {
  /** Months in the monthly series, ending with D's month (default 24; 0 for none). */
  months?: number;
  /** Only part of the workforce (docs/measures.md, "Filters"); none or empty lists: everyone. */
  filter?: MeasureFilter | null;
}

export const DEFAULT_SERIES_MONTHS = 24;
export const MAX_SERIES_MONTHS = 240;

export class MeasuresInputError extends Error {
  override name = 'MeasuresInputError';
}

/**
 * The series dates: the month ends of the `months` months ending with D's month, the last one
 * replaced by D itself so that the series ends on the headline figures.
 */
export function seriesDates(asAt: IsoDate, months: number): IsoDate[] {
  if (months <= 0) return [];
  const dates = monthEnds(asAt, months);
  dates[dates.length - 1] = asAt;
  return dates;
}

export function computeMetrics(db: Db, asAt: IsoDate, options: MetricsOptions = {}): Metrics {
  if (!isIsoDate(asAt)) throw new MeasuresInputError(`"${asAt}" is not a real date in the form YYYY-MM-DD (for example 2018-09-30).`);
  const months = options.months ?? DEFAULT_SERIES_MONTHS;
  if (!Number.isInteger(months) || months < 0 || months > MAX_SERIES_MONTHS) {
    throw new MeasuresInputError(`The number of months in the series must be a whole number from 0 to ${MAX_SERIES_MONTHS}; got ${months}.`);
  }
  const filter = normaliseFilter(options.filter);
  // One read transaction: every figure comes from the same snapshot even if an import runs.
  return db.transaction(() => compute(db, asAt, months, filter))();
}

function compute(db: Db, asAt: IsoDate, months: number, filter: MeasureFilter | null): Metrics {
  const settings = getSettings(db);
  const state = measureState(db);
  const all = state.w;
  const test = filter ? spellTest(filter) : null;
  const w = filter && test ? filterWorkforce(all, filter, test) : all;
  const ctx = new MeasureContext(w, test ? filterMovements(state.mv, test) : state.mv, settings, filter && test ? { all, test, posts: filter.employment ? filterWorkforce(all, { ...filter, employment: undefined }) : w } : null);
  const yearAgo = addYears(asAt, -1);
  const series = seriesDates(asAt, months);
  const dates = [...new Set([asAt, yearAgo, ...series])];
  const linker = state.linker;
  // The allocations are read once, for stability for children, and the cases held at every date
  // in the span those rows cover are counted from the same rows (they include every allocation
  // covering such a date); only a date outside it (the year-ago date of a short series) is counted
  // by stabbing the index on its own.
  const childDates = [asAt, ...series];
  const childRows = readChildAllocations(db, childDates);
  const [spanFrom, spanTo] = [childDates.reduce((a, b) => (b < a ? b : a)), childDates.reduce((a, b) => (b > a ? b : a))];
  const inSpan = dates.filter((d) => d >= spanFrom && d <= spanTo);
  const fromRows = countRows(childRows, inSpan);
  const byId = new Map<IsoDate, CaseCountsByDate[number]>(inSpan.map((d, i) => [d, fromRows[i]!]));
  for (const d of dates) if (!byId.has(d)) byId.set(d, stab(db, d));
  const counts = linkCounts(dates.map((d) => byId.get(d)!), linker);
  const countsOn = new Map(dates.map((d, i) => [d, casesOn(all, d, counts[i]!)]));
  const selectedCounts = (d: IsoDate) => ctx.countsIn(d, countsOn.get(d)!);

  const snapshots = state.snapshots;
  const touched = (d: IsoDate) => snapshotDatesTouching(snapshots, d, addYears(d, -1));
  const headline = (d: IsoDate) => {
    const detail = headlineAt(ctx, d, countsOn.get(d)!);
    return { ...detail, headline: withoutHistory(detail.headline, touched(d).length > 0) };
  };

  const now = headline(asAt);
  const before = headline(yearAgo);
  const h = now.headline;
  // A child's workers are counted as people: a case-system ID is linked to the HR staff ID (so the
  // HR file's leaving dates and teams apply); an ID that links to nobody stands for itself.
  const children = withLinkedWorkers(childRows, (id) => linker.link(id).staffId ?? id);
  const gone = state.gone;
  const teamAt = (d: IsoDate) => {
    const at = ctx.everyoneAt(d);
    return (staffId: string) => at.get(staffId)?.team ?? null;
  };
  const inSelection = (d: IsoDate) => {
    if (!test) return null;
    const holders = ctx.holdersAt(d);
    return (staffId: string) => holders.has(staffId);
  };
  const openOn = childrenOpenOn(children, [asAt, ...series]);
  const stabilityOn = (d: IsoDate) => childStabilityAt(children, openOn.get(d)!, d, gone, teamAt(d), inSelection(d));
  const stability = stabilityOn(asAt);
  const coverage = state.coverage;
  // A child's 12 months are only known once the allocations are complete from a year before
  // (shared/coverage.ts: the date the allocation records are complete from, not merely the earliest start).
  const history = state.history;
  const covered = (d: IsoDate) => history.allocationsFrom !== null && history.allocationsFrom <= addYears(d, -1);
  return {
    asAt,
    ...(filter ? { filter } : {}),
    warnings: [...coverageCautions(asAt, coverage), ...snapshotCaution(touched(asAt)), ...censusYearCaution(all, asAt)],
    inPost: h.inPost,
    agency: h.agency,
    starters: { ...h.starters, byOrigin: startersByOrigin(inYearTo(ctx.mv.joinings, asAt)) },
    leavers: { ...h.leavers, byDestination: leaversByDestination(now.leavers), ...leaverBreakdowns(now.leavers, ctx.mv) },
    turnover: h.turnover,
    stabilityIndex: h.stabilityIndex,
    caseload: now.caseload,
    vacancy: h.vacancy,
    agencyCover: agencyCoverAt(w, asAt, h.agency.fte),
    asye: {
      cohorts: asyeCohorts(w, asAt, now.at, selectedCounts(asAt), settings.asyeCap),
      inProgress: asyeInProgress(w, asAt, now.at, selectedCounts(asAt)),
    },
    agencyRules: agencyRulesAt(w, ctx.mv, asAt, db),
    childStability: {
      ...stability,
      covered: covered(asAt),
      series: series.map((d) => {
        const s = d === asAt ? stability : stabilityOn(d);
        return { date: d, covered: covered(d), children: s.children, threePlusShare: s.threePlusShare, changes: s.changes.total, departureShare: s.changes.departureShare };
      }),
    },
    yearAgo: { asAt: yearAgo, ...before.headline },
    coverage: history,
    series: series.map((d) => ({
      date: d,
      ...(d === asAt ? h : d === yearAgo ? before.headline : headline(d).headline),
    })),
  };
}

const CIN = caseTypeIndex('CIN');

function countRows(a: ChildAllocations, dates: readonly IsoDate[]): CaseCountsByDate {
  const counter = new CoverCounter(dates);
  const days = counter.sortedDates.map(toDayNumber);
  for (let i = 0; i < a.n; i++) {
    counter.addCovering(a.workers[a.worker[i]!]!, a.type[i] === CIN, firstAtOrAfter(days, a.start[i]!), firstAfter(days, a.end[i]!));
  }
  return counter.counts();
}

/**
 * Where snapshot spells (no start or leaving dates) take part, turnover and the stability index
 * are "not available" (null), as the DfE shows figures that cannot be given. Starters and
 * leavers stay numbers (the shape has no null for them); the caution says they are unreliable.
 */
function withoutHistory(h: Headline, snapshot: boolean): Headline {
  if (!snapshot) return h;
  return { ...h, turnover: { rateFte: null, rateHeadcount: null }, stabilityIndex: null };
}

export type { Metrics } from '../../shared/metrics';
