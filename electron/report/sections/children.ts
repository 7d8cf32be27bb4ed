// Section: stability for children. What workforce churn means for the children whose cases the
// workforce holds: how many different workers each child had in the year, and how many changes
// of worker followed a leaver or the end of an agency assignment (docs/measures.md).
import { formatLongDate, formatMonthShort } from '../../../shared/dates';
import { plural, trendSummary } from '../../../shared/summaries';
import { suppressTable, suppressionFootnote, cellText } from '../../../shared/suppression';
import type { LineChartSpec } from '../../../shared/charts/spec';
import type { Metrics } from '../../../shared/metrics';
import type { Block, TableBlock } from '../model';
import { count, one, paragraphs } from '../text';
import type { SectionInput } from './input';

type Stability = NonNullable<Metrics['childStability']>;

const children = (n: number) => `${count(n)} ${n === 1 ? 'child' : 'children'}`;

const TYPES: Array<[keyof Stability['byCaseType'], string]> = [
  ['CLA', 'Children in care'],
  ['CP', 'On a child protection plan'],
  ['CIN', 'Children in need'],
  ['care_leaver', 'Care leavers'],
  ['other', 'Other'],
];

export function childrenTable(s: Stability, asAt: string, threshold: number): TableBlock {
  const types = TYPES.filter(([t]) => s.byCaseType[t].children > 0);
  const t = suppressTable(
    types.map(([k]) => [s.byCaseType[k].one, s.byCaseType[k].two, s.byCaseType[k].threePlus]),
    { threshold, rowTotals: true, columnTotals: true },
  );
  const footnotes = [
    'Workers: the different workers allocated to the child at any time in the 12 months (social workers, agency social workers and support workers). Each child is counted once, under the kind of case open at the date.',
  ];
  if (t.anySuppressed) footnotes.push(suppressionFootnote(threshold));
  return {
    id: 'children-workers',
    caption: `Children with open cases at ${formatLongDate(asAt)}, by the number of workers they had in the 12 months before`,
    columns: [
      { header: 'Children', align: 'left' },
      { header: '1 worker', align: 'right' },
      { header: '2 workers', align: 'right' },
      { header: '3 or more', align: 'right' },
      { header: 'All', align: 'right' },
    ],
    rows: types.map(([, label], i) => [label, ...t.cells[i]!.map((c) => cellText(c, count)), cellText(t.rowTotals![i]!, count)]),
    totalRow: ['All children', ...t.columnTotals!.map((c) => cellText(c, count)), count(s.children)],
    footnotes,
  };
}

export function childrenTrendSpec(m: Metrics, s: Stability): LineChartSpec {
  // Only months whose whole 12-month window the allocations cover are drawn.
  const points = s.series.filter((p) => p.covered);
  const values = points.map((p) => p.threePlusShare);
  return {
    kind: 'line',
    id: 'children-three-plus',
    title: 'Share of children with 3 or more workers in the 12 months, by month end',
    summary: trendSummary([{ name: 'The share of children with three or more workers in the year', values }], m.asAt, { decimals: 1, unit: '%' }, {}),
    valueLabel: 'Children with 3 or more workers (%)',
    decimals: 1,
    unit: '%',
    xTitle: 'Month end',
    xLabels: points.map((p) => formatMonthShort(p.date)),
    series: [{ name: 'Children with 3 or more workers', values }],
  };
}

export function childrenSection(input: SectionInput): Block[] {
  const { metrics: m, config, context, figures } = input;
  const s = m.childStability;
  const blocks: Block[] = [];
  const commentary = paragraphs(config.commentary.children);
  if (commentary.length) blocks.push({ type: 'commentary', paragraphs: commentary });
  if (!s || s.children === 0) {
    blocks.push({ type: 'paragraph', text: `No children's cases were open at ${formatLongDate(m.asAt)} in the case allocations, so there are no figures for this section.` });
    return blocks;
  }
  if (!s.covered) {
    blocks.push({
      type: 'paragraph',
      text: `The case allocations do not go back a full year before ${formatLongDate(m.asAt)}, so how many workers each child had in the year cannot be counted yet.`,
    });
    return blocks;
  }
  const share = (n: number) => one((n / s.children) * 100);
  const cla = s.byCaseType.CLA;
  blocks.push({
    type: 'paragraph',
    text:
      `At ${formatLongDate(m.asAt)}, ${children(s.children)} had an open case. In the 12 months before, ` +
      `${count(s.one)} (${share(s.one)}%) had one allocated worker, ${count(s.two)} (${share(s.two)}%) had two and ` +
      `${count(s.threePlus)} (${share(s.threePlus)}%) had three or more.` +
      (cla.children > 0 && cla.threePlusShare !== null
        ? ` Of the ${children(cla.children)} in care, ${one(cla.threePlusShare)}% had three or more workers.`
        : ''),
  });
  const c = s.changes;
  if (c.total > 0) {
    blocks.push({
      type: 'paragraph',
      text:
        `These children lived through ${plural(c.total, 'change')} of worker in the year. ${count(c.afterLeaver)} followed a worker leaving the council and ` +
        `${count(c.afterAgencyEnd)} the end of an agency worker's assignment: ${one(c.departureShare)}% of all changes. ` +
        'The others had other causes, for example a case moving to another team.',
    });
  }
  blocks.push({ type: 'table', table: childrenTable(s, m.asAt, context.settings.smallNumberThreshold) });
  if (s.series.filter((p) => p.covered).length > 1) blocks.push(figures.add(childrenTrendSpec(m, s)));
  return blocks;
}
