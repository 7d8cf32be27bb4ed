// Reads the small tables (spells, ASYE register, establishment) into memory once per
// computation. They hold thousands of rows, so every date of a series can be answered from
// these arrays; only allocations (up to millions of rows) stay in SQLite (see cases.ts).
import type { Db } from '../db/open';
import { boundedTextSql } from '../import/rules';
import type { IsoDate } from '../../shared/dates';
import { addMonths, toDayNumber } from '../../shared/dates';
import {
  isDirectlyEmployed,
  isSocialWorkerRole,
  type AsyeOutcome,
  type EmploymentType,
  type LeavingReason,
  type Role,
} from '../../shared/domain';

export interface Spell {
  staffId: string;
  role: Role;
  team: string | null;
  type: EmploymentType;
  fte: number;
  start: IsoDate;
  /** null while current. */
  end: IsoDate | null;
  /** start and end as day numbers (end: +Infinity while current), for the 7-day rule. */
  startDay: number;
  endDay: number;
  reason: LeavingReason | null;
  qualified: IsoDate | null;
  /** Social Work England registration number, when the HR file gives it. */
  swe: string | null;
  /** Roles 1-6. */
  socialWorker: boolean;
  /** permanent or fixed_term. */
  direct: boolean;
  /** What a DfE census return said of this spell at its 30 September (null for other exports). */
  census: CensusFacts | null;
}

export interface CensusFacts {
  date: IsoDate;
  cases: number | null;
  /** CFKSSstatus codes, e.g. "1" or "1,3". */
  cfkss: string | null;
  origin: number | null;
  destination: number | null;
}

/** The census LA-level module at one census date. */
export interface CensusLaLevel {
  date: IsoDate;
  vacanciesFte: number;
  agencyCoverFte: number;
  agencyCoverHeadcount: number;
}

export interface AsyeEntry {
  staffId: string;
  cohort: string;
  start: IsoDate;
  plannedEnd: IsoDate;
  outcome: AsyeOutcome;
  outcomeDate: IsoDate | null;
}

export interface EstablishmentEntry {
  team: string;
  role: Role;
  fundedFte: number;
  start: IsoDate;
  end: IsoDate | null;
}

export interface Workforce {
  spells: Spell[];
  /** Every spell of a staff ID, oldest first. */
  spellsByStaff: Map<string, Spell[]>;
  asye: AsyeEntry[];
  establishment: EstablishmentEntry[];
  censusLa: CensusLaLevel[];
}

/** Calendar-date interval test; every range in DOMAIN.md is inclusive at both ends. */
export function covers(start: IsoDate, end: IsoDate | null, d: IsoDate): boolean {
  return start <= d && (end === null || end >= d);
}

export function loadWorkforce(db: Db): Workforce {
  // raw() rows (arrays) cost a third less to read than objects; this is the largest read.
  const rows = db
    .prepare(
      `SELECT staff_id, role, ${boundedTextSql('team')}, employment_type, fte, start_date, end_date, leaving_reason, qualified_date, swe_number,
              census_date, cases_30, cfkss_status, start_origin, leaver_destination
         FROM spell ORDER BY staff_id, start_date`,
    )
    .raw()
    .all() as [
      string, Role, string | null, EmploymentType, number, string, string | null, LeavingReason | null, string | null, string | null,
      string | null, number | null, string | null, number | null, number | null,
    ][];
  const spells: Spell[] = [];
  const spellsByStaff = new Map<string, Spell[]>();
  for (const [staffId, role, team, type, fte, start, end, reason, qualified, swe, censusDate, cases, cfkss, origin, destination] of rows) {
    const s: Spell = {
      staffId,
      role,
      team,
      type,
      fte,
      start,
      end,
      startDay: toDayNumber(start),
      endDay: end === null ? Number.POSITIVE_INFINITY : toDayNumber(end),
      reason,
      qualified,
      swe,
      socialWorker: isSocialWorkerRole(role),
      direct: isDirectlyEmployed(type),
      census: censusDate === null && origin === null && destination === null ? null : { date: censusDate ?? start, cases, cfkss, origin, destination },
    };
    spells.push(s);
    let list = spellsByStaff.get(staffId);
    if (!list) spellsByStaff.set(staffId, (list = []));
    list.push(s);
  }

  const asye = (
    db
      .prepare(`SELECT staff_id, cohort, start_date, planned_end_date, outcome, outcome_date FROM asye ORDER BY start_date, staff_id`)
      .all() as { staff_id: string; cohort: string; start_date: string; planned_end_date: string | null; outcome: AsyeOutcome; outcome_date: string | null }[]
  ).map((r) => ({
    staffId: r.staff_id,
    cohort: r.cohort,
    start: r.start_date,
    plannedEnd: r.planned_end_date ?? addMonths(r.start_date, 12),
    outcome: r.outcome,
    outcomeDate: r.outcome_date,
  }));

  const establishment = (
    db.prepare(`SELECT ${boundedTextSql('team')} AS team, role, funded_fte, start_date, end_date FROM establishment`).all() as {
      team: string;
      role: Role;
      funded_fte: number;
      start_date: string;
      end_date: string | null;
    }[]
  ).map((r) => ({ team: r.team, role: r.role, fundedFte: r.funded_fte, start: r.start_date, end: r.end_date }));

  const censusLa = (
    db.prepare(`SELECT census_date, vacancies_fte, agency_cover_fte, agency_cover_headcount FROM census_la_level ORDER BY census_date`).all() as {
      census_date: string;
      vacancies_fte: number;
      agency_cover_fte: number;
      agency_cover_headcount: number;
    }[]
  ).map((r) => ({ date: r.census_date, vacanciesFte: r.vacancies_fte, agencyCoverFte: r.agency_cover_fte, agencyCoverHeadcount: r.agency_cover_headcount }));

  return { spells, spellsByStaff, asye, establishment, censusLa };
}
