// Reading what the stability-for-children measure needs: every allocation of each child (case)
// open at D that overlaps the 12 months to D, and when each worker left or ended an agency
// assignment. For a series, one read over the whole span instead of one per month.
import type { Db } from '../db/open';
import { addDays, addYears, toDayNumber, type IsoDate } from '../../shared/dates';
import type { CaseType } from '../../shared/domain';
import type { Workforce } from './load';
import { CONTINUITY_DAYS } from './movers';
import type { AllocationRow, Departures } from './child-stability';

type Raw = [string, CaseType, string, string, string];

/**
 * Every allocation overlapping the 12 months to the earliest date through the latest date: one
 * range scan of the covering index allocation_cover (migration 9 added the case key to it), so
 * the table itself is never read.
 */
export function readChildAllocations(db: Db, dates: readonly IsoDate[]): AllocationRow[] {
  if (dates.length === 0) return [];
  const sorted = [...dates].sort();
  const from = addDays(addYears(sorted[0]!, -1), 1);
  const last = sorted[sorted.length - 1]!;
  // Only children open at one of the dates matter. Their keys are collected in SQLite (an
  // ephemeral index) so that rows of children who were closed by then never reach JavaScript,
  // where building each row costs far more than SQLite's look at its index entry.
  const stmt = db
    .prepare(
      `SELECT case_key, case_type, staff_id, start_date, coalesce(end_date, '9999-12-31')
         FROM allocation INDEXED BY allocation_cover
        WHERE coalesce(end_date, '9999-12-31') >= ? AND start_date <= ?
          AND case_key IN (SELECT case_key FROM allocation INDEXED BY allocation_cover
                            WHERE coalesce(end_date, '9999-12-31') >= ? AND start_date <= ?)`,
    )
    .raw();
  const out: AllocationRow[] = [];
  for (const [caseKey, caseType, staffId, start, end] of stmt.iterate(from, last, sorted[0]!, last) as IterableIterator<Raw>) {
    out.push({ caseKey, caseType, staffId, start, end: end === OPEN ? null : end });
  }
  return out;
}

const OPEN = '9999-12-31';

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
      const end = toDayNumber(s.end);
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
