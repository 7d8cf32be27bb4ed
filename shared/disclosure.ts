// Can a reader work a hidden figure out? A published paper prints tables whose cells add up to
// totals, and several tables share a total (leavers by reason, by years qualified, by length of
// service and month by month all add to the same 12-month leavers). Given every printed figure
// and every such sum, each hidden cell lies in a range; the cell is disclosed when that range is
// too narrow to protect anyone: a single value, or two neighbouring values such as "1 or 2".
//
// The reader is assumed to know that a hidden count is at least 1 when it is (a `c` marks a small
// count, and zeros are hidden only to protect others), which makes the check stricter, not looser.
import { boundsSolver, type LinearSystem } from './linear-bounds';

export interface PublishedCell {
  /** Unique across every table checked together (e.g. "reason:Retired", "leavers:total"). */
  id: string;
  value: number;
  hidden: boolean;
}

/** One printed relation: the cells named in `parts` add up to the cell named `total`. */
export interface Sum {
  parts: string[];
  total: string;
}

export interface Disclosure {
  id: string;
  value: number;
  /** The range a reader can narrow the hidden cell to. */
  range: [number, number];
}

/** A hidden cell is protected when a reader cannot narrow it to fewer than this many values' width. */
export const MIN_PROTECTION_WIDTH = 2;

/**
 * Every hidden cell a reader could recover, or narrow to less than MIN_PROTECTION_WIDTH, from the
 * printed figures and sums (cells shared between tables appear once, under one id). `first`
 * stops at the first one found (the suppression loop needs only one at a time).
 */
export function disclosedCells(cells: PublishedCell[], sums: Sum[], options: { first?: boolean; skip?: ReadonlySet<string>; only?: string } = {}): Disclosure[] {
  const byId = new Map(cells.map((c) => [c.id, c]));
  const hidden = cells.filter((c) => c.hidden);
  if (!hidden.length) return [];
  const index = new Map(hidden.map((c, i) => [c.id, i]));
  const equations = sums.map((s) => {
    const coefficients = new Array<number>(hidden.length).fill(0);
    let rhs = 0;
    const add = (id: string, sign: number) => {
      const cell = byId.get(id);
      if (!cell) throw new Error(`disclosure check: no cell "${id}"`);
      if (cell.hidden) coefficients[index.get(id)!]! += sign;
      else rhs -= sign * cell.value;
    };
    for (const p of s.parts) add(p, 1);
    add(s.total, -1);
    return { coefficients, rhs };
  }).filter((e) => e.coefficients.some((c) => c !== 0));
  const system: LinearSystem = { n: hidden.length, equations, lower: hidden.map((c) => (c.value >= 1 ? 1 : 0)) };
  const bounds = boundsSolver(system);
  const out: Disclosure[] = [];
  hidden.forEach((c, k) => {
    if ((options.first && out.length) || options.skip?.has(c.id) || (options.only !== undefined && c.id !== options.only)) return;
    // A hidden cell in no printed sum cannot be worked out from one.
    if (!equations.some((e) => e.coefficients[k] !== 0)) return;
    const range = bounds(k);
    if (!range) throw new Error('disclosure check: the printed figures do not add up');
    if (range[1] - range[0] < MIN_PROTECTION_WIDTH - 1e-7) out.push({ id: c.id, value: c.value, range });
  });
  return out;
}
