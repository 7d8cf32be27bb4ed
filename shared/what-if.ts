// "What if": projections from the measured state at D, every assumption shown beside its result
// (docs/measures.md, "What if"). Pure arithmetic on the Metrics a screen or the paper already
// holds, so the planning screen recomputes as the user types. Results are projections: the
// screens and the paper label them so and never mix them with measured figures.
import { addMonths, monthEnds, type IsoDate } from './dates';
import type { Metrics, MeasureSettings } from './metrics';

export interface WhatIfAssumptions {
  /** Share (0-100) of the child-in-need cases social workers hold that support workers would take on. */
  supportShare: number;
  /** Cases each support worker would hold. */
  supportCaseload: number;
  /** Agency FTE converted to permanent posts. */
  convertAgencyFte: number;
  /** The caseload a worker takes on after their ASYE; null: today's average of social workers excluding ASYE. */
  fullCaseload: number | null;
}

/** Peterborough: support workers held about 40% of child-in-need cases (seeds 000, 001). */
export const DEFAULT_WHAT_IF: WhatIfAssumptions = { supportShare: 40, supportCaseload: 15, convertAgencyFte: 0, fullCaseload: null };

export const WHAT_IF_LIMITS = {
  supportShare: { min: 0, max: 100 },
  supportCaseload: { min: 1, max: 60 },
  convertAgencyFte: { min: 0, max: 10_000 },
  fullCaseload: { min: 1, max: 60 },
} as const;

export interface SupportScenario {
  cinHeldBySocialWorkers: number;
  casesMoved: number;
  /** Support workers needed at the assumed caseload (whole people, rounded up). */
  supportWorkersNeeded: number;
  caseHolders: number;
  caseHolderFte: number;
  casesBefore: number;
  casesAfter: number;
  perWorkerBefore: number | null;
  perWorkerAfter: number | null;
  perFteBefore: number | null;
  perFteAfter: number | null;
}

export interface AgencyScenario {
  agencyFte: number;
  fteConverted: number;
  /** Cost premium no longer paid, per year: converted FTE x (agency cost - employee cost). */
  annualSaving: number;
  rateBefore: number | null;
  rateAfter: number | null;
}

export interface AsyeMonth {
  monthEnd: IsoDate;
  /** ASYE workers whose programme has ended by this month end (cumulative). */
  finished: number;
  /** Extra cases those workers can take on at the full caseload (cumulative). */
  extraCases: number;
  /** The same capacity as FTE of fully loaded social workers (extra cases / cases per FTE today). */
  extraFte: number | null;
}

export interface WhatIfResult {
  asAt: IsoDate;
  assumptions: WhatIfAssumptions & { fullCaseloadUsed: number | null; agencyAnnualCost: number; employeeAnnualCost: number };
  support: SupportScenario;
  agency: AgencyScenario;
  asye: { inProgress: number; months: AsyeMonth[] };
}

const div = (a: number, b: number) => (b > 0 ? a / b : null);

/** Keeps every assumption inside its limits (a planning screen field can hold anything). */
export function clampAssumptions(a: WhatIfAssumptions): WhatIfAssumptions {
  const clamp = (v: number, { min, max }: { min: number; max: number }) => (Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : min);
  return {
    supportShare: clamp(a.supportShare, WHAT_IF_LIMITS.supportShare),
    supportCaseload: clamp(a.supportCaseload, WHAT_IF_LIMITS.supportCaseload),
    convertAgencyFte: clamp(a.convertAgencyFte, WHAT_IF_LIMITS.convertAgencyFte),
    fullCaseload: a.fullCaseload === null ? null : clamp(a.fullCaseload, WHAT_IF_LIMITS.fullCaseload),
  };
}

export function whatIf(m: Metrics, settings: Pick<MeasureSettings, 'agencyAnnualCost' | 'employeeAnnualCost'>, input: WhatIfAssumptions): WhatIfResult {
  const a = clampAssumptions(input);
  const c = m.caseload;

  // Support workers take a share of the CIN cases social workers hold; social workers keep the rest.
  const cin = c.cinHeldBySocialWorkers ?? 0;
  const moved = Math.round((cin * a.supportShare) / 100);
  const casesAfter = c.cases - moved;
  const support: SupportScenario = {
    cinHeldBySocialWorkers: cin,
    casesMoved: moved,
    supportWorkersNeeded: Math.ceil(moved / a.supportCaseload),
    caseHolders: c.caseHolders.headcount,
    caseHolderFte: c.caseHolders.fte,
    casesBefore: c.cases,
    casesAfter,
    perWorkerBefore: c.averagePerWorker,
    perWorkerAfter: div(casesAfter, c.caseHolders.headcount),
    perFteBefore: c.averageFte,
    perFteAfter: div(casesAfter, c.caseHolders.fte),
  };

  // Agency posts made permanent: the same FTE, paid as employees.
  const converted = Math.min(a.convertAgencyFte, m.agency.fte);
  const total = m.agency.fte + m.inPost.fte;
  const agency: AgencyScenario = {
    agencyFte: m.agency.fte,
    fteConverted: converted,
    annualSaving: converted * (settings.agencyAnnualCost - settings.employeeAnnualCost),
    rateBefore: m.agency.rateFte,
    rateAfter: total > 0 ? ((m.agency.fte - converted) / total) * 100 : null,
  };

  // The ASYE pipeline: as each worker finishes, their protected caseload can rise to the full level.
  const full = a.fullCaseload ?? c.groups.excludingAsye.averagePerWorker;
  const perFte = c.groups.excludingAsye.averageFte;
  const workers = m.asye.inProgress ?? [];
  const months = monthEnds(addMonths(m.asAt, 12), 12).map((monthEnd) => {
    const done = workers.filter((w) => w.lastDay <= monthEnd);
    const extra = full === null ? 0 : done.reduce((n, w) => n + Math.max(0, full - w.cases), 0);
    return { monthEnd, finished: done.length, extraCases: extra, extraFte: perFte ? extra / perFte : null };
  });

  return {
    asAt: m.asAt,
    assumptions: { ...a, fullCaseloadUsed: full, agencyAnnualCost: settings.agencyAnnualCost, employeeAnnualCost: settings.employeeAnnualCost },
    support,
    agency,
    asye: { inProgress: workers.length, months },
  };
}
