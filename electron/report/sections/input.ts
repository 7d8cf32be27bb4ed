// What every section builder receives, and the figure counter that numbers the charts in order
// and keeps them for the appendix.
import type { Metrics } from '../../../shared/metrics';
import type { PaperConfig } from '../../../shared/paper-config';
import type { ChartSpec } from '../../../shared/charts/spec';
import { formatLongDate, formatMonthShort } from '../../../shared/dates';
import { coverageNote, firstCoveredIndex, type CoverageNeed } from '../../../shared/coverage';
import type { PaperContext } from '../context';
import type { Block } from '../model';

export class Figures {
  readonly specs: ChartSpec[] = [];
  add(spec: ChartSpec): Block {
    // A chart whose every value is hidden (small numbers) would be an empty frame of c's: its
    // summary is given as a sentence instead, and it takes no figure number.
    const hidden = (v: number | null, i: number, s: ChartSpec['series'][number]) =>
      v === null && (s.valueText?.[i] === 'c' || (spec.kind === 'bar' && spec.valueText?.[i] === 'c'));
    const drawn = spec.series.some((s) => s.values.some((v, i) => v !== null && v !== 0 && !hidden(v, i, s)));
    const anyHidden = spec.series.some((s) => s.values.some((v, i) => hidden(v, i, s)));
    if (!drawn && anyHidden) {
      return { type: 'paragraph', text: `${spec.summary} ${spec.title} is not drawn as a chart: every figure in it is hidden to protect individuals.` };
    }
    this.specs.push(spec);
    const n = this.specs.length;
    return { type: 'chart', spec, figure: n, appendixTable: `A${n}` };
  }
}

export interface SectionInput {
  metrics: Metrics;
  config: PaperConfig;
  context: PaperContext;
  figures: Figures;
}

/**
 * The series points a trend may be drawn over: from the first month the imported data fully
 * covers for what it needs (shared/coverage.ts), with the sentence its summary ends with when
 * earlier months were left out. Fewer than two points: no trend to draw.
 */
export function coveredSeries(input: SectionInput, need: CoverageNeed): { points: Metrics['series']; labels: string[]; note: string; enough: boolean } {
  const m = input.metrics;
  const start = firstCoveredIndex(m.series.map((p) => p.date), need, m.coverage);
  const points = m.series.slice(start);
  const labels = points.map((p) => formatMonthShort(p.date));
  const note = start > 0 && points.length ? ' ' + coverageNote(labels[0]!, need, m.coverage) : '';
  return { points, labels, note, enough: points.length > 1 };
}

/** "Turnover is not shown as a trend: ..." when the data covers too few months. */
export function notCoveredSentence(what: string, need: CoverageNeed, m: Metrics): string {
  const from = need === 'cases' ? m.coverage?.allocationsFrom : m.coverage?.spellsFrom;
  const needs = need === 'history' ? ' and each month needs the 12 months before it' : '';
  return `${what} is not shown as a trend: the imported records are complete only from ${from ? formatLongDate(from) : 'an unknown date'}${needs}, which leaves fewer than two months to draw.`;
}

/** The x-axis labels of the monthly series ("Sep 2018"). */
export function seriesLabels(m: Metrics): string[] {
  return m.series.map((p) => formatMonthShort(p.date));
}


/**
 * The measures' cautions about the data (e.g. the as-at date is after the latest extract), as a
 * short "About these figures" note; none when there is nothing to say.
 */
export function warningBlocks(m: Metrics): Block[] {
  const warnings = (m.warnings ?? []).map((w) => w.trim()).filter((w) => w.length > 0);
  if (!warnings.length) return [];
  return [
    { type: 'subheading', text: 'About these figures' },
    { type: 'list', ordered: false, items: warnings },
  ];
}
