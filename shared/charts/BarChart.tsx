// Horizontal bars for a breakdown (leavers by reason, caseloads by team, the distribution of
// caseloads): one series, so colour carries no meaning; each bar is labelled with its value, and
// suppressed values (small numbers) are drawn as no bar with the label "c".
import { Bar, BarChart as RBarChart, CartesianGrid, LabelList, ReferenceLine, XAxis, YAxis } from 'recharts';
import { BAR_FILL, CHART_FONT_FAMILY, GRID, INK, MUTED_INK, REFERENCE } from './palette';
import { niceTicks } from './scale';
import { formatChartValue, type BarChartSpec } from './spec';

export interface BarChartProps {
  spec: BarChartSpec;
  width: number;
  /** Defaults to a height that gives each category room for its label. */
  height?: number;
}

const FONT = 9;
const ROW = 20;
const CHAR_PX = 5.4;

export function barChartHeight(spec: BarChartSpec): number {
  return spec.categories.length * ROW + 60;
}

export function BarChart({ spec, width, height }: BarChartProps) {
  const series = spec.series[0];
  const values = series.values.filter((v): v is number => v !== null && Number.isFinite(v));
  const { max, ticks } = niceTicks(Math.max(spec.reference?.value ?? 0, ...values, 1), 0, spec.decimals === 0);
  const yWidth = Math.min(230, Math.max(60, Math.max(...spec.categories.map((c) => c.length)) * CHAR_PX + 12));
  const h = height ?? barChartHeight(spec);
  const data = spec.categories.map((category, i) => ({
    category,
    // A suppressed or missing value draws no bar; its label says why ('c').
    value: series.values[i] ?? 0,
    text: spec.valueText?.[i] ?? formatChartValue(series.values[i] ?? null, spec.decimals, spec.unit),
  }));
  return (
    <RBarChart width={width} height={h} data={data} layout="vertical" margin={{ top: 22, right: 48, bottom: 4, left: 4 }} title={spec.title} desc={spec.summary}>
      <text x={4} y={12} fontSize={FONT} fill={INK} fontFamily={CHART_FONT_FAMILY}>{spec.valueLabel}</text>
      <CartesianGrid stroke={GRID} horizontal={false} />
      <XAxis
        type="number"
        domain={[0, max]}
        ticks={ticks}
        allowDataOverflow
        height={24}
        tick={{ fontSize: FONT, fill: INK, fontFamily: CHART_FONT_FAMILY }}
        tickFormatter={(v: number) => v.toLocaleString('en-GB')}
        axisLine={{ stroke: MUTED_INK }}
        tickLine={{ stroke: MUTED_INK }}
      />
      <YAxis
        type="category"
        dataKey="category"
        width={yWidth}
        interval={0}
        tick={{ fontSize: FONT, fill: INK, fontFamily: CHART_FONT_FAMILY }}
        axisLine={{ stroke: MUTED_INK }}
        tickLine={false}
      />
      {spec.reference && (
        <ReferenceLine
          x={spec.reference.value}
          stroke={REFERENCE}
          strokeDasharray="4 4"
          strokeWidth={1.2}
          label={{ value: spec.reference.label, position: 'top', fontSize: FONT, fill: INK, fontFamily: CHART_FONT_FAMILY }}
        />
      )}
      <Bar dataKey="value" name={series.name} fill={BAR_FILL} isAnimationActive={false} barSize={12}>
        <LabelList dataKey="text" position="right" fontSize={FONT} fill={INK} fontFamily={CHART_FONT_FAMILY} />
      </Bar>
    </RBarChart>
  );
}
