// Turning one row of text cells into the values stored, or into row problems in plain English.
// Each source has its own rules (DOMAIN.md): required fields, code lists, the FTE range, end
// before start, dates after the file's extract date. A converter is built once per import so
// the per-row work is index lookups and small checks.
import { addMonths, type IsoDate } from '../../shared/dates';
import type { CsvSource, RowProblem } from '../../shared/import-types';
import {
  ALLOWED, ASYE_OUTCOME_CODES, CASE_TYPE_CODES, EMPLOYMENT_TYPE_CODES, LEAVING_REASON_CODES, ROLE_CODES,
  parseFlag,
} from './codes';
import { DateColumn, type DateOrder } from './date-column';
import { SOURCE_FIELDS } from './fields';
import { ALLOCATED_CASE_WORKER, SSD_CASE_WORKER_ROLES } from './formats/ssd';
import type { Binding } from './layouts';
import { norm } from './normalise';
import { NOT_COUNTED } from './formats/job-titles';
import type { FteReading } from './fte-reading';
import { makePlacer, WORDED_FIELDS, type PlacedBy, type ValueRuleSet } from './value-maps';
import { MAX_FUNDED_FTE, MAX_HOURLY_RATE, MIN_FTE, messages, shown } from './rules';
import { REGION_SPELLINGS } from './formats/regions';

export type StoredValue = string | number | null;

export interface ConvertOptions {
  extractDate: IsoDate;
  /** The council's own value rules (value-rules.ts). */
  councilValues?: ValueRuleSet;
  /** How the FTE column is written (fte-reading.ts); a fraction of full time when absent. */
  fte?: FteReading;
  /** Per date field, the day-month order when it has been settled ('dmy' otherwise). */
  dateOrders: Record<string, DateOrder>;
  /** The keyed hash of a case ID (allocations only). */
  hashCase(caseId: string): string;
  /** A census return's 30 September (census layouts; census-date.ts). */
  censusDate?: IsoDate;
}

/** A value placed by a rule rather than written as a code, and how many rows had it. */
export interface PlacementUse {
  field: string;
  /** The value as first seen in the file. */
  value: string;
  to: string;
  by: PlacedBy;
  why?: string;
  rows: number;
}

/**
 * Converts one row; returns the stored values in TABLES order, null after adding problems, or a
 * string when the row is left out on purpose (not an error): why, for the summary's count (see
 * skipKey). Both the layout's rules (an IRO's involvement) and the value rules (a job title or
 * contract type not counted) skip this way, so the summary lists every left-out row by reason.
 * `placements` counts the values placed by a rule (for the summary).
 */
export type Converter = ((cells: readonly string[], row: number, problems: RowProblem[]) => StoredValue[] | null | string) & {
  placements: Map<string, PlacementUse>;
};

/** A skipped row's reason and, optionally, the value that decided it ("IRO"), as one key. */
export function skipKey(reason: string, detail?: string): string {
  return detail === undefined ? reason : `${reason}\u0000${detail}`;
}

/** Why a row whose job title or contract type is not counted was left out (the summary's words). */
export const NOT_COUNTED_TITLE = 'job title not a social work or support role';
export const NOT_COUNTED_CONTRACT = 'contract type not counted in the workforce';

/** SQL Server's export tools write the text NULL for an empty value. */
const SQL_NULL = 'NULL';

const FTE_RE = /^-?(\d+(\.\d*)?|\.\d+)$/;
/** An amount in pounds, optionally with £ or GBP, thousands commas and "per hour". */
const MONEY = /^(?:£|gbp)?\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*(?:gbp|£)?\s*(?:(?:\/|per|an|a)\s*(?:hour|hr|h)|ph|p\/h)?$/i;
/** A numeric date's first two numbers (31/03/2018, 03.31.18). */
const NUMERIC_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}\b/;

/** Results of a pure function of a cell's text, kept for the first few hundred distinct texts. */
class Remembered<K, V> {
  private readonly map = new Map<K, V>();
  get(key: K, work: () => V): V {
    const map = this.map;
    const known = map.get(key);
    if (known !== undefined || map.has(key)) return known as V;
    const value = work();
    // A column of all-different values (a mistake, or a free-text column) must not grow without end.
    if (map.size < 512) map.set(key, value);
    return value;
  }
}

export function makeConverter(binding: Binding, source: CsvSource, options: ConvertOptions): Converter {
  const { index, layout } = binding;
  const defaults = layout.defaults ?? {};
  const valueMaps = layout.valueMaps ?? {};
  const labels = Object.fromEntries(SOURCE_FIELDS[source].map((f) => [f.name, f.label.replace(/ \(.*$/, '')]));
  const dateColumns = new Map<string, DateColumn>();
  let problems: RowProblem[] = [];
  let row = 0;
  let cells: readonly string[] = [];
  let failed = false;

  const columnName = (field: string): string | null => {
    const i = index[field];
    return i === undefined ? null : (binding.headers[i] ?? null);
  };
  const problem = (field: string, value: string | null, reason: string) => {
    failed = true;
    // Shown as the screen and terminal may show it: no control characters, no megabytes.
    problems.push({ row, column: columnName(field), value: value === null ? null : shown(value), reason });
  };
  const cell = (field: string): string => {
    const i = index[field];
    const v = i === undefined ? undefined : cells[i];
    if (v !== undefined && v !== '') {
      const t = v.trim();
      if (t !== '' && t !== SQL_NULL) return t;
    }
    return '';
  };
  const instead = layout.insteadWhenBlank ?? {};
  const takenBy = new Map(Object.entries(instead).map(([field, other]) => [other, field]));
  const raw = (field: string): string => {
    // This field's cell was read as another field on this row (that field's own cell was blank).
    const taker = takenBy.get(field);
    if (taker !== undefined && cell(taker) === '') return defaults[field] ?? '';
    const own = cell(field);
    if (own !== '') return own;
    const other = instead[field];
    if (other !== undefined) {
      const v = cell(other);
      if (v !== '') return v;
    }
    return defaults[field] ?? '';
  };
  const text = (field: string, required: boolean): string | null => {
    const v = raw(field);
    if (v === '') {
      if (required) problem(field, '', `is blank, but every row needs a ${labels[field]}`);
      return null;
    }
    return v;
  };
  // A team typed across two lines in a spreadsheet cell, or with doubled spaces, is the same team.
  // Team names and coded values repeat on almost every row, so each distinct spelling is worked
  // out once (a regular expression per cell was a tenth of the conversion's time at a million rows).
  const teams = new Remembered<string, string>();
  const teamName = (required: boolean): string | null => {
    const v = text('team', required);
    // A value map for team turns a case system's department ID into its name (ssd_department).
    return v === null ? null : teams.get(v, () => (valueMaps.team?.get(norm(v)) ?? v).replace(/\s+/g, ' '));
  };
  const mapped = (field: string, v: string): string => valueMaps[field]?.get(norm(v)) ?? v;
  // Values in the council's own words (job titles, contract types, leaving reasons): the
  // mapping's value map, then the exact codes, then the council's rules and the default rules;
  // each value placed by a rule is counted, so the summary can say what was assumed.
  const placer = makePlacer(valueMaps, options.councilValues ?? {});
  const placements = new Map<string, PlacementUse>();
  const worded = new Set<string>(WORDED_FIELDS);
  const resolve = (field: string, v: string, table: Map<string, string>): { code: string | undefined; use: PlacementUse | null } => {
    const viaMapping = valueMaps[field]?.get(norm(v));
    if (viaMapping === undefined || !worded.has(field)) {
      const exact = table.get(norm(viaMapping ?? v));
      if (exact !== undefined || !worded.has(field)) return { code: exact, use: null };
    }
    const p = placer(field, v);
    if (p === undefined) return { code: undefined, use: null };
    const to = p.to === NOT_COUNTED ? NOT_COUNTED : table.get(norm(p.to));
    if (to === undefined) return { code: undefined, use: null };
    const key = `${field}\u0000${norm(v)}`;
    let use = placements.get(key);
    if (!use) placements.set(key, (use = { field, value: v, to, by: p.by, ...(p.why ? { why: p.why } : {}), rows: 0 }));
    return { code: to, use };
  };
  const codes = new Map<string, Remembered<string, { code: string | undefined; use: PlacementUse | null }>>();
  const placed = (field: string, v: string, table: Map<string, string>): string | undefined => {
    let known = codes.get(field);
    if (!known) codes.set(field, (known = new Remembered()));
    const found = known.get(v, () => resolve(field, v, table));
    if (found.use) found.use.rows++;
    return found.code;
  };
  const code = (field: string, table: Map<string, string>, allowed: string, required: boolean): string | null => {
    const v = text(field, required);
    if (v === null) return null;
    const found = placed(field, v, table);
    if (found === undefined) {
      problem(
        field,
        v,
        `is not a recognised ${labels[field]}; use one of: ${allowed}` +
          (worded.has(field) ? `; or, as no rule places it, choose what it is in the import's value step (or a mapping's "values" for ${field})` : ''),
      );
    }
    return found ?? null;
  };
  // Numeric dates of this row, for the check that one row does not mix day-first and month-first.
  let dayFirstHere: { field: string; value: string } | null = null;
  let monthFirstHere: { field: string; value: string } | null = null;
  const date = (field: string, required: boolean): IsoDate | null => {
    const v = text(field, required);
    if (v === null) return null;
    const numeric = NUMERIC_DATE.exec(v);
    if (numeric && !layout.dateOrder) {
      if ((options.dateOrders[field] ?? 'dmy') === 'mdy') monthFirstHere ??= { field, value: v };
      else if (Number(numeric[1]) > 12) dayFirstHere ??= { field, value: v };
    }
    let col = dateColumns.get(field);
    if (!col) {
      const fixed = layout.dateOrder;
      col = new DateColumn(field, fixed ?? options.dateOrders[field] ?? 'dmy', fixed !== undefined);
      dateColumns.set(field, col);
    }
    const read = col.read(v, row);
    if (!read.ok) {
      problem(field, v, read.reason);
      return null;
    }
    return read.date;
  };
  const notFuture = (field: string, d: IsoDate | null) => {
    if (d !== null && d > options.extractDate) {
      problem(field, raw(field), `is after the extract date (${options.extractDate}); an export cannot record what has not happened yet`);
    }
  };
  const notBefore = (field: string, d: IsoDate | null, start: IsoDate | null, what: string, why?: string) => {
    if (d !== null && start !== null && d < start) problem(field, raw(field), `is before the ${what} (${start})${why ? `: ${why}` : ''}`);
  };
  const number = (field: string, check: (n: number) => string | null): number | null => {
    const v = text(field, true);
    if (v === null) return null;
    if (!FTE_RE.test(v)) {
      problem(field, v, 'is not a number');
      return null;
    }
    const n = Number(v);
    if (!Number.isFinite(n)) {
      problem(field, v, messages.numberTooLarge(Number.MAX_SAFE_INTEGER, 'a number'));
      return null;
    }
    const bad = check(n);
    if (bad) problem(field, v, bad);
    return n;
  };

  const FTE_RANGE = 'is outside the FTE range: more than 0 and at most 1 (a full-time post is 1)';
  const fteUnit = options.fte?.unit ?? 'fraction';
  const round = (n: number) => Math.round(n * 10_000) / 10_000;
  const fteValue = (): number | null => {
    if (fteUnit === 'fraction') {
      return number('fte', (n) => (n > 0 && n <= 1 ? (n < MIN_FTE ? messages.fteTooSmall() : null) : FTE_RANGE));
    }
    const v = text('fte', true);
    if (v === null) return null;
    if (!FTE_RE.test(v)) {
      problem('fte', v, 'is not a number');
      return null;
    }
    const n = Number(v);
    if (!Number.isFinite(n)) {
      problem('fte', v, messages.numberTooLarge(Number.MAX_SAFE_INTEGER, 'a number'));
      return null;
    }
    if (fteUnit === 'percent') {
      if (n > 0 && n <= 100) return n / 100 < MIN_FTE ? (problem('fte', v, messages.fteTooSmall()), null) : round(n / 100);
      problem('fte', v, 'is outside the FTE range as a percentage: more than 0 and at most 100 (full time is 100)');
      return null;
    }
    let week = options.fte!.standardHours;
    const s = raw('standard_hours');
    if (index.standard_hours !== undefined && s !== '') {
      if (!FTE_RE.test(s) || Number(s) <= 0) {
        problem('standard_hours', s, 'is not a number of hours more than 0');
        return null;
      }
      week = Number(s);
    }
    if (n > 0 && n <= week) return n / week < MIN_FTE ? (problem('fte', v, messages.fteTooSmall()), null) : round(n / week);
    problem('fte', v, n <= 0 ? 'is not more than 0 hours' : `is more hours than the standard week of ${week}: FTE cannot be more than 1`);
    return null;
  };

  const convertSpell = (): StoredValue[] => {
    const staffId = text('staff_id', true);
    const swe = text('swe_number', false);
    let role: string | null;
    if (layout.skipUnplacedTitles) {
      // A list of everyone with a login (the SSD's professionals extract): a title no rule places
      // is not a social work or support role, so the row is left out rather than refused.
      const title = text('role', true);
      role = title === null ? null : (placed('role', title, ROLE_CODES) ?? null);
      if (title !== null && role === null) {
        skipped = skipKey(NOT_COUNTED_TITLE, title);
        return [];
      }
    } else {
      // A census agency row need not carry OrgRole (worked out below from Cases30).
      role = code('role', ROLE_CODES, ALLOWED.role, !(layout.census && parseFlag(raw('agency_flag')) === true));
    }
    if (role === NOT_COUNTED) {
      skipped = skipKey(NOT_COUNTED_TITLE, raw('role'));
      return [];
    }
    const team = teamName(false);
    let employment: string | null;
    if (source === 'agency') {
      // Every row of an agency file is agency; a row that says otherwise contradicts the file
      // rather than being quietly overridden (blank is fine: it is recorded as agency).
      employment = 'agency';
      const said = raw('employment_type');
      const found = said === '' ? 'agency' : EMPLOYMENT_TYPE_CODES.get(norm(mapped('employment_type', said)));
      if (found === undefined) problem('employment_type', said, `is not a recognised ${labels.employment_type}; use one of: ${ALLOWED.employment_type}`);
      else if (found !== 'agency') problem('employment_type', said, `says ${found.replace('_', ' ')}, but this file was imported as agency (every row an agency worker); correct the row or import it as a workers file`);
      // The file's own cell, not the layout's default ("N" when a census file has no flag column).
      const flagIndex = index.agency_flag;
      const flagCell = flagIndex === undefined ? '' : (cells[flagIndex] ?? '').trim();
      if (flagCell !== '' && parseFlag(flagCell) === false) problem('agency_flag', flagCell, 'says not agency, but this file was imported as agency (every row an agency worker); correct the row or import it as a workers file');
    } else if (raw('employment_type') !== '') {
      employment = code('employment_type', EMPLOYMENT_TYPE_CODES, ALLOWED.employment_type, true);
      if (employment === NOT_COUNTED) {
        skipped = skipKey(NOT_COUNTED_CONTRACT, raw('employment_type'));
        return [];
      }
    }
    else if (index.agency_flag !== undefined || defaults.agency_flag !== undefined) {
      const f = raw('agency_flag');
      const flag = parseFlag(f);
      if (flag === undefined) problem('agency_flag', f, 'is not a yes/no value (use Y/N, Yes/No, TRUE/FALSE or 1/0)');
      employment = flag ? 'agency' : 'permanent';
    } else employment = code('employment_type', EMPLOYMENT_TYPE_CODES, ALLOWED.employment_type, true);
    const census = layout.census === true ? censusItems(employment === 'agency') : null;
    const fte = census ? census.fte : fteValue();
    if (census && role === null && employment === 'agency' && raw('role') === '') {
      role = (census.cases ?? 0) > 0 ? 'case_holder' : 'qualified_no_cases';
    }
    const start =
      layout.startFromExtractDate && index.start_date === undefined ? options.extractDate
      : census && employment === 'agency' && raw('start_date') === '' ? census.date
      : date('start_date', true);
    // An agency worker in a return is in post on its census date; one starting later (not a
    // census row, strictly) keeps the open spell the file gives.
    const end =
      census && employment === 'agency' && raw('end_date') === '' ? (start !== null && start > (census.date ?? start) ? null : census.date)
      : date('end_date', false);
    const reason = code('leaving_reason', LEAVING_REASON_CODES, ALLOWED.leaving_reason, false);
    const qualified = date('qualified_date', false);
    notFuture('start_date', start);
    // A fixed-term contract's end date is known in advance (the contract says it), so it may lie
    // after the extract date; any other future end is an error.
    if (employment !== 'fixed_term') notFuture('end_date', end);
    notFuture('qualified_date', qualified);
    notBefore('end_date', end, start, 'start date', 'a spell cannot end before it starts');
    const extra = census ?? otherItems();
    const rate = index.charge_rate === undefined ? null : money('charge_rate', false);
    if (rate !== null && employment !== null && employment !== 'agency') problem('charge_rate', raw('charge_rate'), messages.rateNotAgency(employment.replace('_', '-')));
    return [
      staffId, swe, role, team, employment, fte, start, end, reason, qualified,
      extra.date, extra.cases, extra.cfkss, extra.origin, extra.destination,
      rate, index.region === undefined ? null : region(false), index.assignment_ref === undefined ? null : text('assignment_ref', false),
    ];
  };

  // An hourly amount in pounds: "45.5", "£45.50", "1,045.00", "£45.50 per hour". Anything else
  // (a range, a daily rate, another currency, words) is refused naming what it is (IMP-12).
  const money = (field: string, required: boolean): number | null => {
    const v = text(field, required);
    if (v === null) return null;
    const m = MONEY.exec(v);
    if (!m) {
      const why = /\b(day|daily|week|weekly|annum|year|month)\b|\/\s*d(ay)?\b/i.test(v) ? ': this looks like a rate for a longer period than an hour; give the hourly rate'
        : /[€$]|\b(eur|usd)\b/i.test(v) ? ': only pounds sterling are read'
        : /\d\s*(-|–|to)\s*£?\d/i.test(v) ? ': a range is not one rate; give the rate agreed'
        : '';
      problem(field, v, messages.notMoney(why));
      return null;
    }
    const n = Number(m[1]!.replace(/,/g, ''));
    if (!(n > 0)) {
      problem(field, v, 'is not more than £0: an hourly rate must be more than nothing');
      return null;
    }
    if (n > MAX_HOURLY_RATE) {
      problem(field, v, messages.numberTooLarge(MAX_HOURLY_RATE, 'an hourly rate in pounds'));
      return null;
    }
    return Math.round(n * 10_000) / 10_000;
  };
  // A region tidied to one spelling (formats/regions.ts); a grouping the file names otherwise is kept as written.
  const region = (required: boolean): string | null => {
    const v = text('region', required);
    if (v === null) return null;
    if (!/[a-z]/i.test(v)) {
      problem('region', v, 'is not the name of a region (such as London or East Midlands)');
      return null;
    }
    return REGION_SPELLINGS.get(norm(mapped('region', v))) ?? mapped('region', v).replace(/\s+/g, ' ');
  };

  const whole = (field: string, max: number | null): number | null => {
    const v = text(field, false);
    if (v === null) return null;
    const n = Number(v);
    if (!/^\d+$/.test(v) || (max !== null && (n < 1 || n > max))) {
      problem(field, v, max === null ? 'is not a whole number of 0 or more' : `is not one of the census codes 1-${max}`);
      return null;
    }
    return n;
  };
  // CFKSSstatus may repeat (the schema allows several): kept as "1,3".
  const cfkss = (): string | null => {
    const v = text('cfkss_status', false);
    if (v === null) return null;
    // 0 is not a schema code, but local files write it for "none of these": read as blank.
    const codes = v.split(/[;,\s]+/).filter((c) => c !== '' && c !== '0');
    if (codes.length === 0) return null;
    if (!codes.every((c) => /^[1-4]$/.test(c))) {
      problem('cfkss_status', v, 'is not one of the census codes 1-4 (1 ASYE, 2 frontline practitioner, 3 practice supervisor, 4 practice leader)');
      return null;
    }
    return [...new Set(codes)].sort().join(',');
  };
  const decimal = (field: string): number | null => {
    const v = text(field, false);
    if (v === null) return null;
    if (!FTE_RE.test(v) || Number(v) < 0 || Number(v) > 1) {
      problem(field, v, 'is not an FTE from 0 to 1');
      return null;
    }
    return Number(v);
  };
  interface CensusItems {
    date: IsoDate | null;
    fte: number | null;
    cases: number | null;
    cfkss: string | null;
    origin: number | null;
    destination: number | null;
  }
  // The items a census row carries at 30 September. FTE may be 0 for a leaver (nothing in post at
  // 30 September), so a leaver's FTE is FTE, else FTE30; a worker in post, FTE30, else FTE.
  const censusItems = (agency: boolean): CensusItems => {
    const date = options.censusDate ?? options.extractDate;
    const before = problems.length;
    const f = decimal('fte');
    const f30 = decimal('fte_30');
    const leaver = !agency && raw('end_date') !== '';
    const order = leaver ? [f, f30] : [f30, f];
    const fte = order.find((x) => x !== null && x > 0) ?? null;
    // Not said twice: a value that is not an FTE at all has already been named.
    if (fte === null && problems.length === before) {
      const said = [raw('fte') === '' ? null : `FTE ${raw('fte')}`, raw('fte_30') === '' ? null : `FTE30 ${raw('fte_30')}`].filter((x) => x !== null);
      problem('fte', raw('fte'), said.length === 0
        ? 'is blank, and so is FTE30: every census row needs the FTE of the role (more than 0, at most 1)'
        : `gives no FTE for the role (${said.join(', ')}): one of FTE and FTE30 must be more than 0 and at most 1`);
    }
    // Read in the file's column order, so problems are listed as the row reads.
    const origin = whole('start_origin', 10);
    const destination = whole('leaver_destination', 9);
    const cases = whole('cases_30', null);
    return { date, fte, cases, cfkss: cfkss(), origin, destination };
  };
  // The same items mapped from another export: read when a mapping gives them, at the extract date.
  const otherItems = (): Omit<CensusItems, 'fte'> => {
    const cases = index.cases_30 === undefined ? null : whole('cases_30', null);
    const status = index.cfkss_status === undefined ? null : cfkss();
    return {
      date: cases !== null || status !== null ? options.extractDate : null,
      cases,
      cfkss: status,
      origin: index.start_origin === undefined ? null : whole('start_origin', 10),
      destination: index.leaver_destination === undefined ? null : whole('leaver_destination', 9),
    };
  };

  const skipBlank = layout.skipWhenBlank ?? {};
  const roleMap = valueMaps.involvement_role;
  const caseWorker = norm(ALLOCATED_CASE_WORKER);
  const isCaseWorker = (role: string): boolean => {
    const to = roleMap?.get(norm(role)) ?? SSD_CASE_WORKER_ROLES.get(norm(role));
    return to !== undefined && norm(to) === caseWorker;
  };

  const convertAllocation = (): StoredValue[] | string => {
    for (const [field, why] of Object.entries(skipBlank)) if (raw(field) === '') return skipKey(why);
    // Only the allocated case worker's involvements are caseload; a file without a role column
    // is all allocations.
    if (index.involvement_role !== undefined) {
      const role = raw('involvement_role');
      if (!isCaseWorker(role)) return skipKey('not the allocated case worker', role === '' ? '(blank)' : role);
    }
    const caseId = text('case_id', true);
    const caseType = code('case_type', CASE_TYPE_CODES, ALLOWED.case_type, true);
    const staffId = text('staff_id', true);
    const team = teamName(false);
    const start = date('start_date', true);
    const end = date('end_date', false);
    notFuture('start_date', start);
    notFuture('end_date', end);
    notBefore('end_date', end, start, 'allocation start', 'an allocation cannot end before it starts');
    return [caseId === null || failed ? null : options.hashCase(caseId), caseType, staffId, team, start, end];
  };

  const convertAsye = (): StoredValue[] => {
    const staffId = text('staff_id', true);
    const start = date('start_date', true);
    const cohort = text('cohort', false) ?? (start === null ? null : start.slice(0, 7));
    const plannedEnd = date('planned_end_date', false) ?? (start === null ? null : addMonths(start, 12));
    const outcome = raw('outcome') === '' ? 'in_progress' : code('outcome', ASYE_OUTCOME_CODES, ALLOWED.outcome, false);
    const outcomeDate = date('outcome_date', false);
    notFuture('start_date', start);
    notFuture('outcome_date', outcomeDate);
    notBefore('planned_end_date', raw('planned_end_date') === '' ? null : plannedEnd, start, 'ASYE start');
    notBefore('outcome_date', outcomeDate, start, 'ASYE start');
    return [staffId, cohort, start, plannedEnd, outcome, outcomeDate];
  };

  const convertEstablishment = (): StoredValue[] => {
    const team = teamName(true);
    const role = code('role', ROLE_CODES, ALLOWED.role, true);
    const funded = number('funded_fte', (n) => (n < 0 ? 'cannot be negative' : n > MAX_FUNDED_FTE ? messages.numberTooLarge(MAX_FUNDED_FTE, "one team's funded FTE") : null));
    const start = date('start_date', true);
    const end = date('end_date', false);
    notBefore('end_date', end, start, 'start date', 'a period cannot end before it starts');
    return [team, role, funded, start, end];
  };

  // An absent identifier is '' (the three together are the table's key).
  const convertIdentifiers = (): StoredValue[] | string => {
    const cms = raw('cms_id');
    const staff = raw('staff_id');
    const swe = raw('swe_number');
    if ((cms !== '' ? 1 : 0) + (staff !== '' ? 1 : 0) + (swe !== '' ? 1 : 0) < 2) {
      return skipKey('only one of case-system worker ID, staff number and SWE number (nothing to link)');
    }
    return [cms, staff, swe, teamName(false)];
  };

  const convertDepartment = (): StoredValue[] => {
    const id = text('team_id', true);
    const name = text('team_name', true);
    return [id, name === null ? null : name.replace(/\s+/g, ' '), text('parent_id', false), text('parent_name', false)];
  };

  const convertCensusLa = (): StoredValue[] => {
    const vacancies = number('vacancies_fte', (n) => (n >= 0 ? null : 'cannot be negative'));
    const coverFte = number('agency_cover_fte', (n) => (n >= 0 ? null : 'cannot be negative'));
    const coverHeadcount = number('agency_cover_headcount', (n) => (n >= 0 && Number.isInteger(n) ? null : 'is not a whole number of 0 or more'));
    return [options.censusDate ?? options.extractDate, text('la_code', false), vacancies, coverFte, coverHeadcount];
  };

  // A price cap: the role as the caps name it (kept), placed as a census role by the job-title
  // rules so an assignment's role finds its cap (listed in the summary like any placement).
  const convertCap = (): StoredValue[] => {
    const where = region(true);
    const title = text('role', true);
    const role = code('role', ROLE_CODES, ALLOWED.role, true);
    if (role === NOT_COUNTED) problem('role', raw('role'), 'is not a social work role, so no agency social worker can be held to this cap; check the role or leave the row out');
    const max = money('max_rate', true);
    const from = date('effective_from', true);
    return [where, title === null ? null : title.replace(/\s+/g, ' '), role, max, from];
  };

  const convert: () => StoredValue[] | string =
    source === 'agency_caps' ? convertCap
    : source === 'census_la' ? convertCensusLa
    : source === 'idmap' ? convertIdentifiers
    : source === 'departments' ? convertDepartment
    : source === 'allocations' ? convertAllocation
    : source === 'asye' ? convertAsye
    : source === 'establishment' ? convertEstablishment
    : convertSpell;

  let skipped: string | null = null;
  const converter = (rowCells: readonly string[], rowNumber: number, out: RowProblem[]) => {
    cells = rowCells;
    row = rowNumber;
    problems = out;
    failed = false;
    skipped = null;
    dayFirstHere = null;
    monthFirstHere = null;
    const before = out.length;
    const values = convert();
    if (typeof values === 'string') return values;
    if (skipped !== null) {
      // Left out is not an error: whatever else the row had wrong is not the user's concern.
      out.length = before;
      return skipped;
    }
    if (dayFirstHere && monthFirstHere) {
      // Each column's order is settled on its own; one row written both ways cannot be trusted.
      const d = dayFirstHere as { field: string; value: string };
      const m = monthFirstHere as { field: string; value: string };
      problem(
        m.field,
        m.value,
        `was read month first, as the rest of its column is, but this row's ${columnName(d.field) ?? d.field} (${shown(d.value)}) can only be day first; ` +
          'one row cannot be written in both orders, so check how the file was saved',
      );
    }
    return failed ? null : values;
  };
  return Object.assign(converter, { placements });
}
