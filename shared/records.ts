// The canonical records: one row of each import source after parsing and validation, in the
// canonical field names of DOMAIN.md. The importer produces them, the demo generator writes
// them as CSV, and the database tables store them column for column (allocation stores a keyed
// hash of case_id as case_key instead of case_id itself).
import type { AsyeOutcome, CaseType, EmploymentType, LeavingReason, Role } from './domain';
import type { IsoDate } from './dates';

export interface SpellRecord {
  staff_id: string;
  swe_number: string | null;
  role: Role;
  team: string | null;
  employment_type: EmploymentType;
  fte: number;
  start_date: IsoDate;
  end_date: IsoDate | null;
  leaving_reason: LeavingReason | null;
  qualified_date: IsoDate | null;
}

export interface AllocationRecord {
  case_id: string;
  case_type: CaseType;
  staff_id: string;
  team: string | null;
  start_date: IsoDate;
  end_date: IsoDate | null;
}

export interface AsyeRecord {
  staff_id: string;
  /** Optional in the file; defaults to the start month, e.g. "2018-09". */
  cohort: string | null;
  start_date: IsoDate;
  /** Optional in the file; defaults to start + 12 months. */
  planned_end_date: IsoDate | null;
  outcome: AsyeOutcome;
  outcome_date: IsoDate | null;
}

export interface EstablishmentRecord {
  team: string;
  role: Role;
  funded_fte: number;
  start_date: IsoDate;
  end_date: IsoDate | null;
}

/** Canonical column order of each template, as the product's own templates write them. */
export const CANONICAL_COLUMNS = {
  workers: ['staff_id', 'swe_number', 'role', 'team', 'employment_type', 'fte', 'start_date', 'end_date', 'leaving_reason', 'qualified_date'],
  allocations: ['case_id', 'case_type', 'staff_id', 'team', 'start_date', 'end_date'],
  asye: ['staff_id', 'cohort', 'start_date', 'planned_end_date', 'outcome', 'outcome_date'],
  establishment: ['team', 'role', 'funded_fte', 'start_date', 'end_date'],
} as const;
