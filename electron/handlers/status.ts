// The first thing the screens ask: is there data yet, and what range of dates does it cover.
import { monthEnd, addDays, todayIso } from '../../shared/dates';
import type { AppStatus, DataRange, ModuleAvailability } from '../../shared/api';
import { getSettings } from '../settings';
import { historyStarts } from '../measures/coverage';
import type { AppContext } from './context';

export function getStatus(ctx: AppContext, modules: ModuleAvailability): AppStatus {
  const db = ctx.db();
  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const counts = {
    spells: count('spell'),
    allocations: count('allocation'),
    asye: count('asye'),
    establishment: count('establishment'),
    imports: count("import_log WHERE outcome <> 'undone'"),
  };
  return {
    databaseFile: ctx.dbFile,
    empty: counts.spells + counts.allocations + counts.asye + counts.establishment === 0,
    counts,
    modules,
    councilName: getSettings(db).councilName,
  };
}

/**
 * The dates the data covers. The suggested as-at date is the last month end on or before the
 * extract date and the last date in the data, never in the future.
 */
export function dataRange(ctx: AppContext, today = todayIso()): DataRange {
  const db = ctx.db();
  const r = db
    .prepare(
      `SELECT MIN(d) AS earliest, MAX(d) AS latest FROM (
         SELECT start_date AS d FROM spell UNION ALL SELECT end_date FROM spell
         UNION ALL SELECT start_date FROM allocation UNION ALL SELECT end_date FROM allocation)`,
    )
    .get() as { earliest: string | null; latest: string | null };
  const extract = (db.prepare("SELECT MAX(coalesce(extract_date, substr(started_at, 1, 10))) AS d FROM import_log WHERE outcome <> 'undone'").get() as { d: string | null }).d;
  // The earliest of: today, the extract date, the last date in the data (an old export's figures
  // are wanted as at its own end, not as at today).
  const anchor = [today, extract, r.latest].filter((d): d is string => !!d).sort()[0]!;
  const end = monthEnd(anchor);
  const suggestedAsAt = end === anchor ? end : addDays(anchor.slice(0, 8) + '01', -1);
  return { earliest: r.earliest, latest: r.latest, suggestedAsAt, covers: coveredDates(ctx, today) };
}

/**
 * From when the records are complete (the trends' rule, shared/coverage.ts) and up to when: the
 * later of the latest extract date (the day of the import when none was given, as the importer
 * itself assumes) and the latest date in the data that has already happened (a fixed-term
 * contract's planned end says nothing about the months before it).
 */
function coveredDates(ctx: AppContext, today: string): DataRange['covers'] {
  const db = ctx.db();
  const starts = historyStarts(db);
  const past = (db
    .prepare(
      `SELECT MAX(d) AS d FROM (
         SELECT start_date AS d FROM spell UNION ALL SELECT end_date FROM spell
         UNION ALL SELECT start_date FROM allocation UNION ALL SELECT end_date FROM allocation) WHERE d <= ?`,
    )
    .get(today) as { d: string | null }).d;
  const extract = (db
    .prepare("SELECT MAX(coalesce(extract_date, substr(started_at, 1, 10))) AS d FROM import_log WHERE undone_at IS NULL AND outcome IN ('imported','partial') AND source NOT IN ('benchmark','neighbours')")
    .get() as { d: string | null }).d;
  const to = [extract, past].filter((d): d is string => !!d).sort().pop() ?? null;
  return { staffFrom: starts.spellsFrom, casesFrom: starts.allocationsFrom, to };
}
