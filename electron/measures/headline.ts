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
import type { SpellTest } from './filter';

/** With a filter: the whole council's workforce beside the selected one, and the spell test. */
export interface Scope {
  all: Workforce;
  test: SpellTest;
  /** Selected by team and role group only: funded posts are filled whatever the contract. */
  posts: Workforce;
}

/** What one computation shares between dates: the data and a memo of staffAt per date. */
export class MeasureContext {
  private readonly atMemo = new Map<IsoDate, Map<string, StaffAt>>();
  private readonly everyoneMemo = new Map<IsoDate, Map<string, StaffAt>>();
  private readonly holdersMemo = new Map<IsoDate, Map<string, StaffAt>>();
  constructor(
    /** The selected workforce (the whole one without a filter). */
    readonly w: Workforce,
    readonly mv: Movements,
    readonly settings: MeasureSettings,
    readonly scope: Scope | null = null,
  ) {}

  /** Who works at D, over the selected spells. */
  staffAt(d: IsoDate): Map<string, StaffAt> {
    let at = this.atMemo.get(d);
    if (!at) this.atMemo.set(d, (at = staffAt(this.w.spells, d)));
    return at;
  }

  /** Who works at D anywhere in the council. */
  everyoneAt(d: IsoDate): Map<string, StaffAt> {
    if (!this.scope) return this.staffAt(d);
    let at = this.everyoneMemo.get(d);
    if (!at) this.everyoneMemo.set(d, (at = staffAt(this.scope.all.spells, d)));
    return at;
  }

  /** The people whose cases count at D: everyone whose main spell at D is selected (each person in one team). */
  holdersAt(d: IsoDate): Map<string, StaffAt> {
    if (!this.scope) return this.staffAt(d);
    let at = this.holdersMemo.get(d);
    if (!at) {
      const test = this.scope.test;
      at = new Map([...this.everyoneAt(d)].filter(([, s]) => s.main !== null && test(s.main)));
      this.holdersMemo.set(d, at);
    }
    return at;
  }

  /** The case counts of the selection: counts of people outside it are dropped (not "not counted"). */
  countsIn(d: IsoDate, counts: Map<string, CaseCount>): Map<string, CaseCount> {
    if (!this.scope) return counts;
    const everyone = this.everyoneAt(d);
    const holders = this.holdersAt(d);
    const out = new Map<string, CaseCount>();
    for (const [id, c] of counts) if (!everyone.has(id) || holders.has(id)) out.set(id, c);
    return out;
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
  const caseload = caseloadAt(ctx.holdersAt(d), ctx.countsIn(d, counts), asyeStaff, ctx.settings);
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
      stabilityIndex: stabilityIndex(ctx, d),
      caseload: caseloadHeadline,
      vacancy: vacancyAt(ctx.scope?.posts ?? ctx.w, d) ?? censusVacancyAt(ctx.w, d, inPost.fte),
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
function stabilityIndex(ctx: MeasureContext, d: IsoDate): number | null {
  let before = 0;
  let still = 0;
  for (const s of ctx.staffAt(addYears(d, -1)).values()) {
    if (s.directSwFte <= 0) continue;
    before++;
    // Still in post anywhere in the council: with a filter, moving team is not leaving (as for leavers).
    if ((ctx.everyoneAt(d).get(s.staffId)?.directSwFte ?? 0) > 0) still++;
  }
  return percent(still, before);
}
