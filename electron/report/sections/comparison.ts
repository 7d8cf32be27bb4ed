// Section 8: comparison with England, the region and the statistical neighbours, from the DfE's
// published indicators (the benchmarks module). When none are loaded it says so plainly rather
// than leaving a gap; how to load them is the author's business (model.warnings), not the reader's.
import { formatPublished, type BenchmarkComparison } from '../../../shared/benchmarks';
import type { LineChartSpec } from '../../../shared/charts/spec';
import { trendSummary } from '../../../shared/summaries';
import type { Block, TableBlock } from '../model';
import { paragraphs } from '../text';
import type { SectionInput } from './input';
import type { EnglandFigures } from '../england';
import { listNames } from '../../benchmarks/compare';

// Notes written for the command line that tell the reader which command to run: the paper never
// instructs a councillor to use the software (the author is warned instead, model.warnings).
const SOFTWARE_NOTE = /import --source|--source|Settings/;

function neighboursNote(b: BenchmarkComparison): string {
  const total = b.neighbours.length;
  const missing = b.neighboursWithoutRow ?? [];
  const rank = 'the rank places the council among itself and the neighbours with a figure, 1 being the lowest rate or caseload, or the largest workforce (FTE).';
  if (!total) return `No statistical neighbours are shown; ${rank}`;
  if (!missing.length) return `Neighbours: the council's ${total} statistical neighbours (DfE, 2021); where a neighbour has no figure for a measure, the average is over the others and the cell says how many; ${rank}`;
  return `Neighbours: ${total - missing.length} of the ${total} statistical neighbours have figures for ${b.year}; ${listNames(missing)} ${missing.length === 1 ? 'has' : 'have'} no row in the DfE file for that year. ` +
    `Averages are over the neighbours with a figure (the cell says how many) and ${rank}`;
}

function comparisonTable(b: BenchmarkComparison): TableBlock {
  const rows = b.measures.map((m) => {
    // The measure's name says "(FTE)"; a bare number keeps the columns narrow.
    const unit = m.unit === 'FTE' ? 'cases per FTE' : m.unit;
    return [
      m.label,
      formatPublished(m.council, unit),
      formatPublished(m.england, unit),
      formatPublished(m.region, unit),
      // The mean and the rank are over the neighbours with a figure; when that is not all of them,
      // the cell says how many, so an average of nine is not read as the ten.
      m.neighbours.mean === null
        ? 'not published'
        : formatPublished({ value: m.neighbours.mean, symbol: null }, unit) + (m.neighbours.withValue < m.neighbours.total ? ` (${m.neighbours.withValue} of ${m.neighbours.total})` : ''),
      // Rates rank lowest first but the workforce largest first, so each row says which.
      m.rank.position === null ? 'not ranked' : `${m.rank.position} of ${m.rank.of} (1 = ${m.rank.order === 'highest first' ? 'largest' : 'lowest'})`,
    ];
  });
  return {
    id: 'benchmark-comparison',
    caption: `${b.council.name} compared with England, ${b.council.region?.name ?? 'the region'} and statistical neighbours, 30 September ${b.year}`,
    columns: [
      { header: 'Measure', align: 'left' },
      { header: b.council.name, align: 'right' },
      { header: 'England', align: 'right' },
      { header: b.council.region?.name ?? 'Region', align: 'right' },
      { header: 'Neighbours (average)', align: 'right' },
      { header: 'Rank among neighbours', align: 'right' },
    ],
    rows,
    footnotes: [
      `Source: ${b.source}. Figures are as published by the DfE; c = suppressed, x = unavailable, z = not applicable, u = low reliability.`,
      neighboursNote(b),
      // The missing neighbours are named in the note above.
      ...b.notes.filter((n) => !SOFTWARE_NOTE.test(n) && !n.includes('statistical neighbours have figures')),
    ],
  };
}

function englandTable(e: EnglandFigures): TableBlock {
  return {
    id: 'benchmark-england',
    caption: `England, 30 September ${e.year}`,
    columns: [{ header: 'Measure', align: 'left' }, { header: 'England', align: 'right' }],
    rows: e.measures.map((m) => [m.label, formatPublished(m.england, m.unit === 'FTE' ? 'cases per FTE' : m.unit)]),
    footnotes: [`Source: ${e.source}. Figures are as published by the DfE; c = suppressed, x = unavailable, z = not applicable, u = low reliability.`],
  };
}

function turnoverHistorySpec(b: BenchmarkComparison): LineChartSpec | null {
  const years = b.series.filter((y) => y.measures.some((m) => m.measure === 'turnover'));
  if (years.length < 2) return null;
  const pick = (sel: 'council' | 'england' | 'region') =>
    years.map((y) => y.measures.find((m) => m.measure === 'turnover')?.[sel].value ?? null);
  const series = [
    { name: b.council.name, values: pick('council') },
    { name: 'England', values: pick('england') },
    ...(b.council.region ? [{ name: b.council.region.name, values: pick('region') }] : []),
  ];
  const last = years[years.length - 1]!;
  return {
    kind: 'line',
    id: 'benchmark-turnover',
    title: `Turnover rate (FTE) compared with England, 30 September ${years[0]!.year} to ${last.year}`,
    summary: trendSummary(series.map((s) => ({ name: `Turnover (${s.name})`, values: s.values })), last.asAt, { decimals: 1, unit: '%' }, { pointsPerYear: 1 }),
    valueLabel: 'Turnover rate (FTE, %)',
    decimals: 1,
    unit: '%',
    xTitle: 'Year (30 September)',
    xLabels: years.map((y) => String(y.year)),
    series,
  };
}

export function comparisonSection(input: SectionInput): Block[] {
  const { context, config, figures } = input;
  const blocks: Block[] = [];
  const commentary = paragraphs(config.commentary.comparison);
  if (commentary.length) blocks.push({ type: 'commentary', paragraphs: commentary });
  const b = context.benchmarks;
  if (!b && context.england) {
    // The DfE file is loaded but the council is not set or not found: England's figures still
    // stand on their own; the region and neighbours need the council.
    const e = context.england;
    blocks.push({
      type: 'paragraph',
      text: `England's figures at 30 September ${e.year}, as published by the DfE, are below. The region and the statistical neighbours are not included: ` +
        (context.benchmarksMissingReason ?? 'this paper compares the council with England only.'),
    });
    blocks.push({ type: 'table', table: englandTable(e) });
    return blocks;
  }
  if (!b) {
    // Loaded but unusable (no council code, council not in the file) reads differently from
    // not loaded at all, so the reader knows which step is missing.
    const reason = context.benchmarksMissingReason;
    blocks.push({
      type: 'paragraph',
      text: reason
        ? `This paper cannot compare the council with England, its region or its statistical neighbours: ${reason}`
        : 'The DfE\'s published figures are not included in this paper, so it does not compare the council with England, its region or its statistical neighbours.',
    });
    return blocks;
  }
  blocks.push({
    type: 'paragraph',
    text: `The DfE publishes each council's workforce figures at 30 September each year. The latest year for ${b.council.name} is ${b.year}. ` +
      'These are the council\'s figures as returned to the DfE, so they can differ from the figures earlier in this paper, which are at a different date.',
  });
  blocks.push({ type: 'table', table: comparisonTable(b) });
  const spec = turnoverHistorySpec(b);
  if (spec) blocks.push(figures.add(spec));
  return blocks;
}
