// The people of the synthetic council and the identifiers they carry. Staff IDs look like HR
// payroll numbers, Social Work England numbers like the register's, and case IDs are opaque
// strings: never a child's name or date of birth.
import type { AsyeOutcome, Role } from '../../shared/domain';
import type { SpellRecord } from '../../shared/records';
import { scramble32 } from './prng';

export type PersonKind = 'direct' | 'agency' | 'support';

export interface AsyePlan {
  start: number;
  plannedEnd: number;
  /** What happens at the planned end if the worker is still there. */
  fate: Extract<AsyeOutcome, 'passed' | 'extended' | 'failed'>;
}

export interface Person {
  staffId: string;
  swe: string | null;
  /** Day number of qualification as a social worker (null for support workers). */
  qualifiedDay: number | null;
  kind: PersonKind;
  spells: SpellRecord[];
  /** Fixed-term contract end or agency assignment end (day number). */
  plannedEnd: number | null;
  /** A failed ASYE ends employment on this day. */
  failDay: number | null;
  asye: AsyePlan | null;
  /** Day the person last left the council's employment, if they have. */
  leftDay: number | null;
  /** Added by calibration rather than grown by the simulation. */
  calibrated?: boolean;
}

export function currentSpell(p: Person): SpellRecord | null {
  const last = p.spells[p.spells.length - 1];
  return last && last.end_date === null ? last : null;
}

/** Issues unique identifiers for one council. */
export class IdIssuer {
  private employees = 0;
  private agency = 0;
  private registered = 0;
  private cases = 0;
  private readonly sweOffset: number;
  private readonly caseMix: number;

  constructor(seed: number) {
    this.sweOffset = scramble32(seed) % 900_000;
    this.caseMix = scramble32(seed ^ 0x5bd1e995);
  }

  staffId(kind: PersonKind): string {
    if (kind === 'agency') return `AG${String(++this.agency + 4000).padStart(5, '0')}`;
    return `E${String(++this.employees + 10_000).padStart(6, '0')}`;
  }

  /** SW followed by six digits, unique: 611953 is coprime to 900000, so i -> 611953i mod 900000 is a permutation. */
  sweNumber(): string {
    const i = this.registered++;
    const n = (i * 611_953 + this.sweOffset) % 900_000;
    return `SW${100_000 + n}`;
  }

  /** An opaque case reference, e.g. "CS0K7Q2M9": a bijection of a counter, so never repeated. */
  caseId(): string {
    const n = scramble32((this.cases++ + this.caseMix) >>> 0);
    return `CS${n.toString(36).toUpperCase().padStart(7, '0')}`;
  }
}

export function roleNeedsYears(role: Role): number {
  switch (role) {
    case 'senior_manager': return 12;
    case 'middle_manager': return 8;
    case 'first_line_manager': return 5;
    case 'senior_practitioner': return 3;
    case 'qualified_no_cases': return 4;
    default: return 0;
  }
}
