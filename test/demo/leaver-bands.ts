// Leavers by years qualified (DfE bands) in the 12 months to a date, counted straight from the
// spells with the DOMAIN.md leaver rule read literally: a directly employed social-work spell
// ending in the window, not followed within 7 days by another such spell of the same staff ID;
// each person once, by their last leaving; years qualified in whole years at the leaving date.
import type { SpellRecord } from '../../shared/records';
import { isDirect, isSw, yearBefore } from './count';

export const BANDS = ['<1', '1-2', '2-3', '3-5', '5+'] as const;
export type Band = (typeof BANDS)[number];

const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Whole birthdays-style years from `from` to `to` (31 Mar 2022 to 30 Mar 2025 is 2 years). */
export function wholeYears(from: string, to: string): number {
  const y = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? y - 1 : y;
}

export function bandOf(years: number): Band {
  return years < 1 ? '<1' : years < 2 ? '1-2' : years < 3 ? '2-3' : years < 5 ? '3-5' : '5+';
}

const zero = () => Object.fromEntries(BANDS.map((b) => [b, 0])) as Record<Band, number>;

export function leaversByBand(spells: readonly SpellRecord[], d: string): Record<Band, number> {
  const from = yearBefore(d);
  const direct = spells.filter((s) => isSw(s) && isDirect(s));
  const last = new Map<string, SpellRecord>();
  for (const s of direct) {
    if (s.end_date === null || !(s.end_date > from && s.end_date <= d)) continue;
    const end = days(s.end_date);
    const followed = direct.some((o) => o !== s && o.staff_id === s.staff_id && o.start_date > s.start_date && days(o.start_date) <= end + 7);
    if (followed) continue;
    const prev = last.get(s.staff_id);
    if (!prev || s.end_date > prev.end_date!) last.set(s.staff_id, s);
  }
  const out = zero();
  for (const s of last.values()) if (s.qualified_date) out[bandOf(wholeYears(s.qualified_date, s.end_date!))]++;
  return out;
}
