// The smallest and largest value one unknown can take, given linear equations and lower bounds:
// what a determined reader can work out about a hidden cell from the totals a paper prints. A
// small dense two-phase simplex (Bland's rule, so it cannot cycle) is enough: a published table
// has tens of hidden cells, not thousands. Pure, no dependencies.

const EPS = 1e-9;

export interface LinearSystem {
  /** Number of unknowns. */
  n: number;
  /** Each equation: coefficients (length n) and its right-hand side. */
  equations: Array<{ coefficients: number[]; rhs: number }>;
  /** Lower bound of each unknown (0 when the reader knows nothing more). */
  lower: number[];
}

/** [min, max] of unknown k over every solution; null when no solution exists. max may be Infinity. */
export function boundsOf(system: LinearSystem, k: number): [number, number] | null {
  const min = optimise(system, k, 1);
  if (min === null) return null;
  const max = optimise(system, k, -1);
  return [min, max === null ? Infinity : max];
}

/**
 * Minimises sign * x_k. Returns the optimum of x_k, or null when unbounded (for sign -1: no
 * largest value) or infeasible (callers check feasibility through the minimum, which is bounded
 * below by the lower bound).
 */
function optimise(system: LinearSystem, k: number, sign: 1 | -1): number | null {
  const { n, lower } = system;
  // Shift to y = x - lower >= 0, and make every right-hand side non-negative.
  const rows = system.equations.map((e) => {
    let rhs = e.rhs;
    for (let j = 0; j < n; j++) rhs -= e.coefficients[j]! * lower[j]!;
    const flip = rhs < 0 ? -1 : 1;
    return { a: e.coefficients.map((c) => c * flip), b: rhs * flip };
  });
  const m = rows.length;
  // Tableau columns: n structural, m artificial, then the right-hand side.
  const width = n + m + 1;
  const t: number[][] = rows.map((r, i) => {
    const row = new Array<number>(width).fill(0);
    for (let j = 0; j < n; j++) row[j] = r.a[j]!;
    row[n + i] = 1;
    row[width - 1] = r.b;
    return row;
  });
  const basis = rows.map((_, i) => n + i);

  // Phase 1: minimise the sum of the artificials.
  const phase1 = new Array<number>(width).fill(0);
  for (let i = 0; i < m; i++) phase1[n + i] = 1;
  if (!simplex(t, basis, phase1, n + m)) return null;
  if (objectiveValue(t, basis, phase1) > 1e-7) return null; // infeasible
  // Drive artificials still in the basis (at zero) out where a structural column can replace them.
  for (let i = 0; i < m; i++) {
    if (basis[i]! < n) continue;
    const j = t[i]!.findIndex((v, col) => col < n && Math.abs(v) > EPS);
    if (j >= 0) pivot(t, basis, i, j);
  }

  // Phase 2: the real objective, artificial columns barred from entering.
  const cost = new Array<number>(width).fill(0);
  cost[k] = sign;
  if (!simplex(t, basis, cost, n)) return null; // unbounded
  const y = objectiveValue(t, basis, cost) * sign;
  return y + lower[k]!;
}

function objectiveValue(t: number[][], basis: number[], cost: number[]): number {
  let v = 0;
  basis.forEach((b, i) => (v += cost[b]! * t[i]![t[i]!.length - 1]!));
  return v;
}

/** Runs the simplex on columns [0, enterable); false when the objective is unbounded below. */
function simplex(t: number[][], basis: number[], cost: number[], enterable: number): boolean {
  const width = t[0]?.length ?? 0;
  for (let iter = 0; iter < 10_000; iter++) {
    // Reduced costs; Bland's rule: the lowest-index column with a negative one enters.
    let enter = -1;
    for (let j = 0; j < enterable; j++) {
      if (basis.includes(j)) continue;
      let r = cost[j]!;
      for (let i = 0; i < t.length; i++) r -= cost[basis[i]!]! * t[i]![j]!;
      if (r < -EPS) {
        enter = j;
        break;
      }
    }
    if (enter < 0) return true;
    let leave = -1;
    let best = Infinity;
    for (let i = 0; i < t.length; i++) {
      const a = t[i]![enter]!;
      if (a <= EPS) continue;
      const ratio = t[i]![width - 1]! / a;
      if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && basis[i]! < basis[leave]!)) {
        best = ratio;
        leave = i;
      }
    }
    if (leave < 0) return false;
    pivot(t, basis, leave, enter);
  }
  throw new Error('linear bounds: the simplex did not finish');
}

function pivot(t: number[][], basis: number[], r: number, c: number): void {
  const row = t[r]!;
  const p = row[c]!;
  for (let j = 0; j < row.length; j++) row[j] = row[j]! / p;
  for (let i = 0; i < t.length; i++) {
    if (i === r) continue;
    const f = t[i]![c]!;
    if (Math.abs(f) <= EPS) continue;
    const other = t[i]!;
    for (let j = 0; j < other.length; j++) other[j] = other[j]! - f * row[j]!;
  }
  basis[r] = c;
}
