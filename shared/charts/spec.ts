// A chart as data: what it shows, independent of how it is drawn. The same spec draws the chart
// (TrendChart / BarChart), writes its text summary and fills the appendix table of its data, so
// the picture, the words and the numbers cannot disagree.
import { roundHalfAway } from '../format';

export interface SeriesSpec {
  name: string;
  /** One value per x label / category; null where not applicable. */
  values: Array<number | null>;
  /** Text shown instead of the value, per point (e.g. 'c' where suppressed; the value is then null). */
  valueText?: Array<string | undefined>;
}

export interface ReferenceSpec {
  value: number;
  label: string;
}

/**
 * A count behind a plotted rate or average (agency FTE and total FTE behind the agency rate),
 * shown as a column of the data table after the plotted series and never drawn, so a reader
 * can see how large the base of each figure is.
 */
export interface CountColumnSpec {
  name: string;
  /** One value per x label / category; null where not applicable. */
  values: Array<number | null>;
  /** Decimal places (FTE 1, headcounts 0). */
  decimals: number;
}

interface ChartBase {
  /** Stable id, used for the appendix and for SVG title/desc ids. */
  id: string;
  title: string;
  /** The plain-English summary; doubles as the chart's text alternative. */
  summary: string;
  /** What the numbers are, for the axis and table header ("Cases per worker"). */
  valueLabel: string;
  /** Decimal places for labels and the table (DfE convention: rates and FTE 1, counts 0). */
  decimals: number;
  /** Suffix on value labels, e.g. '%'. */
  unit?: string;
  /** The counts behind the plotted values, for the data table only. */
  counts?: CountColumnSpec[];
}

export interface LineChartSpec extends ChartBase {
  kind: 'line';
  /** The x-axis heading in the data table, e.g. 'Month end'. */
  xTitle: string;
  xLabels: string[];
  series: SeriesSpec[];
  reference?: ReferenceSpec;
}

export interface BarChartSpec extends ChartBase {
  kind: 'bar';
  xTitle: string;
  categories: string[];
  series: [SeriesSpec];
  /** Text shown instead of the value, per category (e.g. 'c' where suppressed; the value is then null). */
  valueText?: Array<string | undefined>;
  /** A threshold drawn as a labelled dashed line across the bars. */
  reference?: ReferenceSpec;
}

export type ChartSpec = LineChartSpec | BarChartSpec;

export interface ChartTable {
  caption: string;
  columns: string[];
  rows: string[][];
}

export function formatChartValue(value: number | null, decimals: number, unit = ''): string {
  if (value === null || !Number.isFinite(value)) return 'z';
  return roundHalfAway(value, decimals).toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }) + unit;
}

/** The data table behind a chart (appendix; also the HTML's table alternative). */
export function chartTable(spec: ChartSpec): ChartTable {
  const labels = spec.kind === 'line' ? spec.xLabels : spec.categories;
  const counts = spec.counts ?? [];
  const columns = [spec.xTitle, ...spec.series.map((s) => s.name), ...counts.map((c) => c.name)];
  const rows = labels.map((label, i) => [
    label,
    ...spec.series.map((s) => s.valueText?.[i] ?? (spec.kind === 'bar' ? spec.valueText?.[i] : undefined) ?? formatChartValue(s.values[i] ?? null, spec.decimals, spec.unit)),
    ...counts.map((c) => formatChartValue(c.values[i] ?? null, c.decimals)),
  ]);
  return { caption: spec.title, columns, rows };
}
