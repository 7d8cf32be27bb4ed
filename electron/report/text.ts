// Number wording for the paper, on top of the shared presentation helpers (shared/format.ts) so
// a figure reads the same in the paper, on screen and on the command line.
import { describeChange, formatAverage, formatCount, formatMoney, formatRate, type ChangeKind } from '../../shared/format';

export function count(n: number): string {
  return formatCount(n);
}

/** An average or FTE to one decimal place; "not applicable" for null. */
export function one(n: number | null): string {
  return formatAverage(n);
}

export function pct(n: number | null): string {
  return formatRate(n);
}

export function money(n: number): string {
  return formatMoney(n);
}

/** "Up 5.2 on a year ago (12.3)": the change, then the year-ago figure. */
export function changeLine(now: number | null, before: number | null, kind: ChangeKind, beforeText: string): string {
  const words = describeChange(now, before, kind);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} (${beforeText})`;
}

/** Splits commentary into paragraphs at blank lines. */
export function paragraphs(text: string | undefined): string[] {
  if (!text) return [];
  return text.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean);
}
