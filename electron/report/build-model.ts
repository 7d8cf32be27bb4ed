// buildPaperModel: Metrics + configuration + context -> the paper as data. Pure (no database, no
// files), so the app can preview a paper from figures it already holds and tests can check the
// words and numbers without rendering.
import { formatLongDate } from '../../shared/dates';
import { PAPER_SECTIONS, PAPER_SECTION_TITLE, type PaperConfig, type PaperSectionId } from '../../shared/paper-config';
import type { Metrics } from '../../shared/metrics';
import type { PaperContext } from './context';
import type { Block, PaperModel, PaperSection } from './model';
import { Figures, type SectionInput } from './sections/input';
import { recommendationsSection, summarySection } from './sections/summary';
import { caseloadsSection } from './sections/caseloads';
import { agencySection } from './sections/agency';
import { recruitmentSection } from './sections/recruitment';
import { asyeSection } from './sections/asye';
import { childrenSection } from './sections/children';
import { whatIfSection } from './sections/whatif';
import { comparisonSection } from './sections/comparison';
import { sourcesSection } from './sections/sources';
import { appendixBlocks, type Appendix } from './sections/appendix';
import { backgroundPapersSection, implicationsSection } from './sections/furniture';
import { authorWarnings } from './warnings';

const BUILDERS: Record<Exclude<PaperSectionId, 'cover' | 'appendix'>, (input: SectionInput) => Block[]> = {
  implications: implicationsSection,
  backgroundPapers: backgroundPapersSection,
  summary: summarySection,
  recommendations: recommendationsSection,
  caseloads: caseloadsSection,
  agency: agencySection,
  recruitment: recruitmentSection,
  children: childrenSection,
  asye: asyeSection,
  comparison: comparisonSection,
  whatif: whatIfSection,
  sources: sourcesSection,
};

export function buildPaperModel(metrics: Metrics, config: PaperConfig, context: PaperContext): PaperModel {
  const givenName = config.councilName || context.councilName || '';
  const councilName = givenName || 'Council name not set';
  const meetingDate = config.meetingDate ? formatLongDate(config.meetingDate) : '';
  const figures = new Figures();
  const input: SectionInput = { metrics, config, context, figures };

  const sections: PaperSection[] = [];
  let number = 0;
  let appendix: Appendix | null = null;
  for (const id of PAPER_SECTIONS) {
    if (!config.sections[id] || id === 'cover') continue;
    const blocks = id === 'appendix' ? (appendix = appendixBlocks(figures.specs)).blocks : BUILDERS[id](input);
    // Author-text sections (implications, background papers) are left out when nothing is written.
    if (!blocks.length) continue;
    sections.push({ id, number: ++number, title: PAPER_SECTION_TITLE[id], blocks: numberParagraphs(blocks, number) });
  }

  // Each chart names the appendix table that holds its figures (several monthly charts share one).
  if (appendix) {
    for (const section of sections) {
      for (const b of section.blocks) {
        const t = b.type === 'chart' ? appendix.tableFor.get(b.spec.id) : undefined;
        if (b.type === 'chart' && t) {
          b.appendixTable = t.label;
          b.appendixId = t.id;
        }
      }
    }
  }

  const contacts = config.contactOfficers.map((c) => [c.name, c.role, c.email].filter(Boolean).join(', '));
  const contact = [config.contact, ...contacts].filter(Boolean).join('; ');
  // Empty author fields are left off rather than printed as placeholders; the author is warned
  // about the ones a published paper needs (warnings.ts). The meeting date is the exception: a
  // committee paper says when it will be heard, so "To be confirmed" stands until it is set.
  const optional = (term: string, definition: string) => (definition ? [{ term, definition }] : []);
  const cover = config.sections.cover
    ? [
        { term: 'Council', definition: councilName },
        { term: 'Committee', definition: config.committee },
        { term: 'Date of meeting', definition: meetingDate || 'To be confirmed' },
        ...optional('Report date', config.reportDate ? formatLongDate(config.reportDate) : ''),
        ...optional('Report of', config.reportOf),
        ...optional('Contact', contact),
        ...optional('Wards affected', config.wardsAffected),
        ...optional('Key decision', config.keyDecision),
        { term: 'Status', definition: config.status === 'public' ? 'Public' : 'Exempt (not for publication)' },
        { term: 'Figures as at', definition: formatLongDate(metrics.asAt) },
      ]
    : [];

  return {
    meta: {
      title: config.title,
      councilName,
      committee: config.committee,
      meetingDate,
      asAt: metrics.asAt,
      asAtLong: formatLongDate(metrics.asAt),
      author: `${councilName}: ${config.reportOf}`,
      subject: `Children's social work workforce at ${formatLongDate(metrics.asAt)}: caseloads, agency staffing, recruitment and retention`,
      keywords: 'social work, caseloads, agency, turnover, retention, ASYE, scrutiny',
      language: 'en-GB',
      status: config.status,
      generatedOn: context.generatedOn,
    },
    cover,
    sections,
    warnings: authorWarnings(config, context, givenName || null),
  };
}

/**
 * Numbers the section's paragraphs "3.1", "3.2", ... as committee reports do (the author's
 * commentary included), so a councillor can refer to one in the meeting. The appendix's data
 * tables and the tiles are not paragraphs and are not numbered.
 */
function numberParagraphs(blocks: Block[], section: number): Block[] {
  let k = 0;
  return blocks.map((b) => {
    if (b.type === 'paragraph') return { ...b, number: `${section}.${++k}` };
    if (b.type === 'commentary') return { ...b, numbers: b.paragraphs.map(() => `${section}.${++k}`) };
    return b;
  });
}
