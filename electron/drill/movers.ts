// Leavers and starters in the 12 months to D: each person once, by their last leaving (or
// joining) in the window, as the measures count headcount (movers.ts).
import { LEAVING_REASON_LABEL, ROLE_LABEL } from '../../shared/domain';
import { formatLongDate, wholeYearsBetween } from '../../shared/dates';
import type { DrillList } from '../../shared/drill';
import { inYearTo, type Movement } from '../measures/movers';
import { COLUMN, EMPLOYMENT_LABEL, rowList, type DrillData } from './context';

function lastPerPerson(list: readonly Movement[]): Movement[] {
  const last = new Map<string, Movement>();
  for (const m of list) last.set(m.spell.staffId, m); // sorted by date: the last one wins
  return [...last.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.spell.staffId.localeCompare(b.spell.staffId)));
}

export function leaversList(data: DrillData): DrillList {
  const rows = lastPerPerson(inYearTo(data.mv.leavings, data.asAt)).map((m) => {
    const id = m.spell.staffId;
    const first = data.mv.serviceStart.get(id) ?? m.spell.start;
    const q = m.spell.qualified ?? data.mv.qualified.get(id) ?? null;
    return [
      id,
      m.spell.team,
      ROLE_LABEL[m.spell.role],
      m.date,
      LEAVING_REASON_LABEL[m.spell.reason ?? 'not_known'],
      wholeYearsBetween(first, m.date),
      q && q <= m.date ? wholeYearsBetween(q, m.date) : null,
      m.spell.fte,
    ];
  });
  return rowList(
    data,
    'leavers',
    `Social workers who left in the 12 months to ${formatLongDate(data.asAt)}`,
    [
      COLUMN.staffId,
      COLUMN.team,
      COLUMN.role,
      { label: 'Left', kind: 'date' },
      { label: 'Reason', kind: 'text' },
      { label: 'Years of service', kind: 'count' },
      { label: 'Years qualified', kind: 'count' },
      COLUMN.fte,
    ],
    rows,
    'Directly employed social workers whose employment ended (a move to another team or role within 7 days is not leaving). Years qualified says “not recorded” where the HR export gives no qualification date.',
  );
}

export function startersList(data: DrillData): DrillList {
  const rows = lastPerPerson(inYearTo(data.mv.joinings, data.asAt)).map((m) => [
    m.spell.staffId,
    m.spell.team,
    ROLE_LABEL[m.spell.role],
    EMPLOYMENT_LABEL[m.spell.type],
    m.date,
    m.spell.fte,
    data.mv.qualified.get(m.spell.staffId) ?? null,
  ]);
  return rowList(
    data,
    'starters',
    `Social workers who started in the 12 months to ${formatLongDate(data.asAt)}`,
    [COLUMN.staffId, COLUMN.team, COLUMN.role, COLUMN.contract, { label: 'Started', kind: 'date' }, COLUMN.fte, COLUMN.qualified],
    rows,
    'Directly employed social workers joining the council (a move from another team or role within 7 days is not starting).',
  );
}
