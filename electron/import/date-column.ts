// Reading the dates of one column. The first dated value fixes the column's format (ISO,
// numeric day/month/year, day-month-name-year, or Excel serial number); a later value in another
// format is an error, because a column that mixes them cannot be trusted. Numeric dates are
// read day first (UK) unless the column proves otherwise: a value like 03/25/2018 can only be
// month first, and then the whole column must be re-read that way (DateOrderRestart).
import { messages } from './rules';
import { fromDayNumber, isValidYmd, ymdToIso, type IsoDate } from '../../shared/dates';

export type DateFormat = 'iso' | 'numeric' | 'month-name' | 'excel-serial';
export type DateOrder = 'dmy' | 'mdy';

const FORMAT_EXAMPLE: Record<DateFormat, string> = {
  iso: '2018-03-31',
  numeric: '31/03/2018',
  'month-name': '31-Mar-2018',
  'excel-serial': '43190 (an Excel date number)',
};

// A time of day after the date is dropped (SQL Server writes datetimes as 2025-01-24 10:01:45.000).
// Any clock-like suffix is captured so that one no clock shows (99:99, 24:00) is refused by name
// (possibleTime), not read as a date.
const TIME_SUFFIX = /[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z| ?[AaPp][Mm])?$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;
const MONTH_NAME = /^(\d{1,2})[- ]([A-Za-z]{3,9})\.?[- ,]+(\d{4}|\d{2})$/;
const SERIAL = /^(\d{3,6})(\.0+)?$/;
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12,
};
/** Excel's serial 25569 is 1970-01-01 (serials count from 1899-12-30 after Excel's 1900 leap-day bug). */
const EXCEL_EPOCH_OFFSET = 25569;

/** Thrown when a column turns out to be month-first: the import re-reads the file that way. */
export class DateOrderRestart extends Error {
  constructor(
    readonly field: string,
    /** The row whose date could only be month first. */
    readonly row = 0,
  ) {
    super(`column ${field} is month-first`);
  }
}

/** Two-digit years: 00-49 are 20xx, 50-99 are 19xx (as Excel reads them). */
function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 4 ? n : n < 50 ? 2000 + n : 1900 + n;
}

/** Every character but the two dashes of YYYY-MM-DD is a digit (Number() would let " 1" or "\t1" through). */
function digitsOnly(raw: string): boolean {
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** 00:00 to 23:59:59, or 1 to 12 with AM/PM. No export writes 24:00 for midnight (SQL Server cannot). */
function possibleTime(h: number, m: number, s: number, suffix: string | undefined): boolean {
  const twelveHour = suffix !== undefined && suffix !== 'Z';
  const hourOk = twelveHour ? h >= 1 && h <= 12 : h <= 23;
  return hourOk && m <= 59 && s <= 59;
}

export type DateRead = { ok: true; date: IsoDate } | { ok: false; reason: string };

export class DateColumn {
  private format: DateFormat | null = null;
  private formatRow = 0;
  private dayFirstRow = 0;
  private monthFirstRow = 0;

  /**
   * @param order 'dmy' by default; 'mdy' once the column has been shown to be month first.
   * @param fixedOrder true when a mapping set the order, so no evidence may change it.
   */
  constructor(
    readonly field: string,
    private order: DateOrder = 'dmy',
    private readonly fixedOrder = false,
  ) {}

  read(raw: string, row: number): DateRead {
    // Exports run in date order, so a date often repeats the row before's: the text just read
    // successfully reads the same again (reading it again would change nothing).
    if (raw === this.lastRaw) return this.lastRead!;
    const read = this.readAfresh(raw, row);
    // Only a success is kept, and any failure forgets it: once a column is found to mix day-first
    // and month-first dates, a text read successfully before is no longer to be trusted either.
    this.lastRaw = read.ok ? raw : null;
    this.lastRead = read.ok ? read : null;
    return read;
  }

  private lastRaw: string | null = null;
  private lastRead: DateRead | null = null;

  private readAfresh(raw: string, row: number): DateRead {
    // The common case, a plain ISO date in an ISO column, without regular expressions.
    if (this.format === 'iso' && raw.length === 10 && raw.charCodeAt(4) === 45 && raw.charCodeAt(7) === 45 && digitsOnly(raw)) {
      const y = Number(raw.slice(0, 4));
      const m = Number(raw.slice(5, 7));
      const d = Number(raw.slice(8, 10));
      if (m >= 1 && m <= 12 && d >= 1 && d <= 28 && y >= 1900 && y <= 2200 && Number.isInteger(y + m + d)) return { ok: true, date: raw };
    }
    const trimmed = raw.trim();
    const time = TIME_SUFFIX.exec(trimmed);
    // The time of day is ignored, but one no clock shows says the column is not what it seems.
    if (time && !possibleTime(Number(time[1]), Number(time[2]), time[3] === undefined ? 0 : Number(time[3]), time[4])) {
      return { ok: false, reason: messages.impossibleTime(time[0].trim()) };
    }
    const text = time ? trimmed.slice(0, time.index) : trimmed;
    let format: DateFormat;
    let y: number;
    let m: number;
    let d: number;
    let match: RegExpExecArray | null;
    if ((match = ISO.exec(text))) {
      format = 'iso';
      y = Number(match[1]);
      m = Number(match[2]);
      d = Number(match[3]);
    } else if ((match = NUMERIC.exec(text))) {
      format = 'numeric';
      const a = Number(match[1]);
      const b = Number(match[2]);
      y = fullYear(match[3]!);
      if (a > 12 && b <= 12) this.dayFirstRow ||= row;
      if (b > 12 && a <= 12) this.monthFirstRow ||= row;
      if (this.dayFirstRow && this.monthFirstRow) {
        return {
          ok: false,
          reason: `this column mixes day-first and month-first dates (row ${this.dayFirstRow} is day first, row ${this.monthFirstRow} month first), so no date in it can be trusted`,
        };
      }
      if (this.monthFirstRow && this.order === 'dmy' && !this.fixedOrder) throw new DateOrderRestart(this.field, this.monthFirstRow);
      [d, m] = this.order === 'dmy' ? [a, b] : [b, a];
    } else if ((match = MONTH_NAME.exec(text))) {
      const month = MONTHS[match[2]!.toLowerCase()];
      if (month === undefined) return { ok: false, reason: `"${match[2]}" is not a month name` };
      format = 'month-name';
      d = Number(match[1]);
      m = month;
      y = fullYear(match[3]!);
    } else if ((match = SERIAL.exec(text))) {
      format = 'excel-serial';
      const serial = Number(match[1]);
      if (serial < 61) return { ok: false, reason: 'is too small to be an Excel date number' };
      const iso = fromDayNumber(serial - EXCEL_EPOCH_OFFSET);
      y = Number(iso.slice(0, 4));
      m = Number(iso.slice(5, 7));
      d = Number(iso.slice(8, 10));
    } else {
      return { ok: false, reason: 'is not a date (write dates as 2018-03-31, 31/03/2018 or 31-Mar-2018)' };
    }
    if (this.format === null) {
      this.format = format;
      this.formatRow = row;
    } else if (this.format !== format) {
      return {
        ok: false,
        reason: `is written as ${FORMAT_EXAMPLE[format]} but this column's dates from row ${this.formatRow} are written as ${FORMAT_EXAMPLE[this.format]}; a column that mixes date formats cannot be trusted`,
      };
    }
    if (!isValidYmd(y, m, d)) return { ok: false, reason: 'is not a real calendar date' };
    return { ok: true, date: ymdToIso(y, m, d) };
  }
}
