// The DfE children's social work workforce census (CSWW) return.
import type { LayoutDef } from '../layouts';

export const CENSUS_LAYOUTS: readonly LayoutDef[] = [
  {
    preset: 'census',
    sources: ['workers', 'agency'],
    label: 'DfE census layout',
    columns: {
      staff_id: ['StaffID', 'staff_id'],
      swe_number: ['SWENo'],
      agency_flag: ['AgencyWorker'],
      fte: ['FTE'],
      role: ['OrgRole'],
      team: ['Team'],
      start_date: ['RoleStartDate'],
      end_date: ['RoleEndDate'],
      leaving_reason: ['ReasonLeave'],
      qualified_date: ['QualifiedDate'],
    },
    key: ['swe_number', 'role', 'fte', 'start_date'],
    fallbacks: { staff_id: 'swe_number' },
    defaults: { agency_flag: '0' },
    notes: [
      'The census layout does not say whether directly employed staff are permanent or fixed-term: they are recorded as permanent.',
      'CFKSSstatus (ASYE) is not read from this file: load the ASYE register with --source asye.',
    ],
  },
];
