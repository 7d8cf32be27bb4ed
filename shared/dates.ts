// Calendar dates (no times) as ISO strings 'YYYY-MM-DD', the form the database stores, with
// day numbers (days since 1970-01-01) for arithmetic. Built on Date.UTC so that no time zone or
// daylight-saving change can move a date.

export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** True for a real calendar date in ISO form (rejects 2018-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_RE.exec(value);
  if (!m) return false;
  return isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function ymdToIso(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Days since 1970-01-01 for an ISO date. */
export function toDayNumber(iso: IsoDate): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function fromDayNumber(day: number): IsoDate {
  const dt = new Date(day * MS_PER_DAY);
  return ymdToIso(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(iso) + days);
}

/**
 * Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb), the
 * convention HR systems use for "twelve months after".
 */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return ymdToIso(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function addYears(iso: IsoDate, years: number): IsoDate {
  return addMonths(iso, years * 12);
}

export function monthEnd(iso: IsoDate): IsoDate {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  return ymdToIso(y, m, daysInMonth(y, m));
}

/**
 * The month-end dates of the `count` months ending with the month of `asAt`, oldest first. The
 * last entry is `asAt`'s own month end even when `asAt` is mid-month, so callers that want D
 * itself as the final point should replace it.
 */
export function monthEnds(asAt: IsoDate, count: number): IsoDate[] {
  const out: IsoDate[] = [];
  for (let i = count - 1; i >= 0; i--) out.push(monthEnd(addMonths(asAt.slice(0, 8) + '01', -i)));
  return out;
}

/** Whole years between two dates (birthday rule), for length-of-service bands. */
export function wholeYearsBetween(from: IsoDate, to: IsoDate): number {
  let years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  if (to.slice(5) < from.slice(5)) years -= 1;
  return years;
}

/** "30 September 2018", the form a committee paper uses. */
export function formatLongDate(iso: IsoDate): string {
  const m = Number(iso.slice(5, 7));
  return `${Number(iso.slice(8, 10))} ${MONTHS[m - 1]} ${iso.slice(0, 4)}`;
}

/** "Sep 2018", for chart axes. */
export function formatMonthShort(iso: IsoDate): string {
  return `${MONTHS[Number(iso.slice(5, 7)) - 1]!.slice(0, 3)} ${iso.slice(0, 4)}`;
}

/** Today's date in the local calendar, as ISO. */
export function todayIso(now: Date = new Date()): IsoDate {
  return ymdToIso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
