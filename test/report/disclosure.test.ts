// The disclosure check (shared/disclosure.ts): what a reader can work out about a hidden cell
// from every printed total, worked by hand; and, for random tables, that the suppression leaves
// no hidden cell recoverable or narrowed to "1 or 2" (fast-check).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { disclosedCells, type PublishedCell, type Sum } from '../../shared/disclosure';
import { boundsOf, boundsSolver, type LinearSystem } from '../../shared/linear-bounds';
import { suppressBreakdown, suppressTable, mergeSmallBands } from '../../shared/suppression';

const cell = (id: string, value: number, hidden: boolean): PublishedCell => ({ id, value, hidden });

describe('linear bounds', () => {
  it('finds the range of an unknown from equations and lower bounds', () => {
    // x + y = 5, x >= 1, y >= 1: x in [1, 4].
    expect(boundsOf({ n: 2, equations: [{ coefficients: [1, 1], rhs: 5 }], lower: [1, 1] }, 0)).toEqual([1, 4]);
    // x + y = 5 and x - y = 1: x = 3 exactly.
    const exact = boundsOf({ n: 2, equations: [{ coefficients: [1, 1], rhs: 5 }, { coefficients: [1, -1], rhs: 1 }], lower: [0, 0] }, 0)!;
    expect(exact[0]).toBeCloseTo(3);
    expect(exact[1]).toBeCloseTo(3);
    // Nothing bounds x from above.
    expect(boundsOf({ n: 2, equations: [{ coefficients: [1, -1], rhs: 0 }], lower: [0, 0] }, 0)).toEqual([0, Infinity]);
  });

  it('one solver answers for every unknown as an exhaustive search of the whole numbers does (row and column totals)', () => {
    // A 2 x 3 table with row and column totals, some cells hidden: the ranges a reader gets by
    // trying every whole-number filling of the hidden cells (such tables' bounds are whole numbers).
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 6, maxLength: 6 }), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (values, hide) => {
        const hidden = values.map((_, i) => i).filter((i) => hide[i]);
        // Up to four hidden cells keeps the search small (nine values each at most).
        if (!hidden.length || hidden.length > 4) return;
        const at = (r: number, c: number) => r * 3 + c;
        const lines = [[0, 1, 2].map((c) => at(0, c)), [0, 1, 2].map((c) => at(1, c)), [0, 1].map((r) => at(r, 0)), [0, 1].map((r) => at(r, 1)), [0, 1].map((r) => at(r, 2))];
        const system: LinearSystem = {
          n: hidden.length,
          equations: lines.map((line) => ({
            coefficients: hidden.map((h) => (line.includes(h) ? 1 : 0)),
            rhs: line.filter((i) => !hide[i]).reduce((a, i) => a - values[i]!, line.reduce((a, i) => a + values[i]!, 0)),
          })),
          lower: hidden.map((h) => (values[h]! >= 1 ? 1 : 0)),
        };
        const lo = hidden.map(() => Infinity);
        const hi = hidden.map(() => -Infinity);
        const fill = new Array<number>(hidden.length).fill(0);
        const search = (k: number): void => {
          if (k === hidden.length) {
            if (system.equations.every((e) => e.coefficients.reduce((a, c, j) => a + c * fill[j]!, 0) === e.rhs)) {
              fill.forEach((v, j) => ((lo[j] = Math.min(lo[j]!, v)), (hi[j] = Math.max(hi[j]!, v))));
            }
            return;
          }
          // A cell is at most its column's total.
          const column = values[hidden[k]! % 3]! + values[(hidden[k]! % 3) + 3]!;
          for (let v = system.lower[k]!; v <= column; v++) {
            fill[k] = v;
            search(k + 1);
          }
        };
        search(0);
        const bounds = boundsSolver(system);
        // Asked in reverse order and twice: one unknown's answer must not disturb the next.
        for (const k of [...hidden.keys()].reverse().concat([...hidden.keys()])) {
          const [min, max] = bounds(k)!;
          expect(min).toBeCloseTo(lo[k]!, 6);
          expect(max).toBeCloseTo(hi[k]!, 6);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('disclosedCells', () => {
  it('finds four hidden cohorts forced to 1 each by a total 4 above the shown sizes (issue 14)', () => {
    // Sizes 11, 9, 6, 8 shown, four hidden, "All cohorts" 38: 38 - 34 = 4 over four hidden cells.
    const sizes = [1, 1, 1, 11, 1, 9, 6, 8];
    const cells = [...sizes.map((v, i) => cell(`c${i}`, v, v === 1)), cell('all', 38, false)];
    const sums: Sum[] = [{ parts: sizes.map((_, i) => `c${i}`), total: 'all' }];
    expect(disclosedCells(cells, sums).map((d) => [d.id, d.range])).toEqual([['c0', [1, 1]], ['c1', [1, 1]], ['c2', [1, 1]], ['c4', [1, 1]]]);
  });

  it('finds cells narrowed to "1 or 2" and passes cells with room', () => {
    // Two hidden cells adding to 3: each is 1 or 2.
    const narrow = [cell('a', 1, true), cell('b', 2, true), cell('c', 10, false), cell('t', 13, false)];
    expect(disclosedCells(narrow, [{ parts: ['a', 'b', 'c'], total: 't' }]).map((d) => d.id)).toEqual(['a', 'b']);
    // Two hidden cells adding to 7: each from 1 to 6.
    const wide = [cell('a', 3, true), cell('b', 4, true), cell('c', 10, false), cell('t', 17, false)];
    expect(disclosedCells(wide, [{ parts: ['a', 'b', 'c'], total: 't' }])).toEqual([]);
  });

  it('checks tables that share a total together', () => {
    // By reason: a (hidden) + b (hidden) = 10 - 6; by service: the same leavers, x + y = 10.
    // Each table alone is safe; together they still are (no cell is shared), and a shared hidden
    // total would be caught: if "leavers" were hidden in one table and printed in the other.
    const cells = [cell('r1', 2, true), cell('r2', 2, true), cell('r3', 6, false), cell('s1', 3, true), cell('s2', 7, false), cell('leavers', 10, false)];
    const sums: Sum[] = [{ parts: ['r1', 'r2', 'r3'], total: 'leavers' }, { parts: ['s1', 's2'], total: 'leavers' }];
    // s1 is the only hidden cell of its table: recovered (10 - 7 = 3).
    expect(disclosedCells(cells, sums).map((d) => d.id)).toContain('s1');
  });
});

describe('suppression leaves nothing recoverable (property)', () => {
  const table = fc.integer({ min: 2, max: 5 }).chain((rows) =>
    fc.integer({ min: 2, max: 5 }).chain((cols) =>
      fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 40 })), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })));

  it('for random tables with row and column totals, no hidden cell can be worked out from the totals', () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 2, max: 5 }), (counts, threshold) => {
        const t = suppressTable(counts, { threshold, rowTotals: true, columnTotals: true, protectColumnTotals: false });
        const R = counts.length;
        const C = counts[0]!.length;
        const cells: PublishedCell[] = [];
        const id = (r: number, c: number) => `${r}:${c}`;
        for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) cells.push({ id: id(r, c), value: t.cells[r]![c]!.value, hidden: t.cells[r]![c]!.suppressed });
        for (let r = 0; r < R; r++) cells.push({ id: id(r, C), value: t.rowTotals![r]!.value, hidden: t.rowTotals![r]!.suppressed });
        for (let c = 0; c < C; c++) cells.push({ id: id(R, c), value: t.columnTotals![c]!.value, hidden: t.columnTotals![c]!.suppressed });
        cells.push({ id: id(R, C), value: t.grandTotal!.value, hidden: false });
        const sums: Sum[] = [
          ...Array.from({ length: R + 1 }, (_, r) => ({ parts: Array.from({ length: C }, (_, c) => id(r, c)), total: id(r, C) })),
          ...Array.from({ length: C + 1 }, (_, c) => ({ parts: Array.from({ length: R }, (_, r) => id(r, c)), total: id(R, c) })),
        ];
        // Every small count is hidden, and no hidden cell can be narrowed below a width of 2 -
        // unless the suppression says the table cannot be published at all.
        for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) if (counts[r]![c]! >= 1 && counts[r]![c]! <= threshold) expect(t.cells[r]![c]!.suppressed).toBe(true);
        // Either nothing can be worked out, or the table says it cannot be published at all (a
        // protected grand total so small that it pins the hidden cells whatever is hidden).
        if (!t.unprotectable) expect(disclosedCells(cells, sums)).toEqual([]);
        else expect(t.grandTotal!.value).toBeLessThan(4 * threshold * (R + C));
      }),
      { numRuns: 150 },
    );
  });

  it('for random one-way breakdowns, no hidden category can be worked out from the total', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 2, maxLength: 10 }), (counts) => {
        const b = suppressBreakdown(counts, 4);
        const cells = [...b.cells.map((c, i) => ({ id: String(i), value: c.value, hidden: c.suppressed })), { id: 't', value: b.total, hidden: false }];
        if (!b.unprotectable) expect(disclosedCells(cells, [{ parts: counts.map((_, i) => String(i)), total: 't' }])).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('mergeSmallBands', () => {
  it('publishes "21 or more" rather than hiding the 21-25 band to protect the smaller ones', () => {
    const band = (from: number, to: number | null, count: number, over: boolean) => ({ from, to, count, over });
    const bands = [band(1, 5, 0, false), band(6, 10, 8, false), band(11, 15, 24, false), band(16, 20, 39, false), band(21, 25, 20, true), band(26, 30, 3, true), band(31, null, 1, true)];
    const merged = mergeSmallBands(bands, 4, (a, b) => ({ from: a.from, to: b.to, count: a.count + b.count, over: a.over }), (a, b) => a.over === b.over);
    expect(merged.map((b) => [b.from, b.to, b.count])).toEqual([[1, 5, 0], [6, 10, 8], [11, 15, 24], [16, 20, 39], [21, null, 24]]);
  });
});
