// Reading what the stability-for-children measure needs: every allocation of each child (case)
// open at one of the dates that overlaps the 12 months to that date, and when each worker left or
// ended an agency assignment. For a series, one read over the whole span instead of one per month.
import type { Db } from '../db/open';
import { addDays, addYears, toDayNumber, type IsoDate } from '../../shared/dates';
import type { Workforce } from './load';
import { CONTINUITY_DAYS } from './movers';
import type { Departures } from './child-stability';
import { caseTypeIndex, ChildAllocationsBuilder, type ChildAllocations } from './child-allocations';
import type { CaseType } from '../../shared/domain';

// Each allocation as one record: case key, type, start, end ('9999-12-31' while open), staff ID,
// separated by the unit separator, records by the record separator, the whole read as one string.
// Handing SQLite's rows to JavaScript one value at a time cost about 1 microsecond a row, more than
// SQLite's own work; one string is handed over at once and read by position (the schema checks the
// dates are 10 characters). Case keys are hexadecimal pseudonyms, but an ID holding a separator
// cannot be misread: the records are counted against SQLite's count and each is checked for its
// separators where the dates put them; if either fails, the rows are read one by one instead.
const RECORD = `concat_ws(char(31), case_key, case_type, start_date, coalesce(end_date, '9999-12-31'), staff_id)`;
const COLUMNS = `case_key, case_type, staff_id, start_date, coalesce(end_date, '9999-12-31')`;
// Allocations covering part of [?1, ?2]; and those ending in [?1, ?2) (so before the first date).
const OVERLAPPING = `FROM allocation INDEXED BY allocation_cover WHERE coalesce(end_date, '9999-12-31') >= ?1 AND start_date <= ?2`;
const ENDED_BEFORE = `FROM allocation INDEXED BY allocation_cover WHERE coalesce(end_date, '9999-12-31') >= ?1 AND coalesce(end_date, '9999-12-31') < ?2`;

/**
 * Every allocation overlapping the 12 months to the earliest date through the latest date, of the
 * children with an allocation somewhere from the earliest date to the latest (more children than
 * needed is fine: the measure looks only at those open at each date). Two range scans of the
 * covering index allocation_cover, so the table itself is never read: the allocations from the
 * earliest date on (their children are the ones kept), then those that ended in the year before
 * it, kept only for those children (checking a key in JavaScript costs less than SQLite's lookup).
 */
export function readChildAllocations(db: Db, dates: readonly IsoDate[]): ChildAllocations {
  const b = new ChildAllocationsBuilder();
  if (dates.length === 0) return b.build();
  const sorted = [...dates].sort();
  const first = sorted[0]!;
  const from = addDays(addYears(first, -1), 1);
  const last = sorted[sorted.length - 1]!;
  const packed = (where: string, lo: IsoDate, hi: IsoDate) => db.prepare(`SELECT group_concat(${RECORD}, char(30)), count(*) ${where}`).raw().get({ 1: lo, 2: hi }) as [string | null, number];
  try {
    const read = readRecords(packed(OVERLAPPING, first, last), b, false) && readRecords(packed(ENDED_BEFORE, from, first), b, true);
    if (read) return b.build();
  } catch (e) {
    // A span too long for one string is read row by row too. better-sqlite3 limits SQLite's
    // strings to V8's longest (about 512 MB: some seven million allocations in the span), so
    // SQLite refuses it before V8 could.
    if ((e as { code?: string }).code !== 'SQLITE_TOOBIG') throw e;
  }
  return readRowByRow(db, from, first, last);
}

/** Adds the records to b; false if they cannot be read by position (an ID holds a separator). */
function readRecords([s, count]: [string | null, number], b: ChildAllocationsBuilder, knownChildrenOnly: boolean): boolean {
  if (s === null) return count === 0;
  // Every piece between record separators is a record, an empty last one included (a staff ID
  // ending in a record separator): so the count below sees any separator an ID holds.
  let records = 0;
  for (let p = 0; p <= s.length; records++) {
    let next = s.indexOf('\x1e', p);
    if (next < 0) next = s.length;
    const k = s.indexOf('\x1f', p);
    if (k < 0 || k > next) return false;
    const caseKey = s.slice(p, k);
    if (!knownChildrenOnly || b.has(caseKey)) {
      // t + 1: start (10 characters), t + 12: end, t + 23: the staff ID to the end of the record.
      const t = s.indexOf('\x1f', k + 1);
      if (t < 0 || s.charCodeAt(t + 11) !== 31 || s.charCodeAt(t + 22) !== 31 || t + 23 > next) return false;
      b.add(caseKey, typeAt(s, k + 1), s.slice(t + 23, next), dayNumberAt(s, t + 1), dayNumberAt(s, t + 12));
    }
    p = next + 1;
  }
  return records === count;
}

/** The same allocations read a row at a time: the rare database whose IDs hold a separator. */
function readRowByRow(db: Db, from: IsoDate, first: IsoDate, last: IsoDate): ChildAllocations {
  const b = new ChildAllocationsBuilder();
  type Raw = [string, CaseType, string, string, string];
  const add = (r: Raw) => b.add(r[0], caseTypeIndex(r[1]), r[2], toDayNumber(r[3]), toDayNumber(r[4]));
  for (const r of db.prepare(`SELECT ${COLUMNS} ${OVERLAPPING}`).raw().iterate({ 1: first, 2: last }) as IterableIterator<Raw>) add(r);
  for (const r of db.prepare(`SELECT ${COLUMNS} ${ENDED_BEFORE}`).raw().iterate({ 1: from, 2: first }) as IterableIterator<Raw>) {
    if (b.has(r[0])) add(r);
  }
  return b.build();
}

/** The index in CASE_TYPES of the type written at p ('CIN', 'CP', 'CLA', 'care_leaver', 'other'). */
export function typeAt(s: string, p: number): number {
  const c = s.charCodeAt(p);
  if (c === 0x43 /* C */) {
    const d = s.charCodeAt(p + 1);
    return d === 0x49 /* I */ ? 0 : d === 0x50 /* P */ ? 1 : 2;
  }
  return c === 0x63 /* c */ ? 3 : 4;
}

/** The day number (as toDayNumber) of the date 'YYYY-MM-DD' written at p, read without a string. */
export function dayNumberAt(s: string, p: number): number {
  const y = s.charCodeAt(p) * 1000 + s.charCodeAt(p + 1) * 100 + s.charCodeAt(p + 2) * 10 + s.charCodeAt(p + 3) - 53328; // 48 * 1111
  const m = s.charCodeAt(p + 5) * 10 + s.charCodeAt(p + 6) - 528; // 48 * 11
  const d = s.charCodeAt(p + 8) * 10 + s.charCodeAt(p + 9) - 528;
  // Days from the civil calendar (H. Hinnant's algorithm), with 1 March as the year's first day;
  // every quantity is positive for years 1 to 9999, so integer division is truncation.
  const yy = m <= 2 ? y - 1 : y;
  const era = (yy / 400) | 0;
  const yoe = yy - era * 400;
  const doy = (((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) | 0) + d - 1;
  const doe = yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Each worker's departures: the end of a spell not followed within 7 days by another spell of the
 * same staff ID (any role, any employment type). An agency spell so ending is an agency
 * assignment ending; any other is a leaving (support workers included: their children lose them too).
 */
export function departures(w: Workforce): Departures {
  const leavers = new Map<string, IsoDate[]>();
  const agencyEnds = new Map<string, IsoDate[]>();
  for (const [staffId, spells] of w.spellsByStaff) {
    for (const s of spells) {
      if (s.end === null) continue;
      const end = s.endDay;
      const continues = spells.some((t) => t !== s && t.endDay > end && t.startDay <= end + CONTINUITY_DAYS);
      if (continues) continue;
      const map = s.type === 'agency' ? agencyEnds : leavers;
      let list = map.get(staffId);
      if (!list) map.set(staffId, (list = []));
      list.push(s.end);
    }
  }
  return { leavers, agencyEnds };
}
