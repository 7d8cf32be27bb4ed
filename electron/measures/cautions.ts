// Plain-English cautions that travel with the figures (Metrics.warnings): where the as-at date
// lies outside what the data covers, or where staff records come from a snapshot with no
// history. The screens and the paper print them above the figures.
import { formatLongDate, type IsoDate } from '../../shared/dates';
import type { DataCoverage } from './coverage';

const listDates = (dates: IsoDate[]) => {
  const long = dates.map(formatLongDate);
  return long.length <= 1 ? (long[0] ?? '') : `${long.slice(0, -1).join(', ')} and ${long[long.length - 1]}`;
};

export function coverageCautions(asAt: IsoDate, c: DataCoverage): string[] {
  const out: string[] = [];
  const when = formatLongDate(asAt);
  if (c.firstSpellStart === null) {
    out.push('No staff records have been imported: there is nothing to count, so every figure is zero.');
  } else if (asAt < c.firstSpellStart) {
    out.push(`${when} is before the earliest staff record (which starts on ${formatLongDate(c.firstSpellStart)}): there is nothing to count at that date.`);
  } else if (c.firstAllocationStart !== null && asAt < c.firstAllocationStart) {
    out.push(
      `${when} is before the earliest case allocation imported (${formatLongDate(c.firstAllocationStart)}): caseload figures at that date count no cases.`,
    );
  }
  if (c.latest !== null && asAt > c.latest) {
    out.push(`${when} is after the latest data imported (${formatLongDate(c.latest)}): figures after that date assume nothing changed.`);
  }
  return out;
}

/** How the snapshot caution begins, so a renderer can tell "not available" from "not applicable". */
export const SNAPSHOT_CAUTION_START = 'Some staff records come from a Standard Safeguarding Dataset snapshot';

/** Whether these cautions include the snapshot one (turnover and stability are then null as "not available"). */
export function hasSnapshotCaution(warnings: readonly string[] | undefined): boolean {
  return (warnings ?? []).some((w) => w.startsWith(SNAPSHOT_CAUTION_START));
}

export function snapshotCaution(extractDates: IsoDate[]): string[] {
  if (!extractDates.length) return [];
  return [
    `${SNAPSHOT_CAUTION_START} (extract date ${listDates(extractDates)}), which has no start or leaving dates: ` +
      'starters, leavers, turnover and the stability index are not reliable; import HR spells for these.',
  ];
}
