// The DfE children's social work workforce census (CSWW) return, worker module, as councils
// keep it in CSV: the 23 items of the census schema in its order and spelling (XML files are
// turned into the same rows by census-xml.ts). Source: the schema and pipeline spec published in
// SocialFinanceDigitalLabs/liia-tools (liiatools/spec/social_work_workforce/
// social_work_workforce_2022.xsd, liiatools/csww_pipeline/spec/pipeline.yml); docs/import.md
// says what each item means and how it is read. The schema has not changed its worker items
// since the 2022 collection, so one version serves 2022-2025 returns.
import type { LayoutDef } from '../layouts';

/** The worker module's items, in the schema's order. */
export const CENSUS_WORKER_ITEMS = [
  'AgencyWorker', 'SWENo', 'FTE', 'PersonBirthDate', 'GenderCurrent', 'Ethnicity', 'QualInst', 'QualLevel',
  'StepUpGrad', 'OrgRole', 'RoleStartDate', 'StartOrigin', 'RoleEndDate', 'LeaverDestination', 'ReasonLeave',
  'FTE30', 'Cases30', 'WorkingDaysLost', 'ContractWeeks', 'FrontlineGrad', 'Absat30Sept', 'ReasonAbsence', 'CFKSSstatus',
] as const;

/** The LA-level module's items. */
export const CENSUS_LA_ITEMS = ['NumberOfVacancies', 'NoAgencyFTE', 'NoAgencyHeadcount'] as const;

// The code lists (StartOrigin, LeaverDestination, CFKSSstatus) live in shared/census-codes.ts,
// where the measures and the paper read them too.

export const CENSUS_2022: LayoutDef = {
  preset: 'census',
  sources: ['workers', 'agency'],
  label: 'DfE census return (CSWW, 2022 schema)',
  census: true,
  columns: {
    staff_id: ['StaffID', 'staff_id'],
    agency_flag: ['AgencyWorker'],
    swe_number: ['SWENo'],
    fte: ['FTE'],
    role: ['OrgRole'],
    start_date: ['RoleStartDate'],
    start_origin: ['StartOrigin'],
    end_date: ['RoleEndDate'],
    leaver_destination: ['LeaverDestination'],
    leaving_reason: ['ReasonLeave'],
    fte_30: ['FTE30'],
    cases_30: ['Cases30'],
    cfkss_status: ['CFKSSstatus'],
    team: ['Team'],
    qualified_date: ['QualifiedDate'],
  },
  key: ['agency_flag', 'swe_number', 'fte', 'role', 'start_date'],
  fallbacks: { staff_id: 'swe_number' },
  defaults: { agency_flag: '0' },
  rowsSay: { agency: [{ field: 'agency_flag', code: 'yes' }] },
  notes: [
    'The census does not say whether directly employed staff are permanent or fixed-term: they are recorded as permanent.',
    "A leaver's FTE is read from FTE, or from FTE30 where FTE is 0 (their FTE at 30 September); a worker in post at 30 September from FTE30, or FTE where FTE30 is blank (docs/import.md).",
    'An agency worker is recorded as in post on the census date (30 September), from their RoleStartDate where given; without an OrgRole, one holding cases (Cases30) is a case holder, otherwise qualified without cases.',
  ],
};

/** The LA-level module kept as its own CSV (one row): NumberOfVacancies, NoAgencyFTE, NoAgencyHeadcount. */
export const CENSUS_LA_2022: LayoutDef = {
  preset: 'census',
  sources: ['census_la'],
  label: 'DfE census return, LA-level module (CSWW, 2022 schema)',
  census: true,
  columns: {
    vacancies_fte: ['NumberOfVacancies'],
    agency_cover_fte: ['NoAgencyFTE'],
    agency_cover_headcount: ['NoAgencyHeadcount'],
    la_code: ['LA', 'LEA'],
  },
  key: ['vacancies_fte', 'agency_cover_fte', 'agency_cover_headcount'],
};

export const CENSUS_LAYOUTS: readonly LayoutDef[] = [CENSUS_2022, CENSUS_LA_2022];
