// Which 30 September a census return is for. The XML says (Header ReferenceDate, or Year); a
// CSV does not, so it is the 30 September on or before the extract date the user gives, or,
// without one, the first 30 September on or after the latest start or end date in the file
// (a return covers the year to its 30 September, so nothing in it is later).
import type { IsoDate } from '../../shared/dates';
import { DateColumn } from './date-column';
import type { Binding } from './layouts';
import { parseText, sniffFile } from './csv-stream';

export function censusDateOnOrBefore(d: IsoDate): IsoDate {
  const y = Number(d.slice(0, 4));
  return d.slice(5) >= '09-30' ? `${y}-09-30` : `${y - 1}-09-30`;
}

export function censusDateOnOrAfter(d: IsoDate): IsoDate {
  const y = Number(d.slice(0, 4));
  return d.slice(5) <= '09-30' ? `${y}-09-30` : `${y + 1}-09-30`;
}

/**
 * The latest RoleStartDate or RoleEndDate in a census CSV (its first 256 KB), or in the first
 * rows of an .xlsx sheet already read (heading row first), or null.
 */
function latestDate(file: string, binding: Binding, sheetRows?: readonly string[][]): IsoDate | null {
  const sniffed = sheetRows ? null : sniffFile(file);
  const rows = (sheetRows ?? (sniffed ? parseText(sniffed.headText, sniffed, sniffed.bytes <= 256 * 1024) : [])).slice(1);
  let latest: IsoDate | null = null;
  for (const field of ['start_date', 'end_date']) {
    const i = binding.index[field];
    if (i === undefined) continue;
    const column = new DateColumn(field, 'dmy');
    rows.forEach((cells, r) => {
      const v = (cells[i] ?? '').trim();
      if (v === '') return;
      try {
        const read = column.read(v, r + 2);
        if (read.ok && (latest === null || read.date > latest)) latest = read.date;
      } catch {
        // A month-first column: the import itself says so; the latest date is not needed from it.
      }
    });
  }
  return latest;
}

export function censusDateFor(
  file: string, binding: Binding, extractDate: IsoDate | undefined, today: IsoDate, sheetRows?: readonly string[][],
): { date: IsoDate; note: string } {
  if (extractDate !== undefined) {
    const date = censusDateOnOrBefore(extractDate);
    return { date, note: `The census date is ${date}, the 30 September on or before the extract date (${extractDate}).` };
  }
  const latest = latestDate(file, binding, sheetRows);
  const date = latest === null ? censusDateOnOrBefore(today) : censusDateOnOrAfter(latest);
  return {
    date,
    note:
      `The census date is taken to be ${date}, ` +
      (latest === null ? 'the last 30 September before today' : `the first 30 September on or after the latest date in the file (${latest})`) +
      ': give --extract-date YYYY-MM-DD (the census date) if the return is for another year.',
  };
}
