// Reconciliation: the council's own figures, recomputed from its imported data at 30 September,
// beside the row the DfE published for it ("your data gives 15.1%, published 15.0%"). Heads of
// service check this before a paper goes out: a gap of more than one point means the local data
// and the census return disagree and someone should find out why.
import type { Db } from '../db/open';
import type { HeadcountFte, Metrics } from '../../shared/metrics';
import {
  formatNumber,
  formatPublished,
  dfeSource,
  type PublishedFigure,
  type ReconcileMeasureKey,
  type Reconciliation,
  type ReconciliationLine,
  type ReconciliationYear,
} from '../../shared/benchmarks';
import type { IsoDate } from '../../shared/dates';
import { addYears } from '../../shared/dates';
import { findCouncil } from './council';
import { figure } from './compare';
import { ownMeasuresAt } from './measures-link';
import { dataCoverage } from '../measures/coverage';
import { hasSnapshotCaution } from '../measures/cautions';

/** The parts of the measures the reconciliation reads (a full Metrics object fits). */
export type ReconcileInput = Pick<Metrics, 'inPost' | 'starters' | 'turnover' | 'agency' | 'vacancy' | 'warnings'> & {
  leavers: HeadcountFte;
  caseload: Pick<Metrics['caseload'], 'cases' | 'caseHolders' | 'averageFte'>;
};

type Kind = 'rate' | 'caseload' | 'fte' | 'headcount' | 'cases';

interface LineSpec {
  key: ReconcileMeasureKey;
  label: string;
  column: string;
  kind: Kind;
  ours(m: ReconcileInput): number | null;
  /** Counted over the 12 months to the date: meaningless for snapshot staff records. */
  history?: boolean;
}

/**
 * "More than 1 point" by kind: rates 1 percentage point; caseload 1 case per FTE case holder;
 * FTE 1 full-time post; headcount 1 person; cases 1 case.
 */
export const TOLERANCE: Record<Kind, { value: number; unit: string }> = {
  rate: { value: 1, unit: 'percentage point' },
  caseload: { value: 1, unit: 'case per FTE' },
  fte: { value: 1, unit: 'FTE' },
  headcount: { value: 1, unit: 'person' },
  cases: { value: 1, unit: 'case' },
};

export const RECONCILE_LINES: readonly LineSpec[] = [
  { key: 'inPostFte', label: 'Social workers in post (FTE)', column: 'inpost_fte', kind: 'fte', ours: (m) => m.inPost.fte },
  { key: 'inPostHeadcount', label: 'Social workers in post (headcount)', column: 'inpost_headcount', kind: 'headcount', ours: (m) => m.inPost.headcount },
  { key: 'startersFte', label: 'Starters in the year (FTE)', column: 'starters_fte', kind: 'fte', history: true, ours: (m) => m.starters.fte },
  { key: 'leaversFte', label: 'Leavers in the year (FTE)', column: 'leavers_fte', kind: 'fte', history: true, ours: (m) => m.leavers.fte },
  { key: 'turnover', label: 'Turnover rate (FTE)', column: 'turnover_rate_fte', kind: 'rate', history: true, ours: (m) => m.turnover.rateFte },
  { key: 'agencyFte', label: 'Agency workers (FTE)', column: 'agency_fte', kind: 'fte', ours: (m) => m.agency.fte },
  { key: 'agencyRate', label: 'Agency worker rate (FTE)', column: 'agency_rate_fte', kind: 'rate', ours: (m) => m.agency.rateFte },
  { key: 'vacancyRate', label: 'Vacancy rate (FTE)', column: 'vacancy_rate_fte', kind: 'rate', ours: (m) => m.vacancy?.rate ?? null },
  { key: 'cases', label: 'Cases held', column: 'cases', kind: 'cases', ours: (m) => m.caseload.cases },
  { key: 'caseHoldersFte', label: 'Case holders (FTE)', column: 'case_holders_fte', kind: 'fte', ours: (m) => m.caseload.caseHolders.fte },
  { key: 'caseload', label: 'Average caseload (FTE)', column: 'caseload_fte', kind: 'caseload', ours: (m) => m.caseload.averageFte },
];

const round1 = (v: number) => Math.round(v * 10) / 10;

function show(value: number, kind: Kind): string {
  if (kind === 'headcount' || kind === 'cases') return formatNumber(value, 'count');
  if (kind === 'rate') return formatNumber(value, 'percent');
  return formatNumber(value, kind === 'fte' ? 'FTE' : 'cases per FTE');
}

/** One year's lines, from the council's published row and its own measures at 30 September. */
export function reconcileYear(year: number, published: (column: string) => PublishedFigure, own: ReconcileInput): ReconciliationYear {
  // Staff records from an SSD snapshot have no start or leaving dates (electron/measures/cautions.ts):
  // starters, leavers and turnover cannot be given, so they are not compared.
  const noHistory = hasSnapshotCaution(own.warnings);
  const lines: ReconciliationLine[] = RECONCILE_LINES.map((spec) => {
    const unavailable = noHistory && spec.history === true;
    const raw = unavailable ? null : spec.ours(own);
    const whole = spec.kind === 'headcount' || spec.kind === 'cases';
    // Rounded as the DfE publishes, so "15.04" and a published "15.0" agree.
    const ours = raw === null || !Number.isFinite(raw) ? null : whole ? Math.round(raw) : round1(raw);
    const pub = published(spec.column);
    const difference = ours !== null && pub.value !== null ? round1(ours - pub.value) : null;
    const tol = TOLERANCE[spec.kind];
    const oursText =
      ours !== null
        ? show(ours, spec.kind)
        : unavailable
          ? 'no figure (not available: some staff records come from a Standard Safeguarding Dataset snapshot, with no start or leaving dates)'
          : spec.key === 'vacancyRate' && own.vacancy === null ? 'no figure (no establishment loaded)' : 'no figure (not applicable)';
    const pubText =
      pub.value !== null ? `published ${show(pub.value, spec.kind)}` : pub.symbol !== null ? `published as ${formatPublished(pub, 'count')}` : 'not in the published file';
    return {
      measure: spec.key,
      label: spec.label,
      ours,
      published: pub,
      difference,
      tolerance: tol.value,
      toleranceUnit: tol.unit,
      flagged: difference !== null && Math.abs(difference) > tol.value,
      text: `your data gives ${oursText}, ${pubText}`,
    };
  });
  return { year, asAt: `${year}-09-30`, source: dfeSource(year), lines, flaggedCount: lines.filter((l) => l.flagged).length };
}

/**
 * What the council's own data covers, for reconciling: staff records (spells) and case
 * allocations each from their earliest start, both up to the latest date the data speaks for
 * (the latest extract date given at import, or the latest date in the data if later:
 * electron/measures/coverage.ts).
 */
export interface OwnCoverage {
  spellsFrom: IsoDate | null;
  allocationsFrom: IsoDate | null;
  to: IsoDate | null;
  /** 30 Septembers a census return gave caseloads for (Cases30): no allocations are needed there. */
  censusDates?: IsoDate[];
}

export function ownCoverage(db: Db): OwnCoverage {
  const c = dataCoverage(db);
  const censusDates = (db.prepare(`SELECT DISTINCT census_date FROM spell WHERE cases_30 IS NOT NULL ORDER BY census_date`).pluck().all() as IsoDate[]);
  return { spellsFrom: c.firstSpellStart, allocationsFrom: c.firstAllocationStart, to: c.latest, censusDates };
}

/**
 * The period covered by both staff records and case allocations, as shown to the user ("Your
 * data covers ..."): from the later of the two earliest starts. null without staff records.
 */
export function ownDataCoverage(db: Db): { from: IsoDate; to: IsoDate } | null {
  return displayCoverage(ownCoverage(db));
}

function displayCoverage(c: OwnCoverage): { from: IsoDate; to: IsoDate } | null {
  if (!c.spellsFrom || !c.to) return null;
  const from = c.allocationsFrom && c.allocationsFrom > c.spellsFrom ? c.allocationsFrom : c.spellsFrom;
  return { from, to: c.to };
}

/**
 * Why a 30 September cannot be reconciled, or null when it can: staff records and case
 * allocations must both cover the whole year before it (starters, leavers and turnover are
 * counted over the 12 months to that date, so each must start on or before 30 September of the
 * previous year), and the data must reach the date itself.
 */
export function coversYear(given: OwnCoverage, asAt: IsoDate): string | null {
  const spellsFrom = given.spellsFrom;
  if (!spellsFrom || !given.to) return 'no workforce data has been imported';
  // A census return for this date carries its caseloads (Cases30).
  const c = given.censusDates?.includes(asAt) ? { ...given, spellsFrom, to: given.to, allocationsFrom: spellsFrom } : { ...given, spellsFrom, to: given.to };
  if (!c.allocationsFrom) return 'no case allocations have been imported, so caseloads cannot be compared';
  const yearBefore = addYears(asAt, -1);
  if (c.spellsFrom > yearBefore) return `your staff records start on ${c.spellsFrom}, after the year to ${asAt} began`;
  if (c.allocationsFrom > yearBefore) return `your case allocations start on ${c.allocationsFrom}, after the year to ${asAt} began`;
  if (c.to < asAt) return `your data ends on ${c.to} (the latest extract date or date in the data), before ${asAt}`;
  return null;
}

export interface ReconcileOptions {
  la: string;
  /** Only these years (default: every published year the own data covers). */
  years?: number[];
  /** The measures engine; default computeMetrics(db, asAt) from electron/measures (tests pass a stand-in). */
  compute?: (db: Db, asAt: IsoDate) => ReconcileInput;
}

export function reconcileCouncil(db: Db, options: ReconcileOptions): Reconciliation {
  const council = findCouncil(db, options.la);
  const rows = db
    .prepare(`SELECT * FROM dfe_indicator WHERE level = 'Local authority' ORDER BY year`)
    .all() as Array<Record<string, unknown> & { year: number; geo_code: string }>;
  const own = rows.filter((r) => council.geoCodes.includes(r.geo_code) && (!options.years || options.years.includes(r.year)));
  const coverage = ownCoverage(db);
  const years: ReconciliationYear[] = [];
  const skipped: Reconciliation['skipped'] = [];
  for (const row of own) {
    const asAt = `${row.year}-09-30`;
    const why = coversYear(coverage, asAt);
    if (why) {
      skipped.push({ year: row.year, reason: why });
      continue;
    }
    years.push(reconcileYear(row.year, (c) => figure(row, c), (options.compute ?? ownMeasuresAt)(db, asAt)));
  }
  return {
    council: { code: council.code, name: council.name, onsCode: council.onsCode, region: council.region, publishedAs: council.publishedAs },
    ownDataCoverage: displayCoverage(coverage),
    years,
    skipped,
  };
}
