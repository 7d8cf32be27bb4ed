// What an import says beyond its row counts: the rows its layout leaves out on purpose (an IRO's
// involvement is not caseload; it is not an error either), and, after anything that changes how
// allocations reach workers, how many allocations link to a worker and which worker IDs do not.
import type { Db } from '../db/open';
import type { SkippedRows, WorkerLinkSummary } from '../../shared/import-types';
import { plural } from '../../shared/summaries';
import { linkReport } from '../measures/worker-links';

/** Worker IDs named in the import summary; the rest are counted (the Data screen lists them all). */
export const UNLINKED_IDS_LISTED = 50;
const NAMED_IN_MESSAGE = 5;

/** The converter's skip keys (reason, NUL, detail) as rows of the summary, largest reason first. */
export function skippedRows(counts: Record<string, number>): SkippedRows[] {
  const out = Object.entries(counts).map(([key, rows]) => {
    const [reason, detail] = key.split('\u0000');
    return { reason: reason!, detail: detail ?? null, rows };
  });
  const byReason = new Map<string, number>();
  for (const s of out) byReason.set(s.reason, (byReason.get(s.reason) ?? 0) + s.rows);
  return out.sort((a, b) => byReason.get(b.reason)! - byReason.get(a.reason)! || a.reason.localeCompare(b.reason) || b.rows - a.rows);
}

export function describeSkipped(skipped: readonly SkippedRows[]): string {
  if (skipped.length === 0) return '';
  const total = skipped.reduce((t, s) => t + s.rows, 0);
  const parts: string[] = [];
  for (const reason of [...new Set(skipped.map((s) => s.reason))]) {
    const of = skipped.filter((s) => s.reason === reason);
    const n = of.reduce((t, s) => t + s.rows, 0);
    const details = of.filter((s) => s.detail !== null).map((s) => `${s.detail} ${s.rows.toLocaleString('en-GB')}`);
    parts.push(`${reason}: ${n.toLocaleString('en-GB')}${details.length > 0 ? ` (${details.join(', ')})` : ''}`);
  }
  return ` ${plural(total, 'row')} skipped by design, not errors: ${parts.join('; ')}.`;
}

/** null when there are no allocations; cheap when there is nothing to link to yet. */
export function linkSummary(db: Db): WorkerLinkSummary | null {
  const allocations = (db.prepare(`SELECT COUNT(*) AS n FROM allocation`).get() as { n: number }).n;
  if (allocations === 0) return null;
  const anyWorker = db.prepare(`SELECT 1 FROM spell UNION ALL SELECT 1 FROM worker_identifier LIMIT 1`).get() !== undefined;
  if (!anyWorker) {
    // Nothing to link to: every allocation is unlinked, and grouping a million of them by worker
    // ID to say so would cost the first large import a third of a second.
    return { allocations, linked: 0, unlinked: allocations, linkedVia: { staff: 0, cms: 0, swe: 0 }, unlinkedIds: [], unlinkedIdCount: 0 };
  }
  return linkReport(db, undefined, UNLINKED_IDS_LISTED);
}

export function describeLinks(links: WorkerLinkSummary | null | undefined): string {
  if (!links) return '';
  const n = links.allocations.toLocaleString('en-GB');
  if (links.linked === 0 && links.unlinkedIdCount === 0) {
    return ` None of the ${n} allocations can be linked to a worker yet: import the HR file (or the SSD professionals extract) and, where the systems use different IDs, an ID map.`;
  }
  if (links.unlinked === 0) return ` All ${n} allocations are linked to a worker.`;
  const named = links.unlinkedIds.slice(0, NAMED_IN_MESSAGE).map((u) => `${u.id} (${u.allocations.toLocaleString('en-GB')}${u.why === 'ambiguous' ? ', ambiguous' : ''})`);
  const more = links.unlinkedIdCount - named.length;
  return (
    ` ${links.unlinked.toLocaleString('en-GB')} of ${n} allocations are not linked to any worker, so their cases are in no caseload: ` +
    `worker ${links.unlinkedIdCount === 1 ? 'ID' : 'IDs'} ${named.join(', ')}${more > 0 ? ` and ${plural(more, 'other')}` : ''}. ` +
    'Import the HR or agency file that has them, or an ID map (or SSD professionals extract) that says whose they are.'
  );
}
