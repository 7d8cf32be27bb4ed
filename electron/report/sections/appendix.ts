// Section: the appendix, the numbers behind every chart (WCAG: every chart's data available as
// text), built from the same specs the charts were drawn from. The monthly trends share one table
// with a column per series (one page, not six of one-column tables); every other chart (bands,
// reasons, quarters, DfE years) keeps a table of its own.
import { chartTable, formatChartValue, type ChartSpec, type LineChartSpec } from '../../../shared/charts/spec';
import type { Block, TableBlock } from '../model';

export interface Appendix {
  blocks: Block[];
  /** For each chart (by spec id): the appendix table that holds its figures. */
  tableFor: Map<string, { label: string; id: string }>;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Sep 2025" -> 202508 (sortable); NaN for anything else. */
function monthKey(label: string): number {
  const m = /^([A-Z][a-z]{2}) (\d{4})$/.exec(label);
  return m ? Number(m[2]) * 12 + MONTHS.indexOf(m[1]!) : NaN;
}

function isMonthly(spec: ChartSpec): spec is LineChartSpec {
  return spec.kind === 'line' && spec.xLabels.length > 0 && spec.xLabels.every((l) => !Number.isNaN(monthKey(l)));
}

export function appendixBlocks(specs: ChartSpec[]): Appendix {
  const tableFor = new Map<string, { label: string; id: string }>();
  if (!specs.length) return { blocks: [{ type: 'paragraph', text: 'This paper has no charts.' }], tableFor };
  const blocks: Block[] = [{
    type: 'paragraph',
    text: 'Each table gives the figures drawn in the charts, for readers who cannot see the charts or want the exact values. ' +
      'z means not applicable (nothing to divide by); c means suppressed (a small number); x means not available (before the imported records cover that month).',
  }];
  let n = 0;
  const figure = (spec: ChartSpec) => specs.indexOf(spec) + 1;

  const monthly = specs.filter(isMonthly);
  if (monthly.length) {
    const label = `A${++n}`;
    const id = 'appendix-monthly';
    const months = [...new Set(monthly.flatMap((s) => s.xLabels))].sort((a, b) => monthKey(a) - monthKey(b));
    const columns = monthly.flatMap((s) => s.series.map((x) => ({ spec: s, series: x })));
    const rows = months.map((month) => [
      month,
      ...columns.map(({ spec, series }) => {
        const i = spec.xLabels.indexOf(month);
        return i < 0 ? 'x' : series.valueText?.[i] ?? formatChartValue(series.values[i] ?? null, spec.decimals, spec.unit);
      }),
    ]);
    const figures = monthly.map(figure);
    const table: TableBlock = {
      id,
      caption: `Table ${label}: the monthly figures behind figure${figures.length > 1 ? 's' : ''} ${listNumbers(figures)}`,
      columns: [{ header: 'Month end', align: 'left' }, ...columns.map(({ spec, series }) => ({ header: `Fig. ${figure(spec)}: ${series.name}`, align: 'right' as const }))],
      rows,
      footnotes: [
        ...monthly.map((s) => `Fig. ${figure(s)} columns are from figure ${figure(s)}, ${s.title.charAt(0).toLowerCase()}${s.title.slice(1)}${s.unit === '%' ? ' (%)' : ''}.`),
        ...(rows.some((r) => r.includes('c')) ? ['c = suppressed (small number).'] : []),
      ],
    };
    blocks.push({ type: 'table', table });
    for (const s of monthly) tableFor.set(s.id, { label, id });
  }

  for (const spec of specs.filter((s) => !isMonthly(s))) {
    const label = `A${++n}`;
    const id = `appendix-${spec.id}`;
    const t = chartTable(spec);
    blocks.push({
      type: 'table',
      table: {
        id,
        caption: `Table ${label}: data for figure ${figure(spec)}, ${t.caption}`,
        columns: t.columns.map((header, k) => ({ header, align: k === 0 ? ('left' as const) : ('right' as const) })),
        rows: t.rows,
        footnotes: t.rows.some((r) => r.includes('c')) ? ['c = suppressed (small number).'] : [],
      },
    });
    tableFor.set(spec.id, { label, id });
  }
  return { blocks, tableFor };
}

function listNumbers(ns: number[]): string {
  return ns.length <= 1 ? ns.join('') : `${ns.slice(0, -1).join(', ')} and ${ns[ns.length - 1]}`;
}
