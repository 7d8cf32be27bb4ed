// Turns the rows of the DfE indicator file into records, checking the layout first so that a
// wrong file is refused with a plain explanation before anything is written.
import type { PublishedFigure } from '../../shared/benchmarks';
import { DfeImportError, normaliseHeader, type DfeCsv } from './dfe-csv';
import {
  GEOGRAPHIC_LEVELS,
  INDICATOR_KEY_COLUMNS,
  INDICATOR_MEASURE_COLUMNS,
  parsePublishedCell,
  type GeographicLevel,
  type IndicatorColumn,
} from './indicator-columns';

export interface IndicatorRecord {
  year: number;
  time_identifier: string;
  level: GeographicLevel;
  /** Country code, region code or old LA code as published (may be combined: "940 / 941"). */
  geo_code: string;
  country_code: string | null;
  country_name: string | null;
  region_code: string | null;
  region_name: string | null;
  old_la_code: string | null;
  new_la_code: string | null;
  la_name: string | null;
  measures: Record<IndicatorColumn, PublishedFigure>;
}

export interface ParsedIndicators {
  records: IndicatorRecord[];
  /** Measure columns this edition does not have (stored as not published). */
  missingColumns: IndicatorColumn[];
}

export function parseIndicators(csv: DfeCsv, fileName: string): ParsedIndicators {
  const index = new Map<string, number>();
  csv.header.forEach((h, i) => {
    const k = normaliseHeader(h);
    if (!index.has(k)) index.set(k, i);
  });
  const col = (name: string) => index.get(normaliseHeader(name));
  const missingKeys = INDICATOR_KEY_COLUMNS.filter((c) => col(c) === undefined);
  if (missingKeys.length) {
    if (col('SN1') !== undefined) {
      throw new DfeImportError(`"${fileName}" is the DfE statistical-neighbour file, not the indicator file: import it with --source neighbours.`);
    }
    const shown = missingKeys.slice(0, 3).map((c) => `"${c}"`).join(', ') + (missingKeys.length > 3 ? ` and ${missingKeys.length - 3} more` : '');
    throw new DfeImportError(
      `"${fileName}" does not look like the DfE children's social work workforce indicator file: ` +
        `it has no ${shown} column${missingKeys.length > 1 ? 's' : ''}. ` +
        `Download the indicator CSV from Explore Education Statistics ("Children's social work workforce") and import it unchanged.`,
    );
  }
  const missingColumns = INDICATOR_MEASURE_COLUMNS.filter((c) => col(c) === undefined);
  if (missingColumns.length === INDICATOR_MEASURE_COLUMNS.length) {
    throw new DfeImportError(`"${fileName}" has the DfE geography columns but none of the workforce measures (turnover, agency, caseload...), so there is nothing to import.`);
  }

  const records: IndicatorRecord[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  csv.rows.forEach((row, i) => {
    const line = i + 2;
    const cell = (name: string): string | null => {
      const at = col(name);
      const v = at === undefined ? '' : (row[at] ?? '').trim();
      return v === '' ? null : v;
    };
    const yearText = cell('time_period') ?? '';
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    // Academic or financial periods ("201819") would need a different reference date.
    if (!Number.isInteger(year)) return void problems.push(`line ${line}: time_period "${yearText}" is not a year`);
    const levelText = cell('geographic_level') ?? '';
    const level = GEOGRAPHIC_LEVELS.find((l) => l.toLowerCase() === levelText.toLowerCase());
    if (!level) return void problems.push(`line ${line}: geographic level "${levelText}" is not National, Regional or Local authority`);
    const geo = level === 'National' ? cell('country_code') : level === 'Regional' ? cell('region_code') : cell('old_la_code');
    if (!geo) return void problems.push(`line ${line}: the ${level} row has no code`);
    const key = `${year}|${level}|${geo}`;
    if (seen.has(key)) return void problems.push(`line ${line}: ${level} ${geo} for ${year} appears twice (also line ${seen.get(key)})`);
    seen.set(key, line);
    const measures = {} as Record<IndicatorColumn, PublishedFigure>;
    for (const m of INDICATOR_MEASURE_COLUMNS) {
      const at = col(m);
      measures[m] = at === undefined ? { value: null, symbol: null } : parsePublishedCell(row[at]);
    }
    records.push({
      year,
      time_identifier: cell('time_identifier') ?? '',
      level,
      geo_code: geo,
      country_code: cell('country_code'),
      country_name: cell('country_name'),
      region_code: cell('region_code'),
      region_name: cell('region_name'),
      old_la_code: cell('old_la_code'),
      new_la_code: cell('new_la_code'),
      la_name: cell('la_name'),
      measures,
    });
  });
  if (problems.length) {
    const shown = problems.slice(0, 5).join('; ');
    throw new DfeImportError(
      `"${fileName}" could not be imported: ${problems.length} row${problems.length > 1 ? 's are' : ' is'} not as the DfE publishes them (${shown}${problems.length > 5 ? '; ...' : ''}). Nothing was changed.`,
    );
  }
  if (!records.length) throw new DfeImportError(`"${fileName}" has a header but no rows; nothing was imported.`);
  return { records, missingColumns };
}
