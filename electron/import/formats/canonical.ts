// The product's own templates (fixtures/templates/): the canonical layout of each source.
import type { LayoutDef } from '../layouts';

export const CANONICAL_WORKERS: Record<string, readonly string[]> = {
  staff_id: ['staff_id', 'staff_number', 'staff_no', 'staff_ref', 'employee_id', 'employee_number', 'employee_no', 'worker_id', 'payroll_number'],
  swe_number: ['swe_number', 'swe_no', 'swe_registration_number', 'swe_reg_no', 'social_work_england_number', 'registration_number', 'swe_registration', 'swe_reg', 'swe_registration_no'],
  // A job title is placed in a role by the rules in job-titles.ts (listed in the summary).
  role: ['role', 'job_role', 'org_role', 'job_title', 'post_title', 'position_title', 'job'],
  team: ['team', 'team_name'],
  employment_type: ['employment_type', 'contract_type', 'employment_status'],
  agency_flag: ['agency_worker', 'agency'],
  // FTE as a fraction, a percentage or hours: fte-reading.ts decides per column and says so.
  fte: ['fte', 'full_time_equivalent', 'wte', 'fte_percent', 'fte_%', 'hours', 'contracted_hours', 'weekly_hours', 'hours_per_week', 'working_hours'],
  standard_hours: ['standard_hours', 'standard_weekly_hours', 'full_time_hours', 'standard_week', 'fte_hours'],
  start_date: ['start_date', 'date_started', 'spell_start', 'role_start_date', 'start'],
  end_date: ['end_date', 'date_ended', 'spell_end', 'leaving_date', 'date_left', 'role_end_date', 'end'],
  leaving_reason: ['leaving_reason', 'reason_for_leaving', 'reason_leaving', 'leaver_reason'],
  qualified_date: ['qualified_date', 'date_qualified', 'qualification_date'],
  // An agency assignment's optional items (issue 12). No bare "hourly rate" or "rate": an HR
  // export's pay rate for its own staff is not an agency charge rate.
  charge_rate: ['charge_rate', 'hourly_charge_rate', 'agency_charge_rate', 'charge_rate_per_hour', 'charge_rate_gbp', 'charge_rate_£', 'hourly_charge'],
  region: ['region', 'assignment_region', 'region_name'],
  assignment_ref: ['assignment_ref', 'assignment_reference', 'assignment_id', 'assignment_number', 'booking_ref', 'booking_reference', 'placement_ref', 'order_ref', 'po_number'],
};

export const CANONICAL_LAYOUTS: readonly LayoutDef[] = [
  {
    preset: 'canonical',
    sources: ['workers', 'agency'],
    label: 'Scrutiny Pack template',
    columns: CANONICAL_WORKERS,
    key: ['staff_id', 'role', 'fte', 'start_date'],
    rowsSay: { agency: [{ field: 'employment_type', code: 'agency' }, { field: 'agency_flag', code: 'yes' }] },
  },
  {
    preset: 'canonical',
    sources: ['allocations'],
    label: 'Scrutiny Pack template',
    columns: {
      case_id: ['case_id', 'case_ref', 'case_reference', 'case_number', 'case_no'],
      case_type: ['case_type', 'case_category', 'category'],
      staff_id: CANONICAL_WORKERS.staff_id!,
      team: ['team', 'team_name'],
      start_date: ['start_date', 'allocation_start', 'allocation_start_date', 'allocated_from', 'date_allocated', 'start'],
      end_date: ['end_date', 'allocation_end', 'allocation_end_date', 'allocated_to', 'date_closed', 'end'],
    },
    key: ['case_id', 'staff_id', 'start_date'],
  },
  {
    preset: 'canonical',
    sources: ['asye'],
    label: 'Scrutiny Pack template',
    columns: {
      staff_id: CANONICAL_WORKERS.staff_id!,
      cohort: ['cohort', 'cohort_label', 'asye_cohort'],
      start_date: ['start_date', 'asye_start', 'asye_start_date', 'start'],
      planned_end_date: ['planned_end_date', 'planned_end', 'expected_end_date', 'due_date'],
      outcome: ['outcome', 'asye_outcome', 'asye_status'],
      outcome_date: ['outcome_date', 'date_of_outcome'],
    },
    key: ['staff_id', 'start_date', 'outcome'],
  },
  {
    preset: 'canonical',
    sources: ['establishment'],
    label: 'Scrutiny Pack template',
    columns: {
      team: ['team', 'team_name'],
      role: ['role', 'org_role'],
      funded_fte: ['funded_fte', 'establishment_fte', 'budgeted_fte', 'funded_posts_fte'],
      start_date: ['start_date', 'from', 'start'],
      end_date: ['end_date', 'to', 'end'],
    },
    key: ['team', 'role', 'funded_fte', 'start_date'],
  },
  {
    // The ID map template (fixtures/templates/idmap.csv): which case-management worker ID is which
    // staff number (or SWE number). A file needs the case-system column to be taken for one, so a
    // workers file with staff and SWE numbers is never mistaken for an ID map.
    preset: 'canonical',
    sources: ['idmap'],
    label: 'ID map template',
    columns: {
      cms_id: ['cms_worker_id', 'cms_id', 'case_system_worker_id', 'case_management_worker_id', 'lcs_worker_id', 'mosaic_worker_id', 'eclipse_worker_id'],
      staff_id: CANONICAL_WORKERS.staff_id!,
      swe_number: CANONICAL_WORKERS.swe_number!,
      team: ['team', 'team_name'],
    },
    key: ['cms_id'],
    skipFewerThanTwoIds: true,
  },
  {
    // The agency price caps (fixtures/templates/agency_caps.csv): one maximum hourly charge rate
    // per region, role and date it applies from, as the council's regional agreement sets them.
    // Regions and roles are the agreement's own words; the role is also placed as a census role
    // by the job-title rules (formats/job-titles.ts), so an assignment's role finds its cap.
    preset: 'canonical',
    sources: ['agency_caps'],
    label: 'agency price caps template',
    columns: {
      region: ['region', 'region_name', 'regional_grouping', 'riia', 'riia_region', 'price_cap_region'],
      role: ['role', 'role_group', 'cap_role', 'job_role', 'job_title', 'role_category'],
      max_rate: ['max_hourly_rate', 'maximum_hourly_rate', 'max_hourly_charge_rate', 'maximum_hourly_charge_rate', 'price_cap', 'hourly_price_cap', 'hourly_cap', 'cap_per_hour', 'max_rate', 'maximum_rate', 'cap'],
      effective_from: ['effective_from', 'effective_date', 'applies_from', 'in_force_from', 'cap_from', 'from', 'start_date'],
    },
    key: ['region', 'role', 'max_rate', 'effective_from'],
  },
];
