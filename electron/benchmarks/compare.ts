// "Is that good?": the council's published figures beside England, its region and the mean of
// its statistical neighbours, with its rank among them, for one year and as a series from 2017.
import type { Db } from '../db/open';
import {
  BENCHMARK_MEASURES,
  dfeSource,
  type BenchmarkComparison,
  type BenchmarkMeasureInfo,
  type BenchmarkNeighbour,
  type BenchmarkYear,
  type MeasureComparison,
  type NeighbourFigure,
  type PublishedFigure,
} from '../../shared/benchmarks';
import { components, findCouncil, type ResolvedCouncil } from './council';

export const SERIES_FROM_YEAR = 2017;

export class BenchmarkYearError extends Error {
  override name = 'BenchmarkYearError';
}

type IndicatorRow = Record<string, unknown> & { year: number; level: string; geo_code: string; la_name: string | null; region_code: string | null };

export function figure(row: Record<string, unknown> | undefined, column: string): PublishedFigure {
  if (!row) return { value: null, symbol: null };
  const v = row[column];
  const s = row[`${column}_symbol`];
  return { value: typeof v === 'number' ? v : null, symbol: typeof s === 'string' ? s : null };
}

/** Where the council stands among itself and the neighbours with a number (ties share the better place). */
export function rankAmong(own: number | null, others: number[], order: BenchmarkMeasureInfo['rankOrder']): { position: number | null; of: number } {
  if (own === null) return { position: null, of: others.length };
  const better = others.filter((v) => (order === 'lowest first' ? v < own : v > own)).length;
  return { position: better + 1, of: others.length + 1 };
}

export function mean(values: number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

export interface CompareOptions {
  /** DfE code or name; defaults to nothing (callers pass settings.laCode). */
  la: string;
  /** Reporting year (30 September); defaults to the latest year the council has a row for. */
  year?: number;
}

export function compareCouncil(db: Db, options: CompareOptions): BenchmarkComparison {
  const council = findCouncil(db, options.la);
  const { neighbours, neighboursSource } = neighboursOf(db, council);
  const rows = loadRows(db, [...council.geoCodes, ...neighbours.map((n) => n.code)]);
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const byYear = new Map<number, IndicatorRow[]>();
  for (const r of rows) {
    const list = byYear.get(r.year);
    if (list) list.push(r);
    else byYear.set(r.year, [r]);
  }

  if (!years.length) throw new BenchmarkYearError(`The imported DfE file has no figures from ${SERIES_FROM_YEAR} onwards; import a newer edition.`);
  const ownRow = (y: number) => byYear.get(y)?.find((r) => r.level === 'Local authority' && council.geoCodes.includes(r.geo_code));
  const councilYears = years.filter((y) => ownRow(y));
  const year = options.year ?? councilYears[councilYears.length - 1] ?? years[years.length - 1]!;
  if (!years.includes(year)) {
    throw new BenchmarkYearError(
      `The imported DfE file has no figures for ${year}; it covers ${years.length ? `${years[0]} to ${years[years.length - 1]}` : 'no years'}. Import a newer edition for later years.`,
    );
  }

  const notes: string[] = [];
  if (!neighbours.length) notes.push('No statistical neighbours for this council: import the DfE statistical-neighbour file (import --source neighbours).');
  if (council.publishedAs) notes.push(`The DfE publishes ${council.name} jointly as "${council.publishedAs}" in some years; those joint figures are shown as the council's.`);

  const series: BenchmarkYear[] = years.map((y) => yearComparison(y, byYear.get(y) ?? [], ownRow(y), council, neighbours));
  const chosen = series.find((s) => s.year === year)!;
  if (!ownRow(year)) notes.push(`The DfE file has no row for ${council.name} in ${year}.`);
  // A neighbour with no row that year (Cumbria after 2023) drops out of every mean and rank:
  // name it, so "the average of the neighbours" is not read as all ten.
  const las = (byYear.get(year) ?? []).filter((r) => r.level === 'Local authority');
  const withoutRow = neighbours
    .filter((n) => !las.some((r) => r.geo_code === n.code || components(r.geo_code).includes(n.code)))
    .map((n) => n.name);
  if (withoutRow.length) {
    notes.push(`The DfE file has no row for ${listNames(withoutRow)} in ${year}: ${neighbours.length - withoutRow.length} of the ${neighbours.length} statistical neighbours have figures, and averages and ranks are over those.`);
  }
  return {
    source: chosen.source,
    year,
    asAt: chosen.asAt,
    council: { code: council.code, name: council.name, onsCode: council.onsCode, region: council.region, publishedAs: council.publishedAs },
    neighboursSource,
    neighbours,
    measures: chosen.measures,
    series,
    neighboursWithoutRow: withoutRow,
    notes,
  };
}

/** "Cumbria", "Cumbria and Halton", "A, B and C". */
export function listNames(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

// Only the rows the comparison reads: England, the regions, the council and its neighbours,
// and any joint rows (which a neighbour's code may sit inside). Reading every council's row
// would triple the time for nothing.
function loadRows(db: Db, codes: string[]): IndicatorRow[] {
  const unique = [...new Set(codes)];
  const placeholders = unique.map(() => '?').join(', ');
  return db
    .prepare(
      `SELECT * FROM dfe_indicator WHERE year >= ?
         AND (level <> 'Local authority' OR instr(geo_code, '/') > 0${unique.length ? ` OR geo_code IN (${placeholders})` : ''})
       ORDER BY year`,
    )
    .all(SERIES_FROM_YEAR, ...unique) as IndicatorRow[];
}

function neighboursOf(db: Db, council: ResolvedCouncil): { neighbours: BenchmarkNeighbour[]; neighboursSource: string | null } {
  const listed = db.prepare(`SELECT la_code, position, neighbour_code, closeness, import_id FROM dfe_neighbour WHERE la_code = ? ORDER BY position`);
  let rows = listed.all(council.code) as Array<{ la_code: string; position: number; neighbour_code: string; closeness: string | null; import_id: number }>;
  // A council named by its joint code ("940 / 941") takes the first part's grouping.
  if (!rows.length && council.publishedAs) {
    for (const c of components(council.publishedAs)) {
      rows = listed.all(c) as typeof rows;
      if (rows.length) break;
    }
  }
  if (!rows.length) return { neighbours: [], neighboursSource: null };
  const nameOf = (code: string): string => {
    const n = db.prepare(`SELECT la_name FROM dfe_neighbour WHERE la_code = ? LIMIT 1`).get(code) as { la_name: string } | undefined;
    if (n) return n.la_name;
    const i = db.prepare(`SELECT la_name FROM dfe_indicator WHERE level = 'Local authority' AND geo_code = ? ORDER BY year DESC LIMIT 1`).get(code) as { la_name: string | null } | undefined;
    return i?.la_name ?? code;
  };
  const file = db.prepare(`SELECT file_name FROM import_log WHERE id = ?`).get(rows[0]!.import_id) as { file_name: string } | undefined;
  return {
    neighbours: rows.map((r) => ({ position: r.position, code: r.neighbour_code, name: nameOf(r.neighbour_code), closeness: r.closeness })),
    neighboursSource: `DfE statistical neighbours${file ? ` (${file.file_name})` : ''}`,
  };
}

function yearComparison(year: number, rows: IndicatorRow[], own: IndicatorRow | undefined, council: ResolvedCouncil, neighbours: BenchmarkNeighbour[]): BenchmarkYear {
  const england = rows.find((r) => r.level === 'National');
  const regionCode = own?.region_code ?? council.region?.code ?? null;
  const region = regionCode ? rows.find((r) => r.level === 'Regional' && r.geo_code === regionCode) : undefined;
  const las = rows.filter((r) => r.level === 'Local authority');
  // Each neighbour's row that year: its own code, or a joint row that includes it. A joint row
  // that is the council's own, or one already counted for another neighbour, is not counted twice.
  const counted = new Set<string>(own ? [own.geo_code] : []);
  const neighbourRows = neighbours.map((n) => {
    const row = las.find((r) => r.geo_code === n.code) ?? las.find((r) => components(r.geo_code).includes(n.code));
    const counts = !!row && !counted.has(row.geo_code);
    if (row) counted.add(row.geo_code);
    return { n, row, counts };
  });
  const measures: MeasureComparison[] = BENCHMARK_MEASURES.map((m) => {
    const values: NeighbourFigure[] = neighbourRows.map(({ n, row }) => ({ code: n.code, name: n.name, figure: figure(row, m.column) }));
    const numbers = neighbourRows.filter((x) => x.counts).map((x) => figure(x.row, m.column).value).filter((v): v is number => v !== null);
    const councilFigure = figure(own, m.column);
    return {
      measure: m.key,
      label: m.label,
      unit: m.unit,
      council: councilFigure,
      england: figure(england, m.column),
      region: figure(region, m.column),
      neighbours: { mean: mean(numbers), withValue: numbers.length, total: neighbours.length, values },
      rank: { ...rankAmong(councilFigure.value, numbers, m.rankOrder), order: m.rankOrder },
    };
  });
  return { year, asAt: `${year}-09-30`, source: dfeSource(year), measures };
}
