// Vacancy against a loaded establishment: per team and role, the funded FTE not filled by
// directly employed social workers in post (agency cover does not fill a post, as in the DfE's
// vacancy count), never negative; summed over teams and roles. Support-worker posts are left
// out: this is the social-worker vacancy rate.
import type { IsoDate } from '../../shared/dates';
import { covers, type Workforce } from './load';
import { percent, tidy } from './ratio';

export function vacancyAt(w: Workforce, d: IsoDate): { fte: number; rate: number | null } | null {
  if (w.establishment.length === 0) return null;
  const funded = new Map<string, number>();
  for (const e of w.establishment) {
    if (e.role === 'support_worker' || !covers(e.start, e.end, d)) continue;
    const key = JSON.stringify([e.team, e.role]);
    funded.set(key, (funded.get(key) ?? 0) + e.fundedFte);
  }
  const filled = new Map<string, number>();
  for (const s of w.spells) {
    if (!s.direct || !s.socialWorker || !covers(s.start, s.end, d)) continue;
    const key = JSON.stringify([s.team, s.role]);
    if (funded.has(key)) filled.set(key, (filled.get(key) ?? 0) + s.fte);
  }
  let vacant = 0;
  let total = 0;
  for (const [key, f] of funded) {
    total += f;
    vacant += Math.max(0, f - (filled.get(key) ?? 0));
  }
  vacant = tidy(vacant);
  return { fte: vacant, rate: percent(vacant, tidy(total)) };
}
