// The overview: the headline figures at the app's as-at date against a year ago and the targets,
// then the trends, caseloads by team and the comparison with the DfE's published figures. A date
// the data does not cover shows no figure and no verdict; a figure from a handful of people
// carries a caution instead of a verdict.
import { useState, type MouseEvent } from 'react';
import type { AppStatus, BenchmarkSummaryResult } from '../../shared/api';
import type { Metrics } from '../../shared/metrics';
import { BENCHMARK_MEASURES, type BenchmarkMeasureKey } from '../../shared/benchmarks';
import type { CoverageNeed } from '../../shared/coverage';
import { call } from '../api';
import { useLoad } from '../hooks';
import { formatAverage, formatCount, formatFte, formatMoney, formatRate, roundHalfAway } from '../../shared/format';
import { formatLongDate } from '../../shared/dates';
import { coverageSentence, coversDate, headlineTiles, leaverCharts, overviewCharts, type Covers, type Targets } from '../overview-model';
import { ChartCard } from '../components/ChartCard';
import { Tile } from '../components/Tile';
import { FilterBar } from '../components/FilterBar';
import { normaliseFilter, type MeasureFilter } from '../../shared/filters';
import { DrillLink } from '../components/DrillDown';
import { PrintButton } from '../components/PrintButton';
import { SaveCsv } from '../components/SaveCsv';
import { plural, tileDrill } from '../drill-model';
import { AsAtForm, useAsAt } from '../components/AsAtForm';
import { DataTable, Loading, Notice, PageHeading } from '../components/ui';

interface OverviewData {
  /** Null when the data does not cover the date at all. */
  metrics: Metrics | null;
  bench: BenchmarkSummaryResult | null;
  /** Your own figures at the published figures' date (30 September of the DfE year), when covered. */
  own: Metrics | null;
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

/** The overview's parts, in the order of its contents bar. */
const PARTS = [
  { id: 'ov-tiles', label: 'Headline figures' },
  { id: 'ov-trends', label: 'Trends' },
  { id: 'ov-teams', label: 'Caseloads by team' },
  { id: 'ov-comparison', label: 'How do we compare?' },
] as const;

export function Overview({ status }: { status: AppStatus }) {
  const { asAt, range } = useAsAt();
  const covers = range?.covers;
  const [filter, setFilter] = useState<MeasureFilter>({});
  // The demo council's made-up figures, said on the screen that shows them (and mixed with yours
  // if your own files were imported on top).
  const demo = useLoad(() => call('demoStatus', {}), [status.empty]);

  const data = useLoad<OverviewData | null>(async () => {
    if (!asAt || !range || status.empty || !status.modules.measures) return null;
    const covered = coversDate(asAt, 'staff', covers);
    // The published figures are council-wide, so your own figures beside them are too.
    const filtered = normaliseFilter(filter) !== null;
    const [metrics, settings, config, bench] = await Promise.all([
      covered ? call('computeMetrics', { asAt, months: 24, filter }) : Promise.resolve(null),
      call('getSettings', {}),
      call('getPaperConfig', {}),
      comparisonFor(asAt),
    ]);
    const ownAt = bench?.available && bench.year ? `${bench.year}-09-30` : null;
    const own = !ownAt || !coversDate(ownAt, 'staff', covers) ? null : ownAt === asAt && !filtered ? metrics : await call('computeMetrics', { asAt: ownAt, months: 1 });
    return { metrics, bench, own, threshold: settings.caseloadThreshold, targets: config ? targetsFrom(config) : NO_TARGETS };
  }, [asAt, range, status.empty, filter]);

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
      {!status.empty && demo.data?.files.length ? (
        <Notice kind="info" title="These are the demo council’s made-up figures">
          <p data-demo-notice>
            The demo council is loaded. Before you import your own exports, <a href="#/import">remove it on the Import screen</a> (one step, with a
            backup), or its figures will be mixed with yours.
          </p>
        </Notice>
      ) : null}
      {status.empty ? null : <AsAtForm />}
      {status.empty ? null : <FilterBar value={filter} onChange={setFilter} />}
      {data.data?.metrics ? <ContentsBar parts={PARTS} /> : null}
      {data.loading && asAt ? <Loading what="the figures" /> : null}
      {data.error ? (
        <Notice kind="error" title="The figures could not be worked out">
          <p>{data.error}</p>
        </Notice>
      ) : null}
      {data.data && asAt ? <Figures {...data.data} asAt={asAt} covers={covers} filter={filter} /> : null}
    </>
  );
}

/** A short list of the page's parts; each link moves to its heading (focus included). */
function ContentsBar({ parts }: { parts: ReadonlyArray<{ id: string; label: string }> }) {
  function go(e: MouseEvent, id: string) {
    // The page's hash is the screen's address, so the link moves focus instead of changing it.
    e.preventDefault();
    const h = document.getElementById(id);
    h?.scrollIntoView({ block: 'start' });
    h?.focus();
  }
  return (
    <nav className="contents-bar" aria-label="On this page">
      <ul>
        {parts.map((p) => (
          <li key={p.id}>
            <a href={`#/overview/${p.id}`} onClick={(e) => go(e, p.id)}>
              {p.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Heading({ part, children }: { part: (typeof PARTS)[number]['id']; children?: string }) {
  return (
    <h2 id={part} tabIndex={-1}>
      {children ?? PARTS.find((p) => p.id === part)!.label}
    </h2>
  );
}

function Figures({ metrics, threshold, targets, bench, own, asAt, covers, filter }: OverviewData & { asAt: string; covers: Covers | undefined; filter: MeasureFilter }) {
  if (!metrics) {
    return (
      <>
        <Notice kind="warning" title={`Your data does not cover ${formatLongDate(asAt)}`}>
          <p>
            {coverageSentence(covers) ?? 'Your data does not reach this date.'} There are no figures, and no verdicts against targets, for a date outside it: choose a date
            within it above.
          </p>
        </Notice>
        <Comparison bench={bench} own={own} covers={covers} />
      </>
    );
  }
  const tiles = headlineTiles(metrics, targets, threshold, covers);
  const charts = [...overviewCharts(metrics, threshold, covers), ...leaverCharts(metrics).filter((c) => c.categories.length > 0 && metrics.leavers.headcount > 0)];
  const casesCovered = coversDate(asAt, 'cases', covers);
  return (
    <>
      <div className="button-row no-print">
        <PrintButton what="the overview" />
      </div>
      <Heading part="ov-tiles">{`Headline figures at ${formatLongDate(metrics.asAt)}`}</Heading>
      <ul className="tiles" aria-label="Headline figures">
        {tiles.map((t) => (
          <Tile
            key={t.id}
            tile={t}
            links={tileDrill(t.id, metrics).map((d) => (
              <p key={d.what} className="tile-drill">
                <DrillLink what={d.what} asAt={metrics.asAt} filter={filter}>{d.text}</DrillLink>
              </p>
            ))}
          />
        ))}
      </ul>
      {casesCovered ? (
        <p className="hint">
          Agency cost premium: {formatMoney(metrics.agency.costPremium)} a year.{' '}
          <DrillLink what="overThreshold" asAt={metrics.asAt} filter={filter}>{plural(metrics.caseload.overThreshold, 'case holder', 'case holders')} above the caseload threshold of {threshold}</DrillLink>;{' '}
          <DrillLink what="asyeOverCap" asAt={metrics.asAt} filter={filter}>{plural(metrics.caseload.asyeOverCap, 'ASYE worker', 'ASYE workers')} above their cap</DrillLink>;{' '}
          <DrillLink what="starters" asAt={metrics.asAt} filter={filter}>{plural(metrics.starters.headcount, 'starter', 'starters')} in the 12 months</DrillLink>
          {metrics.vacancy ? (
            <>
              ; <DrillLink what="vacancies" asAt={metrics.asAt} filter={filter}>{formatFte(metrics.vacancy.fte)} FTE of funded posts vacant</DrillLink>
            </>
          ) : null}
          .
        </p>
      ) : null}
      <Heading part="ov-trends" />
      {charts.length ? (
        <div className="charts">
          {charts.map((c) => (
            <ChartCard key={c.id} spec={c} />
          ))}
        </div>
      ) : (
        <p>Your data covers too few months before this date to draw a trend.</p>
      )}
      <Heading part="ov-teams" />
      {casesCovered ? (
        <DataTable
          caption={`Caseloads by team at ${formatLongDate(metrics.asAt)}`}
          columns={['Team', 'Cases', 'Case holders', 'Case-holder FTE', 'Per worker', 'Per FTE (DfE)']}
          numeric={[1, 2, 3, 4, 5]}
          rows={metrics.caseload.byTeam.map((t) => [
            t.team,
            formatCount(t.cases),
            <DrillLink key={t.team} what="caseHolders" asAt={metrics.asAt} filter={{ ...filter, teams: [t.team] }} label={`${formatCount(t.caseHolders.headcount)} case holders in ${t.team}`}>
              {formatCount(t.caseHolders.headcount)}
            </DrillLink>,
            formatFte(t.caseHolders.fte),
            formatAverage(t.averagePerWorker),
            formatAverage(t.averageFte),
          ])}
        />
      ) : null}
      {casesCovered ? (
        <SaveCsv
          fileName={`caseloads-by-team-${metrics.asAt}`}
          label={`Caseloads by team at ${formatLongDate(metrics.asAt)}`}
          columns={['Team', 'Cases', 'Case holders', 'Case-holder FTE', 'Per worker', 'Per FTE (DfE)']}
          rows={metrics.caseload.byTeam.map((t) => [t.team, t.cases, t.caseHolders.headcount, roundHalfAway(t.caseHolders.fte, 1), t.averagePerWorker === null ? null : roundHalfAway(t.averagePerWorker, 1), t.averageFte === null ? null : roundHalfAway(t.averageFte, 1)])}
        />
      ) : (
        <p>Your case allocations do not cover {formatLongDate(asAt)}, so there are no caseloads by team for it.</p>
      )}
      <Comparison bench={bench} own={own} covers={covers} />
    </>
  );
}

/** Your own figure for a published measure, at the published date; null when not measured there. */
function ownFigure(key: BenchmarkMeasureKey, m: Metrics, covers: Covers | undefined): { value: number | null; note?: string } {
  const need: Record<BenchmarkMeasureKey, CoverageNeed | null> = { turnover: 'history', agencyRate: 'staff', vacancyRate: 'staff', caseload: 'cases', fte: 'staff', absence: null };
  const n = need[key];
  if (n === null) return { value: null, note: 'not in your data' };
  if (!coversDate(m.asAt, n, covers)) return { value: null, note: 'your data does not cover it' };
  switch (key) {
    case 'turnover':
      return { value: m.turnover.rateFte };
    case 'agencyRate':
      return { value: m.agency.rateFte };
    case 'vacancyRate':
      return m.vacancy ? { value: m.vacancy.rate } : { value: null, note: 'no establishment imported' };
    case 'caseload':
      return { value: m.caseload.averageFte };
    case 'fte':
      return { value: m.inPost.fte };
    default:
      return { value: null };
  }
}

function Comparison({ bench, own, covers }: { bench: BenchmarkSummaryResult | null; own: Metrics | null; covers: Covers | undefined }) {
  if (!bench) return null;
  if (!bench.available)
    return (
      <>
        <Heading part="ov-comparison" />
        <p>
          {bench.message} To compare with England, your region and your statistical neighbours, import the DfE’s published workforce indicators on the <a href="#/import">Import</a> screen and set your council’s DfE code in <a href="#/settings">Settings</a>.
        </p>
      </>
    );
  const published = `30 September ${bench.year}`;
  const unit = (key: string) => BENCHMARK_MEASURES.find((b) => b.key === key)?.unit;
  const show = (v: number | null, key: string) => (v === null ? 'not available' : unit(key) === 'percent' ? formatRate(v) : unit(key) === 'FTE' ? formatFte(v) : formatAverage(v));
  const order = (key: string) => (BENCHMARK_MEASURES.find((b) => b.key === key)?.rankOrder === 'highest first' ? 'largest' : 'lowest');
  const councils = Math.max(0, ...bench.rows.map((r) => r.of ?? 0));
  return (
    <>
      <Heading part="ov-comparison" />
      <p className="hint">
        The DfE’s published figures for {published} ({bench.source}), with your own figures worked out from your data for the same date, so you can see where they differ.
        {councils
          ? ` Rank compares the published figures of your council and its ${formatCount(councils - 1)} statistical neighbours: 1 = lowest of ${formatCount(councils)} councils (for social workers in post, 1 = the largest); a council with no published figure is left out.`
          : ''}
      </p>
      <DataTable
        caption={`Published figures for ${published}, with your own figures for the same date`}
        columns={['Measure', `Your council, published for ${published}`, `Your council, from your data at ${published}`, 'England', 'Region', 'Statistical neighbours (mean)', 'Rank among your council and its neighbours']}
        numeric={[1, 2, 3, 4, 5, 6]}
        rows={bench.rows.map((r) => {
          const mine = own ? ownFigure(r.measure as BenchmarkMeasureKey, own, covers) : { value: null, note: 'your data does not cover it' };
          return [
            r.label,
            show(r.council, r.measure),
            mine.value === null ? mine.note ?? 'not applicable' : show(mine.value, r.measure),
            show(r.england, r.measure),
            show(r.region, r.measure),
            show(r.neighboursMean, r.measure),
            r.rank === null ? 'not available' : `${r.rank} of ${r.of}${order(r.measure) === 'largest' ? ' (1 = largest)' : ''}`,
          ];
        })}
      />
      <SaveCsv
        fileName={`comparison-${bench.year}`}
        label={`Published figures for ${published}, with your own figures for the same date`}
        columns={['Measure', 'Your council (published)', 'Your council (from your data)', 'England', 'Region', 'Statistical neighbours (mean)', 'Rank among neighbours', 'Councils ranked']}
        rows={bench.rows.map((r) => [r.label, r.council, own ? ownFigure(r.measure as BenchmarkMeasureKey, own, covers).value : null, r.england, r.region, r.neighboursMean, r.rank, r.of])}
      />
    </>
  );
}
