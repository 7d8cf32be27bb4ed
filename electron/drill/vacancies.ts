// The vacancies behind the vacancy figure: per team and role of the loaded establishment, the
// funded FTE, the FTE filled by directly employed social workers and the gap (vacancy.ts's rule;
// the list's vacant column sums to the figure shown).
import { ROLE_LABEL, type Role } from '../../shared/domain';
import { formatLongDate } from '../../shared/dates';
import type { DrillList } from '../../shared/drill';
import { covers } from '../measures/load';
import { tidy } from '../measures/ratio';
import type { DrillData } from './context';

export function vacanciesList(data: DrillData): DrillList {
  const d = data.asAt;
  const funded = new Map<string, { team: string; role: Role; fte: number }>();
  for (const e of data.posts.establishment) {
    if (e.role === 'support_worker' || !covers(e.start, e.end, d)) continue;
    const key = JSON.stringify([e.team, e.role]);
    const f = funded.get(key);
    if (f) f.fte += e.fundedFte;
    else funded.set(key, { team: e.team, role: e.role, fte: e.fundedFte });
  }
  const filled = new Map<string, number>();
  for (const s of data.posts.spells) {
    if (!s.direct || !s.socialWorker || !covers(s.start, s.end, d)) continue;
    const key = JSON.stringify([s.team, s.role]);
    if (funded.has(key)) filled.set(key, (filled.get(key) ?? 0) + s.fte);
  }
  const rows: DrillList['rows'] = [];
  let vacant = 0;
  for (const [key, f] of funded) {
    const fill = tidy(filled.get(key) ?? 0);
    const gap = tidy(Math.max(0, f.fte - fill));
    vacant += gap;
    if (gap > 0) rows.push([f.team, ROLE_LABEL[f.role], tidy(f.fte), fill, gap]);
  }
  rows.sort((a, b) => (b[4] as number) - (a[4] as number) || String(a[0]).localeCompare(String(b[0]), 'en-GB'));
  const census = data.w.establishment.length === 0 ? data.w.censusLa.find((r) => r.date === d) : undefined;
  return {
    kind: 'vacancies',
    asAt: d,
    title: `Vacant social worker posts at ${formatLongDate(d)}`,
    count: census ? census.vacanciesFte : tidy(vacant),
    columns: [
      { label: 'Team', kind: 'text' },
      { label: 'Role', kind: 'text' },
      { label: 'Funded FTE', kind: 'decimal' },
      { label: 'Filled FTE', kind: 'decimal' },
      { label: 'Vacant FTE', kind: 'decimal' },
    ],
    rows,
    note: census
      ? 'This figure comes from the census return, which gives only the council-wide total: load an establishment to see the posts behind it.'
      : data.w.establishment.length === 0
        ? 'No establishment (funded posts) is loaded, so there are no vacancies to list.'
        : 'Posts filled by agency workers still count as vacant, as in the DfE’s count. Teams and roles with every funded post filled are not listed.',
  };
}
