// Plain-English summaries written automatically from the figures: one or two sentences a
// councillor can read instead of the chart ("Average caseload fell from 19.4 to 17.1 in the 12
// months to 30 June 2018, below the threshold of 20."). They double as each chart's text
// alternative, so they must say what the chart shows without it. Pure functions of numbers.
import { formatLongDate, type IsoDate } from './dates';
import { roundHalfAway } from './format';

export interface ValueFormat {
  decimals: number;
  /** Appended to the number: '%' or '' (a unit word goes in the measure's name instead). */
  unit?: string;
}

/** The number as the paper prints it (DfE convention: rates and FTE 1 dp, headcounts whole). */
export function formatValue(value: number, f: ValueFormat): string {
  return roundHalfAway(value, f.decimals).toLocaleString('en-GB', { minimumFractionDigits: f.decimals, maximumFractionDigits: f.decimals }) + (f.unit ?? '');
}

function rounded(value: number, decimals: number): number {
  return roundHalfAway(value, decimals);
}

export interface Limit {
  value: number;
  /** How the limit is named in the sentence: "the threshold", "the cap", "the target". */
  name: string;
  /** Whether being above the limit is bad (caseload, agency rate, turnover) or good. */
  higherIsWorse: boolean;
}

/** "below the threshold of 20" / "above the target of 15.0%" / "at the cap of 15". */
export function relationToLimit(value: number, limit: Limit, f: ValueFormat): string {
  const v = rounded(value, f.decimals);
  const l = rounded(limit.value, f.decimals);
  const where = v > l ? 'above' : v < l ? 'below' : 'at';
  // A whole-number limit reads as set ("the threshold of 20"), not "20.0".
  const shown = Number.isInteger(limit.value) ? formatValue(limit.value, { ...f, decimals: 0 }) : formatValue(limit.value, f);
  return `${where} ${limit.name} of ${shown}`;
}

/** Whether a value meets a target, in words (never colour alone). */
export function targetStatus(value: number | null, limit: Limit, f: ValueFormat): 'met' | 'not met' | 'not applicable' {
  if (value === null) return 'not applicable';
  const v = rounded(value, f.decimals);
  const l = rounded(limit.value, f.decimals);
  return (limit.higherIsWorse ? v <= l : v >= l) ? 'met' : 'not met';
}

/**
 * "Average caseload fell from 19.4 to 17.1 in the 12 months to 30 June 2018, below the threshold
 * of 20." Compares the rounded figures, so a change too small to show reads "stayed at".
 */
export function changeSentence(
  measure: string,
  from: number | null,
  to: number | null,
  asAt: IsoDate,
  f: ValueFormat,
  options: { months?: number; limit?: Limit } = {},
): string {
  const months = options.months ?? 12;
  const period = `in the ${months} months to ${formatLongDate(asAt)}`;
  const limit = to !== null && options.limit ? `, ${relationToLimit(to, options.limit, f)}` : '';
  if (to === null) {
    return `${measure} cannot be calculated at ${formatLongDate(asAt)} (there is nothing to divide by).`;
  }
  if (from === null) {
    return `${measure} was ${formatValue(to, f)} at ${formatLongDate(asAt)}${limit}; there is no comparable figure ${months} months earlier.`;
  }
  const a = rounded(from, f.decimals);
  const b = rounded(to, f.decimals);
  const verb = b > a ? 'rose' : b < a ? 'fell' : null;
  if (!verb) return `${measure} stayed at ${formatValue(to, f)} ${period}${limit}.`;
  return `${measure} ${verb} from ${formatValue(from, f)} to ${formatValue(to, f)} ${period}${limit}.`;
}

/** Lowercases the first letter of a measure name for use mid-sentence. */
export function midSentence(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name;
}

/**
 * A trend chart's summary: a change sentence per series comparing the last value with the one a
 * year earlier (`pointsPerYear` back: 12 for a monthly series, 1 for a yearly one), or with the
 * earliest value when the series is shorter than a year. The limit applies to the first series.
 */
export function trendSummary(
  series: Array<{ name: string; values: Array<number | null> }>,
  asAt: IsoDate,
  f: ValueFormat,
  options: { limit?: Limit; pointsPerYear?: number } = {},
): string {
  const perYear = options.pointsPerYear ?? 12;
  return series
    .map((s, i) => {
      const lastIndex = s.values.length - 1;
      const last = lastIndex >= 0 ? s.values[lastIndex] ?? null : null;
      let fromIndex = lastIndex - perYear;
      if (fromIndex < 0) fromIndex = s.values.findIndex((v) => v !== null);
      const from = fromIndex >= 0 && fromIndex < lastIndex ? s.values[fromIndex] ?? null : null;
      const months = fromIndex >= 0 && fromIndex < lastIndex ? Math.round(((lastIndex - fromIndex) * 12) / perYear) : 12;
      const opts: { months: number; limit?: Limit } = { months };
      if (i === 0 && options.limit) opts.limit = options.limit;
      return changeSentence(s.name, from, last, asAt, f, opts);
    })
    .join(' ');
}

/** "1 leaver", "3 leavers". */
export function plural(n: number, one: string, many = one + 's'): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/**
 * A breakdown's summary: "Of the 45 leavers in the 12 months to 30 June 2018, the largest group
 * was resignation (20)." Suppressed categories (null) are never named with a number.
 */
export function breakdownSummary(
  what: string | [singular: string, plural: string],
  total: number,
  categories: string[],
  values: Array<number | null>,
  options: { period?: string; suppressed?: boolean } = {},
): string {
  const period = options.period ? ` ${options.period}` : '';
  const many = typeof what === 'string' ? what : what[1];
  const noun = typeof what === 'string' ? what : total === 1 ? what[0] : what[1];
  if (total === 0) return `There were no ${many}${period}.`;
  let best = -1;
  values.forEach((v, i) => {
    if (v !== null && (best < 0 || v > values[best]!)) best = i;
  });
  const lead = `Of the ${total.toLocaleString('en-GB')} ${noun}${period}`;
  const tail = options.suppressed ? ' Some small numbers are not shown, to protect individuals.' : '';
  if (best < 0 || values[best] === 0) return `${lead}, the number in each group is not published, to protect individuals.`;
  const share = Math.round((values[best]! / total) * 100);
  return `${lead}, the largest group was ${midSentence(categories[best]!)} (${values[best]!.toLocaleString('en-GB')}, ${share}%).${tail}`;
}
