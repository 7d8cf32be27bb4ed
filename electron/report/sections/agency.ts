// Section: agency staffing. Headcount and rate over time against the target, and the estimated
// annual cost premium of agency workers over employees.
import { formatLongDate } from '../../../shared/dates';
import { plural, trendSummary } from '../../../shared/summaries';
import { describeChange } from '../../../shared/format';
import type { LineChartSpec } from '../../../shared/charts/spec';
import type { Block } from '../model';
import { count, money, one, pct, paragraphs } from '../text';
import { coveredSeries, notCoveredSentence, type SectionInput } from './input';
import { agencyRulesBlocks } from './agency-rules';

export function agencyHeadcountSpec(input: SectionInput): LineChartSpec | string {
  const m = input.metrics;
  const c = coveredSeries(input, 'staff');
  if (!c.enough) return notCoveredSentence('The number of agency social workers', 'staff', m);
  const series = [
    { name: 'Agency workers', values: c.points.map((p) => p.agency.headcount) },
  ];
  return {
    kind: 'line',
    id: 'agency-headcount',
    title: 'Agency social workers (headcount) by month end',
    summary: trendSummary([{ name: 'The number of agency social workers', values: series[0]!.values }], m.asAt, { decimals: 0 }, {}) + c.note,
    valueLabel: 'Agency social workers',
    decimals: 0,
    xTitle: 'Month end',
    xLabels: c.labels,
    series,
  };
}

export function agencyRateSpec(input: SectionInput): LineChartSpec | string {
  const m = input.metrics;
  const target = input.config.targets.agencyRate;
  const c = coveredSeries(input, 'staff');
  if (!c.enough) return notCoveredSentence('The agency rate', 'staff', m);
  const spec: LineChartSpec = {
    kind: 'line',
    id: 'agency-rate',
    title: 'Agency rate (share of social worker FTE) by month end',
    summary: trendSummary(
      [{ name: 'The agency rate', values: c.points.map((p) => p.agency.rateFte) }],
      m.asAt,
      { decimals: 1, unit: '%' },
      { ...(target !== null ? { limit: { value: target, name: 'the target', higherIsWorse: true } } : {}) },
    ) + c.note,
    valueLabel: 'Agency FTE as % of all social worker FTE',
    decimals: 1,
    unit: '%',
    xTitle: 'Month end',
    xLabels: c.labels,
    series: [{ name: 'Agency rate', values: c.points.map((p) => p.agency.rateFte) }],
  };
  if (target !== null) spec.reference = { value: target, label: `Target: ${target}%` };
  return spec;
}

export function agencySection(input: SectionInput): Block[] {
  const { metrics: m, context, config, figures } = input;
  const s = context.settings;
  const blocks: Block[] = [];
  const commentary = paragraphs(config.commentary.agency);
  if (commentary.length) blocks.push({ type: 'commentary', paragraphs: commentary });
  blocks.push({
    type: 'paragraph',
    text:
      `At ${formatLongDate(m.asAt)} there ${m.agency.headcount === 1 ? 'was' : 'were'} ${plural(m.agency.headcount, 'agency social worker')} (${one(m.agency.fte)} FTE) ` +
      `beside ${plural(m.inPost.headcount, 'directly employed social worker')} (${one(m.inPost.fte)} FTE): an agency rate of ${pct(m.agency.rateFte)} ` +
      `(${describeChange(m.agency.rateFte, m.yearAgo.agency.rateFte, 'rate')}, when it was ${pct(m.yearAgo.agency.rateFte)}).`,
  });
  blocks.push({
    type: 'paragraph',
    text:
      `The estimated cost premium of agency workers is ${money(m.agency.costPremium)} a year ` +
      `(${one(m.agency.fte)} agency FTE × the difference between an agency worker's annual cost of ${money(s.agencyAnnualCost)} ` +
      `and an employee's of ${money(s.employeeAnnualCost)}); a year earlier it was ${money(m.yearAgo.agency.costPremium)}.`,
  });
  if (m.series.length > 1) {
    for (const spec of [agencyHeadcountSpec(input), agencyRateSpec(input)]) {
      blocks.push(typeof spec === 'string' ? { type: 'paragraph', text: spec } : figures.add(spec));
    }
  }
  blocks.push(...agencyRulesBlocks(input));
  return blocks;
}
