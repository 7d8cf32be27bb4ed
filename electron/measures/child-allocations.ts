// The allocations stability for children reads, held column by column: one typed-array entry per
// allocation, with each child (case key) and each worker (staff ID) numbered once. A 24-month series
// reads about 130,000 allocations at 1,000,000; as one object and five strings each, building them
// and collecting them afterwards took longer than the whole target for the series allows, and every
// comparison of two dates was a string comparison. Here dates are day numbers and the rows of a
// child are found through an index (byChild) instead of a map of lists.
import { toDayNumber, type IsoDate } from '../../shared/dates';
import { CASE_TYPES, type CaseType } from '../../shared/domain';

/** The day number stored for an allocation still open (end date '9999-12-31'). */
export const OPEN_DAY = toDayNumber('9999-12-31');

export interface ChildAllocations {
  /** Number of allocations. */
  readonly n: number;
  /** Per allocation: the child's number (an index into caseKeys). */
  readonly child: Int32Array;
  /** Per allocation: an index into CASE_TYPES. */
  readonly type: Uint8Array;
  /** Per allocation: the worker's number (an index into workers). */
  readonly worker: Int32Array;
  /** Per allocation: first and last day, as day numbers; OPEN_DAY while open. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Case keys (pseudonyms) by child number. */
  readonly caseKeys: readonly string[];
  /** Staff IDs by worker number. */
  readonly workers: readonly string[];
  /** Allocations by child: those of child c are rows[first[c] .. first[c + 1] - 1], in read order. */
  readonly first: Int32Array;
  readonly rows: Int32Array;
}

/** Collects allocations one at a time, numbering children and workers as they first appear. */
export class ChildAllocationsBuilder {
  private n = 0;
  private cap = 1024;
  private child = new Int32Array(this.cap);
  private type = new Uint8Array(this.cap);
  private worker = new Int32Array(this.cap);
  private start = new Int32Array(this.cap);
  private end = new Int32Array(this.cap);
  private readonly childNo = new Map<string, number>();
  private readonly workerNo = new Map<string, number>();
  private readonly caseKeys: string[] = [];
  private readonly workers: string[] = [];

  /** Whether a child has been added (the second read keeps only children the first one found). */
  has(caseKey: string): boolean {
    return this.childNo.has(caseKey);
  }

  add(caseKey: string, type: number, staffId: string, startDay: number, endDay: number): void {
    if (this.n === this.cap) this.grow();
    let c = this.childNo.get(caseKey);
    if (c === undefined) {
      c = this.caseKeys.length;
      this.childNo.set(caseKey, c);
      this.caseKeys.push(caseKey);
    }
    let w = this.workerNo.get(staffId);
    if (w === undefined) {
      w = this.workers.length;
      this.workerNo.set(staffId, w);
      this.workers.push(staffId);
    }
    const i = this.n++;
    this.child[i] = c;
    this.type[i] = type;
    this.worker[i] = w;
    this.start[i] = startDay;
    this.end[i] = endDay;
  }

  private grow(): void {
    this.cap *= 2;
    const more = <T extends Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(this.cap);
      b.set(a);
      return b;
    };
    this.child = more(this.child);
    this.type = more(this.type);
    this.worker = more(this.worker);
    this.start = more(this.start);
    this.end = more(this.end);
  }

  build(): ChildAllocations {
    const n = this.n;
    const child = this.child.subarray(0, n);
    const { first, rows } = byChild(child, this.caseKeys.length);
    return {
      n,
      child,
      type: this.type.subarray(0, n),
      worker: this.worker.subarray(0, n),
      start: this.start.subarray(0, n),
      end: this.end.subarray(0, n),
      caseKeys: this.caseKeys,
      workers: this.workers,
      first,
      rows,
    };
  }
}

/** A counting sort of the allocations by child, keeping read order within each child. */
function byChild(child: Int32Array, children: number): { first: Int32Array; rows: Int32Array } {
  const first = new Int32Array(children + 1);
  for (let i = 0; i < child.length; i++) first[child[i]! + 1]!++;
  for (let c = 0; c < children; c++) first[c + 1]! += first[c]!;
  const next = first.slice(0, children);
  const rows = new Int32Array(child.length);
  for (let i = 0; i < child.length; i++) rows[next[child[i]!]!++] = i;
  return { first, rows };
}

/** The index of a case type in CASE_TYPES. */
export function caseTypeIndex(type: CaseType): number {
  return CASE_TYPES.indexOf(type);
}

/** One allocation as the hand-worked tests and the drill-down write it. */
export interface AllocationRow {
  caseKey: string;
  caseType: CaseType;
  staffId: string;
  start: IsoDate;
  /** null while open. */
  end: IsoDate | null;
}

/** Allocations given as rows (tests, small lists), in the columns the measure reads. */
export function fromRows(rows: readonly AllocationRow[]): ChildAllocations {
  const b = new ChildAllocationsBuilder();
  for (const r of rows) b.add(r.caseKey, caseTypeIndex(r.caseType), r.staffId, toDayNumber(r.start), r.end === null ? OPEN_DAY : toDayNumber(r.end));
  return b.build();
}

/**
 * The same allocations with each worker replaced by the person they stand for (a case-system ID
 * linked to an HR staff ID): two IDs of one person become one worker, so a child who moved between
 * them has had one worker, not two. Only the distinct IDs are looked up.
 */
export function withLinkedWorkers(a: ChildAllocations, personOf: (staffId: string) => string): ChildAllocations {
  const number = new Map<string, number>();
  const workers: string[] = [];
  const to = new Int32Array(a.workers.length);
  a.workers.forEach((id, w) => {
    const person = personOf(id);
    let p = number.get(person);
    if (p === undefined) {
      p = workers.length;
      number.set(person, p);
      workers.push(person);
    }
    to[w] = p;
  });
  const worker = new Int32Array(a.n);
  for (let i = 0; i < a.n; i++) worker[i] = to[a.worker[i]!]!;
  return { ...a, worker, workers };
}
