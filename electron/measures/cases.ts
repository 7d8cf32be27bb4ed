// Case allocations covering each as-at date, counted per staff ID. This is the only part of the
// measures that touches the large table (a million allocations is a normal five-year export),
// so it never runs one full-table query per date:
//  - for one or two dates, an interval-stabbing query per date on the covering index
//    allocation_cover (open end, start, staff, type): SQLite walks only the index entries whose
//    end is on or after D and counts in the index without touching the table;
//  - for a series, one pass over the allocations overlapping the whole range, adding +1/-1 into
//    a difference array per staff ID over the sorted dates, then one prefix sum.
import type { Db } from '../db/open';
import type { IsoDate } from '../../shared/dates';
import { linkedCounts, workerLinker, type WorkerLinker } from './worker-links';

// The expression coalesce(end_date, '9999-12-31') must match the index allocation_cover exactly
// (an open allocation sorts after every real date), so it is written out, not bound.

export interface CaseCount {
  /** Allocations covering the date. */
  all: number;
  /** Of which CIN. */
  cin: number;
}

/**
 * Per date (same order as given), the case counts of every staff ID holding at least one case.
 * An allocation's worker ID is linked to the worker's staff ID first (worker-links.ts): its
 * case-system ID or SWE number counts for the staff ID it belongs to; an ID that links to no
 * worker keeps its own key, which matches no spell, so its cases are in no caseload.
 */
export type CaseCountsByDate = Map<string, CaseCount>[];

export function caseCounts(db: Db, dates: readonly IsoDate[], linker: WorkerLinker = workerLinker(db)): CaseCountsByDate {
  return linkCounts(dates.length <= 2 ? dates.map((d) => stab(db, d)) : sweep(db, dates), linker);
}

export function stab(db: Db, d: IsoDate): Map<string, CaseCount> {
  const rows = db
    .prepare(
      `SELECT staff_id, count(*) AS n, sum(case_type = 'CIN') AS cin
         FROM allocation INDEXED BY allocation_cover
        WHERE coalesce(end_date, '9999-12-31') >= ? AND start_date <= ?
        GROUP BY staff_id`,
    )
    .raw()
    .all(d, d) as [string, number, number][];
  const out = new Map<string, CaseCount>();
  for (const [staff, n, cin] of rows) out.set(staff, { all: n, cin });
  return out;
}

export function sweep(db: Db, dates: readonly IsoDate[]): CaseCountsByDate {
  const sorted = [...new Set(dates)].sort();
  const stmt = db.prepare(
    `SELECT staff_id, case_type = 'CIN', start_date, coalesce(end_date, '9999-12-31')
       FROM allocation INDEXED BY allocation_cover
      WHERE coalesce(end_date, '9999-12-31') >= ? AND start_date <= ?`,
  );
  // Every column read is in the index (end_date only as the coalesce expression), so SQLite
  // never visits the table rows: selecting end_date itself made this eight times slower.
  const counter = new CoverCounter(dates);
  for (const [staff, isCin, start, end] of stmt.raw().iterate(sorted[0], sorted[sorted.length - 1]) as IterableIterator<[string, number, string, string]>) {
    counter.add(staff, isCin === 1, start, end);
  }
  return counter.counts();
}

/**
 * Counts allocations covering each of a set of dates in one pass, whatever rows it is given: a
 * difference array per staff ID over the sorted dates, then one prefix sum. The series uses it
 * over the rows read for stability for children (they include every allocation covering a date).
 */
export class CoverCounter {
  private readonly sorted: string[];
  private readonly n: number;
  private readonly index = new Map<string, number>();
  private readonly staffIds: string[] = [];
  /** Two difference arrays per staff ID (all cases, CIN), n + 1 slots each. */
  private readonly diffs: Int32Array[] = [];

  constructor(private readonly dates: readonly IsoDate[]) {
    this.sorted = [...new Set(dates)].sort();
    this.n = this.sorted.length;
  }

  /** end: the allocation's last day, '9999-12-31' while open. */
  add(staff: string, isCin: boolean, start: IsoDate, end: IsoDate): void {
    this.addCovering(staff, isCin, firstAtOrAfter(this.sorted, start), firstAfter(this.sorted, end));
  }

  /** The distinct dates, sorted: an allocation covers sortedDates[lo .. hi - 1]. */
  get sortedDates(): readonly IsoDate[] {
    return this.sorted;
  }

  /** An allocation covering sortedDates[lo .. hi - 1], found by the caller (in day numbers). */
  addCovering(staff: string, isCin: boolean, lo: number, hi: number): void {
    const n = this.n;
    if (lo >= hi) return;
    let k = this.index.get(staff);
    if (k === undefined) {
      k = this.staffIds.length;
      this.index.set(staff, k);
      this.staffIds.push(staff);
      this.diffs.push(new Int32Array(2 * (n + 1)));
    }
    const dArr = this.diffs[k]!;
    dArr[lo]! += 1;
    dArr[hi]! -= 1;
    if (isCin) {
      dArr[n + 1 + lo]! += 1;
      dArr[n + 1 + hi]! -= 1;
    }
  }

  counts(): CaseCountsByDate {
    const n = this.n;
    const bySorted: Map<string, CaseCount>[] = this.sorted.map(() => new Map());
    for (let k = 0; k < this.staffIds.length; k++) {
      const dArr = this.diffs[k]!;
      let all = 0;
      let cin = 0;
      for (let i = 0; i < n; i++) {
        all += dArr[i]!;
        cin += dArr[n + 1 + i]!;
        if (all > 0) bySorted[i]!.set(this.staffIds[k]!, { all, cin });
      }
    }
    const pos = new Map(this.sorted.map((d, i) => [d, i]));
    return this.dates.map((d) => bySorted[pos.get(d)!]!);
  }
}

/** Per-staff-ID counts merged into per-linked-staff-ID counts (worker-links.ts). */
export function linkCounts(byId: CaseCountsByDate, linker: WorkerLinker): CaseCountsByDate {
  return byId.map((m) => linkedCounts(linker, m, (a, b) => ({ all: a.all + b.all, cin: a.cin + b.cin })));
}

/** Index of the first date >= x (binary search on ISO strings, which sort as dates, or day numbers). */
export function firstAtOrAfter<T extends string | number>(sorted: ArrayLike<T>, x: T): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first date > x. */
export function firstAfter<T extends string | number>(sorted: ArrayLike<T>, x: T): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
