// Breakdowns merged before anything large is hidden (issue 14): a band or category holding a small
// number joins a neighbour ("21 or more", "1 to 3 years", "Other reasons: ...") so the table keeps
// its main message instead of hiding the biggest group to protect a small one.
import { isSmallCount, mergeSmallBands } from '../../../shared/suppression';
import { midSentence } from '../../../shared/summaries';

export interface Category {
  label: string;
  count: number;
  /** Numeric range for ordered bands (years, cases); null for a category that never merges ("Not known"). */
  range: { from: number; to: number | null } | null;
  /** For a combined category, the categories it combines in words ("retired, other and not known"). */
  merged?: string;
}

/** An ordered breakdown's bands merged so none holds 1 to the threshold; `label` names a merged range. */
export function mergeOrdered(categories: Category[], threshold: number, label: (from: number, to: number | null) => string, sameGroup: (a: Category, b: Category) => boolean = () => true): Category[] {
  const bands = categories.map((c) => ({ ...c, from: c.range?.from ?? 0, to: c.range?.to ?? null }));
  return mergeSmallBands(
    bands,
    threshold,
    (a, b) => ({ label: label(a.from, b.to), count: a.count + b.count, range: { from: a.from, to: b.to }, from: a.from, to: b.to }),
    (a, b) => a.range !== null && b.range !== null && sameGroup(a, b),
  ).map(({ label: l, count, range }) => ({ label: l, count, range }));
}

/**
 * An unordered breakdown (reasons for leaving): the categories holding 1 to the threshold are
 * combined into one "Other reasons" row naming them; if that is still small, the smallest other
 * non-zero category joins it.
 */
export function mergeNominal(categories: Category[], threshold: number, otherLabel: string): Category[] {
  const small = categories.filter((c) => isSmallCount(c.count, threshold));
  if (small.length === 0) return categories;
  const rest = categories.filter((c) => !small.includes(c));
  const joined = [...small];
  let total = small.reduce((s, c) => s + c.count, 0);
  if (isSmallCount(total, threshold)) {
    const next = rest.filter((c) => c.count > 0).sort((a, b) => a.count - b.count)[0];
    if (next) {
      joined.push(next);
      total += next.count;
    }
  }
  if (joined.length < 2) return categories;
  const names = joined.map((c) => midSentence(c.label));
  const combined: Category = { label: otherLabel, count: total, range: null, merged: `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` };
  return [...categories.filter((c) => !joined.includes(c)), combined];
}
