// England's published figures from the DfE indicator file. England's row does not depend on the
// council, so the paper can quote it even before the council's DfE code is set (the benchmarks
// module compares a named council; this reads only the National row, read-only).
import type { Db } from '../db/open';
import { BENCHMARK_MEASURES, dfeSource, type BenchmarkMeasureKey, type BenchmarkUnit, type PublishedFigure } from '../../shared/benchmarks';

export interface EnglandFigures {
  year: number;
  source: string;
  measures: Array<{ measure: BenchmarkMeasureKey; label: string; unit: BenchmarkUnit; england: PublishedFigure }>;
}

/** England's figures for the latest published year on or before `year`; null when none is loaded. */
export function englandFigures(db: Db, year: number): EnglandFigures | null {
  const row = db
    .prepare(`SELECT * FROM dfe_indicator WHERE level = 'National' AND year <= ? ORDER BY year DESC LIMIT 1`)
    .get(year) as Record<string, unknown> | undefined;
  if (!row) return null;
  const y = Number(row.year);
  return {
    year: y,
    source: dfeSource(y),
    measures: BENCHMARK_MEASURES.map((m) => {
      const v = row[m.column];
      const symbol = row[`${m.column}_symbol`];
      return {
        measure: m.key,
        label: m.label,
        unit: m.unit,
        england: { value: typeof v === 'number' ? v : null, symbol: typeof symbol === 'string' ? symbol : null },
      };
    }),
  };
}
