// The canonical fields of each source (DOMAIN.md), which of them a row must have, and the
// labels the mapping screen shows. `agency_flag` is not stored: it is a Y/N column some layouts
// use instead of an employment type.
import type { CsvSource } from '../../shared/import-types';

export interface FieldSpec {
  name: string;
  label: string;
  /** A row is invalid without it (after defaults and fallbacks). */
  required: boolean;
}

const WORKER_FIELDS: FieldSpec[] = [
  { name: 'staff_id', label: 'Staff ID', required: true },
  { name: 'swe_number', label: 'Social Work England number', required: false },
  { name: 'role', label: 'Role', required: true },
  { name: 'team', label: 'Team', required: false },
  { name: 'employment_type', label: 'Employment type (permanent, fixed-term or agency)', required: true },
  { name: 'agency_flag', label: 'Agency worker? (Y/N), instead of an employment type', required: false },
  { name: 'fte', label: 'FTE (a fraction such as 0.8, a percentage such as 80, or hours worked)', required: true },
  { name: 'standard_hours', label: 'Standard weekly hours of the post (when FTE is given as hours)', required: false },
  { name: 'start_date', label: 'Start date', required: true },
  { name: 'end_date', label: 'End date (blank while current)', required: false },
  { name: 'leaving_reason', label: 'Reason for leaving', required: false },
  { name: 'qualified_date', label: 'Date qualified as a social worker', required: false },
  // The DfE census return's items at 30 September (formats/census.ts).
  { name: 'fte_30', label: 'FTE at 30 September (census FTE30)', required: false },
  { name: 'cases_30', label: 'Cases held at 30 September (census Cases30)', required: false },
  { name: 'cfkss_status', label: 'Early-career status at 30 September (census CFKSSstatus, 1 = ASYE)', required: false },
  { name: 'start_origin', label: 'Where a starter came from (census StartOrigin, 1-10)', required: false },
  { name: 'leaver_destination', label: 'Where a leaver went (census LeaverDestination, 1-9)', required: false },
  // An agency assignment's optional items (issue 12): checked against the agency price caps.
  { name: 'charge_rate', label: 'Hourly charge rate in pounds (agency assignments)', required: false },
  { name: 'region', label: 'Region of the assignment (for the regional price caps)', required: false },
  { name: 'assignment_ref', label: 'Assignment reference (agency or managed service provider)', required: false },
];

export const SOURCE_FIELDS: Record<CsvSource, FieldSpec[]> = {
  workers: WORKER_FIELDS,
  agency: WORKER_FIELDS.map((f) => (f.name === 'employment_type' ? { ...f, required: false } : f)),
  allocations: [
    { name: 'case_id', label: 'Case ID (stored only as a keyed hash)', required: true },
    { name: 'case_type', label: 'Case type (child in need, child protection, child looked after, care leaver or other)', required: true },
    { name: 'staff_id', label: 'Worker ID of the allocated worker (HR staff number, case-system worker ID or SWE number)', required: true },
    { name: 'team', label: 'Team', required: false },
    { name: 'start_date', label: 'Allocation start', required: true },
    { name: 'end_date', label: 'Allocation end (blank while open)', required: false },
    { name: 'involvement_role', label: 'Involvement role (only the allocated case worker\'s count)', required: false },
  ],
  asye: [
    { name: 'staff_id', label: 'Staff ID', required: true },
    { name: 'cohort', label: 'Cohort (default: the start month)', required: false },
    { name: 'start_date', label: 'ASYE start', required: true },
    { name: 'planned_end_date', label: 'Planned end (default: start + 12 months)', required: false },
    { name: 'outcome', label: 'Outcome (default: in progress)', required: false },
    { name: 'outcome_date', label: 'Outcome date', required: false },
  ],
  census_la: [
    { name: 'vacancies_fte', label: 'Vacancies at 30 September, FTE (census NumberOfVacancies)', required: true },
    { name: 'agency_cover_fte', label: 'Agency workers covering vacancies, FTE (census NoAgencyFTE)', required: true },
    { name: 'agency_cover_headcount', label: 'Agency workers covering vacancies, headcount (census NoAgencyHeadcount)', required: true },
    { name: 'la_code', label: 'Council (DfE LA code)', required: false },
  ],
  establishment: [
    { name: 'team', label: 'Team', required: true },
    { name: 'role', label: 'Role', required: true },
    { name: 'funded_fte', label: 'Funded FTE', required: true },
    { name: 'start_date', label: 'Start date', required: true },
    { name: 'end_date', label: 'End date', required: false },
  ],
  // One worker's identifiers in the three systems; any two of them make a line of the ID map.
  idmap: [
    { name: 'staff_id', label: 'HR staff number', required: false },
    { name: 'cms_id', label: 'Case-management worker ID', required: false },
    { name: 'swe_number', label: 'Social Work England number', required: false },
    { name: 'team', label: 'Team', required: false },
  ],
  // The regional price caps on agency social workers' hourly charge rates (formats/canonical.ts).
  agency_caps: [
    { name: 'region', label: 'Region (as the regional agreement names it)', required: true },
    { name: 'role', label: 'Role (as the price caps name it, such as Social worker or Team manager)', required: true },
    { name: 'max_rate', label: 'Maximum hourly charge rate in pounds', required: true },
    { name: 'effective_from', label: 'Date the cap applies from', required: true },
  ],
  departments: [
    { name: 'team_id', label: 'Department or team ID', required: true },
    { name: 'team_name', label: 'Department or team name', required: true },
    { name: 'parent_id', label: 'Parent department ID', required: false },
    { name: 'parent_name', label: 'Parent department name', required: false },
  ],
};

/** What a file of each source is, in the user's words: the noun and where such files come from. */
export const SOURCE_KIND: Record<CsvSource, { noun: string; from: string }> = {
  workers: { noun: 'workers file', from: 'HR export of staff spells' },
  agency: { noun: 'agency file', from: 'agency staffing export' },
  allocations: { noun: 'allocations file', from: 'case-management export' },
  asye: { noun: 'ASYE register', from: 'ASYE programme records' },
  establishment: { noun: 'establishment file', from: 'funded posts' },
  idmap: { noun: 'ID map', from: 'which HR, case-system and Social Work England IDs are the same worker' },
  departments: { noun: 'departments file', from: 'case-management system team names' },
  census_la: { noun: 'census LA-level module', from: 'DfE census return' },
  agency_caps: { noun: 'agency price caps', from: 'the regional maximum hourly charge rates for agency social workers' },
};

export const SOURCE_DESCRIPTION: Record<CsvSource, string> = Object.fromEntries(
  Object.entries(SOURCE_KIND).map(([s, k]) => [s, `${k.noun} (${k.from})`]),
) as Record<CsvSource, string>;

export function fieldNames(source: CsvSource): string[] {
  return SOURCE_FIELDS[source].map((f) => f.name);
}
