// The overview: pick an as-at date, see the headline figures against a year ago and the targets,
// then the trends, each chart with its data table a click away.
import { useEffect, useState, type FormEvent } from 'react';
import type { AppStatus, BenchmarkSummaryResult } from '../../shared/api';
import type { Metrics } from '../../shared/metrics';
import { call } from '../api';
import { useLoad } from '../hooks';
import { formatAverage, formatCount, formatFte, formatMoney, formatRate } from '../../shared/format';
import { formatLongDate } from '../../shared/dates';
import { headlineTiles, leaverCharts, overviewCharts, type Targets } from '../overview-model';
import { ChartCard } from '../components/ChartCard';
import { FilterBar } from '../components/FilterBar';
import type { MeasureFilter } from '../../shared/filters';
import { DataTable, Loading, Notice, PageHeading } from '../components/ui';

interface OverviewData {
  metrics: Metrics;
  bench: BenchmarkSummaryResult | null;
  threshold: number;
  targets: Targets;
}

const NO_TARGETS: Targets = { caseload: null, agencyRate: null, turnover: null, asyeInProgress: null };

/** The DfE year that matches the as-at date (its figures are at 30 September), else the latest published. */
async function comparisonFor(asAt: string): Promise<BenchmarkSummaryResult | null> {
  const y = Number(asAt.slice(0, 4));
  const year = asAt.slice(5) >= '09-30' ? y : y - 1;
  try {
    const exact = await call('benchmarkSummary', { year });
    return exact.available ? exact : await call('benchmarkSummary', {});
  } catch {
    return null;
  }
}

function targetsFrom(config: Record<string, unknown>): Targets {
  const t = (config.targets ?? {}) as Partial<Targets>;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return { caseload: num(t.caseload), agencyRate: num(t.agencyRate), turnover: num(t.turnover), asyeInProgress: num(t.asyeInProgress) };
}

export function Overview({ status }: { status: AppStatus }) {
  const [asAt, setAsAt] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [filter, setFilter] = useState<MeasureFilter>({});
  const range = useLoad(() => call('dataRange', {}), []);

  useEffect(() => {
    if (range.data && asAt === null) {
      setAsAt(range.data.suggestedAsAt);
      setDraft(range.data.suggestedAsAt);
    }
  }, [range.data, asAt]);

  const data = useLoad<OverviewData | null>(async () => {
    if (!asAt || status.empty || !status.modules.measures) return null;
    const [metrics, settings, config, bench] = await Promise.all([
      call('computeMetrics', { asAt, months: 24, filter }),
      call('getSettings', {}),
      call('getPaperConfig', {}),
      comparisonFor(asAt),
    ]);
    return { metrics, bench, threshold: settings.caseloadThreshold, targets: config ? targetsFrom(config) : NO_TARGETS };
  }, [asAt, status.empty, filter]);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (/^\d{4}-\d{2}-\d{2}$/.test(draft)) setAsAt(draft);
  }

  return (
    <>
      <PageHeading lead="The headline workforce figures at one date, compared with a year earlier and with your targets.">Overview</PageHeading>
      {status.empty ? (
        <Notice kind="info" title="There is no data yet">
          <p>
            <a href="#/import">Import your exports</a> or <a href="#/welcome">explore the demo council</a> to see figures here.
          </p>
        </Notice>
      ) : null}
      {!status.modules.measures ? (
        <Notice kind="info" title="The figures are not available yet">
          <p>The workforce measures are not available in this version of Scrutiny Pack yet.</p>
        </Notice>
      ) : null}
      {status.empty ? null : (
      <form className="inline-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="as-at">As-at date</label>
          <p className="hint" id="as-at-hint">
            Figures are for this day; changes compare with the same day a year earlier.
          </p>
          <input id="as-at" type="date" value={draft} aria-describedby="as-at-hint" onChange={(e) => setDraft(e.target.value)} required />
        </div>
        <button type="submit" className="button">
          Show figures
        </button>
      </form>
      )}
      {status.empty ? null : <FilterBar value={filter} onChange={setFilter} />}
      {data.loading && asAt ? <Loading what="the figures" /> : null}
      {data.error ? (
        <Notice kind="error" title="The figures could not be worked out">
          <p>{data.error}</p>
        </Notice>
      ) : null}
      {data.data ? <Figures {...data.data} /> : null}
    </>
  );
}

function Comparison({ bench }: { bench: BenchmarkSummaryResult | null }) {
  if (!bench) return null;
  if (!bench.available)
    return (
      <>
        <h2>How do we compare?</h2>
        <p>
          {bench.message} To compare with England, your region and your statistical neighbours, import the DfE’s published workforce indicators on the <a href="#/import">Import</a> screen and set your council’s DfE code in <a href="#/settings">Settings</a>.
        </p>
      </>
    );
  const show = (v: number | null, label: string) => (v === null ? 'not available' : /rate/i.test(label) ? formatRate(v) : formatAverage(v));
  return (
    <>
      <h2>How do we compare?</h2>
      <p className="hint">Published figures from {bench.source}. Rank 1 is the lowest rate or caseload among your council and its statistical neighbours.</p>
      <DataTable
        caption={`Published figures, 30 September ${bench.year}`}
        columns={['Measure', 'Your council', 'England', 'Region', 'Statistical neighbours (mean)', 'Rank among neighbours']}
        numeric={[1, 2, 3, 4, 5]}
        rows={bench.rows.map((r) => [r.label, show(r.council, r.label), show(r.england, r.label), show(r.region, r.label), show(r.neighboursMean, r.label), r.rank === null ? 'not available' : `${r.rank} of ${r.of}`])}
      />
    </>
  );
}

function Figures({ metrics, threshold, targets, bench }: OverviewData) {
  const tiles = headlineTiles(metrics, targets, threshold);
  const charts = [...overviewCharts(metrics, threshold), ...leaverCharts(metrics).filter((c) => c.categories.length > 0 && metrics.leavers.headcount > 0)];
  return (
    <>
      <h2>Headline figures at {formatLongDate(metrics.asAt)}</h2>
      <ul className="tiles" aria-label="Headline figures">
        {tiles.map((t) => (
          <li key={t.id} className={`tile tile-${t.target.status.replace(' ', '-')}`} data-tile={t.id}>
            <h3 className="tile-label">{t.label}</h3>
            <p className="tile-value" data-value>
              {t.value}
            </p>
            <p className="tile-caption">{t.caption}</p>
            <p className="tile-change">{t.change}</p>
            <p className={`tile-target target-${t.target.status.replace(' ', '-')}`}>
              {t.target.status === 'met' ? <span aria-hidden="true">✓ </span> : t.target.status === 'not met' ? <span aria-hidden="true">✗ </span> : null}
              {t.target.text}
            </p>
          </li>
        ))}
      </ul>
      <p className="hint">
        Agency cost premium: {formatMoney(metrics.agency.costPremium)} a year. {metrics.caseload.overThreshold} case holders above the caseload threshold of {threshold};{' '}
        {metrics.caseload.asyeOverCap} ASYE workers above their cap.
      </p>
      <h2>Trends</h2>
      <div className="charts">
        {charts.map((c) => (
          <ChartCard key={c.id} spec={c} />
        ))}
      </div>
      <Comparison bench={bench} />
      <h2>Caseloads by team</h2>
      <DataTable
        caption={`Caseloads by team at ${formatLongDate(metrics.asAt)}`}
        columns={['Team', 'Cases', 'Case holders', 'Case-holder FTE', 'Per worker', 'Per FTE (DfE)']}
        numeric={[1, 2, 3, 4, 5]}
        rows={metrics.caseload.byTeam.map((t) => [
          t.team,
          formatCount(t.cases),
          formatCount(t.caseHolders.headcount),
          formatFte(t.caseHolders.fte),
          formatAverage(t.averagePerWorker),
          formatAverage(t.averageFte),
        ])}
      />
    </>
  );
}
