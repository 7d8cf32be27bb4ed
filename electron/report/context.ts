// Everything besides the Metrics that the paper is built from, gathered in one object so that
// buildPaperModel stays a pure function (the app can preview a paper from figures it already has).
import type { IsoDate } from '../../shared/dates';
import type { MeasureSettings } from '../../shared/metrics';
import type { BenchmarkComparison } from '../../shared/benchmarks';
import type { ReportExtras } from './extras';
import type { EnglandFigures } from './england';

export interface ImportSource {
  fileName: string;
  source: string;
  extractDate: IsoDate | null;
  /** When the import ran (ISO timestamp or date). */
  importedAt: string;
  rowsRead: number;
  outcome: string;
}

export interface PaperContext {
  /** The council's name from the settings (the config may override it). */
  councilName: string;
  settings: MeasureSettings;
  /** The date the paper was produced (shown in the sources section). */
  generatedOn: IsoDate;
  imports: ImportSource[];
  /** Null when no DfE benchmarks are loaded, or the council is not set or not found. */
  benchmarks: BenchmarkComparison | null;
  /** Why there is no comparison, in plain English, when benchmarks is null. */
  benchmarksMissingReason?: string;
  /** What the author should do about a missing comparison: a warning before export, never printed in the paper. */
  benchmarksWarning?: string;
  /**
   * England's figures from the DfE file, whether or not the council is set or found (the
   * comparison, when there is one, carries them too). Absent or null: no DfE file loaded.
   */
  england?: EnglandFigures | null;
  /** Monthly movements and caseload distribution; null when built from Metrics alone. */
  extras: ReportExtras | null;
}
