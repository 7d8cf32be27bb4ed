// Lists of people working at D: in post, agency, case holders (all, above the threshold, ASYE
// above the cap) and the ASYE workers in their programme.
import { ROLE_LABEL } from '../../shared/domain';
import { formatLongDate, toDayNumber } from '../../shared/dates';
import type { DrillColumn, DrillList } from '../../shared/drill';
import { isSocialWorkerAt } from '../measures/staff-at';
import { isAsyeOn, asyeLastDay } from '../measures/asye';
import type { AsyeEntry } from '../measures/load';
import { CONTINUITY_DAYS } from '../measures/movers';
import { COLUMN, EMPLOYMENT_LABEL, mainSpell, qualifiedDate, rowList, type DrillData } from './context';

type Row = DrillList['rows'][number];
const byText = (i: number) => (a: Row, b: Row) => String(a[i] ?? '').localeCompare(String(b[i] ?? ''), 'en-GB');

export function inPostList(data: DrillData): DrillList {
  const rows: Row[] = [];
  for (const s of data.at.values()) {
    if (s.directSwFte <= 0) continue;
    const main = mainSpell(data, s.staffId, (x) => x.direct && x.socialWorker)!;
    rows.push([s.staffId, s.team, ROLE_LABEL[main.role], EMPLOYMENT_LABEL[main.type], s.directSwFte, main.start, qualifiedDate(data, s.staffId)]);
  }
  rows.sort(byText(0));
  return rowList(
    data,
    'inPost',
    `Social workers in post at ${formatLongDate(data.asAt)}`,
    [COLUMN.staffId, COLUMN.team, COLUMN.role, COLUMN.contract, COLUMN.fte, { label: 'In this post since', kind: 'date' }, COLUMN.qualified],
    rows,
    'Directly employed social workers (permanent or fixed-term); agency workers are listed under the agency figure.',
  );
}

/**
 * When a person's agency work began: the start of the agency spell covering D, carried back over
 * earlier agency spells that ran up to within 7 days of it (a renewed assignment is not a new start).
 */
function agencySince(data: DrillData, staffId: string): string {
  const agency = (data.w.spellsByStaff.get(staffId) ?? []).filter((s) => s.type === 'agency' && s.socialWorker);
  const current = mainSpell(data, staffId, (s) => s.type === 'agency' && s.socialWorker)!;
  let since = current.startDay;
  for (let moved = true; moved; ) {
    moved = false;
    for (const s of agency) {
      if (s.startDay < since && s.endDay >= since - CONTINUITY_DAYS) {
        since = s.startDay;
        moved = true;
      }
    }
  }
  return agency.find((s) => s.startDay === since)?.start ?? current.start;
}

export function agencyList(data: DrillData): DrillList {
  const rows: Row[] = [];
  for (const s of data.at.values()) {
    if (s.agencySwFte <= 0) continue;
    const main = mainSpell(data, s.staffId, (x) => x.type === 'agency' && x.socialWorker)!;
    rows.push([s.staffId, s.team, ROLE_LABEL[main.role], s.agencySwFte, agencySince(data, s.staffId), main.end, qualifiedDate(data, s.staffId)]);
  }
  rows.sort((a, b) => String(a[4]).localeCompare(String(b[4])) || byText(0)(a, b));
  return rowList(
    data,
    'agency',
    `Agency social workers at ${formatLongDate(data.asAt)}`,
    [COLUMN.staffId, COLUMN.team, COLUMN.role, COLUMN.fte, { label: 'Agency worker since', kind: 'date' }, { label: 'Assignment ends', kind: 'date' }, COLUMN.qualified],
    rows,
    'Longest-serving first. “Agency worker since” carries back over assignments renewed within 7 days; an end “not recorded” means the export gives none.',
  );
}

const CASE_COLUMNS: DrillColumn[] = [
  COLUMN.staffId,
  COLUMN.team,
  COLUMN.role,
  { label: 'Employed', kind: 'text' },
  COLUMN.fte,
  { label: 'Cases', kind: 'count' },
  { label: 'Of which child in need', kind: 'count' },
  { label: 'In ASYE', kind: 'text' },
];

/** Social workers (in post or agency) holding cases at D, with `keep` deciding which: the caseload measure's own test (caseload.ts). */
function caseHolderRows(data: DrillData, keep: (cases: number, asye: boolean) => boolean): Row[] {
  const rows: Row[] = [];
  for (const [staffId, c] of data.counts) {
    if (c.all <= 0) continue;
    const s = data.at.get(staffId);
    if (!s || !isSocialWorkerAt(s)) continue;
    const asye = data.asyeStaff.has(staffId);
    if (!keep(c.all, asye)) continue;
    const main = mainSpell(data, staffId, (x) => x.socialWorker)!;
    rows.push([staffId, s.team, ROLE_LABEL[main.role], s.directSwFte > 0 ? 'Directly' : 'Agency', s.directSwFte + s.agencySwFte, c.all, c.cin, asye ? 'Yes' : 'No']);
  }
  return rows.sort((a, b) => (b[5] as number) - (a[5] as number) || byText(0)(a, b));
}

export function caseHoldersList(data: DrillData): DrillList {
  const rows = caseHolderRows(data, () => true);
  return rowList(data, 'caseHolders', `Social workers holding cases at ${formatLongDate(data.asAt)}`, CASE_COLUMNS, rows, 'Most cases first. A case is an allocation open on the date; cases held by support workers are not in this list.');
}

export function overThresholdList(data: DrillData): DrillList {
  const limit = data.settings.caseloadThreshold;
  const rows = caseHolderRows(data, (cases) => cases > limit);
  return rowList(data, 'overThreshold', `Case holders above the caseload threshold of ${limit}`, CASE_COLUMNS, rows, `Social workers holding more than ${limit} cases on ${formatLongDate(data.asAt)} (the threshold is set in Settings).`);
}

export function asyeOverCapList(data: DrillData): DrillList {
  const cap = data.settings.asyeCap;
  const rows = caseHolderRows(data, (cases, asye) => asye && cases > cap);
  return rowList(data, 'asyeOverCap', `ASYE workers above their cap of ${cap} cases`, CASE_COLUMNS, rows, `Social workers in their assessed and supported year holding more than ${cap} cases (the cap is set in Settings).`);
}

/**
 * Each cohort's members in their programme at D (the "ASYE in programme" figure adds the
 * cohorts' counts): a member's latest record in the cohort covers D and they work here as a social worker.
 */
export function asyeInProgrammeList(data: DrillData): DrillList {
  const latest = new Map<string, AsyeEntry>();
  for (const a of data.w.asye) {
    if (a.start > data.asAt) continue;
    const key = JSON.stringify([a.cohort, a.staffId]);
    const seen = latest.get(key);
    if (!seen || a.start > seen.start) latest.set(key, a);
  }
  const rows: Row[] = [];
  for (const a of latest.values()) {
    const s = data.at.get(a.staffId);
    if (!isAsyeOn(a, data.asAt) || !s || !isSocialWorkerAt(s)) continue;
    const last = asyeLastDay(a);
    rows.push([a.staffId, s.team, a.cohort, a.start, last, a.outcome === 'extended' ? 'Extended' : 'In first period', data.counts.get(a.staffId)?.all ?? 0]);
  }
  rows.sort((x, y) => toDayNumber(String(x[4])) - toDayNumber(String(y[4])) || byText(0)(x, y));
  return rowList(
    data,
    'asyeInProgramme',
    `Social workers in their ASYE at ${formatLongDate(data.asAt)}`,
    [
      COLUMN.staffId,
      COLUMN.team,
      { label: 'Cohort', kind: 'text' },
      { label: 'ASYE started', kind: 'date' },
      { label: 'Due to finish', kind: 'date' },
      { label: 'Stage', kind: 'text' },
      { label: 'Cases held', kind: 'count' },
    ],
    rows,
    'From the ASYE register: those due to finish soonest first.',
  );
}
