// Vacancy against a loaded establishment: per team and role, the funded FTE not filled by
// directly employed social workers in post (agency cover does not fill a post, as in the DfE's
// vacancy count), never negative; summed over teams and roles. Support-worker posts are left
// out: this is the social-worker vacancy rate.
import type { IsoDate } from '../../shared/dates';
import type { Role } from '../../shared/domain';
import { covers, type Workforce } from './load';
import { percent, tidy } from './ratio';

/** One team and role of the establishment at D: its funded FTE and the FTE directly employed social workers fill. */
export interface PostFill {
  team: string;
  role: Role;
  funded: number;
  filled: number;
}

/** Per team and role, the funded FTE at D and what fills it (the figure and the drill-down's list both read this). */
export function postsAt(w: Workforce, d: IsoDate): PostFill[] {
  const posts = new Map<string, PostFill>();
  for (const e of w.establishment) {
    if (e.role === 'support_worker' || !covers(e.start, e.end, d)) continue;
    const key = JSON.stringify([e.team, e.role]);
    const p = posts.get(key);
    if (p) p.funded += e.fundedFte;
    else posts.set(key, { team: e.team, role: e.role, funded: e.fundedFte, filled: 0 });
  }
  for (const s of w.spells) {
    if (!s.direct || !s.socialWorker || !covers(s.start, s.end, d)) continue;
    const p = posts.get(JSON.stringify([s.team, s.role]));
    if (p) p.filled += s.fte;
  }
  return [...posts.values()];
}

export function vacancyAt(w: Workforce, d: IsoDate): { fte: number; rate: number | null } | null {
  if (w.establishment.length === 0) return null;
  let vacant = 0;
  let total = 0;
  for (const p of postsAt(w, d)) {
    total += p.funded;
    vacant += Math.max(0, p.funded - p.filled);
  }
  vacant = tidy(vacant);
  return { fte: vacant, rate: percent(vacant, tidy(total)) };
}
