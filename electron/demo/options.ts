// Options of the synthetic council and their defaults.
import { addDays, addYears, isIsoDate, monthEnd, todayIso, type IsoDate } from '../../shared/dates';

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
  /** Years of history before the end date. Default 3. */
  years?: number;
  /** Roughly how many allocation rows to write (scales the council when `staff` is not given). */
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
  years: number;
  endDate: IsoDate;
  /** First day of the history. */
  startDate: IsoDate;
  allocations: number | null;
  targets: CalibrationTargets | null;
}

export const DEFAULT_STAFF = 160;
export const DEFAULT_YEARS = 3;
/** Allocation rows one social-work post produces a year (measured on the default council). */
export const ALLOCATIONS_PER_POST_YEAR = 67;
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
  let years = options.years ?? DEFAULT_YEARS;
  let staff = options.staff ?? (targets ? Math.round((targets.inPostHeadcount + targets.agencyFte) / 0.94) : DEFAULT_STAFF);
  if (allocations !== null) {
    // More allocations come from a bigger council, or from a longer history when the size is fixed.
    // Up to a large county's size (MAX_SCALED_STAFF posts) the council grows; beyond that the
    // history lengthens, so memory (which follows the open caseload) stays flat however many rows.
    if (options.staff === undefined && !targets) {
      staff = Math.min(MAX_SCALED_STAFF, Math.max(20, Math.round(allocations / (ALLOCATIONS_PER_POST_YEAR * years))));
    }
    if (options.years === undefined) {
      years = Math.max(years, Math.round(allocations / (ALLOCATIONS_PER_POST_YEAR * staff)));
    }
  }
  if (!Number.isInteger(staff) || staff < 10 || staff > 100_000) {
    throw new Error(`The number of staff must be a whole number from 10 to 100000 (got ${staff}).`);
  }
  if (!Number.isInteger(years) || years < 1 || years > 40) {
    throw new Error(`The number of years must be a whole number from 1 to 40 (got ${years}).`);
  }
  if (targets) {
    if (!isIsoDate(targets.asAt)) throw new Error(`The calibration date must be a date like 2018-09-30 (got "${targets.asAt}").`);
    if (targets.asAt > endDate) throw new Error(`The calibration date ${targets.asAt} is after the end date ${endDate}.`);
    if (addYears(targets.asAt, -1) < addYears(endDate, -years)) {
      throw new Error(`The history must start at least a year before the calibration date ${targets.asAt}: give more years.`);
    }
  }
  return { seed, staff, years, endDate, startDate: addDays(addYears(endDate, -years), 1), allocations, targets };
}
