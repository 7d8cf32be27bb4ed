// Finding the user's council in the imported DfE files from a code ("892") or a name
// ("Nottingham", "Nottingham City Council"), as typed in settings or on the command line.
import type { Db } from '../db/open';
import type { BenchmarkCouncil } from '../../shared/benchmarks';

export class CouncilNotFoundError extends Error {
  override name = 'CouncilNotFoundError';
}

/** The components of a combined code or name: "940 / 941" -> ["940", "941"]. */
export function components(text: string): string[] {
  return text.split('/').map((s) => s.trim()).filter(Boolean);
}

function normaliseName(s: string): string {
  return s.toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim();
}

// "Nottingham City Council" and "Cornwall Council" name the councils the DfE calls
// "Nottingham" and "Cornwall".
function withoutCouncilWords(s: string): string {
  return s.replace(/\b(city|county|borough|metropolitan|district|royal)?\s*council$/, '').replace(/^(london borough of|royal borough of|council of the)\s+/, '').trim();
}

interface LaRow {
  year: number;
  geo_code: string;
  new_la_code: string | null;
  la_name: string | null;
  region_code: string | null;
  region_name: string | null;
}

export interface ResolvedCouncil extends BenchmarkCouncil {
  /** Every published code this council's rows are found under (its own, or a combined one). */
  geoCodes: string[];
}

/**
 * Resolves a council by DfE code (old_la_code), ONS code or name, case-insensitively. A council
 * the DfE publishes jointly (e.g. "940 / 941") is found by either part. The latest year wins
 * when a name has had more than one code.
 */
export function findCouncil(db: Db, query: string): ResolvedCouncil {
  const q = query.trim();
  if (!q) throw new CouncilNotFoundError('No council given. Set your council\'s DfE code in settings (laCode, e.g. "892" for Nottingham) or pass --la.');
  const rows = db
    .prepare(`SELECT year, geo_code, new_la_code, la_name, region_code, region_name FROM dfe_indicator WHERE level = 'Local authority' ORDER BY year DESC`)
    .all() as LaRow[];
  const nq = normaliseName(q);
  const nqShort = withoutCouncilWords(nq);
  const codeMatch = (r: LaRow): string | null => {
    const codes = components(r.geo_code);
    const exact = r.geo_code.toLowerCase() === q.toLowerCase() ? codes[0] ?? r.geo_code : null;
    if (exact) return codes.length > 1 ? r.geo_code : exact;
    const part = codes.find((c) => c.toLowerCase() === q.toLowerCase());
    if (part) return part;
    const ons = components(r.new_la_code ?? '');
    const onsAt = ons.findIndex((c) => c.toLowerCase() === q.toLowerCase());
    if (onsAt >= 0) return codes.length === ons.length ? codes[onsAt]! : r.geo_code;
    return null;
  };
  const nameMatch = (r: LaRow): string | null => {
    const names = components(r.la_name ?? '').map(normaliseName);
    const codes = components(r.geo_code);
    const at = names.findIndex((n) => n === nq || n === nqShort);
    if (at < 0) return null;
    return names.length > 1 && codes.length === names.length ? codes[at]! : r.geo_code;
  };
  let hit: { row: LaRow; code: string } | undefined;
  for (const match of [codeMatch, nameMatch]) {
    for (const r of rows) {
      const code = match(r);
      if (code) {
        hit = { row: r, code };
        break;
      }
    }
    if (hit) break;
  }
  if (!hit) {
    const neighbourName = db.prepare(`SELECT la_code, la_name FROM dfe_neighbour WHERE la_code = ? OR lower(la_name) = lower(?) LIMIT 1`).get(q, q) as { la_code: string; la_name: string } | undefined;
    if (!rows.length) {
      throw new CouncilNotFoundError('No DfE indicator file has been imported yet. Import it first: scrutiny-pack import --source benchmark csww_indicators_2017_to_2025.csv');
    }
    throw new CouncilNotFoundError(
      neighbourName
        ? `${neighbourName.la_name} (${neighbourName.la_code}) is in the statistical-neighbour file but has no row in the imported DfE indicators.`
        : `No council matching "${q}" in the imported DfE indicators. Use the DfE code (e.g. "892" for Nottingham) or the name as the DfE writes it.`,
    );
  }
  const geoCodes = [...new Set(rows.filter((r) => r.geo_code === hit!.row.geo_code || components(r.geo_code).includes(hit!.code)).map((r) => r.geo_code))];
  const combined = components(hit.row.geo_code).length > 1;
  const names = components(hit.row.la_name ?? '');
  const codes = components(hit.row.geo_code);
  const ownName = combined && names.length === codes.length && codes.includes(hit.code) ? names[codes.indexOf(hit.code)]! : (hit.row.la_name ?? hit.code);
  return {
    code: hit.code,
    name: ownName,
    onsCode: hit.row.new_la_code,
    region: hit.row.region_code ? { code: hit.row.region_code, name: hit.row.region_name ?? hit.row.region_code } : null,
    publishedAs: combined ? hit.row.geo_code : null,
    geoCodes: geoCodes.length ? geoCodes : [hit.row.geo_code],
  };
}
