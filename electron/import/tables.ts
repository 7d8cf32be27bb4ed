// Where each source is stored: the table, its columns in the order converters produce values,
// and the natural key an overlapping export is merged on (DOMAIN.md, issue 3).
import type { CsvSource } from '../../shared/import-types';

export interface TableSpec {
  table: 'spell' | 'allocation' | 'asye' | 'establishment' | 'worker_identifier' | 'department' | 'census_la_level' | 'agency_cap';
  columns: readonly string[];
  key: readonly string[];
  /** The key in the user's words, for the duplicate-row message. */
  keyLabel: string;
  /**
   * Columns a later row leaves as stored when it has no value for them: an HR file without the
   * agency items must not wipe the charge rate an agency file gave the same spell.
   */
  keepWhenBlank?: readonly string[];
}

const SPELL: TableSpec = {
  table: 'spell',
  columns: [
    'staff_id', 'swe_number', 'role', 'team', 'employment_type', 'fte', 'start_date', 'end_date', 'leaving_reason', 'qualified_date',
    // From a DfE census return only (NULL otherwise): formats/census.ts.
    'census_date', 'cases_30', 'cfkss_status', 'start_origin', 'leaver_destination',
    // An agency assignment's optional items (NULL when the file has no such column).
    'charge_rate', 'region', 'assignment_ref',
  ],
  key: ['staff_id', 'start_date'],
  keyLabel: 'staff ID and start date',
  keepWhenBlank: ['charge_rate', 'region', 'assignment_ref'],
};

export const TABLES: Record<CsvSource, TableSpec> = {
  workers: SPELL,
  agency: SPELL,
  allocations: {
    table: 'allocation',
    columns: ['case_key', 'case_type', 'staff_id', 'team', 'start_date', 'end_date'],
    key: ['case_key', 'staff_id', 'start_date'],
    keyLabel: 'case ID, staff ID and start date',
  },
  asye: {
    table: 'asye',
    columns: ['staff_id', 'cohort', 'start_date', 'planned_end_date', 'outcome', 'outcome_date'],
    key: ['staff_id', 'start_date'],
    keyLabel: 'staff ID and ASYE start date',
  },
  census_la: {
    table: 'census_la_level',
    columns: ['census_date', 'la_code', 'vacancies_fte', 'agency_cover_fte', 'agency_cover_headcount'],
    key: ['census_date'],
    keyLabel: 'census date',
  },
  establishment: {
    table: 'establishment',
    columns: ['team', 'role', 'funded_fte', 'start_date', 'end_date'],
    key: ['team', 'role', 'start_date'],
    keyLabel: 'team, role and start date',
  },
  // An absent identifier is stored as '' so that the three together are the natural key.
  idmap: {
    table: 'worker_identifier',
    columns: ['cms_id', 'staff_id', 'swe_number', 'team'],
    key: ['cms_id', 'staff_id', 'swe_number'],
    keyLabel: 'case-system worker ID, staff number and SWE number',
  },
  agency_caps: {
    table: 'agency_cap',
    columns: ['region', 'role_title', 'role', 'max_rate', 'effective_from'],
    key: ['region', 'role_title', 'effective_from'],
    keyLabel: 'region, role and date the cap applies from',
  },
  departments: {
    table: 'department',
    columns: ['team_id', 'team_name', 'parent_id', 'parent_name'],
    key: ['team_id'],
    keyLabel: 'department ID',
  },
};
