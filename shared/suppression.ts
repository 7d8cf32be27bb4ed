// Small-number suppression for published breakdown tables (DOMAIN.md, publishing rules): counts
// from 1 to the threshold are shown as `c`, and further cells are suppressed ("secondary
// suppression") so that no row or column total lets a reader work a hidden count back out.
// Zero is never primary-suppressed (a zero identifies nobody). Pure: the paper uses it, internal
// screens may choose not to.
//
// Each function first hides cells by simple rules (the smallest complementary cell of a line),
// then checks the result the way a determined reader would (disclosure.ts: the range every hidden
// cell can be narrowed to from all the printed totals) and hides the smallest further cell until
// no hidden cell can be recovered or narrowed to "1 or 2". Where that would hide a large group, the
// callers merge small bands first (mergeSmallBands) so the main message survives.
import { disclosedCells, type PublishedCell, type Sum } from './disclosure';

export interface SuppressedCell {
  value: number;
  /** True when the cell is hidden in the published table. */
  suppressed: boolean;
  /** 'primary' (a small count itself) or 'secondary' (hidden to protect another cell). */
  reason: 'primary' | 'secondary' | null;
}

export interface SuppressedTable {
  cells: SuppressedCell[][];
  /** Row totals (one per row), when the table shows them. */
  rowTotals: SuppressedCell[] | null;
  /** Column totals (one per column), when the table shows them. */
  columnTotals: SuppressedCell[] | null;
  /** The grand total: a headline figure, never suppressed. */
  grandTotal: SuppressedCell | null;
  /** True when anything was hidden, so the table needs the footnote. */
  anySuppressed: boolean;
  /** True when even hiding every cell that may be hidden leaves one recoverable: do not publish the table. */
  unprotectable: boolean;
}

export interface SuppressionOptions {
  /** Counts from 1 to this value are suppressed (DOMAIN.md default 4). */
  threshold: number;
  /** Whether the published table shows a total for each row / each column / overall. */
  rowTotals?: boolean;
  columnTotals?: boolean;
  /**
   * Totals that are headline figures and never hidden: by default the column totals (the
   * council-wide totals row); row totals (a team's or a cohort's size) can be hidden.
   */
  protectColumnTotals?: boolean;
  protectRowTotals?: boolean;
  /** Column totals that are published elsewhere as headline figures, so protected (and relied on) even when the others are not. */
  headlineColumns?: number[];
}

/** The footnote every table with a `c` carries. */
export function suppressionFootnote(threshold: number): string {
  return `c = suppressed: a count from 1 to ${threshold} is not shown, so that no individual can be identified; ` +
    'some other figures are also hidden so that totals cannot reveal them.';
}

export function isSmallCount(value: number, threshold: number): boolean {
  return value >= 1 && value <= threshold;
}

/**
 * Suppresses a table of counts (rows x columns). Totals that the table shows are treated as
 * cells of an extended grid, so each displayed line (a row with its total, a column with its
 * total) is an additive equation; while the hidden terms of an equation can be worked out from
 * it (see `discloses`), another term is hidden: the smallest non-zero visible cell, else the smallest
 * visible cell, else (a line with nothing else to hide) its total. Protected totals (headline
 * figures: the grand total, by default the totals row) are never hidden.
 */
export function suppressTable(counts: number[][], options: SuppressionOptions): SuppressedTable {
  const { threshold } = options;
  const showRow = options.rowTotals ?? false;
  const showCol = options.columnTotals ?? false;
  const nRows = counts.length;
  const nCols = Math.max(0, ...counts.map((r) => r.length));
  const value = (r: number, c: number) => counts[r]?.[c] ?? 0;
  const protectCol = options.protectColumnTotals ?? true;
  const protectRow = options.protectRowTotals ?? false;
  const headline = new Set(options.headlineColumns ?? []);
  const isProtected = (r: number, c: number) =>
    (r >= nRows && c >= nCols) || (r >= nRows && (protectCol || headline.has(c))) || (c >= nCols && protectRow);

  // Extended grid: rows 0..nRows-1 plus a totals row (index nRows) when shown; same for columns.
  const R = nRows + (showCol ? 1 : 0);
  const C = nCols + (showRow ? 1 : 0);
  const grid: SuppressedCell[][] = [];
  for (let r = 0; r < R; r++) {
    const row: SuppressedCell[] = [];
    for (let c = 0; c < C; c++) {
      let v: number;
      if (r < nRows && c < nCols) v = value(r, c);
      else if (r < nRows) v = sum(counts[r] ?? []);
      else if (c < nCols) v = sumColumn(counts, c);
      else v = sum(counts.map((row2) => sum(row2)));
      const primary = !isProtected(r, c) && isSmallCount(v, threshold);
      row.push({ value: v, suppressed: primary, reason: primary ? 'primary' : null });
    }
    grid.push(row);
  }

  // Lines that are equations: each row whose total is shown, each column whose total is shown.
  const lines: Array<Array<[number, number]>> = [];
  if (showRow) for (let r = 0; r < R; r++) lines.push(Array.from({ length: C }, (_, c) => [r, c] as [number, number]));
  if (showCol) for (let c = 0; c < C; c++) lines.push(Array.from({ length: R }, (_, r) => [r, c] as [number, number]));

  // Each pass hides at least one more cell or stops, so this ends within R*C passes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const hidden = line.filter(([r, c]) => grid[r]![c]!.suppressed);
      if (!discloses(hidden.map(([r, c]) => grid[r]![c]!), threshold)) continue;
      const totalPos = line[line.length - 1]!;
      const candidates = line.filter(([r, c]) => !grid[r]![c]!.suppressed && !isProtected(r, c) && !(r === totalPos[0] && c === totalPos[1]));
      const pick = smallest(candidates.filter(([r, c]) => grid[r]![c]!.value > 0), grid) ??
        smallest(candidates, grid) ??
        (isProtected(totalPos[0], totalPos[1]) ? undefined : totalPos);
      if (!pick) continue;
      const cell = grid[pick[0]]![pick[1]]!;
      if (cell.suppressed) continue;
      cell.suppressed = true;
      cell.reason = 'secondary';
      changed = true;
    }
  }

  const ids = (r: number, c: number) => `${r}:${c}`;
  const flat = grid.flatMap((row, r) => row.map((cell, c) => ({ id: ids(r, c), cell, hideable: !isProtected(r, c) })));
  const sums: Sum[] = lines.map((line) => ({ parts: line.slice(0, -1).map(([r, c]) => ids(r, c)), total: ids(...line[line.length - 1]!) }));
  const safe = hideUntilSafe(flat, sums);

  const cells = grid.slice(0, nRows).map((row) => row.slice(0, nCols));
  const rowTotals = showRow ? grid.slice(0, nRows).map((row) => row[nCols]!) : null;
  const columnTotals = showCol ? grid[nRows]!.slice(0, nCols) : null;
  const grandTotal = showRow && showCol ? grid[nRows]![nCols]! : null;
  const anySuppressed = grid.some((row) => row.some((c) => c.suppressed));
  return { cells, rowTotals, columnTotals, grandTotal, anySuppressed, unprotectable: !safe };
}

/**
 * Hides further cells until no hidden cell can be recovered or narrowed to "1 or 2" from the
 * printed sums (disclosure.ts). For a disclosed cell, tries the visible cells that share a sum
 * with it (else any visible cell), smallest non-zero first, and keeps the first that protects it;
 * when none does alone, hides the smallest and tries again. A cell still disclosed once every
 * candidate is hidden cannot be protected (a headline total that is itself small says it): false.
 */
export function hideUntilSafe(cells: Array<{ id: string; cell: SuppressedCell; hideable: boolean }>, sums: Sum[]): boolean {
  const published = (): PublishedCell[] => cells.map((c) => ({ id: c.id, value: c.cell.value, hidden: c.cell.suppressed }));
  const byId = new Map(cells.map((c) => [c.id, c]));
  const unfixable = new Set<string>();
  const order = (a: { cell: SuppressedCell }, b: { cell: SuppressedCell }) =>
    (a.cell.value === 0 ? 1 : 0) - (b.cell.value === 0 ? 1 : 0) || a.cell.value - b.cell.value;
  for (let guard = 0; guard <= 2 * cells.length; guard++) {
    const found = disclosedCells(published(), sums, { first: true, skip: unfixable })[0];
    if (!found) return unfixable.size === 0;
    const related = new Set<string>();
    for (const s of sums) if (s.total === found.id || s.parts.includes(found.id)) [...s.parts, s.total].forEach((id) => related.add(id));
    const visible = (ids: Iterable<string>) => [...ids].map((id) => byId.get(id)!).filter((c) => c.hideable && !c.cell.suppressed).sort(order);
    let candidates = visible(related);
    if (!candidates.length) candidates = visible(byId.keys());
    if (!candidates.length) {
      unfixable.add(found.id);
      continue;
    }
    let chosen = candidates[0]!;
    for (const c of candidates.slice(0, 6)) {
      c.cell.suppressed = true;
      const still = disclosedCells(published(), sums, { only: found.id }).length > 0;
      c.cell.suppressed = false;
      if (!still) {
        chosen = c;
        break;
      }
    }
    chosen.cell.suppressed = true;
    chosen.cell.reason = 'secondary';
  }
  return false;
}

/**
 * A one-way breakdown (e.g. leavers by reason) published with its total: the total is the
 * headline figure, so it is never hidden and a lone small count is protected by hiding the next
 * smallest category.
 */
export function suppressBreakdown(counts: number[], threshold: number): { cells: SuppressedCell[]; total: number; anySuppressed: boolean; unprotectable: boolean } {
  const cells: SuppressedCell[] = counts.map((v) =>
    isSmallCount(v, threshold) ? { value: v, suppressed: true, reason: 'primary' } : { value: v, suppressed: false, reason: null });
  while (discloses(cells.filter((c) => c.suppressed), threshold)) {
    const visible = cells.filter((c) => !c.suppressed);
    const pool = visible.some((c) => c.value > 0) ? visible.filter((c) => c.value > 0) : visible;
    const pick = pool.reduce<SuppressedCell | undefined>((best, c) => (!best || c.value < best.value ? c : best), undefined);
    if (!pick) break;
    pick.suppressed = true;
    pick.reason = 'secondary';
  }
  const total: SuppressedCell = { value: sum(counts), suppressed: false, reason: null };
  const flat = [...cells.map((cell, i) => ({ id: String(i), cell, hideable: true })), { id: 'total', cell: total, hideable: false }];
  const safe = hideUntilSafe(flat, [{ parts: cells.map((_, i) => String(i)), total: 'total' }]);
  return { cells, total: total.value, anySuppressed: cells.some((c) => c.suppressed), unprotectable: !safe };
}

/**
 * Merges bands of an ordered breakdown (caseload bands, years of service) so that none holds a
 * small number: a band of 1 to the threshold joins the neighbour that lifts it above the threshold
 * with the smallest combined count (else the larger neighbour), until no small band is left or one
 * band remains. Publishing "21 or more: 24" keeps the message that "21-25: c, 26-30: c" loses.
 * `canJoin(a, b)` says whether two neighbouring bands may merge (e.g. not across the threshold).
 */
export function mergeSmallBands<B extends { from: number; to: number | null; count: number }>(
  bands: B[],
  threshold: number,
  merge: (a: B, b: B) => B,
  canJoin: (a: B, b: B) => boolean = () => true,
): B[] {
  const out = [...bands];
  for (;;) {
    const i = out.findIndex((b, k) => isSmallCount(b.count, threshold) &&
      ((k > 0 && canJoin(out[k - 1]!, b)) || (k < out.length - 1 && canJoin(b, out[k + 1]!))));
    if (i < 0) return out;
    const options = [i - 1, i + 1].filter((k) => k >= 0 && k < out.length && (k < i ? canJoin(out[k]!, out[i]!) : canJoin(out[i]!, out[k]!)));
    const lifted = options.filter((k) => !isSmallCount(out[k]!.count + out[i]!.count, threshold));
    const k = lifted.length
      ? lifted.reduce((a, b) => (out[a]!.count <= out[b]!.count ? a : b))
      : options.reduce((a, b) => (out[a]!.count >= out[b]!.count ? a : b));
    const [lo, hi] = k < i ? [k, i] : [i, k];
    out.splice(lo, 2, merge(out[lo]!, out[hi]!));
  }
}

/**
 * A breakdown whose categories fall into groups with their own published totals (e.g. caseload
 * bands, with the number over the threshold also given): each group is suppressed as a
 * breakdown of its own total, so neither the group totals nor the overall total reveal a cell.
 */
export function suppressGroupedBreakdown(counts: number[], groupOf: (index: number) => string, threshold: number): { cells: SuppressedCell[]; anySuppressed: boolean; unprotectable: boolean } {
  const cells: SuppressedCell[] = counts.map((v) => ({ value: v, suppressed: false, reason: null }));
  const groups = new Map<string, number[]>();
  counts.forEach((_, i) => groups.set(groupOf(i), [...(groups.get(groupOf(i)) ?? []), i]));
  let unprotectable = false;
  for (const indexes of groups.values()) {
    const s = suppressBreakdown(indexes.map((i) => counts[i]!), threshold);
    indexes.forEach((i, k) => (cells[i] = s.cells[k]!));
    unprotectable ||= s.unprotectable;
  }
  return { cells, anySuppressed: cells.some((c) => c.suppressed), unprotectable };
}

/**
 * A monthly series of counts (e.g. leavers each month) published alongside 12-month totals: each
 * run of `window` months, counted back from the latest, is suppressed as a breakdown of its total.
 */
export function suppressSeries(values: number[], threshold: number, window = 12): { cells: SuppressedCell[]; anySuppressed: boolean; unprotectable: boolean } {
  const cells: SuppressedCell[] = [];
  let unprotectable = false;
  for (let end = values.length; end > 0; end -= window) {
    const start = Math.max(0, end - window);
    const s = suppressBreakdown(values.slice(start, end), threshold);
    cells.unshift(...s.cells);
    unprotectable ||= s.unprotectable;
  }
  return { cells, anySuppressed: cells.some((c) => c.suppressed), unprotectable };
}

/** The published text of a cell: `c` when hidden, else the formatted value. */
export function cellText(cell: SuppressedCell, format: (n: number) => string = String): string {
  return cell.suppressed ? 'c' : format(cell.value);
}

/**
 * Whether the hidden cells of one additive line (cells plus a shown total) can be worked out:
 * a reader gets their sum from the total, so one hidden cell is given away outright, and
 * several are given away when their sum is itself a small number (e.g. four hidden cells summing
 * to 4 must each be 1) or when every one must be at the threshold (two primary cells summing to
 * 2 x threshold).
 */
function discloses(hidden: SuppressedCell[], threshold: number): boolean {
  if (hidden.length === 0) return false;
  if (hidden.length === 1) return true;
  const total = sum(hidden.map((c) => c.value));
  if (total <= threshold) return total > 0;
  return hidden.every((c) => c.reason === 'primary') && total === hidden.length * threshold;
}

function sum(values: number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

function sumColumn(rows: number[][], c: number): number {
  let s = 0;
  for (const row of rows) s += row[c] ?? 0;
  return s;
}

function smallest(candidates: Array<[number, number]>, grid: SuppressedCell[][]): [number, number] | undefined {
  let best: [number, number] | undefined;
  for (const pos of candidates) {
    if (!best || grid[pos[0]]![pos[1]]!.value < grid[best[0]]![best[1]]!.value) best = pos;
  }
  return best;
}
