// The domain vocabulary of DOMAIN.md: one place for every code list, its census code and the
// words a reader of the committee paper sees. Pure data: used by the importer, the measures,
// the paper and the screens alike.

export const ROLES = [
  'senior_manager',
  'middle_manager',
  'first_line_manager',
  'senior_practitioner',
  'case_holder',
  'qualified_no_cases',
  'support_worker',
] as const;
export type Role = (typeof ROLES)[number];

/** DfE census `OrgRole` codes 1-6; support workers are outside the census. */
export const ROLE_CENSUS_CODE: Record<Role, number | null> = {
  senior_manager: 1,
  middle_manager: 2,
  first_line_manager: 3,
  senior_practitioner: 4,
  case_holder: 5,
  qualified_no_cases: 6,
  support_worker: null,
};

export const ROLE_LABEL: Record<Role, string> = {
  senior_manager: 'Senior manager',
  middle_manager: 'Middle manager',
  first_line_manager: 'First line manager',
  senior_practitioner: 'Senior practitioner',
  case_holder: 'Case holder',
  qualified_no_cases: 'Qualified, without cases',
  support_worker: 'Support worker',
};

/** Roles 1-6 are social workers; support workers are not (DOMAIN.md). */
export function isSocialWorkerRole(role: Role): boolean {
  return role !== 'support_worker';
}

export const EMPLOYMENT_TYPES = ['permanent', 'fixed_term', 'agency'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

/** Directly employed means employed by the council: permanent or fixed term. */
export function isDirectlyEmployed(type: EmploymentType): boolean {
  return type !== 'agency';
}

export const LEAVING_REASONS = [
  'resignation',
  'voluntary_redundancy',
  'compulsory_redundancy',
  'dismissed',
  'retired',
  'deceased',
  'moved_within_council',
  'other',
  'not_known',
  'not_yet_collected',
] as const;
export type LeavingReason = (typeof LEAVING_REASONS)[number];

/** Census `ReasonLeave` codes are the 1-based positions in LEAVING_REASONS. */
export const LEAVING_REASON_CENSUS_CODE: Record<LeavingReason, number> = Object.fromEntries(
  LEAVING_REASONS.map((r, i) => [r, i + 1]),
) as Record<LeavingReason, number>;

export const LEAVING_REASON_LABEL: Record<LeavingReason, string> = {
  resignation: 'Resignation',
  voluntary_redundancy: 'Voluntary redundancy',
  compulsory_redundancy: 'Compulsory redundancy',
  dismissed: 'Dismissed',
  retired: 'Retired',
  deceased: 'Deceased',
  moved_within_council: 'Moved to another role in the council',
  other: 'Other',
  not_known: 'Not known',
  not_yet_collected: 'Not yet collected',
};

export const CASE_TYPES = ['CIN', 'CP', 'CLA', 'care_leaver', 'other'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const CASE_TYPE_LABEL: Record<CaseType, string> = {
  CIN: 'Child in need',
  CP: 'Child protection',
  CLA: 'Child looked after',
  care_leaver: 'Care leaver',
  other: 'Other',
};

export const ASYE_OUTCOMES = ['in_progress', 'passed', 'failed', 'extended', 'withdrawn'] as const;
export type AsyeOutcome = (typeof ASYE_OUTCOMES)[number];

/** The import sources a file can be loaded as. */
export const IMPORT_SOURCES = [
  'workers',
  'agency',
  'allocations',
  'asye',
  'establishment',
  'idmap',
  'departments',
  'census_la',
  'agency_caps',
  'benchmark',
  'neighbours',
] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

/** The DfE's symbols for a value that is not a number (DOMAIN.md, publishing rules). */
export const DFE_SYMBOLS = {
  c: 'suppressed',
  x: 'unavailable',
  z: 'not applicable',
  u: 'low reliability',
  low: 'rounds to zero',
} as const;
export type DfeSymbol = keyof typeof DFE_SYMBOLS;
