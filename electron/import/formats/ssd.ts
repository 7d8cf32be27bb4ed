// The Standard Safeguarding Dataset (SSD) extracts.
import type { LayoutDef } from '../layouts';

export const SSD_LAYOUTS: readonly LayoutDef[] = [
  {
    preset: 'ssd',
    sources: ['workers', 'agency'],
    label: 'ssd_professionals layout of the Standard Safeguarding Dataset',
    columns: {
      staff_id: ['prof_staff_id', 'prof_professional_id'],
      swe_number: ['prof_social_worker_registration_no'],
      role: ['prof_professional_job_title'],
      team: ['prof_professional_department'],
      fte: ['prof_full_time_equivalency'],
      agency_flag: ['prof_agency_worker_flag'],
    },
    key: ['staff_id', 'role', 'fte'],
    defaults: { agency_flag: 'N' },
    roleFromTitle: true,
    startFromExtractDate: true,
    notes: [
      'ssd_professionals has no dates: each professional is recorded as in post from the extract date, with no end date; earlier history is not known.',
      'Roles are worked out from job titles (e.g. "Team Manager" is a first line manager, "Family Support Worker" a support worker); a title that cannot be placed is an error: add it to a column mapping\'s value map.',
      'A blank agency flag is read as not agency (permanent).',
    ],
  },
  {
    preset: 'ssd',
    sources: ['allocations'],
    label: 'ssd_involvements layout of the Standard Safeguarding Dataset',
    columns: {
      case_id: ['invo_referral_id'],
      staff_id: ['invo_professional_id'],
      team: ['invo_professional_team'],
      start_date: ['invo_involvement_start_date'],
      end_date: ['invo_involvement_end_date'],
      case_type: ['invo_case_type', 'case_type'],
    },
    key: ['case_id', 'staff_id', 'start_date'],
    defaults: { case_type: 'other' },
  },
];
