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
  return boundsSolver(system)(k);
}

/**
 * The same for many unknowns of one system: phase 1 (finding a first solution) does not depend on
 * the unknown asked about, so it is solved once and each bound then needs only phase 2. A paper's
 * suppression check asks for every hidden cell of a table in turn, and this halves its work.
 */
export function boundsSolver(system: LinearSystem): (k: number) => [number, number] | null {
  const feasible = phaseOne(system);
  return (k) => {
    if (!feasible) return null;
    const min = phaseTwo(feasible, system, k, 1);
    if (min === null) return null;
    const max = phaseTwo(feasible, system, k, -1);
    return [min, max === null ? Infinity : max];
  };
}

interface Tableau {
  rows: Float64Array[];
  basis: number[];
  /** Structural unknowns (the first columns); artificials follow, then the right-hand side. */
  n: number;
}

/** A basic feasible solution of the equations with every unknown at or above its lower bound; null when there is none. */
function phaseOne(system: LinearSystem): Tableau | null {
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
  const t = rows.map((r, i) => {
    const row = new Float64Array(width);
    for (let j = 0; j < n; j++) row[j] = r.a[j]!;
    row[n + i] = 1;
    row[width - 1] = r.b;
    return row;
  });
  const basis = rows.map((_, i) => n + i);

  // Phase 1: minimise the sum of the artificials.
  const phase1 = new Float64Array(width);
  for (let i = 0; i < m; i++) phase1[n + i] = 1;
  if (!simplex(t, basis, phase1, n + m)) return null;
  if (objectiveValue(t, basis, phase1) > 1e-7) return null; // infeasible
  // Drive artificials still in the basis (at zero) out where a structural column can replace them.
  for (let i = 0; i < m; i++) {
    if (basis[i]! < n) continue;
    const j = t[i]!.findIndex((v, col) => col < n && Math.abs(v) > EPS);
    if (j >= 0) pivot(t, basis, i, j);
  }
  return { rows: t, basis, n };
}

/**
 * Minimises sign * x_k from the phase-1 solution (left unchanged). Returns the optimum of x_k, or
 * null when unbounded (for sign -1: no largest value).
 */
function phaseTwo(start: Tableau, system: LinearSystem, k: number, sign: 1 | -1): number | null {
  const t = start.rows.map((r) => r.slice());
  const basis = [...start.basis];
  const cost = new Float64Array(t[0]?.length ?? start.n + 1);
  cost[k] = sign;
  // Artificial columns are barred from entering.
  if (!simplex(t, basis, cost, start.n)) return null; // unbounded
  const y = objectiveValue(t, basis, cost) * sign;
  return y + system.lower[k]!;
}

function objectiveValue(t: Float64Array[], basis: number[], cost: Float64Array): number {
  let v = 0;
  basis.forEach((b, i) => (v += cost[b]! * t[i]![t[i]!.length - 1]!));
  return v;
}

/** Runs the simplex on columns [0, enterable); false when the objective is unbounded below. */
function simplex(t: Float64Array[], basis: number[], cost: Float64Array, enterable: number): boolean {
  const width = t[0]?.length ?? 0;
  // Reduced costs, worked out once and then updated with each pivot.
  const reduced = cost.slice();
  for (let i = 0; i < t.length; i++) {
    const c = cost[basis[i]!]!;
    if (c === 0) continue;
    const row = t[i]!;
    for (let j = 0; j < width; j++) reduced[j] = reduced[j]! - c * row[j]!;
  }
  const inBasis = new Uint8Array(width);
  for (const b of basis) inBasis[b] = 1;
  for (let iter = 0; iter < 10_000; iter++) {
    // Bland's rule: the lowest-index column with a negative reduced cost enters.
    let enter = -1;
    for (let j = 0; j < enterable; j++) {
      if (!inBasis[j] && reduced[j]! < -EPS) {
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
    inBasis[basis[leave]!] = 0;
    inBasis[enter] = 1;
    pivot(t, basis, leave, enter);
    const f = reduced[enter]!;
    const row = t[leave]!;
    for (let j = 0; j < width; j++) reduced[j] = reduced[j]! - f * row[j]!;
    reduced[enter] = 0;
  }
  throw new Error('linear bounds: the simplex did not finish');
}

function pivot(t: Float64Array[], basis: number[], r: number, c: number): void {
  const row = t[r]!;
  const p = row[c]!;
  for (let j = 0; j < row.length; j++) row[j] = row[j]! / p;
  row[c] = 1;
  for (let i = 0; i < t.length; i++) {
    if (i === r) continue;
    const other = t[i]!;
    const f = other[c]!;
    if (Math.abs(f) <= EPS) continue;
    for (let j = 0; j < other.length; j++) other[j] = other[j]! - f * row[j]!;
    other[c] = 0;
  }
  basis[r] = c;
}
