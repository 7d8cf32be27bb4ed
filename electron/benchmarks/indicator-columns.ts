// The measure columns of the DfE children's social work workforce indicator file, and how a
// published cell becomes a number or a kept symbol.
import type { PublishedFigure } from '../../shared/benchmarks';

/** In the order of the published file; each is stored as <column> REAL and <column>_symbol TEXT. */
export const INDICATOR_MEASURE_COLUMNS = [
  'inpost_fte', 'inpost_headcount', 'starters_fte', 'starters_headcount', 'leavers_fte',
  'leavers_headcount', 'turnover_rate_fte', 'turnover_rate_headcount', 'agency_fte',
  'agency_headcount', 'agency_rate_fte', 'agency_rate_headcount', 'agency_cover_fte',
  'agency_cover_rate_fte', 'vacancy_fte', 'vacancy_rate_fte', 'vacancy_agency_cover_rate_fte',
  'case_holders_fte', 'cases', 'caseload_fte', 'working_days_lost_fte', 'absence_rate_fte',
] as const;
export type IndicatorColumn = (typeof INDICATOR_MEASURE_COLUMNS)[number];

/** Geography and period columns; all must be present for the file to be recognised. */
export const INDICATOR_KEY_COLUMNS = [
  'time_period', 'time_identifier', 'geographic_level', 'country_code', 'country_name',
  'region_code', 'region_name', 'old_la_code', 'new_la_code', 'la_name',
] as const;

export const GEOGRAPHIC_LEVELS = ['National', 'Regional', 'Local authority'] as const;
export type GeographicLevel = (typeof GEOGRAPHIC_LEVELS)[number];

// A plain decimal as the DfE writes it. Anything else (c, x, z, u, low, "940 / 941", "1,234")
// is kept as text: better "not available" than a wrong number.
const NUMBER_RE = /^-?(?:\d+\.?\d*|\.\d+)$/;

export function parsePublishedCell(raw: string | undefined): PublishedFigure {
  const text = (raw ?? '').trim();
  if (text === '') return { value: null, symbol: null };
  if (NUMBER_RE.test(text)) return { value: Number(text), symbol: null };
  return { value: null, symbol: text };
}
