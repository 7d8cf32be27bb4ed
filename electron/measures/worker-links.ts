// One worker, three identifiers: an allocation names its worker by whatever ID the case system
// exported (its own worker ID, the HR staff number, or the SWE number), while workers are held by
// HR staff number. Identifiers are joined into one worker wherever something says they belong
// together: a spell's SWE number (the natural key where present), a line of an ssd_professionals
// crosswalk or of the user's ID map. An allocation's ID then links to the staff ID with spells in
// its group. Built from the small tables only, so the measures can link the few thousand worker
// IDs that hold cases without touching the allocations.
import type { Db } from '../db/open';
import type { Workforce } from './load';
import type { UnlinkedWorkerId, WorkerLinkSummary } from '../../shared/import-types';

export type LinkVia = 'staff' | 'cms' | 'swe';

export type Link =
  | { staffId: string; via: LinkVia }
  | { staffId: null; why: 'unknown' | 'ambiguous'; candidates: string[] };

class Groups {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) root = p;
    // Path compression: every node on the way now points at the root.
    for (let n = x, p = this.parent.get(n); p !== undefined && p !== root; n = p, p = this.parent.get(n)) this.parent.set(n, root);
    return root;
  }
  has(x: string): boolean {
    return this.parent.has(x);
  }
  add(x: string): void {
    if (!this.parent.has(x)) this.parent.set(x, x);
  }
  join(a: string, b: string): void {
    this.add(a);
    this.add(b);
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra, rb);
  }
}

const node = (kind: 'S' | 'C' | 'W', id: string) => `${kind}\u0000${id}`;

export class WorkerLinker {
  private readonly groups = new Groups();
  /** Group root -> staff IDs with spells in it, the one with the latest spell start first. */
  private readonly staffByGroup = new Map<string, string[]>();
  private readonly cache = new Map<string, Link>();

  constructor(
    /** Staff ID -> the start of its latest spell. */
    private readonly staffWithSpells: ReadonlyMap<string, string>,
    spellSwe: readonly (readonly [string, string])[],
    crosswalk: readonly (readonly [string, string, string])[],
  ) {
    const g = this.groups;
    for (const id of staffWithSpells.keys()) g.add(node('S', id));
    for (const [staff, swe] of spellSwe) g.join(node('S', staff), node('W', swe));
    for (const [cms, staff, swe] of crosswalk) {
      const ids = [cms && node('C', cms), staff && node('S', staff), swe && node('W', swe)].filter((x): x is string => !!x);
      for (let i = 1; i < ids.length; i++) g.join(ids[0]!, ids[i]!);
    }
    for (const id of staffWithSpells.keys()) {
      const root = g.find(node('S', id));
      let list = this.staffByGroup.get(root);
      if (!list) this.staffByGroup.set(root, (list = []));
      list.push(id);
    }
    // A person rehired under a new staff number (same SWE number) is one group with two staff
    // IDs: an allocation that can only be placed in the group goes to the latest of them.
    for (const list of this.staffByGroup.values()) {
      list.sort((a, b) => (staffWithSpells.get(b)! < staffWithSpells.get(a)! ? -1 : staffWithSpells.get(b)! > staffWithSpells.get(a)! ? 1 : a < b ? -1 : 1));
    }
  }

  private staffIn(kind: 'C' | 'W', id: string): string[] {
    const n = node(kind, id);
    if (!this.groups.has(n)) return [];
    return this.staffByGroup.get(this.groups.find(n)) ?? [];
  }

  /**
   * The staff ID an allocation's worker ID links to: itself when it is a staff ID with spells;
   * otherwise the worker its case-system ID or SWE number belongs to. An ID that is one worker's
   * staff number and another worker's case-system ID or SWE number is ambiguous and not linked.
   */
  link(id: string): Link {
    const known = this.cache.get(id);
    if (known) return known;
    const direct = this.staffWithSpells.has(id);
    const sameGroup = direct ? new Set(this.staffByGroup.get(this.groups.find(node('S', id))) ?? []) : new Set<string>();
    let result: Link | null = null;
    const others: string[] = [];
    let via: LinkVia | null = null;
    for (const kind of ['C', 'W'] as const) {
      const found = this.staffIn(kind, id);
      if (found.length > 0 && via === null) via = kind === 'C' ? 'cms' : 'swe';
      for (const s of found) if (!sameGroup.has(s) && !others.includes(s)) others.push(s);
    }
    if (direct && others.length > 0) result = { staffId: null, why: 'ambiguous', candidates: [id, ...others] };
    else if (direct) result = { staffId: id, via: 'staff' };
    else if (others.length > 0 && via !== null) {
      // The case-system ID and the SWE number must not point at two different people.
      const viaC = this.staffIn('C', id);
      const viaW = this.staffIn('W', id);
      const clash = viaC.length > 0 && viaW.length > 0 && !viaW.includes(viaC[0]!);
      result = clash ? { staffId: null, why: 'ambiguous', candidates: others } : { staffId: others[0]!, via };
    } else result = { staffId: null, why: 'unknown', candidates: [] };
    this.cache.set(id, result);
    return result;
  }
}

/**
 * The linker of a database. Given the workforce the measures have already read, its spells are
 * taken from there (reading them again cost the demo council 18 ms of a 100 ms target).
 */
export function workerLinker(db: Db, w?: Workforce): WorkerLinker {
  const crosswalk = db.prepare(`SELECT cms_id, staff_id, swe_number FROM worker_identifier`).raw().all() as [string, string, string][];
  if (!w) {
    const spells = db.prepare(`SELECT staff_id, MAX(start_date) FROM spell GROUP BY staff_id`).raw().all() as [string, string][];
    const swe = db.prepare(`SELECT DISTINCT staff_id, swe_number FROM spell WHERE swe_number IS NOT NULL AND swe_number <> ''`).raw().all() as [string, string][];
    return new WorkerLinker(new Map(spells), swe, crosswalk);
  }
  const latestStart = new Map<string, string>();
  const swe: [string, string][] = [];
  for (const [staffId, spells] of w.spellsByStaff) {
    latestStart.set(staffId, spells.reduce((a, s) => (s.start > a ? s.start : a), spells[0]!.start));
    const numbers = new Set(spells.map((s) => s.swe).filter((x): x is string => !!x));
    for (const n of numbers) swe.push([staffId, n]);
  }
  return new WorkerLinker(latestStart, swe, crosswalk);
}

/** Merges per-worker-ID counts into per-staff-ID counts, through the links; unlinked IDs keep their own key. */
export function linkedCounts<T>(linker: WorkerLinker, counts: Map<string, T>, add: (a: T, b: T) => T): Map<string, T> {
  const out = new Map<string, T>();
  for (const [id, c] of counts) {
    const link = linker.link(id);
    const key = link.staffId ?? id;
    const had = out.get(key);
    out.set(key, had === undefined ? c : add(had, c));
  }
  return out;
}

/** How many allocations link to a worker, how, and which worker IDs do not (a full pass over allocations, grouped by worker ID). */
export function linkReport(db: Db, linker: WorkerLinker = workerLinker(db), listed = Number.POSITIVE_INFINITY): WorkerLinkSummary {
  const rows = db
    .prepare(`SELECT staff_id, COUNT(*), SUM(end_date IS NULL) FROM allocation GROUP BY staff_id`)
    .raw()
    .all() as [string, number, number][];
  const unlinked: UnlinkedWorkerId[] = [];
  const report: WorkerLinkSummary = { allocations: 0, linked: 0, unlinked: 0, linkedVia: { staff: 0, cms: 0, swe: 0 }, unlinkedIds: [], unlinkedIdCount: 0 };
  for (const [id, n, open] of rows) {
    report.allocations += n;
    const link = linker.link(id);
    if (link.staffId !== null) {
      report.linked += n;
      report.linkedVia[link.via] += n;
    } else {
      report.unlinked += n;
      unlinked.push({ id, allocations: n, openAllocations: open, why: link.why, candidates: link.candidates });
    }
  }
  unlinked.sort((a, b) => b.allocations - a.allocations || (a.id < b.id ? -1 : 1));
  report.unlinkedIdCount = unlinked.length;
  report.unlinkedIds = unlinked.slice(0, listed);
  return report;
}
