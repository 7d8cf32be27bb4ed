// Who is working, and as what, on one date: the spells covering it, folded per staff ID. The
// in-post, agency and caseload measures all start from this.
import type { IsoDate } from '../../shared/dates';
import { covers, type Spell } from './load';
import { tidy } from './ratio';

export interface StaffAt {
  staffId: string;
  /** Sum of the FTE of covering directly employed social-worker spells (0 if none). */
  directSwFte: number;
  /** Sum of the FTE of covering agency social-worker spells (0 if none). */
  agencySwFte: number;
  /** Sum of the FTE of covering support-worker spells (0 if none). */
  supportFte: number;
  /**
   * The team the person counts in: the team of their covering social-work spell (or, for a
   * support worker, support-worker spell); when two cover the date, the one with the larger
   * FTE, then the later start (the newer role).
   */
  team: string | null;
  /** The spell the team comes from (a filter places the person by it). */
  main: Spell | null;
}

export function isSocialWorkerAt(s: StaffAt): boolean {
  return s.directSwFte > 0 || s.agencySwFte > 0;
}

/** A support worker at D: a support-worker spell covers D and no social-work spell does. */
export function isSupportWorkerAt(s: StaffAt): boolean {
  return !isSocialWorkerAt(s) && s.supportFte > 0;
}

export function staffAt(spells: readonly Spell[], d: IsoDate): Map<string, StaffAt> {
  const out = new Map<string, StaffAt>();
  const teamSpell = new Map<string, Spell>();
  for (const s of spells) {
    if (!covers(s.start, s.end, d)) continue;
    let a = out.get(s.staffId);
    if (!a) out.set(s.staffId, (a = { staffId: s.staffId, directSwFte: 0, agencySwFte: 0, supportFte: 0, team: null, main: null }));
    if (s.socialWorker) {
      if (s.direct) a.directSwFte += s.fte;
      else a.agencySwFte += s.fte;
    } else {
      a.supportFte += s.fte;
    }
    const prev = teamSpell.get(s.staffId);
    if (!prev || ranksAbove(s, prev)) teamSpell.set(s.staffId, s);
  }
  for (const [id, s] of teamSpell) {
    const a = out.get(id)!;
    a.team = s.team;
    a.main = s;
  }
  return out;
}

// Social-work spells outrank support-worker ones (a person who is both counts as a social
// worker), then larger FTE, then the later start.
function ranksAbove(a: Spell, b: Spell): boolean {
  if (a.socialWorker !== b.socialWorker) return a.socialWorker;
  if (a.fte !== b.fte) return a.fte > b.fte;
  return a.start > b.start;
}

export interface Totals {
  inPost: { headcount: number; fte: number };
  agency: { headcount: number; fte: number };
}

export function totals(at: Map<string, StaffAt>): Totals {
  const t: Totals = { inPost: { headcount: 0, fte: 0 }, agency: { headcount: 0, fte: 0 } };
  for (const s of at.values()) {
    if (s.directSwFte > 0) {
      t.inPost.headcount++;
      t.inPost.fte += s.directSwFte;
    }
    if (s.agencySwFte > 0) {
      t.agency.headcount++;
      t.agency.fte += s.agencySwFte;
    }
  }
  t.inPost.fte = tidy(t.inPost.fte);
  t.agency.fte = tidy(t.agency.fte);
  return t;
}
