// A monthly trend: one line per series, each with its own colour, dash pattern and marker, and
// labelled directly at its last point (no legend to match colours against), with an optional
// dashed reference line (a threshold or cap) that is labelled too. Pure React + recharts at a
// fixed size with animation off, so it renders identically in the app and on the server.
import { CartesianGrid, Customized, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import { CHART_FONT_FAMILY, GRID, INK, MUTED_INK, REFERENCE, seriesStyle, type SeriesStyle } from './palette';
import { niceTicks, spreadLabels, tickInterval } from './scale';
import { formatChartValue, type LineChartSpec } from './spec';

export interface TrendChartProps {
  spec: LineChartSpec;
  width: number;
  height: number;
}

const FONT = 9;
const MARGIN = { top: 22, bottom: 4, left: 4 };
const LABEL_CHAR_PX = 5.6;
const Y_AXIS_WIDTH = 40;
const X_AXIS_HEIGHT = 26;

function Marker({ cx, cy, style }: { cx?: number; cy?: number; style: SeriesStyle }) {
  if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) return null;
  const r = 2.6;
  const common = { fill: '#ffffff', stroke: style.colour, strokeWidth: 1.3 };
  switch (style.marker) {
    case 'square':
      return <rect x={cx - r} y={cy - r} width={2 * r} height={2 * r} {...common} />;
    case 'triangle':
      return <polygon points={`${cx},${cy - r - 0.6} ${cx + r + 0.4},${cy + r} ${cx - r - 0.4},${cy + r}`} {...common} />;
    case 'diamond':
      return <polygon points={`${cx},${cy - r - 0.8} ${cx + r + 0.8},${cy} ${cx},${cy + r + 0.8} ${cx - r - 0.8},${cy}`} {...common} />;
    default:
      return <circle cx={cx} cy={cy} r={r} {...common} />;
  }
}

/**
 * The y axis from 0 (or below) to a round number above every value and the reference line; a
 * threshold that would fall on the top edge (20 on a 0-20 axis) gets a step of room above it.
 */
function yScale(spec: LineChartSpec, values: number[]): { min: number; max: number; ticks: number[] } {
  const low = Math.min(0, ...values);
  const integer = spec.decimals === 0;
  const scale = niceTicks(Math.max(spec.reference?.value ?? 0, ...values, 1), low, integer);
  const step = (scale.ticks[1] ?? scale.max) - (scale.ticks[0] ?? 0);
  if (spec.reference && spec.reference.value >= scale.max - step * 0.1) return niceTicks(scale.max + step * 0.5, low, integer);
  return scale;
}

export function TrendChart({ spec, width, height }: TrendChartProps) {
  const values = spec.series.flatMap((s) => s.values).filter((v): v is number => v !== null && Number.isFinite(v));
  const { min, max, ticks } = yScale(spec, values);
  const labelTexts = [...spec.series.map((s) => `${s.name}: ${formatChartValue(s.values[s.values.length - 1] ?? null, spec.decimals, spec.unit)}`), spec.reference?.label ?? ''];
  // Room on the right for the direct labels, at most 45% of the width.
  const right = Math.min(width * 0.45, Math.max(...labelTexts.map((t) => t.length)) * LABEL_CHAR_PX + 16);
  const margin = { ...MARGIN, right };
  const plotLeft = MARGIN.left + Y_AXIS_WIDTH;
  const plotTop = MARGIN.top;
  const plotWidth = width - plotLeft - right;
  const plotHeight = height - MARGIN.top - MARGIN.bottom - X_AXIS_HEIGHT;
  const yPx = (v: number) => plotTop + (1 - (v - min) / (max - min)) * plotHeight;

  const data = spec.xLabels.map((label, i) => {
    const row: Record<string, string | number | null> = { label };
    spec.series.forEach((s, k) => (row[`s${k}`] = s.values[i] ?? null));
    return row;
  });

  // Direct labels at the right of the plot: one per series (at its last value) and the reference.
  const labels: Array<{ text: string; y: number; colour: string; anchorY: number }> = [];
  spec.series.forEach((s, k) => {
    // A suppressed latest value is labelled as such ('c'), not with an earlier month's value.
    const lastText = s.valueText?.[s.values.length - 1];
    if (lastText !== undefined) {
      labels.push({ text: `${s.name}: ${lastText}`, y: yPx(min), colour: seriesStyle(k).colour, anchorY: yPx(min) });
      return;
    }
    let last = -1;
    for (let i = s.values.length - 1; i >= 0; i--) if (s.values[i] !== null && s.values[i] !== undefined) { last = i; break; }
    if (last < 0) return;
    const v = s.values[last]!;
    labels.push({ text: `${s.name}: ${formatChartValue(v, spec.decimals, spec.unit)}`, y: yPx(v), colour: seriesStyle(k).colour, anchorY: yPx(v) });
  });
  // Suppressed points draw nothing; a small label in the series' colour at the foot of the plot
  // says why (one row per series, so two series' labels for the same month do not overlap).
  const step = spec.xLabels.length > 1 ? plotWidth / (spec.xLabels.length - 1) : 0;
  const hiddenMarks = spec.series.flatMap((s, k) =>
    (s.valueText ?? []).flatMap((t, i) => (t === undefined ? [] : [{ key: `${k}-${i}`, text: t, x: plotLeft + i * step, y: plotTop + plotHeight - 3 - k * (FONT + 1), colour: seriesStyle(k).colour }])));
  if (spec.reference) {
    const y = yPx(spec.reference.value);
    labels.push({ text: spec.reference.label, y, colour: REFERENCE, anchorY: y });
  }
  const spread = spreadLabels(labels.map((l) => l.y), FONT + 3, plotTop + 2, plotTop + plotHeight);
  const labelX = plotLeft + plotWidth + 8;
  const interval = tickInterval(spec.xLabels.length, plotWidth, Math.max(...spec.xLabels.map((l) => l.length), 1));

  return (
    <LineChart width={width} height={height} data={data} margin={margin} title={spec.title} desc={spec.summary}>
      <CartesianGrid stroke={GRID} vertical={false} />
      <XAxis
        dataKey="label"
        interval={interval}
        height={X_AXIS_HEIGHT}
        tick={{ fontSize: FONT, fill: INK, fontFamily: CHART_FONT_FAMILY }}
        tickLine={{ stroke: MUTED_INK }}
        axisLine={{ stroke: MUTED_INK }}
      />
      <YAxis
        width={Y_AXIS_WIDTH}
        domain={[min, max]}
        ticks={ticks}
        allowDataOverflow
        tick={{ fontSize: FONT, fill: INK, fontFamily: CHART_FONT_FAMILY }}
        tickFormatter={(v: number) => v.toLocaleString('en-GB')}
        tickLine={false}
        axisLine={{ stroke: MUTED_INK }}
      />
      {spec.reference && <ReferenceLine y={spec.reference.value} stroke={REFERENCE} strokeDasharray="4 4" strokeWidth={1.2} ifOverflow="extendDomain" />}
      {spec.series.map((s, k) => {
        const style = seriesStyle(k);
        return (
          <Line
            key={s.name}
            dataKey={`s${k}`}
            name={s.name}
            type="linear"
            stroke={style.colour}
            strokeWidth={2}
            strokeDasharray={style.dash}
            connectNulls={false}
            isAnimationActive={false}
            dot={(p: { cx?: number; cy?: number; key?: string }) => <Marker key={p.key} cx={p.cx} cy={p.cy} style={style} />}
          />
        );
      })}
      <Customized
        component={() => (
          <g className="direct-labels">
            <text x={MARGIN.left} y={12} fontSize={FONT} fill={INK} fontFamily={CHART_FONT_FAMILY}>{spec.valueLabel}</text>
            {hiddenMarks.map((h) => (
              <text key={h.key} className="suppressed-mark" x={h.x} y={h.y} textAnchor="middle" fontSize={FONT - 1} fill={h.colour} fontFamily={CHART_FONT_FAMILY}>{h.text}</text>
            ))}
            {labels.map((l, i) => (
              <g key={l.text}>
                {Math.abs(spread[i]! - l.anchorY) > 1 && (
                  <line x1={plotLeft + plotWidth + 1} y1={l.anchorY} x2={labelX - 2} y2={spread[i]!} stroke={l.colour} strokeWidth={0.8} />
                )}
                <text x={labelX} y={spread[i]! + FONT / 3} fontSize={FONT} fill={INK} fontFamily={CHART_FONT_FAMILY}>{l.text}</text>
              </g>
            ))}
          </g>
        )}
      />
    </LineChart>
  );
}
