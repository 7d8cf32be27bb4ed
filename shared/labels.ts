// The words the screens use for every code in shared/domain.ts (and the field names of the
// import's layouts), so no internal identifier reaches a screen or a message shown in the app.
// Pure data and string functions: used by the renderer and the handlers alike.
import {
  ASYE_OUTCOMES, CASE_TYPE_LABEL, EMPLOYMENT_TYPES, IMPORT_SOURCES, LEAVING_REASON_LABEL, ROLE_LABEL,
  type AsyeOutcome, type EmploymentType, type ImportSource,
} from './domain';

export { CASE_TYPE_LABEL, LEAVING_REASON_LABEL, ROLE_LABEL };

export const EMPLOYMENT_TYPE_LABEL: Record<EmploymentType, string> = {
  permanent: 'Permanent',
  fixed_term: 'Fixed-term',
  agency: 'Agency',
};

export const ASYE_OUTCOME_LABEL: Record<AsyeOutcome, string> = {
  in_progress: 'In progress',
  passed: 'Passed',
  failed: 'Failed',
  extended: 'Extended',
  withdrawn: 'Withdrawn',
};

/** Each kind of file as the Import screen names it. */
export const IMPORT_SOURCE_LABEL: Record<ImportSource, string> = {
  workers: 'HR staff spells',
  agency: 'Agency workers',
  allocations: 'Case allocations',
  asye: 'ASYE register',
  establishment: 'Establishment (funded posts)',
  idmap: 'Worker ID map (HR, case system, SWE numbers)',
  departments: 'Case system departments (team names)',
  census_la: 'DfE census return: vacancies and agency cover',
  agency_caps: 'Agency price caps (regional maximum hourly charge rates)',
  benchmark: 'DfE workforce indicators',
  neighbours: 'DfE statistical neighbours',
};

/** The same words, looked up by a source name read from a file or a message. */
export const SOURCE_LABEL: Readonly<Record<string, string>> = IMPORT_SOURCE_LABEL;

/** Column and field names of the import layouts and the data checks, as headings a user reads. */
export const FIELD_LABEL: Record<string, string> = {
  staff_id: 'Staff ID',
  swe_number: 'Social Work England number',
  charge_rate: 'Hourly charge rate (£)',
  region: 'Region',
  assignment_ref: 'Assignment reference',
  max_rate: 'Maximum hourly charge rate (£)',
  effective_from: 'Applies from',
  cms_id: 'Case-management worker ID',
  role: 'Role',
  team: 'Team',
  team_id: 'Team ID',
  team_name: 'Team name',
  parent_id: 'Parent team ID',
  parent_name: 'Parent team name',
  employment_type: 'Employment type',
  agency_flag: 'Agency worker?',
  fte: 'FTE',
  funded_fte: 'Funded FTE',
  standard_hours: 'Standard weekly hours',
  start_date: 'Start date',
  end_date: 'End date',
  planned_end_date: 'Planned end',
  leaving_reason: 'Reason for leaving',
  qualified_date: 'Date qualified',
  case_id: 'Case ID',
  case_type: 'Case type',
  involvement_role: 'Involvement role',
  cohort: 'Cohort',
  outcome: 'Outcome',
  outcome_date: 'Outcome date',
  la_code: 'DfE council code',
  allocations: 'Allocations',
  open_allocations: 'Still open',
  first_start: 'First allocated',
  last_start: 'Last allocated',
  why: 'Why',
  first_spell: 'First spell',
  first_role: 'Role in the first spell',
  first_fte: 'FTE in the first spell',
  second_spell: 'Second spell',
  second_role: 'Role in the second spell',
  second_fte: 'FTE in the second spell',
  allocated_from: 'Allocated from',
  allocated_to: 'Allocated to',
  employed_from: 'Employed from',
  employed_to: 'Employed to',
  cases_held: 'Cases held',
  fte_30: 'FTE at 30 September',
  cases_30: 'Cases held at 30 September',
  cfkss_status: 'Early-career status at 30 September',
  start_origin: 'Where a starter came from',
  leaver_destination: 'Where a leaver went',
  vacancies_fte: 'Vacancies (FTE)',
  agency_cover_fte: 'Agency cover (FTE)',
  agency_cover_headcount: 'Agency cover (headcount)',
};

/** Every coded value of the domain, with its words. */
export const CODE_LABEL: Record<string, string> = {
  ...ROLE_LABEL,
  ...EMPLOYMENT_TYPE_LABEL,
  ...LEAVING_REASON_LABEL,
  ...CASE_TYPE_LABEL,
  ...ASYE_OUTCOME_LABEL,
};

/** The words for a code (or a field name); anything unknown comes back as it was. */
export function labelOf(code: string): string {
  return CODE_LABEL[code] ?? FIELD_LABEL[code] ?? code;
}

/** The words for a field name, whatever its source. */
export function fieldLabel(name: string): string {
  return FIELD_LABEL[name] ?? CODE_LABEL[name] ?? name;
}

/** A row problem's column as the screens show it: a field's words, a file's own heading as it is. */
export function columnWords(column: string | null): string {
  return column === null ? '' : fieldLabel(column);
}

// Command-line options as the app says them: the screen that does the same thing.
const FLAG_WORDS: Array<[RegExp, string]> = [
  [/(?:import (?:it )?with |import it first: )?(?:scrutiny-pack\s+)?(?:import\s+)?--source\s+asye\b[^.;)]*/gi, 'load the ASYE register on the Import screen'],
  [/(?:import (?:it )?with |import it first: )?(?:scrutiny-pack\s+)?(?:import\s+)?--source\s+(\w+)[^.;)]*/gi, 'load the file on the Import screen'],
  [/--accept-valid\b/g, '“Import the valid rows” on the Import screen'],
  [/--as-at\s+\S+/g, 'the “as at” date'],
  [/--la\b/g, 'the DfE code in Settings'],
  [/scrutiny-pack\s+import\b[^.;]*/g, 'load it on the Import screen'],
];

/**
 * A message written for the command line, in the app's words: its codes as their labels, its
 * options as the screen that does the same, its template as the Scrutiny Pack template.
 */
export function inPlainWords(message: string): string {
  let out = message;
  for (const [pattern, words] of FLAG_WORDS) out = out.replace(pattern, words);
  out = out.replace(/\bcanonical (templates?|layouts?|codes?)\b/gi, (_m, what: string) => `Scrutiny Pack ${what.toLowerCase()}`);
  out = out.replace(/\bcanonical\b/gi, 'Scrutiny Pack');
  out = out.replace(/\(settings: laCode[^)]*\)/g, '(Settings, DfE local authority code)');
  out = out.replace(/\blaCode\b/g, 'the DfE local authority code');
  // The list of allowed codes, each as its words (the app's value step accepts the words).
  out = out.replace(/(use one of: )([^;(]+)/g, (_m, lead: string, list: string) =>
    lead + list.split(',').map((c) => labelOf(c.trim())).join(', ') + (list.endsWith(' ') ? ' ' : ''),
  );
  // Saved mappings' JSON is for the command line; the value step is the app's way.
  out = out.replace(/ \(or a mapping's "values" for [^)]*\)/g, '');
  out = out.replace(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g, (code) => (code in CODE_LABEL || code in FIELD_LABEL ? labelOf(code) : code));
  return out;
}

/** Every code list of the domain, for tests that check each code has its words. */
export const LABELLED_CODE_LISTS = { EMPLOYMENT_TYPES, ASYE_OUTCOMES, IMPORT_SOURCES } as const;
