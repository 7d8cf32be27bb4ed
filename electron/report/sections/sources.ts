// Section: data sources and definitions. Which files the figures come from, how each measure is
// defined (DOMAIN.md, after the DfE), what is left out, and a glossary for councillors.
import { formatLongDate, formatMonthShort } from '../../../shared/dates';
import { firstCoveredIndex, type CoverageNeed } from '../../../shared/coverage';
import type { Block, TableBlock } from '../model';
import { count, money, paragraphs } from '../text';
import { warningBlocks, type SectionInput } from './input';

const SOURCE_LABEL: Record<string, string> = {
  workers: 'HR workers and spells',
  agency: 'Agency workers',
  allocations: 'Case allocations',
  asye: 'ASYE register',
  establishment: 'Establishment (funded posts)',
  benchmark: 'DfE published indicators',
  neighbours: 'DfE statistical neighbours',
};

export const GLOSSARY: Array<{ term: string; definition: string }> = [
  { term: 'ASYE', definition: 'Assessed and Supported Year in Employment: the first year of a newly qualified social worker, with a protected caseload.' },
  { term: 'NQSW', definition: 'Newly qualified social worker.' },
  { term: 'FTE', definition: 'Full-time equivalent: a worker on three days a week counts as 0.6.' },
  { term: 'CIN', definition: 'Child in need.' },
  { term: 'CP', definition: 'Child protection.' },
  { term: 'CLA', definition: 'Child looked after.' },
  { term: 'Agency worker', definition: 'A social worker supplied by an agency, not employed by the council.' },
  { term: 'Turnover', definition: 'Leavers in the year as a share of those in post.' },
  { term: 'Caseload', definition: 'Cases per case-holding worker.' },
  { term: 'Statistical neighbours', definition: 'The ten councils the DfE judges most similar.' },
];

export function definitions(input: SectionInput): Array<{ term: string; definition: string }> {
  const s = input.context.settings;
  return [
    { term: 'Social workers', definition: 'Staff in the DfE census roles 1 to 6 (senior managers to case-holding and other qualified social workers). Support workers are not social workers and are shown separately.' },
    { term: 'In post', definition: 'Social workers employed directly by the council (permanent or fixed term) on the date. Headcount counts each person once; FTE adds up their hours.' },
    { term: 'Agency rate', definition: 'Agency social worker FTE as a share of all social worker FTE (agency plus in post).' },
    { term: 'Starters and leavers', definition: 'Directly employed social workers joining or leaving in the 12 months to the date. A move between roles or teams, or a return within 7 days, is not leaving.' },
    { term: 'Turnover rate', definition: 'Leavers FTE in the 12 months to the date as a share of FTE in post on the date (the DfE formula).' },
    { term: 'Stability index', definition: 'Of the directly employed social workers in post 12 months earlier, the share still in post on the date.' },
    { term: 'Average caseload', definition: 'Cases allocated on the date to social workers (in post or agency), divided by the number of social workers holding at least one case (per worker), or by their FTE (the DfE measure). A case worked by two people counts for each.' },
    { term: 'Threshold and cap', definition: `Social workers with more than ${s.caseloadThreshold} cases are over the threshold; ASYE workers with more than ${s.asyeCap} are over the cap.` },
    { term: 'Agency cost premium', definition: `Agency FTE × (${money(s.agencyAnnualCost)} agency annual cost − ${money(s.employeeAnnualCost)} employee annual cost).` },
    { term: 'Small numbers', definition: `In tables broken down by team, reason or cohort, counts from 1 to ${s.smallNumberThreshold} are shown as c, with further figures hidden where a total would reveal them. Council-wide totals are shown in full.` },
    { term: 'Symbols', definition: 'c suppressed; x unavailable; z not applicable (for example a rate with nothing to divide by).' },
  ];
}

/** What the imported records cover, and so from which month each kind of trend is drawn. */
export function coverageParagraph(input: SectionInput): string | null {
  const m = input.metrics;
  const c = m.coverage;
  if (!c || (!c.spellsFrom && !c.allocationsFrom)) return null;
  const first = (need: CoverageNeed) => {
    const i = firstCoveredIndex(m.series.map((p) => p.date), need, c);
    return i < m.series.length ? formatMonthShort(m.series[i]!.date) : null;
  };
  const parts = [
    c.spellsFrom ? `the staff records are complete from ${formatLongDate(c.spellsFrom)}` : 'there are no staff records',
    c.allocationsFrom ? `the case allocations from ${formatLongDate(c.allocationsFrom)}` : 'there are no case allocations',
  ];
  const starts = ([['caseloads', 'cases'], ['staff numbers and agency figures', 'staff'], ['turnover, which needs the 12 months before each month', 'history']] as const)
    .map(([what, need]) => [what, first(need)] as const)
    .map(([what, month]) => (month ? `${what} from ${month}` : `${what} not at all`));
  return `What the data covers: ${parts.join(' and ')} (the earliest date a record in each closed: an export lists only what was open or opened after it began). ` +
    (m.series.length > 1 ? `Each trend is drawn only over months those records cover fully: ${starts.join('; ')}.` : '');
}

function importsTable(input: SectionInput): TableBlock {
  const rows = input.context.imports.map((i) => [
    i.fileName,
    SOURCE_LABEL[i.source] ?? i.source,
    i.extractDate ? formatLongDate(i.extractDate) : 'not given',
    /^\d{4}-\d{2}-\d{2}/.test(i.importedAt) ? formatLongDate(i.importedAt.slice(0, 10)) : i.importedAt,
    count(i.rowsRead),
  ]);
  return {
    id: 'data-sources',
    caption: 'Files the figures in this paper come from',
    columns: [
      { header: 'File', align: 'left' },
      { header: 'Contents', align: 'left' },
      { header: 'Extract date', align: 'left' },
      { header: 'Imported', align: 'left' },
      { header: 'Rows', align: 'right' },
    ],
    rows,
    footnotes: [],
  };
}

export function sourcesSection(input: SectionInput): Block[] {
  const { metrics: m, context, config } = input;
  const blocks: Block[] = [];
  const commentary = paragraphs(config.commentary.sources);
  if (commentary.length) blocks.push({ type: 'commentary', paragraphs: commentary });
  blocks.push({
    type: 'paragraph',
    text:
      `Figures are at ${formatLongDate(m.asAt)} unless stated, compared with ${formatLongDate(m.yearAgo.asAt)}, and were produced on ` +
      `${formatLongDate(context.generatedOn)} with Scrutiny Pack from the council's HR, agency and case-management records. ` +
      'Every date range includes both its first and last day. No child\'s name or date of birth is held: case identifiers are stored in a scrambled (pseudonymised) form.',
  });
  const covers = coverageParagraph(input);
  if (covers) blocks.push({ type: 'paragraph', text: covers });
  blocks.push(...warningBlocks(m));
  if (context.imports.length) blocks.push({ type: 'table', table: importsTable(input) });
  else blocks.push({ type: 'paragraph', text: 'No import records were found for this database.' });
  blocks.push({
    type: 'paragraph',
    text: 'Exclusions: cases allocated to someone who was neither a social worker nor a support worker on the date (for example a leaver whose cases had not been closed) are left out of every caseload figure. Support workers\' cases are counted separately from social workers\'.',
  });
  blocks.push({ type: 'subheading', text: 'How each measure is defined' });
  blocks.push({ type: 'definitions', items: definitions(input) });
  blocks.push({ type: 'subheading', text: 'Glossary' });
  blocks.push({ type: 'definitions', items: GLOSSARY });
  return blocks;
}
