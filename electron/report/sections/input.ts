// What every section builder receives, and the figure counter that numbers the charts in order
// and keeps them for the appendix.
import type { Metrics } from '../../../shared/metrics';
import type { PaperConfig } from '../../../shared/paper-config';
import type { ChartSpec } from '../../../shared/charts/spec';
import { formatMonthShort } from '../../../shared/dates';
import type { PaperContext } from '../context';
import type { Block } from '../model';

export class Figures {
  readonly specs: ChartSpec[] = [];
  add(spec: ChartSpec): Block {
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

/** The x-axis labels of the monthly series ("Sep 2018"). */
export function seriesLabels(m: Metrics): string[] {
  return m.series.map((p) => formatMonthShort(p.date));
}

