// The spellings of each coded value the importer accepts: the canonical code, the words a
// reader sees, the DfE census number where there is one, and the variants HR and
// case-management systems commonly write. Anything else is a row error naming what is allowed.
import {
  ASYE_OUTCOMES, CASE_TYPES, EMPLOYMENT_TYPES, LEAVING_REASONS, LEAVING_REASON_CENSUS_CODE, LEAVING_REASON_LABEL,
  ROLES, ROLE_CENSUS_CODE, ROLE_LABEL,
} from '../../shared/domain';
import { lookup } from './normalise';

export const ROLE_CODES = lookup(
  Object.fromEntries(
    ROLES.map((r) => [r, [ROLE_LABEL[r], ...(ROLE_CENSUS_CODE[r] === null ? [] : [String(ROLE_CENSUS_CODE[r])])]]),
  ),
);

export const EMPLOYMENT_TYPE_CODES = lookup({
  permanent: ['perm', 'permanent contract', 'employee'],
  fixed_term: ['fixed term contract', 'fixed-term', 'ftc'],
  agency: ['locum', 'agency worker', 'interim'],
});

export const LEAVING_REASON_CODES = lookup(
  Object.fromEntries(
    LEAVING_REASONS.map((r) => [r, [LEAVING_REASON_LABEL[r], String(LEAVING_REASON_CENSUS_CODE[r])]]),
  ),
);

export const CASE_TYPE_CODES = lookup({
  CIN: ['child in need', 'cin plan'],
  CP: ['child protection', 'cp plan', 'cpp'],
  CLA: ['child looked after', 'looked after', 'lac', 'looked after child', 'cla plan'],
  care_leaver: ['care leavers', 'leaving care', 'cl'],
  other: [],
});

export const ASYE_OUTCOME_CODES = lookup({
  in_progress: ['ongoing', 'current', 'in progress'],
  passed: ['pass', 'completed', 'complete'],
  failed: ['fail'],
  extended: ['extension'],
  withdrawn: ['withdrew', 'left'],
});

const FLAG_TRUE = new Set(['y', 'yes', 'true', '1']);
const FLAG_FALSE = new Set(['n', 'no', 'false', '0']);

/** Y/N/Yes/No/TRUE/FALSE/1/0 in any case; undefined when the value is none of these. */
export function parseFlag(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (FLAG_TRUE.has(v)) return true;
  if (FLAG_FALSE.has(v)) return false;
  return undefined;
}

/** The code lists as the error messages show them. */
export const ALLOWED = {
  role: ROLES.join(', ') + ' (or census codes 1-6)',
  employment_type: EMPLOYMENT_TYPES.join(', '),
  leaving_reason: LEAVING_REASONS.join(', ') + ' (or census codes 1-10)',
  case_type: CASE_TYPES.join(', '),
  outcome: ASYE_OUTCOMES.join(', '),
} as const;
