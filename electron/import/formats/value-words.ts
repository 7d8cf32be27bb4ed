// Contract types and leaving reasons in the words HR systems write, placed in the importer's
// codes. Data, not code, like job-titles.ts: each word list is matched whole (case and
// punctuation ignored), every placement is listed in the import summary, and a council corrects
// one in the import's value step or a mapping's "values". "not_counted" leaves the row out
// (counted in the summary, not an error).
import type { EmploymentType, LeavingReason } from '../../../shared/domain';
import { NOT_COUNTED } from './job-titles';

export const VALUE_WORDS_VERSION = 'value-words-2025-1';

export const CONTRACT_TYPE_WORDS: Record<EmploymentType | typeof NOT_COUNTED, readonly string[]> = {
  permanent: ['permanent', 'perm', 'permanent contract', 'permanent full time', 'permanent part time', 'substantive', 'established', 'employee'],
  // A secondment and a temporary contract have a set end, as a fixed-term contract does.
  fixed_term: ['fixed term', 'fixed term contract', 'ftc', 'temporary', 'temp', 'temporary contract', 'secondment', 'seconded', 'maternity cover', 'acting up'],
  agency: ['agency', 'agency worker', 'locum', 'interim', 'contractor', 'consultant via agency', 'off payroll'],
  // The DfE census guide (section "Casual staff and those on zero hours contracts") keeps these
  // apart from the contracted workforce; a council whose zero-hours staff work regular hours
  // changes the rule.
  [NOT_COUNTED]: ['zero hours', 'zero hour', 'zero hours contract', 'casual', 'sessional', 'bank', 'relief', 'volunteer'],
};

export const LEAVING_REASON_WORDS: Record<LeavingReason, readonly string[]> = {
  resignation: ['resigned', 'resignation', 'voluntary resignation', 'moved to another la', 'moved to another local authority', 'left for another council', 'left to join agency', 'career change', 'relocation', 'personal reasons'],
  voluntary_redundancy: ['voluntary redundancy', 'vr'],
  compulsory_redundancy: ['redundancy', 'compulsory redundancy'],
  dismissed: ['dismissal', 'dismissed', 'capability', 'misconduct', 'gross misconduct', 'failed probation'],
  retired: ['retirement', 'retired', 'ill health retirement', 'early retirement', 'flexible retirement'],
  deceased: ['death in service', 'died', 'death'],
  moved_within_council: ['internal transfer', 'transfer', 'moved within the council', 'moved to another team', 'redeployment', 'redeployed'],
  other: ['end of contract', 'end of fixed term', 'contract ended', 'end of secondment', 'tupe', 'tupe transfer', 'mutual agreement'],
  not_known: ['unknown', 'not known', 'not given'],
  not_yet_collected: ['not yet collected', 'awaiting exit interview'],
};
