// The shape of the measures at one as-at date: what `scrutiny-pack metrics --json` prints, what
// the overview screen shows and what the committee paper is built from. Key names are fixed
// (councils script against them); keys may be added, never renamed. Numbers are unrounded:
// rounding is presentation. `null` means "not applicable" (a zero denominator).
import type { WorkerLinkSummary } from './import-types';
import type { MeasureFilter } from './filters';
import type { SeriesCoverage } from './coverage';
import type { IsoDate } from './dates';
import type { Role } from './domain';

export interface HeadcountFte {
  headcount: number;
  fte: number;
}

export interface CaseloadGroup {
  cases: number;
  caseHolders: HeadcountFte;
  averageFte: number | null;
  averagePerWorker: number | null;
}

export interface TeamCaseload extends CaseloadGroup {
  team: string;
}

export interface Caseload extends CaseloadGroup {
  groups: {
    asye: CaseloadGroup;
    excludingAsye: CaseloadGroup;
    supportWorkers: CaseloadGroup;
  };
  byTeam: TeamCaseload[];
  overThreshold: number;
  asyeOverCap: number;
  /** Share (0-100) of CIN cases held at D that are held by support workers. */
  supportWorkerCinShare: number | null;
  /**
   * Allocations covering D held by staff IDs that are neither social workers (in post or agency)
   * nor support workers at D: left out of every figure, shown as a data-quality warning
   * (always present from computeMetrics).
   */
  casesNotCounted?: number;
  /** CIN cases held at D by social workers, and by support workers (always present from computeMetrics). */
  cinHeldBySocialWorkers?: number;
  cinHeldBySupportWorkers?: number;
}

export interface AsyeCohort {
  cohort: string;
  size: number;
  inProgress: number;
  passed: number;
  failed: number;
  extended: number;
  withdrawn: number;
  /**
   * Members with no outcome recorded by D who are not in the programme either (they left before
   * an outcome, or the register was not updated). The six outcome columns are exclusive and add
   * up to `size` (always present from computeMetrics).
   */
  noOutcome?: number;
  /** Members still in the programme at D, in their first period or an extension (always present from computeMetrics). */
  inProgramme?: number;
  /** Share (0-100) of the cohort still employed 12 / 24 months after their ASYE start; null until that date has passed. */
  retained12m: number | null;
  retained24m: number | null;
  /** Cases held at D by members whose ASYE covers D (always present from computeMetrics). */
  cases?: number;
  /** Members whose ASYE covers D holding at least one case. */
  caseHolders?: number;
  /** cases / caseHolders; null when no member holds cases. */
  averagePerWorker?: number | null;
  /** Members whose ASYE covers D holding more cases than the ASYE cap. */
  overCap?: number;
}

/** Children open at D by how many different workers were allocated to them in the 12 months to D. */
export interface ChildStabilityGroup {
  children: number;
  one: number;
  two: number;
  threePlus: number;
  /** threePlus / children x 100; null with no children. */
  threePlusShare: number | null;
}

/** Stability for children (docs/measures.md, "Stability for children"). */
export interface ChildStability extends ChildStabilityGroup {
  /** First day of the 12-month window (D minus one year, plus one day). */
  windowStart: IsoDate;
  byCaseType: Record<'CIN' | 'CP' | 'CLA' | 'care_leaver' | 'other', ChildStabilityGroup>;
  byTeam: Array<ChildStabilityGroup & { team: string }>;
  /** Changes of worker the children open at D lived through in the window. */
  changes: {
    total: number;
    /** Of which the worker left the council's employment around then. */
    afterLeaver: number;
    /** Of which an agency worker's assignment ended around then. */
    afterAgencyEnd: number;
    /** (afterLeaver + afterAgencyEnd) / total x 100; null with no changes. */
    departureShare: number | null;
  };
}

/**
 * The DfE's statutory guidance on agency social workers, as far as the council's records show it
 * (docs/measures.md, "The agency rules"). Lists carry staff IDs: for internal screens only.
 */
export interface AgencyRules {
  /** The guidance covers assignments starting on or after this date... */
  newAssignmentsFrom: IsoDate;
  /** ...and every assignment from this date. */
  allAssignmentsFrom: IsoDate;
  /** Agency social-work assignments running at D. */
  assignments: number;
  /** Of which covered by the guidance at D. */
  covered: number;
  /** Covered assignments whose worker had less than three years since qualifying when it started. */
  experience: {
    under: Array<{ staffId: string; assignmentStart: IsoDate; qualified: IsoDate }>;
    underCount: number;
    /** Covered assignments with no qualification date recorded: cannot be checked. */
    qualificationNotKnown: number;
  };
  /** Agency assignments starting in the 12 months to D within three months of the same person leaving a directly employed post. */
  returners: {
    /** Agency assignments starting in the 12 months to D on or after the guidance took effect. */
    checked: number;
    count: number;
    list: Array<{ staffId: string; sweNumber: string | null; leftPost: IsoDate; agencyStart: IsoDate }>;
  };
  /** Covered assignments' hourly charge rates against the regional price caps the council imported (docs/measures.md). */
  chargeRates: ChargeRateCheck;
}

/** Charge rates against the imported price caps, for the covered assignments running at D. */
export interface ChargeRateCheck {
  /** Whether any price cap has been imported; without one nothing is checked (the counts are 0). */
  capsImported: boolean;
  /** The earliest date an imported cap applies from. */
  capsFrom: IsoDate | null;
  /** Covered assignments whose rate was compared with a cap. */
  checked: number;
  overCount: number;
  /** Assignments charged more than the cap for their region and role. */
  over: Array<{
    staffId: string;
    assignmentRef: string | null;
    region: string;
    role: Role;
    chargeRate: number;
    cap: number;
    /** The cap's role and date, as imported. */
    capRole: string;
    capFrom: IsoDate;
    /** When the rate was agreed: the start of the spell that carries it. */
    rateFrom: IsoDate;
  }>;
  /** Covered assignments with no charge rate recorded. */
  rateNotRecorded: number;
  /** With a rate but no region recorded, or no cap in force by D for their region and role. */
  noCapCount: number;
  noCap: Array<{ staffId: string; assignmentRef: string | null; region: string | null; role: Role; chargeRate: number }>;
  /** Rates agreed before any cap for their region and role, at a date before every assignment is covered (1 October 2025). */
  agreedBeforeCaps: number;
}

/** Agency workers covering vacancies (the census LA-level module), at a census date. */
export interface AgencyCover {
  fte: number;
  headcount: number;
  /** Share (0-100) of agency FTE covering vacancies (DfE agency_cover_rate_fte). */
  rateOfAgencyFte: number | null;
  /** Share (0-100) of vacancy FTE covered by agency workers (DfE vacancy_agency_cover_rate_fte). */
  rateOfVacancies: number | null;
}

/** The headline figures, as repeated a year earlier and at each month end of the series. */
export interface Headline {
  inPost: HeadcountFte;
  agency: HeadcountFte & { rateFte: number | null; costPremium: number };
  starters: HeadcountFte;
  leavers: HeadcountFte;
  turnover: { rateFte: number | null; rateHeadcount: number | null };
  stabilityIndex: number | null;
  caseload: CaseloadGroup & {
    groups: { asye: CaseloadGroup; excludingAsye: CaseloadGroup; supportWorkers: CaseloadGroup };
    overThreshold: number;
    asyeOverCap: number;
    supportWorkerCinShare: number | null;
    casesNotCounted?: number;
  };
  vacancy: { fte: number; rate: number | null } | null;
  /** Social workers (in post or agency) at the date whose ASYE covers it (docs/measures.md). */
  asyeInProgress: number;
}

export interface Metrics {
  asAt: IsoDate;
  /** The filter the figures are for (docs/measures.md, "Filters"); absent for the whole workforce. */
  filter?: MeasureFilter;
  /** metrics --json only: how the allocations link to workers, and the worker IDs that link to none. */
  workerLinks?: WorkerLinkSummary;
  /**
   * Plain-English cautions about the data behind these figures (e.g. D is after the latest
   * extract, or some spells come from a snapshot with no history), for the screens and the paper.
   */
  warnings?: string[];
  inPost: HeadcountFte;
  agency: HeadcountFte & { rateFte: number | null; costPremium: number };
  starters: HeadcountFte & {
    /** By census StartOrigin code ('1'-'10', and 'not recorded'); shared/census-codes.ts names them. */
    byOrigin?: Record<string, number>;
  };
  leavers: HeadcountFte & {
    /** By census LeaverDestination code ('1'-'9', and 'not recorded'). */
    byDestination?: Record<string, number>;
    byReason: Record<string, number>;
    byServiceBand: Record<string, number>;
    byYearsQualified: Record<string, number>;
  };
  turnover: { rateFte: number | null; rateHeadcount: number | null };
  stabilityIndex: number | null;
  caseload: Caseload;
  vacancy: { fte: number; rate: number | null } | null;
  /** From a census return's LA-level module at D; null without one. */
  agencyCover?: AgencyCover | null;
  asye: {
    cohorts: AsyeCohort[];
    /** Each social worker in their ASYE at D: the ASYE's last day and the cases they hold (always present from computeMetrics). */
    inProgress?: Array<{ lastDay: IsoDate; cases: number }>;
  };
  /** Always present from computeMetrics. */
  agencyRules?: AgencyRules;
  /** Always present from computeMetrics; the series holds the monthly headline of it. */
  childStability?: ChildStability & {
    /** Whether the allocations go back a full 12 months before the date (otherwise the counts are too low). */
    covered: boolean;
    series: Array<{ date: IsoDate; covered: boolean; children: number; threePlusShare: number | null; changes: number; departureShare: number | null }>;
  };
  yearAgo: Headline & { asAt: IsoDate };
  /** From when the imported records are complete (shared/coverage.ts); trends start there. */
  coverage?: SeriesCoverage;
  series: Array<Headline & { date: IsoDate }>;
}

/** Settings the measures read; stored in the database, defaults from DOMAIN.md and the issues. */
export interface MeasureSettings {
  caseloadThreshold: number;
  asyeCap: number;
  agencyAnnualCost: number;
  employeeAnnualCost: number;
  smallNumberThreshold: number;
}

export const DEFAULT_MEASURE_SETTINGS: MeasureSettings = {
  caseloadThreshold: 20,
  asyeCap: 15,
  agencyAnnualCost: 60_500,
  employeeAnnualCost: 41_000,
  smallNumberThreshold: 4,
};

export const SERVICE_BANDS = ['<2', '2-5', '5-10', '10-20', '20+'] as const;
export const YEARS_QUALIFIED_BANDS = ['<1', '1-2', '2-3', '3-5', '5+'] as const;
