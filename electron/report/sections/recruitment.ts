// Section: recruitment and retention. Starters and leavers by month, the turnover trend, the
// stability index, and leavers by reason, length of service and years since qualification
// (breakdown tables, small numbers suppressed; the charts show the same suppressed values).
import { formatLongDate, formatMonthShort } from '../../../shared/dates';
import { LEAVING_REASONS, LEAVING_REASON_LABEL, type LeavingReason } from '../../../shared/domain';
import { SERVICE_BANDS, YEARS_QUALIFIED_BANDS } from '../../../shared/metrics';
import { breakdownSummary, plural, trendSummary } from '../../../shared/summaries';
import { describeChange } from '../../../shared/format';
import { suppressBreakdown, suppressSeries, suppressionFootnote, cellText, type SuppressedCell } from '../../../shared/suppression';
import type { BarChartSpec, LineChartSpec } from '../../../shared/charts/spec';
import type { Block, TableBlock } from '../model';
import { count, one, pct, paragraphs } from '../text';
import { coveredSeries, notCoveredSentence, seriesLabels, type SectionInput } from './input';
import { mergeNominal, mergeOrdered, type Category } from './merge-bands';
import { LEAVER_DESTINATION, NOT_RECORDED, START_ORIGIN } from '../../../shared/census-codes';
import { yearAgoCovered } from './summary';

/**
 * Starters and leavers month by month, or by quarter when months would hide too much. Each run
 * of 12 months (4 quarters), counted back from the latest, is suppressed against its total, which
 * the words give. A series hidden in most of its points is left out (a sentence says so), and a
 * chart with nothing left to draw becomes that sentence: `string` instead of a chart.
 */
export function movementsSpec(input: SectionInput): LineChartSpec | string {
  const { metrics: m, context } = input;
  // Only whole months the staff records cover: before that, nobody could be seen to join or leave.
  const from = m.coverage ? m.coverage.spellsFrom : '0000-01-01';
  const allMonths = context.extras?.monthly ?? [];
  const start = allMonths.findIndex((x) => from !== null && x.date.slice(0, 8) + '01' >= from);
  const monthly = start < 0 ? [] : allMonths.slice(start);
  if (allMonths.length && monthly.length < 2) return notCoveredSentence('Starters and leavers month by month', 'staff', m);
  if (monthly.length) {
    const threshold = context.settings.smallNumberThreshold;
    const starters = monthly.map((x) => x.starters);
    const leavers = monthly.map((x) => x.leavers);
    const sum = (v: number[], n: number) => v.slice(-n).reduce((x, y) => x + y, 0);
    const lead = `In the 12 months to ${formatLongDate(m.asAt)}, ${plural(sum(starters, 12), 'directly employed social worker')} started and ${count(sum(leavers, 12))} left.`;

    // Months first; quarters when months would hide more than a quarter of the points or any
    // count above the threshold (hidden only to protect a small one).
    const tooMuch = (cells: SuppressedCell[]) => cells.filter((c) => c.suppressed).length > cells.length / 4 || cells.some((c) => c.suppressed && c.value > threshold);
    let labels = seriesLabels(m).slice(start);
    let unit = 'month';
    let groups = { starters, leavers };
    let s = suppressSeries(starters, threshold);
    let l = suppressSeries(leavers, threshold);
    if (tooMuch(s.cells) || tooMuch(l.cells)) {
      const q = quarters(monthly.map((x) => x.date));
      labels = q.map((idx) => quarterLabel(monthly[idx[0]!]!.date, monthly[idx[idx.length - 1]!]!.date));
      groups = { starters: q.map((idx) => idx.reduce((t, i) => t + starters[i]!, 0)), leavers: q.map((idx) => idx.reduce((t, i) => t + leavers[i]!, 0)) };
      s = suppressSeries(groups.starters, threshold, 4);
      l = suppressSeries(groups.leavers, threshold, 4);
      unit = 'quarter';
    }
    // A line hidden in more than half its points says nothing: leave it out and say why.
    const series: LineChartSpec['series'] = [];
    const left: string[] = [];
    for (const [name, cells] of [['Starters', s.cells], ['Leavers', l.cells]] as const) {
      if (cells.filter((c) => c.suppressed).length > cells.length / 2) left.push(name.toLowerCase());
      else series.push({
        name,
        values: cells.map((c) => (c.suppressed ? null : c.value)),
        ...(cells.some((c) => c.suppressed) ? { valueText: cells.map((c) => (c.suppressed ? 'c' : undefined)) } : {}),
      });
    }
    const omitted = left.length
      ? ` ${capitalise(left.join(' and '))} ${unit === 'month' ? 'month by month' : 'by quarter'} ${left.length > 1 ? 'are' : 'is'} not shown: the numbers are small enough to identify individuals.`
      : '';
    if (!series.length) return lead + omitted;
    const shownHidden = series.some((x) => x.valueText);
    return {
      kind: 'line',
      id: 'starters-leavers',
      title: `Social workers starting and leaving each ${unit}`,
      summary: lead + busiest(series, labels, unit) + omitted +
        (shownHidden ? ` Some ${unit}s' small numbers are not shown (marked c), to protect individuals.` : ''),
      valueLabel: 'Social workers',
      decimals: 0,
      xTitle: unit === 'month' ? 'Month ending' : 'Quarter',
      xLabels: labels,
      series,
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

export function turnoverSpec(input: SectionInput): LineChartSpec | string {
  const m = input.metrics;
  const target = input.config.targets.turnover;
  const c = coveredSeries(input, 'history');
  if (!c.enough) return notCoveredSentence('Turnover', 'history', m);
  const values = c.points.map((p) => p.turnover.rateFte);
  const spec: LineChartSpec = {
    kind: 'line',
    id: 'turnover-trend',
    title: 'Turnover rate (FTE, 12 months to each month end)',
    summary: trendSummary([{ name: 'Turnover', values }], m.asAt, { decimals: 1, unit: '%' },
      { ...(target !== null ? { limit: { value: target, name: 'the target', higherIsWorse: true } } : {}) }) + c.note,
    valueLabel: 'Leavers FTE as % of FTE in post',
    decimals: 1,
    unit: '%',
    xTitle: 'Month end',
    xLabels: c.labels,
    series: [{ name: 'Turnover', values }],
  };
  if (target !== null) spec.reference = { value: target, label: `Target: ${target}%` };
  return spec;
}

/**
 * " The most leavers in one quarter was 7, in Jan-Mar 2025." Only from published points of the last
 * year, and never a bound on hidden ones ("no month had more than 4 leavers" would say what the
 * c's hide).
 */
function busiest(series: LineChartSpec['series'], labels: string[], unit: string): string {
  const leavers = series.find((x) => x.name === 'Leavers');
  if (!leavers) return '';
  const perYear = unit === 'month' ? 12 : 4;
  const from = Math.max(0, labels.length - perYear);
  let best = -1;
  for (let i = from; i < labels.length; i++) if (leavers.values[i] != null && (best < 0 || leavers.values[i]! > leavers.values[best]!)) best = i;
  if (best < 0 || !leavers.values[best]) return '';
  return ` The most leavers in one ${unit} was ${count(leavers.values[best]!)}, in ${labels[best]}.`;
}

/** Indexes of the months in each quarter, counted back in threes from the latest month. */
function quarters(dates: string[]): number[][] {
  const out: number[][] = [];
  for (let end = dates.length; end > 0; end -= 3) out.unshift(Array.from({ length: Math.min(3, end) }, (_, k) => end - Math.min(3, end) + k));
  return out;
}

/** "Jul-Sep 2025", "Nov 2024-Jan 2025". */
function quarterLabel(first: string, last: string): string {
  const a = formatMonthShort(first);
  const b = formatMonthShort(last);
  return a.slice(-4) === b.slice(-4) ? `${a.slice(0, 3)}-${b}` : `${a}-${b}`;
}

function capitalise(t: string): string {
  return t.charAt(0).toUpperCase() + t.slice(1);
}


interface Breakdown {
  id: string;
  title: string;
  heading: string;
  categories: Category[];
  /** Ordered bands merge with a neighbour; reasons merge into one "Other reasons" row. */
  merge: 'ordered' | 'nominal';
  /** Who is counted (default leavers; starters for where starters came from). */
  noun?: 'leaver' | 'starter';
  /** The row small nominal groups merge into (default "Other reasons"). */
  otherLabel?: string;
}

/** "<1" -> 0 to 1, "2-5" -> 2 to 5, "20+" -> 20 and over; anything else ("not known") never merges. */
function bandRange(band: string): Category['range'] {
  if (band.startsWith('<')) return { from: 0, to: Number(band.slice(1)) };
  if (band.endsWith('+')) return { from: Number(band.slice(0, -1)), to: null };
  const m = /^(\d+)-(\d+)$/.exec(band);
  return m ? { from: Number(m[1]), to: Number(m[2]) } : null;
}

function yearsLabel(from: number, to: number | null): string {
  return bandLabel(from === 0 && to !== null ? `<${to}` : to === null ? `${from}+` : `${from}-${to}`);
}

function breakdownBlocks(input: SectionInput, raw: Breakdown, chart: boolean): Block[] {
  const threshold = input.context.settings.smallNumberThreshold;
  // Small groups are merged before anything is hidden, so the largest group is never hidden to
  // protect a small one beside it; what is still small after merging is suppressed.
  const merged = raw.merge === 'ordered'
    ? mergeOrdered(raw.categories, threshold, yearsLabel)
    : mergeNominal(raw.categories, threshold, raw.otherLabel ?? 'Other reasons');
  const b = { ...raw, categories: merged.map((c) => c.label), counts: merged.map((c) => c.count) };
  const noun = raw.noun ?? 'leaver';
  const nouns = `${noun}s`;
  const Nouns = noun === 'starter' ? 'Starters' : 'Leavers';
  const s = suppressBreakdown(b.counts, threshold);
  const period = `in the 12 months to ${formatLongDate(input.metrics.asAt)}`;
  const table: TableBlock = {
    id: b.id,
    caption: `${b.title} ${period}`,
    columns: [{ header: b.heading, align: 'left' }, { header: Nouns, align: 'right' }],
    rows: b.categories.map((c, i) => [c, cellText(s.cells[i]!, count)]),
    totalRow: [`All ${nouns}`, count(s.total)],
    footnotes: [
      ...merged.filter((c) => c.merged).map((c) => `${c.label} combines ${c.merged}, each too small to show on its own.`),
      ...(s.anySuppressed ? [suppressionFootnote(threshold)] : []),
    ],
  };
  const blocks: Block[] = [];
  // When every group has to be hidden, a table of c's tells the reader nothing: say so instead.
  if (s.total > 0 && (s.unprotectable || s.cells.every((c) => c.suppressed || c.value === 0))) {
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
  const ya = yearAgoCovered(m);
  const blocks: Block[] = [];
  const commentary = paragraphs(config.commentary.recruitment);
  if (commentary.length) blocks.push({ type: 'commentary', paragraphs: commentary });
  blocks.push({
    type: 'paragraph',
    text:
      `In the 12 months to ${formatLongDate(m.asAt)}, ${plural(m.starters.headcount, 'directly employed social worker')} joined (${one(m.starters.fte)} FTE) ` +
      `and ${m.leavers.headcount.toLocaleString('en-GB')} left (${one(m.leavers.fte)} FTE). Turnover was ${pct(m.turnover.rateFte)} of FTE in post ` +
      (ya.turnover.rateFte === null
        ? '(the imported records do not cover the year before, so there is no comparison). '
        : `(${describeChange(m.turnover.rateFte, ya.turnover.rateFte, 'rate')}, when it was ${pct(ya.turnover.rateFte)}). `) +
      (m.stabilityIndex !== null
        ? `Of the social workers in post a year earlier, ${pct(m.stabilityIndex)} were still in post (the stability index` +
          (ya.stabilityIndex === null ? ').' : `; a year before that, ${pct(ya.stabilityIndex)}).`)
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
    const movements = movementsSpec(input);
    blocks.push(typeof movements === 'string' ? { type: 'paragraph', text: movements } : figures.add(movements));
    const turnover = turnoverSpec(input);
    blocks.push(typeof turnover === 'string' ? { type: 'paragraph', text: turnover } : figures.add(turnover));
  }

  // Every reason, zeros included: a zero can then be hidden to protect a lone small count.
  const reasons = ordered({ ...Object.fromEntries(LEAVING_REASONS.map((r) => [r, 0])), ...m.leavers.byReason }, LEAVING_REASONS);
  blocks.push({ type: 'subheading', text: 'Why social workers left' });
  blocks.push(...breakdownBlocks(input, {
    id: 'leavers-by-reason',
    title: 'Leavers by reason for leaving',
    heading: 'Reason',
    categories: reasons.map((k) => ({ label: LEAVING_REASON_LABEL[k as LeavingReason] ?? k, count: m.leavers.byReason[k] ?? 0, range: null })),
    merge: 'nominal',
  }, true));

  const yq = ordered(m.leavers.byYearsQualified, YEARS_QUALIFIED_BANDS);
  blocks.push({ type: 'subheading', text: 'Leavers by experience' });
  blocks.push(...breakdownBlocks(input, {
    id: 'leavers-by-years-qualified',
    title: 'Leavers by years since qualifying',
    heading: 'Years since qualifying',
    categories: yq.map((k) => ({ label: bandLabel(k), count: m.leavers.byYearsQualified[k] ?? 0, range: bandRange(k) })),
    merge: 'ordered',
  }, true));

  const sb = ordered(m.leavers.byServiceBand, SERVICE_BANDS);
  blocks.push(...breakdownBlocks(input, {
    id: 'leavers-by-service',
    title: 'Leavers by length of service',
    heading: 'Years of service',
    categories: sb.map((k) => ({ label: bandLabel(k), count: m.leavers.byServiceBand[k] ?? 0, range: bandRange(k) })),
    merge: 'ordered',
  }, false));
  blocks.push(...censusMovementBlocks(input));
  return blocks;
}

/** Where leavers went and starters came from, when a census return recorded it (LeaverDestination, StartOrigin). */
function censusMovementBlocks(input: SectionInput): Block[] {
  const { metrics: m } = input;
  const kinds = [
    { by: m.leavers.byDestination, labels: LEAVER_DESTINATION, noun: 'leaver', other: 'Other destinations', id: 'leavers-by-destination', subheading: 'Where leavers went', title: 'Leavers by where they went (census LeaverDestination)', heading: 'Destination' },
    { by: m.starters.byOrigin, labels: START_ORIGIN, noun: 'starter', other: 'Other origins', id: 'starters-by-origin', subheading: 'Where starters came from', title: 'Starters by where they came from (census StartOrigin)', heading: 'Came from' },
  ] as const;
  return kinds.flatMap((k): Block[] => {
    const by = k.by;
    if (!by || !Object.entries(by).some(([code, n]) => code !== NOT_RECORDED && n > 0)) return [];
    const codes = [...Object.keys(k.labels), NOT_RECORDED];
    return [
      { type: 'subheading', text: k.subheading },
      ...breakdownBlocks(input, {
        id: k.id, title: k.title, heading: k.heading, noun: k.noun, merge: 'nominal', otherLabel: k.other,
        categories: codes.map((c) => ({ label: k.labels[c] ?? 'Not recorded', count: by[c] ?? 0, range: null })),
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
