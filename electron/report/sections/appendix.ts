// Section: the appendix, one table per chart with the numbers drawn (WCAG: every chart's data
// available as text). Built from the same specs the charts were drawn from.
import { chartTable, type ChartSpec } from '../../../shared/charts/spec';
import type { Block } from '../model';

export function appendixBlocks(specs: ChartSpec[]): Block[] {
  if (!specs.length) return [{ type: 'paragraph', text: 'This paper has no charts.' }];
  const intro: Block = {
    type: 'paragraph',
    text: 'Each table gives the figures drawn in the chart of the same number, for readers who cannot see the charts or want the exact values. z means not applicable (nothing to divide by); c means suppressed (a small number).',
  };
  return [intro, ...specs.map((spec, i) => {
    const t = chartTable(spec);
    return {
      type: 'table' as const,
      table: {
        id: `appendix-${spec.id}`,
        caption: `Table A${i + 1}: data for figure ${i + 1}, ${t.caption}`,
        columns: t.columns.map((header, k) => ({ header, align: k === 0 ? ('left' as const) : ('right' as const) })),
        rows: t.rows,
        footnotes: t.rows.some((r) => r.includes('c')) ? ['c = suppressed (small number).'] : [],
      },
    };
  })];
}
