// The benchmarks module's public entry: importing the DfE files, comparing the council with
// England, its region and its statistical neighbours, and reconciling its own figures.
import type { Db } from '../db/open';
import type { BenchmarkComparison } from '../../shared/benchmarks';
import { getSettings } from '../settings';
import { compareCouncil, BenchmarkYearError } from './compare';
import { CouncilNotFoundError } from './council';

export { importDfeFile, DfeImportError, type DfeImportOptions, type DfeImportResult, type DfeSource } from './import-dfe';
export { compareCouncil, BenchmarkYearError, type CompareOptions } from './compare';
export { findCouncil, CouncilNotFoundError } from './council';
export { reconcileCouncil, reconcileYear, ownDataCoverage, type ReconcileInput, type ReconcileOptions } from './reconcile';

/** True once a DfE indicator file has been imported. */
export function hasBenchmarks(db: Db): boolean {
  return db.prepare(`SELECT 1 FROM dfe_indicator LIMIT 1`).get() !== undefined;
}

/**
 * The comparison for the council named in settings (laCode), or null with the reason in plain
 * English: what the committee paper and the overview screen call.
 */
export function compareSettingsCouncil(db: Db, year?: number): { comparison: BenchmarkComparison | null; reason: string | null } {
  if (!hasBenchmarks(db)) return { comparison: null, reason: 'No DfE indicator file has been imported.' };
  const { laCode } = getSettings(db);
  if (!laCode) return { comparison: null, reason: 'The council\'s DfE code is not set (settings: laCode, e.g. "892" for Nottingham).' };
  try {
    return { comparison: compareCouncil(db, { la: laCode, ...(year !== undefined ? { year } : {}) }), reason: null };
  } catch (err) {
    if (err instanceof CouncilNotFoundError || err instanceof BenchmarkYearError) return { comparison: null, reason: err.message };
    throw err;
  }
}
