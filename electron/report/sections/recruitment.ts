// Section: recruitment and retention. Starters and leavers by month, the turnover trend, the
// stability index, and leavers by reason, length of service and years since qualification
// (breakdown tables, small numbers suppressed; the charts show the same suppressed values).
import { formatLongDate } from '../../../shared/dates';
import { LEAVING_REASONS, LEAVING_REASON_LABEL, type LeavingReason } from '../../../shared/domain';
import { SERVICE_BANDS, YEARS_QUALIFIED_BANDS } from '../../../shared/metrics';
import { LEAVER_DESTINATION, NOT_RECORDED, START_ORIGIN } from '../../../shared/census-codes';
import { breakdownSummary, plural, trendSummary } from '../../../shared/summaries';
import { describeChange } from '../../../shared/format';
import { suppressBreakdown, suppressSeries, suppressionFootnote, cellText, type SuppressedCell } from '../../../shared/suppression';
import type { BarChartSpec, LineChartSpec } from '../../../shared/charts/spec';
import type { Block, TableBlock } from '../model';
import { count, one, pct, paragraphs } from '../text';
import { seriesLabels, type SectionInput } from './input';

export function movementsSpec(input: SectionInput): LineChartSpec {
  const { metrics: m, context } = input;
  const monthly = context.extras?.monthly;
  if (monthly && monthly.length) {
    const starters = monthly.map((x) => x.starters);
    const leavers = monthly.map((x) => x.leavers);
    const sum = (v: number[], n: number) => v.slice(-n).reduce((a, b) => a + b, 0);
    // A month's count is a breakdown of the 12-month totals given in the words: small numbers
    // are hidden (the point is left out, labelled c), the totals are not.
    const threshold = context.settings.smallNumberThreshold;
    const s = suppressSeries(starters, threshold);
    const l = suppressSeries(leavers, threshold);
    const published = (cells: SuppressedCell[]) => ({
      values: cells.map((c) => (c.suppressed ? null : c.value)),
      ...(cells.some((c) => c.suppressed) ? { valueText: cells.map((c) => (c.suppressed ? 'c' : undefined)) } : {}),
    });
    return {
      kind: 'line',
      id: 'starters-leavers',
      title: 'Social workers starting and leaving each month',
      summary:
        `In the 12 months to ${formatLongDate(m.asAt)}, ${plural(sum(starters, 12), 'directly employed social worker')} started and ${count(sum(leavers, 12))} left; ` +
        busiestMonth(monthly, l.cells, threshold) +
        (s.anySuppressed || l.anySuppressed ? " Some months' small numbers are not shown (marked c), to protect individuals." : ''),
      valueLabel: 'Social workers',
      decimals: 0,
      xTitle: 'Month ending',
      xLabels: seriesLabels(m),
      series: [{ name: 'Starters', ...published(s.cells) }, { name: 'Leavers', ...published(l.cells) }],
    };
  }
  return {
    kind: 'line',
    id: 'starters-leavers',
    title: 'Starters and leavers in the 12 months to each month end',
    summary: trendSummary(
      [{ name: 'Starters in the previous 12 months', values: m.series.map((p) => p.starters.headcount) },
        { name: 'Leavers in the previous 12 months', values: m.series.map((p) => p.leavers.headcount) }],
      m.asAt, { decimals: 0 }, {}),
    valueLabel: 'Social workers (12-month totals)',
    decimals: 0,
    xTitle: 'Month end',
    xLabels: seriesLabels(m),
    series: [
      { name: 'Starters', values: m.series.map((p) => p.starters.headcount) },
      { name: 'Leavers', values: m.series.map((p) => p.leavers.headcount) },
    ],
  };
}

export function turnoverSpec(input: SectionInput): LineChartSpec {
  const m = input.metrics;
  const target = input.config.targets.turnover;
  const values = m.series.map((p) => p.turnover.rateFte);
  const spec: LineChartSpec = {
    kind: 'line',
    id: 'turnover-trend',
    title: 'Turnover rate (FTE, 12 months to each month end)',
    summary: trendSummary([{ name: 'Turnover', values }], m.asAt, { decimals: 1, unit: '%' },
      { ...(target !== null ? { limit: { value: target, name: 'the target', higherIsWorse: true } } : {}) }),
    valueLabel: 'Leavers FTE as % of FTE in post',
    decimals: 1,
    unit: '%',
    xTitle: 'Month end',
    xLabels: seriesLabels(m),
    series: [{ name: 'Turnover', values }],
  };
  if (target !== null) spec.reference = { value: target, label: `Target: ${target}%` };
  return spec;
}

function busiestMonth(monthly: Array<{ date: string; leavers: number }>, cells: SuppressedCell[], threshold: number): string {
  const recent = monthly.slice(-12);
  const recentCells = cells.slice(-12);
  const best = recent.reduce((b, x) => (x.leavers > b.leavers ? x : b), recent[0]!);
  if (best.leavers === 0) return 'nobody left in any month.';
  // Naming the busiest month would publish a count the table hides.
  const i = recent.indexOf(best);
  if (best.leavers <= threshold) return `no month had more than ${threshold} leavers.`;
  if (recentCells[i]?.suppressed) return 'the busiest month is not named, to protect individuals.';
  return `the most leavers in one month was ${count(best.leavers)}, in ${formatMonthLong(best.date)}.`;
}

function formatMonthLong(iso: string): string {
  return formatLongDate(iso).replace(/^\d+ /, '');
}

interface Breakdown {
  id: string;
  title: string;
  heading: string;
  categories: string[];
  counts: number[];
  /** Who is counted (default leavers; starters for where starters came from). */
  noun?: 'leaver' | 'starter';
}

function breakdownBlocks(input: SectionInput, b: Breakdown, chart: boolean): Block[] {
  const noun = b.noun ?? 'leaver';
  const nouns = `${noun}s`;
  const Nouns = noun === 'starter' ? 'Starters' : 'Leavers';
  const threshold = input.context.settings.smallNumberThreshold;
  const s = suppressBreakdown(b.counts, threshold);
  const period = `in the 12 months to ${formatLongDate(input.metrics.asAt)}`;
  const table: TableBlock = {
    id: b.id,
    caption: `${b.title} ${period}`,
    columns: [{ header: b.heading, align: 'left' }, { header: Nouns, align: 'right' }],
    rows: b.categories.map((c, i) => [c, cellText(s.cells[i]!, count)]),
    totalRow: [`All ${nouns}`, count(s.total)],
    footnotes: s.anySuppressed ? [suppressionFootnote(threshold)] : [],
  };
  const blocks: Block[] = [];
  // When every group has to be hidden, a table of c's tells the reader nothing: say so instead.
  if (s.total > 0 && s.cells.every((c) => c.suppressed || c.value === 0)) {
    return [{
      type: 'paragraph',
      text: `${b.title} ${period}: not published. With ${plural(s.total, noun)} in all, any breakdown would be small enough to identify individuals.`,
    }];
  }
  if (chart && s.total > 0) {
    const spec: BarChartSpec = {
      kind: 'bar',
      id: `${b.id}-chart`,
      title: `${b.title} ${period}`,
      summary: breakdownSummary([noun, nouns], s.total, b.categories, s.cells.map((c) => (c.suppressed ? null : c.value)), { period, suppressed: s.anySuppressed }),
      valueLabel: Nouns,
      decimals: 0,
      xTitle: b.heading,
      categories: b.categories,
      series: [{ name: Nouns, values: s.cells.map((c) => (c.suppressed ? null : c.value)) }],
      valueText: s.cells.map((c) => (c.suppressed ? 'c' : undefined)),
    };
    blocks.push(input.figures.add(spec));
  }
  blocks.push({ type: 'table', table });
  return blocks;
}

/** Categories in the published order, keeping any key the measures add (e.g. "not known"). */
function ordered(record: Record<string, number>, order: readonly string[]): string[] {
  return [...order.filter((k) => k in record), ...Object.keys(record).filter((k) => !order.includes(k))];
}

export function recruitmentSection(input: SectionInput): Block[] {
  const { metrics: m, config, figures } = input;
  const blocks: Block[] = [];
  const commentary = paragraphs(config.commentary.recruitment);
  if (commentary.length) blocks.push({ type: 'commentary', paragraphs: commentary });
  blocks.push({
    type: 'paragraph',
    text:
      `In the 12 months to ${formatLongDate(m.asAt)}, ${plural(m.starters.headcount, 'directly employed social worker')} joined (${one(m.starters.fte)} FTE) ` +
      `and ${m.leavers.headcount.toLocaleString('en-GB')} left (${one(m.leavers.fte)} FTE). Turnover was ${pct(m.turnover.rateFte)} of FTE in post ` +
      `(${describeChange(m.turnover.rateFte, m.yearAgo.turnover.rateFte, 'rate')}, when it was ${pct(m.yearAgo.turnover.rateFte)}). ` +
      (m.stabilityIndex !== null
        ? `Of the social workers in post a year earlier, ${pct(m.stabilityIndex)} were still in post (the stability index; a year before that, ${pct(m.yearAgo.stabilityIndex)}).`
        : 'The stability index cannot be calculated because no social workers were in post a year earlier.'),
  });
  if (m.vacancy) {
    const before = m.yearAgo.vacancy;
    blocks.push({
      type: 'paragraph',
      text:
        `Against the funded establishment, ${one(m.vacancy.fte)} FTE of social work posts were vacant at ${formatLongDate(m.asAt)}: a vacancy rate of ${pct(m.vacancy.rate)}` +
        (before ? ` (${describeChange(m.vacancy.rate, before.rate, 'rate')}, when it was ${pct(before.rate)}).` : '.'),
    });
  }
  if (m.series.length > 1) {
    blocks.push(figures.add(movementsSpec(input)));
    blocks.push(figures.add(turnoverSpec(input)));
  }

  // Every reason, zeros included: a zero can then be hidden to protect a lone small count.
  const reasons = ordered({ ...Object.fromEntries(LEAVING_REASONS.map((r) => [r, 0])), ...m.leavers.byReason }, LEAVING_REASONS);
  blocks.push({ type: 'subheading', text: 'Why social workers left' });
  blocks.push(...breakdownBlocks(input, {
    id: 'leavers-by-reason',
    title: 'Leavers by reason for leaving',
    heading: 'Reason',
    categories: reasons.map((k) => LEAVING_REASON_LABEL[k as LeavingReason] ?? k),
    counts: reasons.map((k) => m.leavers.byReason[k] ?? 0),
  }, true));

  const yq = ordered(m.leavers.byYearsQualified, YEARS_QUALIFIED_BANDS);
  blocks.push({ type: 'subheading', text: 'Leavers by experience' });
  blocks.push(...breakdownBlocks(input, {
    id: 'leavers-by-years-qualified',
    title: 'Leavers by years since qualifying',
    heading: 'Years since qualifying',
    categories: yq.map((k) => bandLabel(k)),
    counts: yq.map((k) => m.leavers.byYearsQualified[k] ?? 0),
  }, true));

  const sb = ordered(m.leavers.byServiceBand, SERVICE_BANDS);
  blocks.push(...breakdownBlocks(input, {
    id: 'leavers-by-service',
    title: 'Leavers by length of service',
    heading: 'Years of service',
    categories: sb.map((k) => bandLabel(k)),
    counts: sb.map((k) => m.leavers.byServiceBand[k] ?? 0),
  }, false));
  blocks.push(...censusMovementBlocks(input));
  return blocks;
}

/** Where leavers went and starters came from, when a census return recorded it (LeaverDestination, StartOrigin). */
function censusMovementBlocks(input: SectionInput): Block[] {
  const { metrics: m } = input;
  const kinds = [
    { by: m.leavers.byDestination, labels: LEAVER_DESTINATION, noun: 'leaver', id: 'leavers-by-destination', subheading: 'Where leavers went', title: 'Leavers by where they went (census LeaverDestination)', heading: 'Destination' },
    { by: m.starters.byOrigin, labels: START_ORIGIN, noun: 'starter', id: 'starters-by-origin', subheading: 'Where starters came from', title: 'Starters by where they came from (census StartOrigin)', heading: 'Came from' },
  ] as const;
  return kinds.flatMap((k): Block[] => {
    const by = k.by;
    if (!by || !Object.entries(by).some(([code, n]) => code !== NOT_RECORDED && n > 0)) return [];
    const codes = [...Object.keys(k.labels), NOT_RECORDED];
    return [
      { type: 'subheading', text: k.subheading },
      ...breakdownBlocks(input, {
        id: k.id, title: k.title, heading: k.heading, noun: k.noun,
        categories: codes.map((c) => k.labels[c] ?? 'Not recorded'),
        counts: codes.map((c) => by[c] ?? 0),
      }, false),
    ];
  });
}

/** "<2" -> "Less than 2 years", "2-5" -> "2 to 5 years", "20+" -> "20 years or more". */
export function bandLabel(band: string): string {
  if (band.startsWith('<')) return `Less than ${band.slice(1)} ${band.slice(1) === '1' ? 'year' : 'years'}`;
  if (band.endsWith('+')) return `${band.slice(0, -1)} years or more`;
  const m = /^(\d+)-(\d+)$/.exec(band);
  if (m) return `${m[1]} to ${m[2]} years`;
  return band.charAt(0).toUpperCase() + band.slice(1);
}
