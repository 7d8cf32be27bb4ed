// The shape of a comparison with the DfE's published statistics: what `scrutiny-pack benchmark
// --json` prints, what section 8 of the committee paper and the overview screen draw. Every
// result says where its figures come from (source and year) so a figure can never be quoted
// without them. Numbers are as published (one decimal place) or unrounded means; rounding for
// display is presentation. Key names are fixed; keys may be added, never renamed.
import type { IsoDate } from './dates';
import { DFE_SYMBOLS } from './domain';

/**
 * A figure from the DfE file. When the DfE did not publish a number, `value` is null and `symbol`
 * holds what the file said instead (c suppressed, x unavailable, z not applicable, u low
 * reliability, low rounds to zero). Both null: the column was not in that edition of the file,
 * or the geography has no row for that year.
 */
export interface PublishedFigure {
  value: number | null;
  symbol: string | null;
}

export const BENCHMARK_MEASURE_KEYS = ['turnover', 'agencyRate', 'vacancyRate', 'caseload', 'fte', 'absence'] as const;
export type BenchmarkMeasureKey = (typeof BENCHMARK_MEASURE_KEYS)[number];

export type BenchmarkUnit = 'percent' | 'cases per FTE' | 'FTE';

export interface BenchmarkMeasureInfo {
  key: BenchmarkMeasureKey;
  label: string;
  unit: BenchmarkUnit;
  /** Column of the DfE indicator file. */
  column: string;
  /**
   * Rank 1 is the lowest value for rates and caseload (lower turnover, agency use, vacancies,
   * caseload and absence are better), and the largest workforce for FTE (a size, not a score).
   */
  rankOrder: 'lowest first' | 'highest first';
}

export const BENCHMARK_MEASURES: readonly BenchmarkMeasureInfo[] = [
  { key: 'turnover', label: 'Turnover rate (FTE)', unit: 'percent', column: 'turnover_rate_fte', rankOrder: 'lowest first' },
  { key: 'agencyRate', label: 'Agency worker rate (FTE)', unit: 'percent', column: 'agency_rate_fte', rankOrder: 'lowest first' },
  { key: 'vacancyRate', label: 'Vacancy rate (FTE)', unit: 'percent', column: 'vacancy_rate_fte', rankOrder: 'lowest first' },
  { key: 'caseload', label: 'Average caseload (FTE)', unit: 'cases per FTE', column: 'caseload_fte', rankOrder: 'lowest first' },
  { key: 'fte', label: 'Social workers in post (FTE)', unit: 'FTE', column: 'inpost_fte', rankOrder: 'highest first' },
  { key: 'absence', label: 'Sickness absence rate (FTE)', unit: 'percent', column: 'absence_rate_fte', rankOrder: 'lowest first' },
];

export interface NeighbourFigure {
  /** The neighbour's DfE code as listed in the neighbour file. */
  code: string;
  name: string;
  figure: PublishedFigure;
}

export interface MeasureComparison {
  measure: BenchmarkMeasureKey;
  label: string;
  unit: BenchmarkUnit;
  council: PublishedFigure;
  england: PublishedFigure;
  region: PublishedFigure;
  neighbours: {
    /** Mean of the neighbours that have a published number; null when none has. */
    mean: number | null;
    /** How many neighbours the mean is taken over, and how many there are. */
    withValue: number;
    total: number;
    values: NeighbourFigure[];
  };
  rank: {
    /** Position of the council among itself and the neighbours with a value; null when the council has none. Ties share the better position. */
    position: number | null;
    of: number;
    order: 'lowest first' | 'highest first';
  };
}

export interface BenchmarkYear {
  year: number;
  /** The reference date of the year's figures: 30 September. */
  asAt: IsoDate;
  /** e.g. "DfE Children's social work workforce, 30 September 2018". */
  source: string;
  measures: MeasureComparison[];
}

export interface BenchmarkCouncil {
  /** The DfE code the council was found under (old_la_code), e.g. "892"; may be a component of a combined code. */
  code: string;
  name: string;
  /** ONS code (new_la_code) from the latest row. */
  onsCode: string | null;
  region: { code: string; name: string } | null;
  /** Set when the DfE publishes the council jointly with another, e.g. "940 / 941". */
  publishedAs: string | null;
}

export interface BenchmarkNeighbour {
  position: number;
  code: string;
  name: string;
  closeness: string | null;
}

export interface BenchmarkComparison {
  source: string;
  year: number;
  asAt: IsoDate;
  council: BenchmarkCouncil;
  /** e.g. "DfE statistical neighbours (statistical_neighbours_2021.csv)". */
  neighboursSource: string | null;
  neighbours: BenchmarkNeighbour[];
  /** The chosen year. */
  measures: MeasureComparison[];
  /** Every year in the imported file from 2017 to the latest, oldest first (includes the chosen year). */
  series: BenchmarkYear[];
  /** Neighbours with no row at all in the chosen year (e.g. a council since abolished), by name. */
  neighboursWithoutRow?: string[];
  notes: string[];
}

// ---- Reconciliation: the council's own figures beside its published row ----

export const RECONCILE_MEASURE_KEYS = [
  'inPostFte', 'inPostHeadcount', 'startersFte', 'leaversFte', 'turnover',
  'agencyFte', 'agencyRate', 'vacancyRate', 'cases', 'caseHoldersFte', 'caseload',
] as const;
export type ReconcileMeasureKey = (typeof RECONCILE_MEASURE_KEYS)[number];

export interface ReconciliationLine {
  measure: ReconcileMeasureKey;
  label: string;
  /** Own figure, rounded as the DfE publishes it (one decimal place; headcount whole). Null: not applicable, or no establishment loaded for vacancies. */
  ours: number | null;
  published: PublishedFigure;
  /** ours - published, when both are numbers. */
  difference: number | null;
  /** The allowed difference: 1 percentage point for rates, 1 case per FTE for caseload, 1 FTE / 1 person / 1 case for counts. */
  tolerance: number;
  toleranceUnit: string;
  flagged: boolean;
  /** e.g. "your data gives 15.1%, published 15.0%". */
  text: string;
}

export interface ReconciliationYear {
  year: number;
  asAt: IsoDate;
  source: string;
  lines: ReconciliationLine[];
  flaggedCount: number;
}

export interface Reconciliation {
  council: BenchmarkCouncil;
  /** The period the council's own data covers: from the later of the first spell start and the first allocation start, to the latest data date. */
  ownDataCoverage: { from: IsoDate; to: IsoDate } | null;
  years: ReconciliationYear[];
  /** Published years left out, with the reason (e.g. own data starts later). */
  skipped: Array<{ year: number; reason: string }>;
}

/** "15.0%", "18.8", "238.0 FTE", or the symbol's meaning ("c (suppressed)"); "not published" when absent. */
export function formatPublished(f: PublishedFigure, unit: BenchmarkUnit | 'count'): string {
  if (f.value !== null) return formatNumber(f.value, unit);
  if (f.symbol !== null) {
    const meaning = (DFE_SYMBOLS as Record<string, string>)[f.symbol.toLowerCase()];
    return meaning ? `${f.symbol} (${meaning})` : `"${f.symbol}" (not a number)`;
  }
  return 'not published';
}

export function formatNumber(value: number, unit: BenchmarkUnit | 'count'): string {
  if (unit === 'count') return Math.round(value).toLocaleString('en-GB');
  const s = value.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  if (unit === 'percent') return `${s}%`;
  if (unit === 'FTE') return `${s} FTE`;
  return s;
}

export function dfeSource(year: number): string {
  return `DfE Children's social work workforce, 30 September ${year}`;
}
