// Section: ASYE cohorts. Each cohort's size, outcomes and retention (small numbers suppressed,
// and retention percentages hidden for cohorts too small to publish), and ASYE caseloads
// against the protected-caseload cap.
import { formatLongDate } from '../../../shared/dates';
import { suppressTable, suppressionFootnote, cellText, isSmallCount } from '../../../shared/suppression';
import type { Block, TableBlock } from '../model';
import { count, one, pct, paragraphs } from '../text';
import { distributionSpec } from './caseloads';
import type { SectionInput } from './input';
import type { AsyeCohort } from '../../../shared/metrics';

const OUTCOMES = [
  ['inProgress', 'In progress'],
  ['passed', 'Passed'],
  ['failed', 'Failed'],
  ['extended', 'Extended'],
  ['withdrawn', 'Withdrawn'],
  ['noOutcome', 'No outcome'],
] as const;

/** Members still in the programme at D (first period or extension); older Metrics lack the field. */
export function inProgramme(c: AsyeCohort): number {
  return c.inProgramme ?? c.inProgress;
}

/**
 * The cohort tables: outcomes (each person once, so a row adds up to the cohort's size) and
 * retention, which shares the suppressed sizes. Two tables rather than one of ten columns, which
 * would not fit an A4 page at a readable size.
 */
export function cohortTables(input: SectionInput): TableBlock[] {
  const { metrics: m, context } = input;
  const threshold = context.settings.smallNumberThreshold;
  const cohorts = m.asye.cohorts;
  // A totals row under a single cohort would repeat it, so it appears only for two or more.
  const many = cohorts.length > 1;
  // The outcome columns are exclusive (measures/asye.ts), so each row adds up to the cohort's size.
  // The "All cohorts" row is a breakdown total too (one failed ASYE across every cohort identifies
  // someone), so only the grand total is protected; cells are hidden around it instead.
  const t = suppressTable(cohorts.map((c) => OUTCOMES.map(([k]) => c[k] ?? 0)), { threshold, rowTotals: true, columnTotals: many, protectColumnTotals: false });
  const size = (i: number) => cellText(t.rowTotals![i]!, count);
  const suppressed = t.anySuppressed || cohorts.some((c) => isSmallCount(c.size, threshold));
  const totalSize = cohorts.reduce((s, c) => s + c.size, 0);
  const outcomes: TableBlock = {
    id: 'asye-cohorts',
    caption: `ASYE cohorts and their outcomes at ${formatLongDate(m.asAt)}`,
    columns: [
      { header: 'Cohort', align: 'left' },
      { header: 'Size', align: 'right' },
      ...OUTCOMES.map(([, label]) => ({ header: label, align: 'right' as const })),
    ],
    rows: cohorts.map((c, i) => [c.cohort, size(i), ...t.cells[i]!.map((cell) => cellText(cell, count))]),
    ...(t.columnTotals ? { totalRow: ['All cohorts', count(totalSize), ...t.columnTotals.map((c) => cellText(c, count))] } : {}),
    footnotes: [
      'Each person is counted once, under their outcome at the date; "no outcome": left before an outcome was recorded, or none recorded yet.',
      ...(suppressed ? [suppressionFootnote(threshold)] : []),
    ],
  };
  const retention: TableBlock = {
    id: 'asye-retention',
    caption: `Newly qualified social workers still employed 12 and 24 months after starting their ASYE, at ${formatLongDate(m.asAt)}`,
    columns: [
      { header: 'Cohort', align: 'left' },
      { header: 'Size', align: 'right' },
      { header: 'Retained after 12 months', align: 'right' },
      { header: 'Retained after 24 months', align: 'right' },
    ],
    rows: cohorts.map((c, i) => {
      const small = isSmallCount(c.size, threshold) || t.rowTotals![i]!.suppressed;
      const retained = (v: number | null) => (v === null ? 'not yet' : small || retentionDiscloses(c.size, v, threshold) ? 'c' : pct(v));
      return [c.cohort, size(i), retained(c.retained12m), retained(c.retained24m)];
    }),
    footnotes: [
      'Retained: the share of the cohort still employed by the council 12 and 24 months after starting their ASYE; "not yet" until that date has passed.',
      ...(suppressed ? [suppressionFootnote(threshold)] : []),
    ],
  };
  return [outcomes, retention];
}

/**
 * Whether a retention rate would reveal a small number: 90.9% of a cohort of 11 says one person
 * left. Hidden when either the number retained or the number not retained is 1 to the threshold.
 */
export function retentionDiscloses(size: number, ratePct: number, threshold: number): boolean {
  const retained = Math.round((ratePct / 100) * size);
  return isSmallCount(retained, threshold) || isSmallCount(size - retained, threshold);
}

export function asyeSection(input: SectionInput): Block[] {
  const { metrics: m, context, config, figures } = input;
  const blocks: Block[] = [];
  const commentary = paragraphs(config.commentary.asye);
  if (commentary.length) blocks.push({ type: 'commentary', paragraphs: commentary });
  const a = m.caseload.groups.asye;
  const cap = context.settings.asyeCap;
  const inProgress = m.asye.cohorts.reduce((s, c) => s + inProgramme(c), 0);
  blocks.push({
    type: 'paragraph',
    text:
      `Newly qualified social workers spend their first year in the Assessed and Supported Year in Employment (ASYE) with a protected caseload. ` +
      `At ${formatLongDate(m.asAt)}, ${count(inProgress)} ${inProgress === 1 ? 'was' : 'were'} in the programme (in their first year or an extension). ` +
      (a.caseHolders.headcount > 0
        ? `${count(a.caseHolders.headcount)} held cases, an average of ${one(a.averagePerWorker)} each against a cap of ${cap}; ` +
          `${m.caseload.asyeOverCap === 0 ? 'none was' : m.caseload.asyeOverCap === 1 ? '1 was' : `${count(m.caseload.asyeOverCap)} were`} above the cap.`
        : 'None held cases.'),
  });
  if (m.asye.cohorts.length) for (const table of cohortTables(input)) blocks.push({ type: 'table', table });
  else blocks.push({ type: 'paragraph', text: 'No ASYE register has been imported, so there are no cohorts to show.' });
  if (context.extras && a.caseHolders.headcount > 0) {
    blocks.push(figures.add(distributionSpec('asye-caseloads', `Caseloads of ASYE social workers against the cap at ${formatLongDate(m.asAt)}`,
      ['ASYE social worker', 'ASYE social workers'], context.extras.caseloadBands.asye, 'the cap', cap, m.asAt, context.settings.smallNumberThreshold)));
  }
  return blocks;
}
