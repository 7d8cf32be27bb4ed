// `benchmark`: the council's published DfE row beside England, its region and its statistical
// neighbours (mean and rank) for one year; --reconcile adds its own figures against the published
// row for that year (or, without --year, every year its own data covers).
import { DataError, UsageError, type Command } from '../command';
import { getSettings } from '../../settings';
import { compareCouncil, BenchmarkYearError } from '../../benchmarks/compare';
import { CouncilNotFoundError } from '../../benchmarks/council';
import { reconcileCouncil } from '../../benchmarks/reconcile';
import { formatComparison, formatReconciliation } from '../../benchmarks/format-table';
import { ownMeasuresAt } from '../../benchmarks/measures-link';

export const benchmarkCommand: Command = {
  name: 'benchmark',
  readsOnly: true,
  summary: 'Compare the council with England, its region and its statistical neighbours (DfE published figures).',
  usage:
    'benchmark [--la CODE_OR_NAME] [--year YYYY] [--reconcile] [--json]\n\n' +
    '  --la         the council: DfE code (e.g. 892) or name (default: the laCode setting)\n' +
    '  --year       the DfE year (30 September), default the latest imported\n' +
    '  --reconcile  also recompute your own figures at 30 September and compare them with the published row',
  options: {
    la: { type: 'string' },
    year: { type: 'string' },
    reconcile: { type: 'boolean' },
  },
  async run(ctx) {
    const yearText = ctx.values.year as string | undefined;
    if (yearText !== undefined && !/^\d{4}$/.test(yearText)) throw new UsageError(`--year must be a four-digit year such as 2024; got "${yearText}".`);
    const db = ctx.db();
    const la = (ctx.values.la as string | undefined) ?? getSettings(db).laCode;
    if (!la) {
      throw new UsageError('Which council? Pass --la with its DfE code or name (e.g. --la 892 or --la Nottingham), or set laCode in the settings.');
    }
    try {
      const comparison = compareCouncil(db, { la, ...(yearText ? { year: Number(yearText) } : {}) });
      const reconciliation = ctx.values.reconcile
        ? reconcileCouncil(db, { la, compute: ownMeasuresAt, ...(yearText ? { years: [Number(yearText)] } : {}) })
        : undefined;
      if (ctx.json) {
        ctx.out(JSON.stringify(reconciliation ? { ...comparison, reconciliation } : comparison, null, 2));
      } else {
        ctx.out(formatComparison(comparison));
        if (reconciliation) ctx.out('\n' + formatReconciliation(reconciliation));
      }
      return 0;
    } catch (err) {
      if (err instanceof CouncilNotFoundError || err instanceof BenchmarkYearError) throw new DataError(err.message);
      throw err;
    }
  },
};
