// Dates on the command line are written YYYY-MM-DD. A council officer types the date the way
// their spreadsheets show it (30/09/2025), so when the text is a real date in a UK form, the
// message gives it back in the form wanted instead of just calling it wrong.
import { isIsoDate, isValidYmd, ymdToIso } from '../../shared/dates';
import { UsageError } from './command';

/** Day first, as in the UK (30/09/2025, 30-09-2025, 30.09.2025), or year first with slashes or dots. */
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YEAR_FIRST = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;

/** The same date as YYYY-MM-DD when `text` is a real date in another common form. */
export function isoFromCommonForm(text: string): string | undefined {
  const t = text.trim();
  const day = DAY_FIRST.exec(t);
  const year = YEAR_FIRST.exec(t);
  const [y, m, d] = day ? [day[3], day[2], day[1]] : year ? [year[1], year[2], year[3]] : [];
  if (y === undefined || m === undefined || d === undefined) return undefined;
  return isValidYmd(Number(y), Number(m), Number(d)) ? ymdToIso(Number(y), Number(m), Number(d)) : undefined;
}

/** The option's value if it is a real date written YYYY-MM-DD; otherwise a usage error saying how to write it. */
export function isoDateOption(option: string, value: string): string {
  if (isIsoDate(value)) return value;
  const iso = isoFromCommonForm(value);
  if (iso) throw new UsageError(`--${option} ${value}: write the date as ${iso} (year-month-day).`);
  throw new UsageError(`--${option} "${value}" is not a real date: write it as year-month-day, for example 2025-09-30.`);
}
