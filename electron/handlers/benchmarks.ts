// The comparison with England, region and statistical neighbours for the council in Settings.
import type { BenchmarkSummaryResult } from '../../shared/api';
import { compareSettingsCouncil } from '../benchmarks';
import type { AppContext } from './context';

export function benchmarkSummary(ctx: AppContext, year?: number): BenchmarkSummaryResult {
  const { comparison, reason } = compareSettingsCouncil(ctx.db(), year);
  if (!comparison) return { available: false, message: reason ?? 'No comparison is available.', year: null, source: null, rows: [] };
  return {
    available: true,
    message: `${comparison.council.name} compared with England, its region and its statistical neighbours.`,
    year: comparison.year,
    source: comparison.source,
    rows: comparison.measures.map((m) => ({
      measure: m.measure,
      label: m.label,
      council: m.council.value,
      england: m.england.value,
      region: m.region.value,
      neighboursMean: m.neighbours.mean,
      rank: m.rank.position,
      of: m.rank.of,
    })),
  };
}
