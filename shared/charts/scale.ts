// Axis arithmetic done here rather than left to recharts, so that the chart draws the same on a
// server (no DOM to measure text) as in the app, and so direct labels can be placed exactly.

/** A "nice" axis maximum and its ticks (0 to max in 4-6 steps of 1, 2, 2.5 or 5 x 10^n). */
export function niceTicks(maxValue: number, minValue = 0, integer = false): { min: number; max: number; ticks: number[] } {
  const lo = Math.min(0, minValue);
  const span = Math.max(maxValue - lo, 1e-9);
  const rough = span / 5;
  const pow = 10 ** Math.floor(Math.log10(rough));
  const nice = [1, 2, 2.5, 5, 10].map((m) => m * pow).filter((s) => !integer || Number.isInteger(s));
  // Counts of people get whole-number ticks only.
  const step = Math.max(integer ? 1 : 0, nice.find((s) => span / s <= 5.0001) ?? 10 * pow);
  const max = Math.max(step, Math.ceil((maxValue - 1e-9) / step) * step);
  const min = lo < 0 ? Math.floor(lo / step) * step : 0;
  const ticks: number[] = [];
  for (let v = min; v <= max + step / 1000; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return { min, max, ticks };
}

/**
 * Spreads label positions (pixel y, any order) so no two are closer than `gap`, keeping them
 * within [top, bottom] and as near their points as possible. Returns positions in input order.
 */
export function spreadLabels(ys: number[], gap: number, top: number, bottom: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const placed = order.map((o) => o.y);
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k]!, placed[k - 1]! + gap);
  const overflow = (placed[placed.length - 1] ?? bottom) - bottom;
  if (overflow > 0) for (let k = 0; k < placed.length; k++) placed[k] = placed[k]! - overflow;
  for (let k = placed.length - 2; k >= 0; k--) placed[k] = Math.min(placed[k]!, placed[k + 1]! - gap);
  const out = new Array<number>(ys.length);
  order.forEach((o, k) => (out[o.i] = Math.max(top, placed[k]!)));
  return out;
}

/** Every how-many-th category label to show so that labels of `labelChars` fit in `width` px. */
export function tickInterval(count: number, width: number, labelChars: number, charPx = 5.8): number {
  const per = labelChars * charPx + 10;
  const fit = Math.max(1, Math.floor(width / per));
  return Math.max(0, Math.ceil(count / fit) - 1);
}
