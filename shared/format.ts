// How measures are written for people, shared by the committee paper, the screens and the
// command line so that the same figure reads the same everywhere. DfE convention: rates, FTE
// and averages to one decimal place, headcounts as whole numbers; a null (zero denominator)
// is "not applicable", never 0 or NaN. Values stay unrounded in Metrics; only these round.

export const NOT_APPLICABLE = 'not applicable';

/**
 * Rounds half away from zero to `decimals` places, as published statistics do. Works on the
 * shortest decimal form of the number so that 8.25 (stored as 8.2499999...) rounds to 8.3.
 */
export function roundHalfAway(value: number, decimals = 1): number {
  if (!Number.isFinite(value)) return value;
  const [mantissa, exponent = '0'] = Math.abs(value).toPrecision(15).split('e');
  const shifted = Number(`${mantissa}e${Number(exponent) + decimals}`);
  const rounded = Number(`${Math.round(shifted)}e${-decimals}`);
  return value < 0 ? -rounded : rounded;
}

function grouped(value: number, decimals: number): string {
  const r = roundHalfAway(value, decimals);
  return (Object.is(r, -0) ? 0 : r).toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

const missing = (v: number | null | undefined): v is null | undefined => v === null || v === undefined || !Number.isFinite(v);

/** A rate or share: "15.0%". */
export function formatRate(value: number | null | undefined): string {
  return missing(value) ? NOT_APPLICABLE : `${grouped(value, 1)}%`;
}

/** FTE: "238.0". */
export function formatFte(value: number | null | undefined): string {
  return missing(value) ? NOT_APPLICABLE : grouped(value, 1);
}

/** An average caseload: "18.8". */
export function formatAverage(value: number | null | undefined): string {
  return missing(value) ? NOT_APPLICABLE : grouped(value, 1);
}

/** A headcount or number of cases: "2,639". */
export function formatCount(value: number | null | undefined): string {
  return missing(value) ? NOT_APPLICABLE : grouped(value, 0);
}

/** Money in whole pounds: "£448,500". */
export function formatMoney(value: number | null | undefined): string {
  if (missing(value)) return NOT_APPLICABLE;
  const text = grouped(Math.abs(value), 0);
  return roundHalfAway(value, 0) < 0 ? `-£${text}` : `£${text}`;
}

export type ChangeKind = 'rate' | 'fte' | 'average' | 'count' | 'money';

/**
 * The change on a year ago in words, computed on the rounded figures so it agrees with the
 * numbers printed beside it: "up 2.1 percentage points on a year ago", "down 3 on a year ago",
 * "the same as a year ago", or "no comparable figure a year ago" when either is not applicable.
 */
export function describeChange(current: number | null | undefined, yearAgo: number | null | undefined, kind: ChangeKind): string {
  if (missing(current) || missing(yearAgo)) return 'no comparable figure a year ago';
  const decimals = kind === 'count' || kind === 'money' ? 0 : 1;
  const diff = roundHalfAway(roundHalfAway(current, decimals) - roundHalfAway(yearAgo, decimals), decimals);
  if (diff === 0) return 'the same as a year ago';
  const size = Math.abs(diff);
  const amount =
    kind === 'rate'
      ? `${grouped(size, 1)} percentage point${size === 1 ? '' : 's'}`
      : kind === 'money'
        ? formatMoney(size)
        : kind === 'fte'
          ? `${grouped(size, 1)} FTE`
          : grouped(size, decimals);
  return `${diff > 0 ? 'up' : 'down'} ${amount} on a year ago`;
}
