// Section: caseloads. The monthly average caseload of each group against the threshold, how
// caseloads are spread across workers, a table by team (small numbers suppressed) and how many
// workers are over the threshold or the ASYE cap.
import { formatLongDate } from '../../../shared/dates';
import { breakdownSummary, plural, trendSummary } from '../../../shared/summaries';
import { suppressTable, suppressGroupedBreakdown, suppressionFootnote, cellText } from '../../../shared/suppression';
import type { LineChartSpec, BarChartSpec } from '../../../shared/charts/spec';
import type { Block, TableBlock } from '../model';
import type { CaseloadBand } from '../extras';
import { count, one, paragraphs } from '../text';
import { coveredSeries, notCoveredSentence, type SectionInput } from './input';
import { mergeOrdered } from './merge-bands';

export function caseloadTrendSpec(input: SectionInput): LineChartSpec | string {
  const { metrics: m, context } = input;
  const threshold = context.settings.caseloadThreshold;
  const c = coveredSeries(input, 'cases');
  if (!c.enough) return notCoveredSentence('Average caseload', 'cases', m);
  const series = [
    { name: 'Social workers (excl. ASYE)', values: c.points.map((p) => p.caseload.groups.excludingAsye.averagePerWorker) },
    { name: 'ASYE', values: c.points.map((p) => p.caseload.groups.asye.averagePerWorker) },
    { name: 'Support workers', values: c.points.map((p) => p.caseload.groups.supportWorkers.averagePerWorker) },
  ];
  return {
    kind: 'line',
    id: 'caseload-trend',
    title: 'Average caseload by month end',
    summary: trendSummary(
      [{ name: 'Average caseload of social workers (excluding ASYE)', values: series[0]!.values },
        { name: 'The ASYE average', values: series[1]!.values },
        { name: 'The support-worker average', values: series[2]!.values }],
      m.asAt,
      { decimals: 1 },
      { limit: { value: threshold, name: 'the threshold', higherIsWorse: true } },
    ) + c.note,
    valueLabel: 'Cases per worker holding cases',
    decimals: 1,
    xTitle: 'Month end',
    xLabels: c.labels,
    series,
    reference: { value: threshold, label: `Threshold: ${threshold}` },
  };
}

export function distributionSpec(id: string, title: string, who: [singular: string, plural: string], rawBands: CaseloadBand[], limitName: string, limit: number, asAt: string, smallNumberThreshold: number): BarChartSpec {
  // Bands holding a small number are merged with a neighbour on the same side of the limit
  // ("21 or more") before anything is hidden, so the largest groups stay visible.
  const merged = mergeOrdered(
    rawBands.map((b) => ({ label: b.band, count: b.workers, range: { from: b.from, to: b.to }, over: b.overLimit })),
    smallNumberThreshold,
    (from, to) => (to === null ? `${from} or more` : `${from}-${to}`),
    (a, b) => overOf(a, limit) === overOf(b, limit),
  );
  const bands = merged.map((c) => ({ band: c.label, from: c.range!.from, to: c.range!.to, workers: c.count, overLimit: overOf(c, limit) }));
  const total = bands.reduce((s, b) => s + b.workers, 0);
  const over = bands.filter((b) => b.overLimit).reduce((s, b) => s + b.workers, 0);
  const categories = bands.map((b) => (b.overLimit ? `${b.band} (over ${limitName})` : b.band));
  // A breakdown by band: the total and the number over the limit are published, so each side of
  // the limit is suppressed as a breakdown of its own total.
  const sup = suppressGroupedBreakdown(bands.map((b) => b.workers), (i) => (bands[i]!.overLimit ? 'over' : 'within'), smallNumberThreshold);
  const values = sup.cells.map((c) => (c.suppressed ? null : c.value));
  const summary = total === 0
    ? `No ${who[1]} held cases at ${formatLongDate(asAt)}.`
    : `${breakdownSummary(who, total, bands.map((b) => `${b.band} cases`), values, { period: `holding cases at ${formatLongDate(asAt)}`, suppressed: sup.anySuppressed })} ` +
      `${over === 0 ? 'None' : count(over)} held more than ${limitName} of ${limit} cases.`;
  return {
    kind: 'bar',
    id,
    title,
    summary,
    valueLabel: 'Number of workers',
    decimals: 0,
    xTitle: 'Cases held',
    categories,
    series: [{ name: 'Workers', values }],
    ...(sup.anySuppressed ? { valueText: sup.cells.map((c) => (c.suppressed ? 'c' : undefined)) } : {}),
  };
}

/** Whether every caseload in the band is above the limit. */
function overOf(c: { range: { from: number } | null }, limit: number): boolean {
  return (c.range?.from ?? 0) > limit;
}

export function teamTable(input: SectionInput): TableBlock {
  const { metrics: m, context } = input;
  const threshold = context.settings.smallNumberThreshold;
  const teams = [...m.caseload.byTeam].sort((a, b) => a.team.localeCompare(b.team));
  const t = suppressTable(teams.map((r) => [r.caseHolders.headcount, r.cases]), { threshold, columnTotals: true });
  const rows = teams.map((r, i) => {
    const [holders, cases] = t.cells[i]!;
    const hidden = holders!.suppressed || cases!.suppressed;
    return [r.team, cellText(holders!, count), cellText(cases!, count), hidden ? 'c' : one(r.averagePerWorker), hidden ? 'c' : one(r.averageFte)];
  });
  const footnotes = ['Averages are cases per social worker holding cases, and cases per full-time equivalent (FTE) of those workers. Support workers are not included.'];
  if (t.anySuppressed) footnotes.push(suppressionFootnote(threshold));
  return {
    id: 'caseload-by-team',
    caption: `Caseloads by team at ${formatLongDate(m.asAt)}`,
    columns: [
      { header: 'Team', align: 'left' },
      { header: 'Social workers holding cases', align: 'right' },
      { header: 'Cases held', align: 'right' },
      { header: 'Average per worker', align: 'right' },
      { header: 'Average per FTE', align: 'right' },
    ],
    rows,
    totalRow: ['All teams', count(m.caseload.caseHolders.headcount), count(m.caseload.cases), one(m.caseload.averagePerWorker), one(m.caseload.averageFte)],
    footnotes,
  };
}

export function caseloadsSection(input: SectionInput): Block[] {
  const { metrics: m, context, config, figures } = input;
  const c = m.caseload;
  const threshold = context.settings.caseloadThreshold;
  const cap = context.settings.asyeCap;
  const blocks: Block[] = [];
  const commentary = paragraphs(config.commentary.caseloads);
  if (commentary.length) blocks.push({ type: 'commentary', paragraphs: commentary });
  if (c.caseHolders.headcount === 0) {
    blocks.push({ type: 'paragraph', text: `No social workers held cases at ${formatLongDate(m.asAt)}, so there are no caseload figures for that date.` });
  } else blocks.push({
    type: 'paragraph',
    text:
      `At ${formatLongDate(m.asAt)}, ${plural(c.caseHolders.headcount, 'social worker')} held ${plural(c.cases, 'case')}: ` +
      `an average of ${one(c.averagePerWorker)} cases per worker, or ${one(c.averageFte)} per full-time equivalent (the DfE measure). ` +
      `Excluding newly qualified (ASYE) social workers, whose caseloads are protected, the average was ${one(c.groups.excludingAsye.averagePerWorker)} per worker. ` +
      `${c.overThreshold === 0 ? 'No' : count(c.overThreshold)} social ${c.overThreshold === 1 ? 'worker held' : 'workers held'} more than the threshold of ${threshold} cases, and ` +
      `${c.asyeOverCap === 0 ? 'no' : count(c.asyeOverCap)} ASYE ${c.asyeOverCap === 1 ? 'worker was' : 'workers were'} above the cap of ${cap}.`,
  });
  if (c.groups.supportWorkers.caseHolders.headcount > 0) {
    blocks.push({
      type: 'paragraph',
      text:
        `Support workers (who are not qualified social workers) held ${count(c.groups.supportWorkers.cases)} cases, an average of ` +
        `${one(c.groups.supportWorkers.averagePerWorker)} each; these are counted separately and never in the social-worker averages.` +
        (c.supportWorkerCinShare !== null ? ` They held ${one(c.supportWorkerCinShare)}% of child-in-need cases.` : ''),
    });
  }
  if (m.series.length > 1) {
    const trend = caseloadTrendSpec(input);
    blocks.push(typeof trend === 'string' ? { type: 'paragraph', text: trend } : figures.add(trend));
  }
  if (context.extras) {
    blocks.push(figures.add(distributionSpec('caseload-distribution', `Caseloads of social workers (excluding ASYE) at ${formatLongDate(m.asAt)}`,
      ['social worker (excluding ASYE)', 'social workers (excluding ASYE)'], context.extras.caseloadBands.socialWorkers, 'the threshold', threshold, m.asAt, context.settings.smallNumberThreshold)));
  }
  if (c.byTeam.length) blocks.push({ type: 'table', table: teamTable(input) });
  return blocks;
}
