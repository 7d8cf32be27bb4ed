// Draws any chart spec: what the paper, the app's screens and the HTML export all call.
import { BarChart, barChartHeight } from './BarChart';
import { TrendChart } from './TrendChart';
import type { ChartSpec } from './spec';

export interface ChartProps {
  spec: ChartSpec;
  width: number;
  height?: number;
}

export const TREND_CHART_HEIGHT = 230;

export function chartHeight(spec: ChartSpec): number {
  return spec.kind === 'line' ? TREND_CHART_HEIGHT : barChartHeight(spec);
}

export function Chart({ spec, width, height }: ChartProps) {
  const h = height ?? chartHeight(spec);
  return spec.kind === 'line' ? <TrendChart spec={spec} width={width} height={h} /> : <BarChart spec={spec} width={width} height={h} />;
}
