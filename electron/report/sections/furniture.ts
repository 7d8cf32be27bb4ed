// The parts of a council committee report that are the author's own words: the implications
// (financial, legal, HR, equality) and the background papers. Each is printed only when written,
// so a paper never carries an empty heading or a placeholder.
import type { Block } from '../model';
import { paragraphs } from '../text';
import type { SectionInput } from './input';

const IMPLICATIONS = [
  ['financial', 'Financial implications'],
  ['legal', 'Legal implications'],
  ['hr', 'Human resources implications'],
  ['equality', 'Equality implications'],
] as const;

export function implicationsSection(input: SectionInput): Block[] {
  const blocks: Block[] = [];
  for (const [key, title] of IMPLICATIONS) {
    const text = paragraphs(input.config.implications[key]);
    if (!text.length) continue;
    blocks.push({ type: 'subheading', text: title });
    blocks.push(...text.map((t): Block => ({ type: 'paragraph', text: t })));
  }
  const c = paragraphs(input.config.commentary.implications);
  return blocks.length && c.length ? [{ type: 'commentary', paragraphs: c }, ...blocks] : blocks;
}

export function backgroundPapersSection(input: SectionInput): Block[] {
  // The app's field keeps blank lines while the author types; they are not papers.
  const papers = input.config.backgroundPapers.map((p) => p.trim()).filter((p) => p.length > 0);
  if (!papers.length) return [];
  return [
    { type: 'paragraph', text: 'The following documents were relied on in writing this report:' },
    { type: 'list', ordered: false, items: papers },
  ];
}
