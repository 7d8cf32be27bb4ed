// The headline figures at one date, built from the in-memory workforce and that date's case
// counts: what the year-ago column and every point of the monthly series show.
import { addYears, type IsoDate } from '../../shared/dates';
import type { Headline, MeasureSettings } from '../../shared/metrics';
import type { Workforce } from './load';
import type { CaseCount } from './cases';
import { countMovements, inYearTo, type Movement, type Movements } from './movers';
import { isSocialWorkerAt, staffAt, totals, type StaffAt } from './staff-at';
import { asyeStaffAt } from './asye';
import { caseloadAt, type CaseloadAt } from './caseload';
import { vacancyAt } from './vacancy';
import { censusAsyeStaff, censusVacancyAt } from './census';
import { percent, tidy } from './ratio';

/** What one computation shares between dates: the data and a memo of staffAt per date. */
export class MeasureContext {
  private readonly atMemo = new Map<IsoDate, Map<string, StaffAt>>();
  constructor(
    readonly w: Workforce,
    readonly mv: Movements,
    readonly settings: MeasureSettings,
  ) {}

  staffAt(d: IsoDate): Map<string, StaffAt> {
    let at = this.atMemo.get(d);
    if (!at) this.atMemo.set(d, (at = staffAt(this.w.spells, d)));
    return at;
  }
}

export interface HeadlineDetail {
  headline: Headline;
  at: Map<string, StaffAt>;
  leavers: Movement[];
  caseload: CaseloadAt;
}

export function headlineAt(ctx: MeasureContext, d: IsoDate, counts: Map<string, CaseCount>): HeadlineDetail {
  const at = ctx.staffAt(d);
  const { inPost, agency } = totals(at);
  const leavers = inYearTo(ctx.mv.leavings, d);
  const leaverCount = countMovements(leavers);
  const starters = countMovements(inYearTo(ctx.mv.joinings, d));
  const asyeStaff = new Set([...asyeStaffAt(ctx.w.asye, d), ...censusAsyeStaff(ctx.w, d)]);
  const caseload = caseloadAt(at, counts, asyeStaff, ctx.settings);
  const { byTeam: _byTeam, ...caseloadHeadline } = caseload;
  const premiumPerFte = ctx.settings.agencyAnnualCost - ctx.settings.employeeAnnualCost;
  return {
    at,
    leavers,
    caseload,
    headline: {
      inPost,
      agency: { ...agency, rateFte: percent(agency.fte, agency.fte + inPost.fte), costPremium: tidy(agency.fte * premiumPerFte) },
      starters,
      leavers: leaverCount,
      turnover: { rateFte: percent(leaverCount.fte, inPost.fte), rateHeadcount: percent(leaverCount.headcount, inPost.headcount) },
      stabilityIndex: stabilityIndex(ctx, d, at),
      caseload: caseloadHeadline,
      vacancy: vacancyAt(ctx.w, d) ?? censusVacancyAt(ctx.w, d, inPost.fte),
      asyeInProgress: countWorking(asyeStaff, at),
    },
  };
}

/** How many of these staff IDs are working as social workers (in post or agency) at the date. */
function countWorking(ids: Set<string>, at: Map<string, StaffAt>): number {
  let n = 0;
  for (const id of ids) {
    const s = at.get(id);
    if (s && isSocialWorkerAt(s)) n++;
  }
  return n;
}

/** Of the directly employed social workers in post a year before D, the share (0-100) still in post at D. */
function stabilityIndex(ctx: MeasureContext, d: IsoDate, at: Map<string, StaffAt>): number | null {
  let before = 0;
  let still = 0;
  for (const s of ctx.staffAt(addYears(d, -1)).values()) {
    if (s.directSwFte <= 0) continue;
    before++;
    if ((at.get(s.staffId)?.directSwFte ?? 0) > 0) still++;
  }
  return percent(still, before);
}
