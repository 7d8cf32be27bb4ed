// The one rule every rate and average obeys: a zero denominator is "not applicable" (null),
// never 0, NaN or Infinity (DOMAIN.md).

/** numerator / denominator, or null when the denominator is zero (or not a finite number). */
export function ratio(numerator: number, denominator: number): number | null {
  if (!Number.isFinite(denominator) || denominator === 0) return null;
  return numerator / denominator;
}

/** numerator / denominator x 100, or null when the denominator is zero. */
export function percent(numerator: number, denominator: number): number | null {
  const r = ratio(numerator, denominator);
  return r === null ? null : r * 100;
}

/**
 * Removes floating-point accumulation noise from a sum of FTEs or pounds (0.1 + 0.2 gives
 * 0.30000000000000004) by keeping 12 significant digits, far below any figure's precision.
 * This is not the DfE one-decimal rounding, which happens only when a figure is shown.
 */
export function tidy(sum: number): number {
  return Number.isFinite(sum) ? Number(sum.toPrecision(12)) : sum;
}
