// Figures the paper draws that the Metrics shape does not carry: starters and leavers in each
// calendar month (Metrics has 12-month totals) and how caseloads are spread across workers at D.
// Both are computed with the measures module's own building blocks (the 7-day rule for
// movements, the same "who is working as what" fold and case counts), so they agree with the
// headline figures by construction.
import type { Db } from '../db/open';
import { addDays, type IsoDate } from '../../shared/dates';
import { loadWorkforce } from '../measures/load';
import { classifyMovements } from '../measures/movers';
import { caseCounts } from '../measures/cases';
import { staffAt, isSocialWorkerAt } from '../measures/staff-at';
import { asyeStaffAt } from '../measures/asye';

export interface MonthlyMovements {
  /** The month end (or D for the last month). */
  date: IsoDate;
  /** Directly employed social workers joining in the month (from the day after the previous date). */
  starters: number;
  leavers: number;
}

export interface CaseloadBand {
  band: string;
  /** Lowest caseload in the band; the highest band has no upper bound. */
  from: number;
  to: number | null;
  workers: number;
  /** True when every caseload in the band is above the limit (threshold or cap). */
  overLimit: boolean;
}

export interface ReportExtras {
  monthly: MonthlyMovements[];
  caseloadBands: { socialWorkers: CaseloadBand[]; asye: CaseloadBand[] };
}

/**
 * Bands of five up to the limit, then two more bands of five above it and an open top band, e.g.
 * for 20: 1-5, 6-10, 11-15, 16-20, 21-25, 26-30, 31 or more.
 */
export function caseloadBands(limit: number): Array<Pick<CaseloadBand, 'band' | 'from' | 'to' | 'overLimit'>> {
  const out: Array<Pick<CaseloadBand, 'band' | 'from' | 'to' | 'overLimit'>> = [];
  const top = Math.max(1, Math.floor(limit));
  for (let from = 1; from <= top; from += 5) {
    const to = Math.min(from + 4, top);
    out.push({ band: `${from}-${to}`, from, to, overLimit: false });
  }
  for (let k = 0; k < 2; k++) {
    const from = top + 1 + 5 * k;
    out.push({ band: `${from}-${from + 4}`, from, to: from + 4, overLimit: true });
  }
  out.push({ band: `${top + 11} or more`, from: top + 11, to: null, overLimit: true });
  return out;
}

function countIntoBands(caseloads: number[], limit: number): CaseloadBand[] {
  const bands = caseloadBands(limit).map((b) => ({ ...b, workers: 0 }));
  for (const n of caseloads) {
    const b = bands.find((x) => n >= x.from && (x.to === null || n <= x.to));
    if (b) b.workers++;
  }
  return bands;
}

export function computeReportExtras(
  db: Db,
  asAt: IsoDate,
  seriesDates: readonly IsoDate[],
  limits: { caseloadThreshold: number; asyeCap: number },
): ReportExtras {
  const w = loadWorkforce(db);
  const mv = classifyMovements(w);

  const monthly: MonthlyMovements[] = [];
  for (let i = 0; i < seriesDates.length; i++) {
    const end = seriesDates[i]!;
    // The first month starts on the 1st; later ones the day after the previous series date.
    const start = i === 0 ? end.slice(0, 8) + '01' : addDays(seriesDates[i - 1]!, 1);
    const inMonth = (d: IsoDate) => d >= start && d <= end;
    monthly.push({
      date: end,
      starters: mv.joinings.filter((m) => inMonth(m.date)).length,
      leavers: mv.leavings.filter((m) => inMonth(m.date)).length,
    });
  }

  // Caseloads per case-holding social worker at D, split as the averages are: ASYE or not.
  const at = staffAt(w.spells, asAt);
  const counts = caseCounts(db, [asAt])[0]!;
  const asye = asyeStaffAt(w.asye, asAt);
  const sw: number[] = [];
  const asyeLoads: number[] = [];
  for (const [staffId, c] of counts) {
    const s = at.get(staffId);
    if (!s || !isSocialWorkerAt(s) || c.all === 0) continue;
    (asye.has(staffId) ? asyeLoads : sw).push(c.all);
  }
  return {
    monthly,
    caseloadBands: {
      socialWorkers: countIntoBands(sw, limits.caseloadThreshold),
      asye: countIntoBands(asyeLoads, limits.asyeCap),
    },
  };
}
