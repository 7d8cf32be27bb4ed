// The Standard Safeguarding Dataset (SSD) extracts, data-to-insight/ssd-data-model: the object
// specifications data/objects/ssd_professionals.yml, ssd_involvements.yml, ssd_department.yml and
// what the extract SQL under deployment_extracts/ really writes into each column (Liquidlogic:
// systemc/live/ssd_deployment_proc_files/procs/ssd_*.sql; Mosaic: mosaic/live/
// ssd_deployment_individual_files/SQL_*_Live.sql, SQL_*_DW.sql, ssd_*_tag_dw.sql). docs/import.md
// says what each column holds and which reading was chosen. Version 1 is the model as of 2025
// (extract v1.4.5); a later specification gets its own SSD_V2 list beside this one.
import type { LayoutDef } from '../layouts';
import { norm } from '../normalise';

/** Every column of each SSD object, in the order the extract's CREATE TABLE writes them. */
export const SSD_V1_COLUMNS = {
  ssd_professionals: [
    'prof_professional_id', 'prof_staff_id', 'prof_professional_name', 'prof_social_worker_registration_no',
    'prof_agency_worker_flag', 'prof_professional_job_title', 'prof_professional_caseload',
    'prof_professional_department', 'prof_full_time_equivalency',
  ],
  ssd_involvements: [
    'invo_involvements_id', 'invo_professional_id', 'invo_professional_role_id', 'invo_professional_team',
    'invo_person_id', 'invo_involvement_start_date', 'invo_involvement_end_date', 'invo_worker_change_reason',
    'invo_referral_id',
  ],
  ssd_department: ['dept_team_id', 'dept_team_name', 'dept_team_parent_id', 'dept_team_parent_name'],
} as const;

/**
 * invo_professional_role_id values that mean "the child's allocated case worker": only these
 * involvements are caseload. Liquidlogic writes FACT_INVOLVEMENTS.DIM_LOOKUP_INVOLVEMENT_TYPE_CODE
 * ('CW' case worker; its own caseload count also needs IS_ALLOCATED_CW_FLAG, which the extract
 * does not carry); Mosaic's data-warehouse extract writes PROF_REL_TYPE_CODE ('ALLWKR') and its
 * live extract the type's description ("Allocated Worker"). Every other role (IRO, '16PLUS'
 * leaving-care worker, 'KA...' key agency, personal adviser, family support) is skipped and
 * counted; a council whose system uses another code adds it in a column mapping's value map for
 * involvement_role ("their code": "allocated_case_worker").
 */
export const ALLOCATED_CASE_WORKER = 'allocated_case_worker';
export const SSD_CASE_WORKER_ROLES: ReadonlyMap<string, string> = new Map(
  ['CW', 'ALLWKR', 'Allocated Worker', 'Allocated Social Worker', 'Allocated Case Worker', ALLOCATED_CASE_WORKER].map((c) => [norm(c), ALLOCATED_CASE_WORKER]),
);

// The professional's own name is not needed and never read: it is not a column of any layout.
const PROFESSIONAL_IDS = {
  // Liquidlogic: DIM_WORKER_ID, the ID invo_professional_id refers to. Mosaic writes NULL here and
  // its worker ID into prof_staff_id instead (SQL_Professionals_Live.sql: `a.ID prof_staff_id`).
  cms_id: ['prof_professional_id'],
  staff_id: ['prof_staff_id'],
  swe_number: ['prof_social_worker_registration_no'],
};

export const SSD_V1_LAYOUTS: readonly LayoutDef[] = [
  {
    // The professionals extract read as what it is: a crosswalk between the case system's worker
    // ID, the staff number and the SWE number (and the worker's team).
    preset: 'ssd',
    sources: ['idmap'],
    label: 'ssd_professionals layout of the Standard Safeguarding Dataset, as a crosswalk of worker IDs',
    columns: { ...PROFESSIONAL_IDS, team: ['prof_professional_department'] },
    key: ['cms_id', 'staff_id', 'swe_number'],
    insteadWhenBlank: { cms_id: 'staff_id' },
    skipFewerThanTwoIds: true,
    notes: [
      'ssd_professionals is read as a crosswalk: each line says which case-management worker ID (prof_professional_id), staff number (prof_staff_id) and Social Work England number are the same worker. Where prof_professional_id is empty (Mosaic writes NULL there), prof_staff_id is the case system\'s worker ID. Names, job titles, FTE and caseload are not read.',
    ],
  },
  {
    // Only with --source workers: for a council with no HR export, the professionals extract is
    // its list of workers on the extract date. The staff ID is then the case system's own worker
    // ID, so involvements link to it directly.
    preset: 'ssd',
    sources: ['workers', 'agency'],
    label: 'ssd_professionals layout of the Standard Safeguarding Dataset',
    columns: {
      staff_id: ['prof_professional_id'],
      swe_number: ['prof_social_worker_registration_no'],
      role: ['prof_professional_job_title'],
      team: ['prof_professional_department'],
      fte: ['prof_full_time_equivalency'],
      agency_flag: ['prof_agency_worker_flag'],
      hr_staff_id: ['prof_staff_id'],
    },
    key: ['staff_id', 'role'],
    insteadWhenBlank: { staff_id: 'hr_staff_id' },
    defaults: { agency_flag: 'N', fte: '1' },
    roleFromTitle: true,
    skipUnplacedTitles: true,
    startFromExtractDate: true,
    detectOnlyAsSource: true,
    notes: [
      'ssd_professionals has no dates: each professional is recorded as in post from the extract date, with no end date; earlier history and leavers are not known (it lists everyone with a login).',
      'The staff ID recorded is the case-management worker ID (prof_professional_id, or prof_staff_id where that is empty), so ssd_involvements link to it directly.',
      'Roles are worked out from job titles (e.g. "Team Manager" is a first line manager, "Family Support Worker" a support worker); a title that is not a social work or support role is skipped and counted.',
      'A blank agency flag is read as not agency (permanent), and a blank FTE as 1 (full time): both are often empty in the extract.',
    ],
  },
  {
    preset: 'ssd',
    sources: ['allocations'],
    label: 'ssd_involvements layout of the Standard Safeguarding Dataset',
    columns: {
      case_id: ['invo_referral_id'],
      person_id: ['invo_person_id', 'PersonID'],
      staff_id: ['invo_professional_id'],
      involvement_role: ['invo_professional_role_id'],
      team: ['invo_professional_team'],
      start_date: ['invo_involvement_start_date'],
      end_date: ['invo_involvement_end_date'],
      case_type: ['invo_case_type', 'case_type'],
    },
    key: ['staff_id', 'involvement_role', 'start_date'],
    defaults: { case_type: 'other' },
    insteadWhenBlank: { case_id: 'person_id' },
    valueMaps: { involvement_role: SSD_CASE_WORKER_ROLES as Map<string, string> },
    skipWhenBlank: { staff_id: 'department-level, no worker' },
    teamFromDepartments: true,
    notes: [
      'Only involvements whose invo_professional_role_id is the allocated case worker (CW, ALLWKR, "Allocated Worker") are caseload; IROs, personal advisers, 16+ and other involvements are skipped and counted.',
      'Where invo_referral_id is empty (Mosaic leaves it NULL), the child\'s invo_person_id is the case ID; either is stored only as a keyed hash.',
      'invo_professional_id is the case-management worker ID (prof_professional_id): import ssd_professionals, an HR file with SWE numbers, or an ID map, so it links to a worker.',
    ],
  },
  {
    preset: 'ssd',
    sources: ['departments'],
    label: 'ssd_department layout of the Standard Safeguarding Dataset',
    columns: {
      team_id: ['dept_team_id'],
      team_name: ['dept_team_name'],
      parent_id: ['dept_team_parent_id'],
      parent_name: ['dept_team_parent_name'],
    },
    key: ['team_id', 'team_name'],
  },
];

export const SSD_LAYOUTS: readonly LayoutDef[] = SSD_V1_LAYOUTS;
