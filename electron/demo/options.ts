// Options of the synthetic council and their defaults.
import { addDays, addMonths, addYears, isIsoDate, monthEnd, todayIso, type IsoDate } from '../../shared/dates';

/**
 * Totals the generated council must show at `asAt` under the DOMAIN.md definitions, exactly to
 * one decimal place (e.g. a published DfE row, to test that the measures reproduce it).
 */
export interface CalibrationTargets {
  asAt: IsoDate;
  inPostFte: number;
  inPostHeadcount: number;
  leaversFte: number;
  agencyFte: number;
  caseHolderFte: number;
  cases: number;
}

export interface DemoOptions {
  /** Same seed, same council, byte for byte. Default 1. */
  seed?: number;
  /** Social-work posts (roles 1-6). Default 160, or enough for `allocations`. */
  staff?: number;
  /** Years of history before the end date. Default 3 (longer when `allocations` needs it). */
  years?: number;
  /**
   * Exactly this many allocation rows (scales the council, then the history, to produce a few
   * more and thins the surplus out evenly). Ignored with `targets`, which fix the caseload.
   */
  allocations?: number;
  /**
   * The extract date: the last day the exports cover. Default: this month's end if that is
   * today, otherwise last month's end (an export cannot hold days that have not happened, and
   * the importer refuses dates after the extract date).
   */
  endDate?: IsoDate;
  targets?: CalibrationTargets;
}

export interface ResolvedOptions {
  seed: number;
  staff: number;
  /** Length of the history in years (a fraction when scaled to a number of allocations). */
  years: number;
  endDate: IsoDate;
  /** First day of the history. */
  startDate: IsoDate;
  allocations: number | null;
  targets: CalibrationTargets | null;
}

export const DEFAULT_STAFF = 160;
export const DEFAULT_YEARS = 3;
// Allocation rows per social-work post: the caseloads already open when the history starts, and
// those a post adds each year (measured on generated councils of 3 and 15 years).
export const OPEN_AT_START_PER_POST = 22.5;
export const ALLOCATIONS_PER_POST_YEAR = 59.5;
const ALLOCATION_AIM = 1.05;
const allocationsPerPost = (years: number) => OPEN_AT_START_PER_POST + ALLOCATIONS_PER_POST_YEAR * years;
export const MAX_SCALED_STAFF = 1000;

export function latestMonthEnd(today: IsoDate): IsoDate {
  return monthEnd(today) === today ? today : addDays(today.slice(0, 8) + '01', -1);
}

export function resolveOptions(options: DemoOptions = {}, today: Date = new Date()): ResolvedOptions {
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new Error(`The seed must be a whole number from 0 to 4294967295 (got ${seed}).`);
  }
  const targets = options.targets ?? null;
  const endDate = options.endDate ?? targets?.asAt ?? latestMonthEnd(todayIso(today));
  if (!isIsoDate(endDate)) throw new Error(`The end date must be a date like 2025-09-30 (got "${endDate}").`);
  const allocations = options.allocations ?? null;
  if (allocations !== null && (!Number.isInteger(allocations) || allocations < 1)) {
    throw new Error(`The number of allocations must be a positive whole number (got ${allocations}).`);
  }
  const years = options.years ?? DEFAULT_YEARS;
  let months = years * 12;
  let staff = options.staff ?? (targets ? Math.max(10, Math.round((targets.inPostHeadcount + targets.agencyFte) / 0.94)) : DEFAULT_STAFF);
  if (allocations !== null && !targets) {
    // Aim a little above the number asked for; the surplus is thinned out evenly (council.ts).
    // Up to a large county's size (MAX_SCALED_STAFF posts) the council grows; beyond that the
    // history lengthens, so memory (which follows the open caseload) stays flat however many rows.
    const aim = allocations * ALLOCATION_AIM;
    if (options.staff === undefined) {
      staff = Math.min(MAX_SCALED_STAFF, Math.max(20, Math.round(aim / allocationsPerPost(years))));
    }
    if (options.years === undefined) {
      months = Math.max(months, Math.round((12 * (aim / staff - OPEN_AT_START_PER_POST)) / ALLOCATIONS_PER_POST_YEAR));
    }
  }
  if (!Number.isInteger(staff) || staff < 10 || staff > 100_000) {
    throw new Error(`The number of staff must be a whole number from 10 to 100000 (got ${staff}).`);
  }
  if (!Number.isInteger(years) || years < 1 || years > 40) {
    throw new Error(`The number of years must be a whole number from 1 to 40 (got ${years}).`);
  }
  if (months > 100 * 12) {
    throw new Error(`${allocations} allocations would need more than a century of history: give --staff as well.`);
  }
  if (targets) {
    if (!isIsoDate(targets.asAt)) throw new Error(`The calibration date must be a date like 2018-09-30 (got "${targets.asAt}").`);
    if (targets.asAt > endDate) throw new Error(`The calibration date ${targets.asAt} is after the end date ${endDate}.`);
    if (addYears(targets.asAt, -1) < addMonths(endDate, -months)) {
      throw new Error(`The history must start at least a year before the calibration date ${targets.asAt}: give more years.`);
    }
  }
  return {
    seed, staff, years: months / 12, endDate, startDate: addDays(addMonths(endDate, -months), 1),
    allocations: targets ? null : allocations, targets,
  };
}
