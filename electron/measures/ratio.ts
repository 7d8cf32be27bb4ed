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
