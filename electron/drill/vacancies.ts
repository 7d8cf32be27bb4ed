// The vacancies behind the vacancy figure: per team and role of the loaded establishment, the
// funded FTE, the FTE filled by directly employed social workers and the gap (vacancy.ts's rule;
// the list's vacant column sums to the figure shown).
import { ROLE_LABEL } from '../../shared/domain';
import { formatLongDate } from '../../shared/dates';
import type { DrillList } from '../../shared/drill';
import { postsAt } from '../measures/vacancy';
import { tidy } from '../measures/ratio';
import { COLUMN, type DrillData } from './context';

export function vacanciesList(data: DrillData): DrillList {
  const d = data.asAt;
  const rows: DrillList['rows'] = [];
  let vacant = 0;
  for (const p of postsAt(data.posts, d)) {
    const fill = tidy(p.filled);
    const gap = tidy(Math.max(0, p.funded - fill));
    vacant += gap;
    if (gap > 0) rows.push([p.team, ROLE_LABEL[p.role], tidy(p.funded), fill, gap]);
  }
  rows.sort((a, b) => (b[4] as number) - (a[4] as number) || String(a[0]).localeCompare(String(b[0]), 'en-GB'));
  const census = data.w.establishment.length === 0 ? data.w.censusLa.find((r) => r.date === d) : undefined;
  return {
    kind: 'vacancies',
    asAt: d,
    title: `Vacant social worker posts at ${formatLongDate(d)}`,
    count: census ? census.vacanciesFte : tidy(vacant),
    columns: [
      COLUMN.team,
      COLUMN.role,
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
