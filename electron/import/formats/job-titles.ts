// Councils' own job titles, placed in a census role (OrgRole 1-6), as a support worker, or as
// "not counted" (not a social work post: the row is left out and counted in the import summary,
// never an error). Data, not code: checked in order, the first rule with a phrase found in the
// title (as whole words, case and punctuation ignored) wins, so specific titles come before
// general ones ("Assistant Team Manager" before "assistant", "Student Social Worker" before
// "social worker"). Every placement these rules make is listed in the import summary, and a
// council corrects one in the import's value step or a mapping's "values" (docs/import.md).
// Versioned: a change of placement is a change in figures, so a new version is a new list.
import type { Role } from '../../../shared/domain';

export const NOT_COUNTED = 'not_counted';
export type Placement = Role | typeof NOT_COUNTED;

export interface TitleRule {
  /** Phrases of the title, any of which places it. */
  phrases: readonly string[];
  placed: Placement;
  /** Why, in the words the summary shows. */
  why: string;
}

export const JOB_TITLE_RULES_VERSION = 'job-titles-2025-1';

export const JOB_TITLE_RULES: readonly TitleRule[] = [
  { phrases: ['student social worker', 'social work student', 'student', 'apprentice social worker', 'social work apprentice'], placed: NOT_COUNTED, why: 'a student or apprentice is not yet a registered social worker' },
  { phrases: ['business support', 'administrator', 'administrative', 'admin officer', 'clerical', 'receptionist', 'data officer', 'finance officer'], placed: NOT_COUNTED, why: 'not a social work post' },
  { phrases: ['assistant director', 'director', 'head of service', 'head of'], placed: 'senior_manager', why: 'OrgRole 1, senior manager' },
  { phrases: ['service manager', 'group manager', 'area manager', 'principal social worker', 'service lead'], placed: 'middle_manager', why: 'OrgRole 2, middle manager' },
  { phrases: ['assistant team manager', 'deputy team manager', 'team manager', 'practice manager', 'unit manager', 'team leader'], placed: 'first_line_manager', why: 'OrgRole 3, first line manager' },
  { phrases: ['independent reviewing officer', 'iro', 'child protection chair', 'conference chair', 'child protection conference chair', 'reviewing officer', 'lado', 'quality assurance'], placed: 'qualified_no_cases', why: 'OrgRole 6, qualified without cases' },
  { phrases: ['advanced practitioner', 'senior practitioner', 'consultant social worker', 'senior social worker', 'practice educator', 'practice lead'], placed: 'senior_practitioner', why: 'OrgRole 4, senior practitioner' },
  { phrases: ['family support worker', 'social work assistant', 'support worker', 'family support', 'personal adviser', 'personal advisor', 'family worker', 'support practitioner', 'contact worker'], placed: 'support_worker', why: 'not a registered social worker: counted as a support worker' },
  { phrases: ['social worker', 'newly qualified social worker', 'nqsw', 'asye', 'case worker', 'caseworker'], placed: 'case_holder', why: 'OrgRole 5, case holder' },
];
