// Small-number suppression for published breakdown tables (DOMAIN.md, publishing rules): counts
// from 1 to the threshold are shown as `c`, and further cells are suppressed ("secondary
// suppression") so that no row or column total lets a reader work a hidden count back out.
// Zero is never primary-suppressed (a zero identifies nobody). Pure: the paper uses it, internal
// screens may choose not to.

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

  const cells = grid.slice(0, nRows).map((row) => row.slice(0, nCols));
  const rowTotals = showRow ? grid.slice(0, nRows).map((row) => row[nCols]!) : null;
  const columnTotals = showCol ? grid[nRows]!.slice(0, nCols) : null;
  const grandTotal = showRow && showCol ? grid[nRows]![nCols]! : null;
  const anySuppressed = grid.some((row) => row.some((c) => c.suppressed));
  return { cells, rowTotals, columnTotals, grandTotal, anySuppressed };
}

/**
 * A one-way breakdown (e.g. leavers by reason) published with its total: the total is the
 * headline figure, so it is never hidden and a lone small count is protected by hiding the next
 * smallest category.
 */
export function suppressBreakdown(counts: number[], threshold: number): { cells: SuppressedCell[]; total: number; anySuppressed: boolean } {
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
  return { cells, total: sum(counts), anySuppressed: cells.some((c) => c.suppressed) };
}

/**
 * A breakdown whose categories fall into groups with their own published totals (e.g. caseload
 * bands, with the number over the threshold also given): each group is suppressed as a
 * breakdown of its own total, so neither the group totals nor the overall total reveal a cell.
 */
export function suppressGroupedBreakdown(counts: number[], groupOf: (index: number) => string, threshold: number): { cells: SuppressedCell[]; anySuppressed: boolean } {
  const cells: SuppressedCell[] = counts.map((v) => ({ value: v, suppressed: false, reason: null }));
  const groups = new Map<string, number[]>();
  counts.forEach((_, i) => groups.set(groupOf(i), [...(groups.get(groupOf(i)) ?? []), i]));
  for (const indexes of groups.values()) {
    const s = suppressBreakdown(indexes.map((i) => counts[i]!), threshold);
    indexes.forEach((i, k) => (cells[i] = s.cells[k]!));
  }
  return { cells, anySuppressed: cells.some((c) => c.suppressed) };
}

/**
 * A monthly series of counts (e.g. leavers each month) published alongside 12-month totals: each
 * run of `window` months, counted back from the latest, is suppressed as a breakdown of its total.
 */
export function suppressSeries(values: number[], threshold: number, window = 12): { cells: SuppressedCell[]; anySuppressed: boolean } {
  const cells: SuppressedCell[] = [];
  for (let end = values.length; end > 0; end -= window) {
    const start = Math.max(0, end - window);
    cells.unshift(...suppressBreakdown(values.slice(start, end), threshold).cells);
  }
  return { cells, anySuppressed: cells.some((c) => c.suppressed) };
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
