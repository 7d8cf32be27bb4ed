// Data-quality checks the Data screen shows before anyone trusts the figures: each finds rows that
// are probably wrong in the source systems (not in this app) and returns them so HR staff can go
// and fix them there. Plain SQL over the canonical tables; nothing here changes data.
import type { Db } from '../db/open';
import type { QualityIssue } from '../../shared/api';
import { formatLongDate } from '../../shared/dates';
import { workerLinker, type WorkerLinker } from '../measures/worker-links';
import { fieldLabel, labelOf } from '../../shared/labels';
import { boundedTextSql } from '../import/rules';

/** How many rows behind each warning are returned; the count is always the full number. */
export const QUALITY_ROW_LIMIT = 200;

export interface QualityOptions {
  /** A caseload above this many cases is called implausible (default: twice the threshold, at least 40). */
  implausibleCaseload: number;
  limit?: number;
}

const OPEN_END = '9999-12-31';

// An allocation's worker as a staff ID: the one its worker ID links to (temp.worker_link, made by
// linkTable), or the ID itself when it links to none.
const LINKED = 'COALESCE(l.staff_id, a.staff_id)';
const LINK_JOIN = 'LEFT JOIN temp.worker_link l ON l.worker_id = a.staff_id';

/** The worker IDs of the allocations that link to another staff ID, as a temporary table the checks join. */
function linkTable(db: Db, linker: WorkerLinker): void {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS worker_link (worker_id TEXT PRIMARY KEY, staff_id TEXT NOT NULL)`);
  db.exec(`DELETE FROM temp.worker_link`);
  const add = db.prepare(`INSERT INTO temp.worker_link (worker_id, staff_id) VALUES (?, ?)`);
  for (const id of db.prepare(`SELECT DISTINCT staff_id FROM allocation`).pluck().all() as string[]) {
    const link = linker.link(id);
    if (link.staffId !== null && link.staffId !== id) add.run(id, link.staffId);
  }
}

export function listQualityIssues(db: Db, asAt: string, options: QualityOptions): QualityIssue[] {
  const limit = options.limit ?? QUALITY_ROW_LIMIT;
  linkTable(db, workerLinker(db));
  const has = (table: 'spell' | 'allocation') => db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined;
  const data = { spells: has('spell'), allocations: has('allocation') };
  return [
    judged(unknownStaff(db, limit), data.allocations ? null : NO_ALLOCATIONS),
    judged(overlappingSpells(db, limit), data.spells ? null : NO_SPELLS),
    judged(outsideEmployment(db, limit), !data.allocations ? NO_ALLOCATIONS : !data.spells ? NO_SPELLS : null),
    judged(implausibleCaseloads(db, asAt, options.implausibleCaseload, limit), data.allocations ? null : NO_ALLOCATIONS),
  ];
}

// A check with nothing to look at has found nothing, which is not the same as "no problems".
const NO_ALLOCATIONS = 'No case allocations have been imported yet, so there is nothing to check. Import the case-management export on the Import screen and this check runs on it.';
const NO_SPELLS = 'No HR staff records have been imported yet, so there is nothing to check. Import the HR export on the Import screen and this check runs on it.';

type Found = Omit<QualityIssue, 'status' | 'verdict'>;

/** The check's status and its verdict in words; `missing` says what it needs when there is nothing to check. */
function judged(issue: Found, missing: string | null): QualityIssue {
  if (missing !== null) return { ...issue, status: 'nothing_to_check', verdict: 'Nothing to check yet', explanation: missing };
  if (issue.count === 0) return { ...issue, status: 'clear', verdict: 'No problems' };
  return { ...issue, status: 'problems', verdict: `${issue.count.toLocaleString('en-GB')} found` };
}

// Columns whose values are codes, shown as their words.
const CODED_COLUMNS = new Set(['role', 'first_role', 'second_role', 'case_type']);

/** The first `limit` records as table rows, and whether there were more (each query fetches limit + 1). */
function listed(records: Record<string, unknown>[], columns: string[], limit: number): Pick<QualityIssue, 'columns' | 'rows' | 'rowsTruncated'> {
  const cell = (c: string, v: unknown): string | number | null =>
    v === null || v === undefined ? null : CODED_COLUMNS.has(c) && typeof v === 'string' ? labelOf(v) : (v as string | number);
  return {
    columns: columns.map(fieldLabel),
    rows: records.slice(0, limit).map((r) => columns.map((c) => cell(c, r[c]))),
    rowsTruncated: records.length > limit,
  };
}

/**
 * Allocations whose worker ID links to no worker (one worker, three identifiers: a staff number,
 * a case-system worker ID named in a crosswalk or ID map, or an SWE number): usually an ID map
 * line missing, or a worker missing from the HR data. Their cases are in no caseload.
 */
function unknownStaff(db: Db, limit: number): Found {
  const linker = workerLinker(db);
  const perId = db
    .prepare(
      `SELECT a.staff_id, COUNT(*) AS allocations, SUM(a.end_date IS NULL) AS open_allocations,
              MIN(a.start_date) AS first_start, MAX(a.start_date) AS last_start, ${boundedTextSql('MAX(COALESCE(d.team_name, a.team))', 'team')} AS team
       FROM allocation a LEFT JOIN department d ON d.team_id = a.team GROUP BY a.staff_id`,
    )
    .all() as (Record<string, unknown> & { staff_id: string; allocations: number })[];
  const unlinked: Record<string, unknown>[] = [];
  let count = 0;
  for (const r of perId) {
    const link = linker.link(r.staff_id);
    if (link.staffId !== null) continue;
    count += r.allocations;
    unlinked.push({
      ...r,
      why: link.why === 'ambiguous' ? `could be any of ${link.candidates.join(', ')}` : 'no worker has this ID',
    });
  }
  unlinked.sort((a, b) => (b.allocations as number) - (a.allocations as number) || String(a.staff_id).localeCompare(String(b.staff_id)));
  const columns = ['staff_id', 'allocations', 'open_allocations', 'first_start', 'last_start', 'team', 'why'];
  return {
    kind: 'unknown_staff',
    title: 'Allocations not linked to any worker',
    explanation:
      'These cases are allocated to a worker ID that links to no imported worker: it is not an HR or agency staff number, and no ID map, SSD professionals extract or SWE number says whose it is. They are left out of every caseload. Import the missing worker (agency workers are often in a separate file) or an ID map naming the ID, or check the ID in the case-management system.',
    count,
    ...listed(unlinked, columns, limit),
  };
}

/** Two spells of one person covering the same day: the HR export double-counts them in FTE. */
function overlappingSpells(db: Db, limit: number): Found {
  const from = `FROM spell s1 JOIN spell s2 ON s2.staff_id = s1.staff_id AND s2.id > s1.id
       AND s1.start_date <= COALESCE(s2.end_date, @open) AND s2.start_date <= COALESCE(s1.end_date, @open)`;
  const count = (db.prepare(`SELECT COUNT(*) AS n ${from}`).get({ open: OPEN_END }) as { n: number }).n;
  const columns = ['staff_id', 'first_spell', 'first_role', 'first_fte', 'second_spell', 'second_role', 'second_fte'];
  const rows = db
    .prepare(
      `SELECT s1.staff_id,
              s1.start_date || ' to ' || COALESCE(s1.end_date, 'now') AS first_spell, s1.role AS first_role, s1.fte AS first_fte,
              s2.start_date || ' to ' || COALESCE(s2.end_date, 'now') AS second_spell, s2.role AS second_role, s2.fte AS second_fte
       ${from} ORDER BY s1.staff_id, s1.start_date LIMIT @limit`,
    )
    .all({ open: OPEN_END, limit: limit + 1 }) as Record<string, unknown>[];
  return {
    kind: 'overlapping_spells',
    title: 'Overlapping spells for the same person',
    explanation:
      'The same staff ID has two spells covering the same days, so their FTE is counted twice on those days. Usually the earlier spell is missing its end date: correct it in the HR system and import again.',
    count,
    ...listed(rows, columns, limit),
  };
}

/**
 * Allocations that start before the worker's employment, run on after it ended, or stay open
 * when the worker has left. Only workers present in the HR data (the others are the first check).
 */
function outsideEmployment(db: Db, limit: number): Found {
  const covers = (d: string) =>
    `EXISTS (SELECT 1 FROM spell s WHERE s.staff_id = ${LINKED} AND s.start_date <= ${d} AND COALESCE(s.end_date, @open) >= ${d})`;
  const where = `FROM allocation a ${LINK_JOIN}
     WHERE EXISTS (SELECT 1 FROM spell k WHERE k.staff_id = ${LINKED})
       AND (NOT ${covers('a.start_date')}
            OR (a.end_date IS NOT NULL AND NOT ${covers('a.end_date')})
            OR (a.end_date IS NULL AND NOT EXISTS (SELECT 1 FROM spell s WHERE s.staff_id = ${LINKED} AND s.end_date IS NULL)))`;
  const count = (db.prepare(`SELECT COUNT(*) AS n ${where}`).get({ open: OPEN_END }) as { n: number }).n;
  const columns = ['staff_id', 'case_type', 'team', 'allocated_from', 'allocated_to', 'employed_from', 'employed_to'];
  const rows = db
    .prepare(
      `SELECT ${LINKED} AS staff_id, a.case_type, ${boundedTextSql('a.team', 'team')} AS team, a.start_date AS allocated_from, COALESCE(a.end_date, 'still open') AS allocated_to,
              (SELECT MIN(s.start_date) FROM spell s WHERE s.staff_id = ${LINKED}) AS employed_from,
              (SELECT CASE WHEN COUNT(*) > COUNT(s.end_date) THEN 'now' ELSE MAX(s.end_date) END FROM spell s WHERE s.staff_id = ${LINKED}) AS employed_to
       ${where} ORDER BY 1, a.start_date LIMIT @limit`,
    )
    .all({ open: OPEN_END, limit: limit + 1 }) as Record<string, unknown>[];
  return {
    kind: 'outside_employment',
    title: "Allocations outside the worker's employment",
    explanation:
      'These cases were allocated to someone on days the HR data says they were not employed (before they started, after they left, or still open after they left). Either the allocation was not closed when the worker left or the HR dates are wrong.',
    count,
    ...listed(rows, columns, limit),
  };
}

/** Caseloads no one could carry: usually a team or duty inbox recorded as a worker. */
function implausibleCaseloads(db: Db, asAt: string, above: number, limit: number): Found {
  const from = `FROM allocation a ${LINK_JOIN}
     WHERE a.start_date <= @asAt AND COALESCE(a.end_date, @open) >= @asAt
     GROUP BY ${LINKED} HAVING COUNT(*) > @above`;
  const count = (
    db.prepare(`SELECT COUNT(*) AS n FROM (SELECT 1 ${from})`).get({ asAt, open: OPEN_END, above }) as { n: number }
  ).n;
  const columns = ['staff_id', 'cases_held', 'role', 'team'];
  const rows = db
    .prepare(
      `SELECT ${LINKED} AS staff_id, COUNT(*) AS cases_held,
              (SELECT s.role FROM spell s WHERE s.staff_id = ${LINKED} AND s.start_date <= @asAt ORDER BY s.start_date DESC LIMIT 1) AS role,
              ${boundedTextSql('MAX(a.team)', 'team')} AS team
       ${from} ORDER BY cases_held DESC, 1 LIMIT @limit`,
    )
    .all({ asAt, open: OPEN_END, above, limit: limit + 1 }) as Record<string, unknown>[];
  return {
    kind: 'implausible_caseload',
    title: `Implausible caseloads on ${formatLongDate(asAt)}`,
    explanation: `These staff IDs hold more than ${above} cases on the as-at date. That is more than anyone can carry: it is usually a team, duty or unallocated-cases inbox recorded as a person. Such IDs inflate the average caseload.`,
    count,
    ...listed(rows, columns, limit),
  };
}
