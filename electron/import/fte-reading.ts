// How a file writes FTE, decided once per column and said in the import summary: a fraction of
// full time (1, 0.8), a percentage (100, 80), or hours worked against a standard week (30 of 37,
// the week from a "Standard Hours" column where it has a value, else the setting, default 37).
// A column mapping can say which ("fteUnit"); otherwise the heading decides ("Hours", "FTE %"),
// then the first rows (values over 1 are a percentage).
import type { Binding } from './layouts';
import { norm } from './normalise';

export type FteUnit = 'fraction' | 'percent' | 'hours';

export interface FteReading {
  unit: FteUnit;
  standardHours: number;
  /** Said in the summary when the column is not a plain fraction. */
  note: string | null;
}

export const DEFAULT_STANDARD_HOURS = 37;

export function fteReading(binding: Binding, preview: readonly (readonly string[])[], given: { unit?: FteUnit | undefined; standardHours: number }): FteReading {
  const i = binding.index.fte;
  const week = given.standardHours;
  if (i === undefined) return { unit: 'fraction', standardHours: week, note: null };
  const heading = binding.headers[i] ?? 'fte';
  const h = norm(heading);
  const values = preview.map((r) => Number((r[i] ?? '').trim())).filter((n) => Number.isFinite(n));
  const hasWeek = binding.index.standard_hours !== undefined;
  const unit: FteUnit =
    given.unit ??
    (h.includes('hour') || hasWeek ? 'hours' : /%|percent|pct/i.test(heading) ? 'percent' : values.length > 0 && values.every((n) => n > 1 && n <= 100) && values.some((n) => n >= 50) ? 'percent' : 'fraction');
  // A fraction column always has values of 1 or less, so only a column whose first values are
  // all over 1, one at least 50 (someone works half time or more), is taken for percentages; a
  // stray 7 stays an error rather than becoming 7%.
  const why = given.unit ? 'as the column mapping says' : unit === 'hours' ? 'because of its heading' : /%|percent|pct/i.test(heading) ? 'because of its heading' : 'because its first values are all over 1';
  if (unit === 'fraction') return { unit, standardHours: week, note: null };
  const weekSource = hasWeek ? `column "${binding.headers[binding.index.standard_hours!]}" (${week} hours where it is blank)` : `the standard week of ${week} hours (a setting)`;
  const note =
    unit === 'percent'
      ? `FTE: column "${heading}" was read as a percentage of full time (80 is 0.8 FTE), ${why}.`
      : `FTE: column "${heading}" was read as hours worked against ${weekSource}, ${why}: 30 hours of 37 is 0.8108 FTE.`;
  return { unit, standardHours: week, note };
}
