// Row problems grouped by column and kind, so a file with the same unknown job title on 200 rows
// says so once ("Job title: 200 rows, 4 different values not recognised") with the values, rather
// than repeating one sentence on every row.
import type { RowProblem } from '../shared/api';

export interface ProblemGroup {
  /** The file's heading, or null for problems with a whole row. */
  column: string | null;
  /** What is wrong, once: the reason without the row's own value. */
  reason: string;
  /** True for values no rule or code recognises (the value step can place them). */
  unrecognised: boolean;
  rows: number;
  /** Each distinct value with how many rows have it, most frequent first. */
  values: Array<{ value: string; rows: number }>;
  /** The first row with the problem, for finding it in the file. */
  firstRow: number;
}

/** The reason's first clause, with the row's value taken out, so rows differing only by value group together. */
function kindOf(p: RowProblem): string {
  let clause = p.reason.split(';')[0]!.trim();
  if (p.value) clause = clause.split(p.value).join('…');
  return clause;
}

export function groupProblems(problems: readonly RowProblem[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup & { counts: Map<string, number> }>();
  for (const p of problems) {
    const reason = kindOf(p);
    const key = `${p.column ?? ''}\u0000${reason}`;
    let g = groups.get(key);
    if (!g) {
      g = { column: p.column, reason, unrecognised: /^is not a recognised /.test(reason), rows: 0, values: [], firstRow: p.row, counts: new Map() };
      groups.set(key, g);
    }
    g.rows++;
    g.firstRow = Math.min(g.firstRow, p.row);
    if (p.value !== null && p.value !== '') g.counts.set(p.value, (g.counts.get(p.value) ?? 0) + 1);
  }
  return [...groups.values()]
    .map(({ counts, ...g }) => ({ ...g, values: [...counts].map(([value, rows]) => ({ value, rows })).sort((a, b) => b.rows - a.rows || a.value.localeCompare(b.value)) }))
    .sort((a, b) => b.rows - a.rows || a.firstRow - b.firstRow);
}
