// Checks the council typed in Settings (or `settings --set laCode=`) against the imported DfE
// indicator file: a code or a name is matched to one council and said back in full ("Nottingham,
// DfE code 892, East Midlands"); a typo ("Notingham") gets the nearest councils as suggestions
// instead of being saved to fail silently in every comparison (issue 13).
import type { Db } from '../db/open';
import { CouncilNotFoundError, components, findCouncil } from './council';

import type { CouncilCheck } from '../../shared/api';

export type { CouncilCheck };
interface CouncilSuggestion {
  code: string;
  name: string;
}

/** A DfE local-authority code as published: three digits. */
export const LA_CODE = /^\d{3}$/;

/** `importHow` says where the DfE file is imported: the app's screen, or the command. */
export function checkCouncil(db: Db, query: string, importHow = 'on the Import screen'): CouncilCheck {
  const q = query.trim();
  const councils = publishedCouncils(db);
  if (!councils.length) {
    const looksLikeCode = LA_CODE.test(q);
    return {
      status: 'no_dfe_file',
      looksLikeCode,
      message: looksLikeCode
        ? `The DfE's published figures are not imported yet, so code ${q} cannot be checked. Import the DfE workforce indicator file ${importHow} to check it.`
        : `“${q}” cannot be looked up until the DfE's published figures are imported. Enter the council's three-digit DfE code (for example 892 for Nottingham), or import the DfE workforce indicator file ${importHow} first.`,
    };
  }
  try {
    const c = findCouncil(db, q);
    return {
      status: 'matched',
      code: c.code,
      name: c.name,
      region: c.region?.name ?? null,
      message: `This is ${c.name} in the DfE's published figures (DfE code ${c.code}${c.region ? `, ${c.region.name}` : ''}).`,
    };
  } catch (err) {
    if (!(err instanceof CouncilNotFoundError)) throw err;
  }
  const suggestions = nearest(q, councils);
  return {
    status: 'not_found',
    suggestions,
    message:
      `No council called “${q}” is in the DfE's published figures.` +
      (suggestions.length ? ` Did you mean ${orList(suggestions.map((s) => `${s.name} (${s.code})`))}?` : ' Enter the three-digit DfE code (for example 892 for Nottingham) or the name as the DfE writes it.'),
  };
}

function orList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** Each council in the indicator file once, by its own code and name (joint rows split). */
function publishedCouncils(db: Db): CouncilSuggestion[] {
  const rows = db
    .prepare(`SELECT geo_code, la_name FROM dfe_indicator WHERE level = 'Local authority' GROUP BY geo_code, la_name ORDER BY MAX(year) DESC`)
    .all() as { geo_code: string; la_name: string | null }[];
  const seen = new Map<string, CouncilSuggestion>();
  for (const r of rows) {
    const codes = components(r.geo_code);
    const names = components(r.la_name ?? '');
    codes.forEach((code, i) => {
      if (!seen.has(code)) seen.set(code, { code, name: names.length === codes.length ? names[i]! : (r.la_name ?? code) });
    });
  }
  return [...seen.values()];
}

const fold = (s: string) => s.toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').replace(/\b(city|county|borough|council|of|the)\b/g, '').replace(/\s+/g, ' ').trim();

/** The councils closest to what was typed: a name within a few typing slips, or a code one digit off. */
function nearest(query: string, councils: CouncilSuggestion[]): CouncilSuggestion[] {
  const q = fold(query);
  if (!q) return [];
  const isCode = /^\d+$/.test(q);
  const scored = councils
    .map((c) => {
      if (isCode) return { c, d: q.length === c.code.length ? editDistance(q, c.code) : 99 };
      const name = fold(c.name);
      // A name that starts with (or contains) what was typed is as good as one slip away.
      const partial = q.length >= 4 && (name.startsWith(q) || name.includes(` ${q}`)) ? 1 : 99;
      return { c, d: Math.min(partial, editDistance(q, name)) };
    })
    .filter(({ d }) => d <= (isCode ? 1 : Math.max(2, Math.floor(q.length / 4))))
    .sort((a, b) => a.d - b.d || a.c.name.localeCompare(b.c.name));
  return scored.slice(0, 3).map(({ c }) => c);
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swapped neighbours. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
