// Plain arithmetic over generated records, written for the tests independently of the
// generator's own calibration code: the DOMAIN.md "Measures" definitions, read literally.
import type { AllocationRecord, SpellRecord } from '../../shared/records';

const SOCIAL_WORK = new Set(['senior_manager', 'middle_manager', 'first_line_manager', 'senior_practitioner', 'case_holder', 'qualified_no_cases']);

export const covering = (start: string, end: string | null, d: string) => start <= d && (end === null || end >= d);
export const isSw = (s: SpellRecord) => SOCIAL_WORK.has(s.role);
export const isDirect = (s: SpellRecord) => s.employment_type === 'permanent' || s.employment_type === 'fixed_term';

function shiftDays(iso: string, days: number): string {
  const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function yearBefore(iso: string): string {
  const y = Number(iso.slice(0, 4)) - 1;
  const md = iso.slice(5);
  return md === '02-29' ? `${y}-02-28` : `${y}-${md}`;
}

export interface Counted {
  inPostHeadcount: number;
  inPostFte: number;
  agencyFte: number;
  leaversFte: number;
  leaversHeadcount: number;
  cases: number;
  caseHolderFte: number;
  caseHolderHeadcount: number;
  supportCin: number;
  allCin: number;
  supportCases: number;
  supportHolders: number;
  casesByStaff: Map<string, number>;
}

export function countAt(spells: readonly SpellRecord[], allocations: Iterable<AllocationRecord>, d: string): Counted {
  const present = spells.filter((s) => isSw(s) && covering(s.start_date, s.end_date, d));
  const inPost = present.filter(isDirect);
  const agency = present.filter((s) => s.employment_type === 'agency');
  const from = yearBefore(d);
  let leaversFte = 0;
  let leaversHeadcount = 0;
  for (const s of spells) {
    if (!isSw(s) || !isDirect(s) || s.end_date === null || !(s.end_date > from && s.end_date <= d)) continue;
    const limit = shiftDays(s.end_date, 7);
    const followed = spells.some((o) => o !== s && o.staff_id === s.staff_id && isSw(o) && isDirect(o) && o.start_date > s.start_date && o.start_date <= limit);
    if (!followed) {
      leaversFte += s.fte;
      leaversHeadcount++;
    }
  }
  const presentIds = new Set(present.map((s) => s.staff_id));
  const supportIds = new Set(spells.filter((s) => s.role === 'support_worker' && covering(s.start_date, s.end_date, d)).map((s) => s.staff_id));
  const casesByStaff = new Map<string, number>();
  let supportCin = 0;
  let allCin = 0;
  let supportCases = 0;
  for (const a of allocations) {
    if (!covering(a.start_date, a.end_date, d)) continue;
    casesByStaff.set(a.staff_id, (casesByStaff.get(a.staff_id) ?? 0) + 1);
    if (supportIds.has(a.staff_id)) supportCases++;
    if (a.case_type === 'CIN' && (presentIds.has(a.staff_id) || supportIds.has(a.staff_id))) {
      allCin++;
      if (supportIds.has(a.staff_id)) supportCin++;
    }
  }
  let cases = 0;
  let caseHolderFte = 0;
  let caseHolderHeadcount = 0;
  for (const s of present) {
    const n = casesByStaff.get(s.staff_id) ?? 0;
    if (n === 0) continue;
    cases += n;
    caseHolderFte += s.fte;
    caseHolderHeadcount++;
  }
  return {
    inPostHeadcount: new Set(inPost.map((s) => s.staff_id)).size,
    inPostFte: inPost.reduce((n, s) => n + s.fte, 0),
    agencyFte: agency.reduce((n, s) => n + s.fte, 0),
    leaversFte, leaversHeadcount, cases, caseHolderFte, caseHolderHeadcount, supportCin, allCin, supportCases,
    supportHolders: [...supportIds].filter((id) => (casesByStaff.get(id) ?? 0) > 0).length,
    casesByStaff,
  };
}

export const round1 = (x: number) => Math.round(x * 10) / 10;
