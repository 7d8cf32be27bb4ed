// The paper as a Word document (.docx), for the council's committee template:
//   renderDocx(model, config)                          the full paper: cover block, sections,
//                                                      the author's furniture, page numbers
//   renderDocx(model, config, { mode: 'appendix' })    the figures as an appendix to the council's
//                                                      own report, with drafted paragraphs to paste
//   renderDocx(model, config, { template: bytes })     in the council's own .docx (template.ts)
import {
  AlignmentType, Document, Footer, Header, LevelFormat, LineRuleType, Packer, PageNumber, Paragraph, TextRun,
  type FileChild, type INumberingOptions, type IStylesOptions,
} from 'docx';
import type { PaperConfig } from '../../../shared/paper-config';
import type { PaperModel } from '../model';
import { authorParagraphs, blockContent, chartContent, furniture, heading, ORDERED_LIST, sectionContent, termTable } from './body';
import { fillTemplate, type DocxTemplate } from './template';
import { prerenderChartPngs } from './chart-png';
import { DOCX_TEXT_WIDTH_PT } from './body';

export { readDocxTemplate, type DocxTemplate } from './template';

export type DocxMode = 'paper' | 'appendix';

export interface DocxOptions {
  mode?: DocxMode;
  template?: DocxTemplate;
}

const NUMBERING: INumberingOptions = {
  config: [{
    reference: ORDERED_LIST,
    levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 567, hanging: 397 } } } }],
  }],
};

/** Plain styles for a paper without a template: Arial, as most councils' templates use. */
const STYLES: IStylesOptions = {
  default: {
    document: { run: { font: 'Arial', size: 22 }, paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } } },
    heading1: { run: { font: 'Arial', size: 36, bold: true }, paragraph: { spacing: { before: 240, after: 160 } } },
    heading2: { run: { font: 'Arial', size: 28, bold: true }, paragraph: { spacing: { before: 320, after: 120 } } },
    heading3: { run: { font: 'Arial', size: 24, bold: true }, paragraph: { spacing: { before: 200, after: 80 } } },
  },
  paragraphStyles: [
    { id: 'Caption', name: 'Caption', basedOn: 'Normal', next: 'Normal', run: { bold: true, size: 20 }, paragraph: { spacing: { before: 200, after: 80 } } },
    { id: 'PaperNote', name: 'Paper note', basedOn: 'Normal', next: 'Normal', run: { size: 18, color: '4D4D4D' } },
  ],
};

function coverBlock(model: PaperModel, config: PaperConfig): FileChild[] {
  const m = model.meta;
  const details = [...model.cover];
  if (config.keyDecision) details.splice(Math.min(4, details.length), 0, { term: 'Key decision', definition: config.keyDecision });
  if (config.reportDate) details.push({ term: 'Report date', definition: config.reportDate });
  return [
    new Paragraph({ children: [new TextRun({ text: m.councilName, bold: true, size: 28 })] }),
    new Paragraph({ children: [new TextRun(m.committee + (m.meetingDate ? `, ${m.meetingDate}` : ''))] }),
    heading(m.title, 1),
    ...(details.length ? [termTable(details)] : []),
  ];
}

/** The full paper: cover block, numbered sections, reasons after the recommendations, the implications and background papers before the appendix. */
function paperBody(model: PaperModel, config: PaperConfig): FileChild[] {
  const { reasons, closing } = furniture(config);
  const out: FileChild[] = [...coverBlock(model, config)];
  let closed = false;
  for (const section of model.sections) {
    if (section.id === 'appendix' && !closed) {
      out.push(...closing);
      closed = true;
    }
    out.push(...sectionContent(section));
    if (section.id === 'recommendations') out.push(...reasons);
  }
  if (!closed) out.push(...closing);
  return out;
}

/**
 * The appendix to the council's own report: the figures (no cover block, no recommendations,
 * no page numbers of its own) and, first, paragraphs drafted from them for the author to paste
 * into the report itself.
 */
function appendixBody(model: PaperModel): FileChild[] {
  const m = model.meta;
  const drafted: string[] = [];
  for (const section of model.sections) {
    for (const block of section.blocks) {
      if (block.type === 'paragraph' && section.id === 'summary') drafted.push(block.text);
      if (block.type === 'tiles') {
        for (const t of block.tiles) drafted.push(`${t.label}: ${t.value} ${t.caption}. ${t.details.join('. ')}.`.replace(/\.\./g, '.'));
      }
      if (block.type === 'chart') drafted.push(block.spec.summary);
    }
  }
  const out: FileChild[] = [
    heading(`Appendix: ${m.title}`, 1),
    new Paragraph({ children: [new TextRun(`${m.councilName}. Figures at ${m.asAtLong}.`)] }),
    heading('Paragraphs for the report', 2),
    new Paragraph({ style: 'PaperNote', children: [new TextRun('Drafted from the figures below, to paste into the covering report and edit.')] }),
    ...drafted.map((text) => new Paragraph({ children: [new TextRun(text)] })),
  ];
  for (const section of model.sections) {
    if (section.id === 'recommendations') continue;
    out.push(heading(section.title, 2));
    for (const block of section.blocks) out.push(...(block.type === 'chart' ? chartContent(block, section.id !== 'appendix') : blockContent(block)));
  }
  return out;
}

function runningHeader(model: PaperModel): Header {
  const m = model.meta;
  return new Header({ children: [new Paragraph({ style: 'PaperNote', children: [new TextRun([m.councilName, m.committee, m.meetingDate].filter(Boolean).join('  ·  '))] })] });
}

function pageFooter(model: PaperModel): Footer {
  return new Footer({
    children: [new Paragraph({
      style: 'PaperNote',
      alignment: AlignmentType.RIGHT,
      children: [
        new TextRun(model.meta.status === 'exempt' ? 'Exempt: not for publication.  ' : ''),
        new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
      ],
    })],
  });
}

export async function renderDocx(model: PaperModel, config: PaperConfig, options: DocxOptions = {}): Promise<Buffer> {
  const mode = options.mode ?? 'paper';
  await prerenderChartPngs(model.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'chart' ? [b.spec] : []))), DOCX_TEXT_WIDTH_PT);
  const children = mode === 'appendix' ? appendixBody(model) : paperBody(model, config);
  if (options.template?.placeholder) return fillTemplate(options.template, children, NUMBERING);
  const doc = new Document({
    title: model.meta.title,
    creator: 'Scrutiny Pack',
    subject: model.meta.subject,
    keywords: model.meta.keywords,
    description: model.meta.author,
    numbering: NUMBERING,
    // A template without the {{paper}} placeholder still lends its styles (fonts, heading styles, colours).
    ...(options.template ? { externalStyles: options.template.stylesXml } : { styles: STYLES }),
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1418, bottom: 1418, left: 1418, right: 1418 } } },
      ...(mode === 'paper' ? { headers: { default: runningHeader(model) }, footers: { default: pageFooter(model) } } : {}),
      children,
    }],
  });
  return Packer.toBuffer(doc);
}

