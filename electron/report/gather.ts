// Reads what the paper needs besides the Metrics from the database: the import history (data
// sources section), the DfE comparison when benchmarks are loaded, and the extra breakdowns.
import type { Db } from '../db/open';
import type { IsoDate } from '../../shared/dates';
import type { Metrics } from '../../shared/metrics';
import type { BenchmarkComparison } from '../../shared/benchmarks';
import { getSettings } from '../settings';
import { compareCouncil } from '../benchmarks/compare';
import { CouncilNotFoundError } from '../benchmarks/council';
import { englandFigures } from './england';
import { computeReportExtras } from './extras';
import type { ImportSource, PaperContext } from './context';

export function importSources(db: Db): ImportSource[] {
  const rows = db
    .prepare(
      `SELECT file_name, source, extract_date, coalesce(finished_at, started_at) AS at, rows_read, outcome
         FROM import_log
        WHERE outcome IN ('imported', 'partial', 'no_change')
        ORDER BY id`,
    )
    .all() as Array<{ file_name: string; source: string; extract_date: string | null; at: string; rows_read: number; outcome: string }>;
  return rows.map((r) => ({
    fileName: r.file_name,
    source: r.source,
    extractDate: r.extract_date,
    importedAt: r.at,
    rowsRead: r.rows_read,
    outcome: r.outcome,
  }));
}

/**
 * The DfE comparison for the latest published year whose reference date (30 September) is on or
 * before the paper's date, so a 2018 paper is not compared with 2024 figures. Null with a reason
 * when there is nothing to compare with.
 */
export function benchmarksFor(db: Db, asAt: IsoDate, laCode: string | null): { comparison: BenchmarkComparison | null; reason?: string; warning?: string } {
  const loaded = db.prepare(`SELECT count(*) AS n FROM dfe_indicator`).get() as { n: number };
  if (loaded.n === 0) return { comparison: null, warning: NO_BENCHMARKS_WARNING };
  if (!laCode) return { comparison: null, reason: COUNCIL_NOT_SET, warning: COUNCIL_NOT_SET_WARNING };
  const year = referenceYear(asAt);
  const available = db.prepare(`SELECT max(year) AS y FROM dfe_indicator WHERE year <= ?`).get(year) as { y: number | null };
  try {
    return { comparison: compareCouncil(db, available.y !== null ? { la: laCode, year: available.y } : { la: laCode }) };
  } catch (e) {
    // The benchmarks module's messages are written for the command line; the paper says it plainly.
    if (e instanceof CouncilNotFoundError) {
      return {
        comparison: null,
        reason: COUNCIL_NOT_SET,
        warning: `The council code "${laCode}" in Settings was not found in the DfE file, so section "Comparison" shows England only. Check the code in Settings (the DfE's three-digit council code, for example 892 for Nottingham) and produce the paper again.`,
      };
    }
    return { comparison: null, reason: COUNCIL_NOT_SET, warning: (e as Error).message };
  }
}

// What the paper says (to councillors: no instructions about the software) and what the author is
// told before export (model.warnings) when the comparison is incomplete.
export const COUNCIL_NOT_SET = 'this paper compares the council with England only.';
export const COUNCIL_NOT_SET_WARNING =
  "The council's DfE code is not set, so the comparison shows England only. To add the region and statistical neighbours, enter the council's DfE code in Settings (for example 892 for Nottingham) and produce the paper again.";
export const NO_BENCHMARKS_WARNING =
  'No DfE benchmarks are loaded, so the paper has no comparison with England, the region or statistical neighbours. Import the DfE "Children\'s social work workforce" indicator file and the statistical-neighbour file, and set the council\'s DfE code in Settings.';

/** The latest DfE reference year (30 September) on or before the date. */
export function referenceYear(asAt: IsoDate): number {
  return Number(asAt.slice(0, 4)) - (asAt.slice(5) >= '09-30' ? 0 : 1);
}

export function gatherPaperContext(db: Db, metrics: Metrics, generatedOn: IsoDate): PaperContext {
  const settings = getSettings(db);
  const b = benchmarksFor(db, metrics.asAt, settings.laCode);
  return {
    councilName: settings.councilName,
    settings,
    generatedOn,
    imports: importSources(db),
    benchmarks: b.comparison,
    ...(b.reason ? { benchmarksMissingReason: b.reason } : {}),
    ...(b.warning ? { benchmarksWarning: b.warning } : {}),
    england: englandFigures(db, referenceYear(metrics.asAt)),
    extras: computeReportExtras(db, metrics.asAt, metrics.series.map((p) => p.date), settings),
  };
}
