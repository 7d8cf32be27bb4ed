// Figures a DfE census return gives at its 30 September without any other export: caseloads
// from Cases30 (when no allocations cover that date), the ASYE count from CFKSSstatus 1,
// vacancies and agency cover from the LA-level module, and where starters came from and
// leavers went (StartOrigin, LeaverDestination). docs/measures.md says how each is read.
import { addYears, formatLongDate, type IsoDate } from '../../shared/dates';
import { LEAVER_DESTINATION, NOT_RECORDED, START_ORIGIN } from '../../shared/census-codes';
import type { AgencyCover } from '../../shared/metrics';
import type { CaseCount } from './cases';
import { covers, type Workforce } from './load';
import type { Movement } from './movers';
import { percent, tidy } from './ratio';

/** Cases30 of every spell a census return gave for D (and covering D), as case counts. */
export function censusCaseCounts(w: Workforce, d: IsoDate): Map<string, CaseCount> {
  const out = new Map<string, CaseCount>();
  for (const s of w.spells) {
    const c = s.census;
    if (!c || c.date !== d || c.cases === null || c.cases <= 0 || !covers(s.start, s.end, d)) continue;
    const known = out.get(s.staffId);
    out.set(s.staffId, { all: (known?.all ?? 0) + c.cases, cin: known?.cin ?? 0 });
  }
  return out;
}

/** Allocations where they cover D; otherwise the census return's Cases30 for D, if any. */
export function casesOn(w: Workforce, d: IsoDate, fromAllocations: Map<string, CaseCount>): Map<string, CaseCount> {
  if (fromAllocations.size > 0) return fromAllocations;
  const census = censusCaseCounts(w, d);
  return census.size > 0 ? census : fromAllocations;
}

/** Workers a census return for D recorded as in their ASYE (CFKSSstatus 1). */
export function censusAsyeStaff(w: Workforce, d: IsoDate): Set<string> {
  const out = new Set<string>();
  for (const s of w.spells) {
    const c = s.census;
    if (c && c.date === d && c.cfkss !== null && c.cfkss.split(',').includes('1') && covers(s.start, s.end, d)) out.add(s.staffId);
  }
  return out;
}

/** Vacancies at D from the census LA-level module: rate = vacancies / (vacancies + in-post FTE), as the DfE. */
export function censusVacancyAt(w: Workforce, d: IsoDate, inPostFte: number): { fte: number; rate: number | null } | null {
  const la = w.censusLa.find((r) => r.date === d);
  if (!la) return null;
  return { fte: la.vacanciesFte, rate: percent(la.vacanciesFte, tidy(la.vacanciesFte + inPostFte)) };
}

/** Agency workers covering vacancies at D (LA-level NoAgencyFTE, NoAgencyHeadcount), as shares of agency FTE and of vacancies. */
export function agencyCoverAt(w: Workforce, d: IsoDate, agencyFte: number): AgencyCover | null {
  const la = w.censusLa.find((r) => r.date === d);
  if (!la) return null;
  return {
    fte: la.agencyCoverFte,
    headcount: la.agencyCoverHeadcount,
    rateOfAgencyFte: percent(la.agencyCoverFte, agencyFte),
    rateOfVacancies: percent(la.agencyCoverFte, la.vacanciesFte),
  };
}

function byCode(list: readonly Movement[], codes: Readonly<Record<string, string>>, code: (m: Movement) => number | null): Record<string, number> {
  // Each person once, by their last movement in the window, so the counts sum to the headcount.
  const last = new Map<string, Movement>();
  for (const m of list) last.set(m.spell.staffId, m);
  const out: Record<string, number> = Object.fromEntries([...Object.keys(codes), NOT_RECORDED].map((k) => [k, 0]));
  for (const m of last.values()) {
    const c = code(m);
    const key = c === null ? NOT_RECORDED : String(c);
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

/** Leavers in the window by census LeaverDestination code ("not recorded" where none). */
export function leaversByDestination(leavers: readonly Movement[]): Record<string, number> {
  return byCode(leavers, LEAVER_DESTINATION, (m) => m.spell.census?.destination ?? null);
}

/** Starters in the window by census StartOrigin code ("not recorded" where none). */
export function startersByOrigin(starters: readonly Movement[]): Record<string, number> {
  return byCode(starters, START_ORIGIN, (m) => m.spell.census?.origin ?? null);
}

/**
 * Staff records from census returns alone cover each return's own year: a year before the
 * earliest one, the leavers and starters of the year before are missing, so comparisons with a
 * year ago would mislead. Said, not hidden: the in-post figures a year ago are still right.
 */
export function censusYearCaution(w: Workforce, asAt: IsoDate): string[] {
  if (w.spells.length === 0 || !w.spells.every((s) => s.census !== null)) return [];
  const earliest = w.spells.reduce<IsoDate>((e, s) => (s.census!.date < e ? s.census!.date : e), w.spells[0]!.census!.date);
  const yearAgo = addYears(asAt, -1);
  if (yearAgo >= earliest) return [];
  return [
    `The staff records come from census returns, the earliest for ${formatLongDate(earliest)}, which covers the year from ${formatLongDate(addYears(earliest, -1))}: ` +
      `starters, leavers, turnover and the stability index at ${formatLongDate(yearAgo)} (a year earlier) lack the year before it, so comparisons with a year ago are not reliable; import the earlier return too.`,
  ];
}
