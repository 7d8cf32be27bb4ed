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
import { appendixBlocks } from './sections/appendix';

const BUILDERS: Record<Exclude<PaperSectionId, 'cover' | 'appendix'>, (input: SectionInput) => Block[]> = {
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
  const councilName = config.councilName || context.councilName || 'Council name not set';
  const meetingDate = config.meetingDate ? formatLongDate(config.meetingDate) : '';
  const figures = new Figures();
  const input: SectionInput = { metrics, config, context, figures };

  const sections: PaperSection[] = [];
  let number = 0;
  for (const id of PAPER_SECTIONS) {
    if (!config.sections[id] || id === 'cover') continue;
    const blocks = id === 'appendix' ? appendixBlocks(figures.specs) : BUILDERS[id](input);
    sections.push({ id, number: ++number, title: PAPER_SECTION_TITLE[id], blocks });
  }

  const contacts = config.contactOfficers.map((c) => [c.name, c.role, c.email].filter(Boolean).join(', '));
  const cover = config.sections.cover
    ? [
        { term: 'Council', definition: councilName },
        { term: 'Committee', definition: config.committee },
        { term: 'Date of meeting', definition: meetingDate || 'To be confirmed' },
        { term: 'Report of', definition: config.reportOf },
        { term: 'Contact officers', definition: contacts.length ? contacts.join('; ') : 'Not given' },
        { term: 'Wards affected', definition: config.wardsAffected },
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
  };
}
