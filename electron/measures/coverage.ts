// What period the imported data can speak for, and which staff records come from a snapshot
// with no history. The measures and the reconciliation use it to say when a figure rests on an
// assumption rather than on data (docs/measures.md, "Cautions").
import type { Db } from '../db/open';
import type { IsoDate } from '../../shared/dates';
import type { SeriesCoverage } from '../../shared/coverage';

// Imports whose rows are still in place and describe the council's own workforce (the DfE
// benchmark files live in the same log).
const LIVE_OWN_IMPORT = `undone_at IS NULL AND outcome IN ('imported','partial') AND source NOT IN ('benchmark','neighbours')`;

export interface DataCoverage {
  /** Earliest spell start; null with no staff records. */
  firstSpellStart: IsoDate | null;
  /** Earliest allocation start; null with no allocations. */
  firstAllocationStart: IsoDate | null;
  /** Latest extract date given at import (NULL when the user gave none). */
  latestExtract: IsoDate | null;
  /**
   * The latest date the data speaks for: the later of the latest extract date and the latest
   * start or end date in spells and allocations (an import without an extract date may carry
   * later dates than one with). null with no data at all.
   */
  latest: IsoDate | null;
}

export function dataCoverage(db: Db): DataCoverage {
  const one = (sql: string) => (db.prepare(sql).get() as { d: string | null }).d;
  const firstSpellStart = one(`SELECT min(start_date) AS d FROM spell`);
  const firstAllocationStart = one(`SELECT min(start_date) AS d FROM allocation`);
  const latestExtract = one(`SELECT max(extract_date) AS d FROM import_log WHERE ${LIVE_OWN_IMPORT}`);
  // The latest allocation end is read through the covering index's expression (newest first,
  // open allocations excluded): a plain max(end_date) would scan every allocation.
  const latestData = one(
    `SELECT max(d) AS d FROM (
       SELECT max(start_date) AS d FROM spell UNION ALL SELECT max(end_date) FROM spell
       UNION ALL SELECT max(start_date) FROM allocation
       UNION ALL SELECT * FROM (
         SELECT coalesce(end_date, '9999-12-31') FROM allocation WHERE coalesce(end_date, '9999-12-31') < '9999-12-31'
          ORDER BY coalesce(end_date, '9999-12-31') DESC LIMIT 1))`,
  );
  const latest = [latestExtract, latestData].filter((d): d is string => !!d).sort().pop() ?? null;
  return { firstSpellStart, firstAllocationStart, latestExtract, latest };
}

/**
 * From when the exports can be trusted to hold every record. An export covering October 2017
 * onwards lists the people and cases open on 1 October 2017 with their real (earlier) start dates,
 * but nothing that closed before then: the earliest start says nothing about coverage, the earliest
 * end does - when closures cluster from it (at least three more distinct end dates in the 92 days
 * after it), as they do from an export's first day. A lone early closure in a full history (one
 * leaver in years) is not taken for an export's start: then the earliest start. Trends are drawn
 * only over months these dates fully cover (shared/coverage.ts).
 */
export function historyStarts(db: Db): SeriesCoverage {
  // Each read goes through an index (min(start_date) through allocation_natural_key, end dates
  // through allocation_cover's expression): min(end_date) and min(start_date) in one SELECT, or a
  // range on end_date itself, made SQLite read every allocation (about 0.27 s at 1,000,000).
  const from = (table: 'spell' | 'allocation'): IsoDate | null => {
    const end = `coalesce(end_date, '9999-12-31')`;
    const start = (db.prepare(`SELECT min(start_date) AS s FROM ${table}`).get() as { s: string | null }).s;
    const firstEnd = (db.prepare(`SELECT ${end} AS d FROM ${table} WHERE ${end} < '9999-12-31' ORDER BY ${end} LIMIT 1`).get() as { d: string } | undefined)?.d;
    if (!firstEnd) return start;
    const soon = db
      .prepare(`SELECT count(*) AS n FROM (SELECT DISTINCT ${end} FROM ${table} WHERE ${end} > ? AND ${end} <= date(?, '+92 days') LIMIT 3)`)
      .get(firstEnd, firstEnd) as { n: number };
    return soon.n >= 3 ? firstEnd : start;
  };
  return { spellsFrom: from('spell'), allocationsFrom: from('allocation') };
}

/** Spells created by a Standard Safeguarding Dataset professionals import (a snapshot). */
export interface SnapshotSpell {
  /** The import's extract date (the spells' start date when the log has none). */
  extractDate: IsoDate;
  start: IsoDate;
  end: IsoDate | null;
}

/**
 * The spells whose current row came from an ssd_professionals import (layout preset 'ssd',
 * source workers or agency). The importer records each professional as in post from the
 * extract date with no end, so these spells carry no starting or leaving history.
 */
export function snapshotSpells(db: Db): SnapshotSpell[] {
  return (
    db
      .prepare(
        `SELECT coalesce(l.extract_date, s.start_date) AS extractDate, s.start_date AS start, s.end_date AS "end"
           FROM spell s JOIN import_log l ON l.id = s.import_id
          WHERE l.layout = 'ssd' AND l.source IN ('workers','agency')`,
      )
      .all() as SnapshotSpell[]
  );
}

/**
 * Extract dates of the snapshot spells that take part in the figures at D: in post at D or
 * at any time in the 12 months to D (the window of starters, leavers, turnover and stability).
 */
export function snapshotDatesTouching(spells: SnapshotSpell[], d: IsoDate, yearBefore: IsoDate): IsoDate[] {
  const dates = new Set<IsoDate>();
  for (const s of spells) if (s.start <= d && (s.end === null || s.end >= yearBefore)) dates.add(s.extractDate);
  return [...dates].sort();
}
