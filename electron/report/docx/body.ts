// The paper's body as Word content (docx package): section headings in Word's own Heading 1-3
// styles (so the navigation pane, a table of contents and screen readers see them), real Word
// tables whose header row repeats on each page, charts as print-resolution PNGs with their
// summaries as alternative text, and the council report's usual furniture from the author.
import {
  AlignmentType, BorderStyle, HeadingLevel, ImageRun, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
  type FileChild,
} from 'docx';
import type { PaperConfig } from '../../../shared/paper-config';
import type { Block, PaperSection, TableBlock, Tile } from '../model';
import { renderChartPng } from './chart-png';

/** A4 less 2.5 cm margins each side: the text width in points (the charts are drawn at it). */
export const DOCX_TEXT_WIDTH_PT = 595.28 - 2 * 70.87;
/** docx sizes images in pixels at 96 to the inch. */
const PX_PER_PT = 96 / 72;
export const ORDERED_LIST = 'paper-ordered';

/** As the PDF (render-pdf.ts): tables up to this many rows are kept on one page. */
const KEEP_TABLE_ROWS = 20;
const RULE = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

function para(text: string, options: { bold?: boolean; style?: string; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({ style: options.style, keepNext: options.keepNext, children: [new TextRun({ text, bold: options.bold })] });
}

/** Author text: paragraphs separated by blank lines, lines within a paragraph kept. */
export function authorParagraphs(text: string): Paragraph[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => new Paragraph({ children: p.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 })) }));
}

export function heading(text: string, level: 1 | 2 | 3): Paragraph {
  const style = level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
  // Kept with what follows it, and never split over two pages itself.
  return new Paragraph({ heading: style, keepNext: true, keepLines: true, children: [new TextRun(text)] });
}

function cell(text: string, options: { header?: boolean; align?: 'left' | 'right'; bold?: boolean; keepNext?: boolean; small?: boolean }): TableCell {
  return new TableCell({
    children: [new Paragraph({
      alignment: options.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      keepNext: options.keepNext ?? true,
      spacing: { after: 40 },
      children: [new TextRun({ text, bold: options.header || options.bold, size: options.small ? 16 : 20 })],
    })],
    borders: { top: options.header ? RULE : NONE, bottom: RULE, left: NONE, right: NONE },
  });
}

/** The text width in twips (A4 less 2.5 cm margins). */
export const TEXT_WIDTH_TWIPS = 11906 - 2 * 1418;

/** Row labels get 40% (25% in wide tables), the figures share the rest. */
function columnWidths(count: number): number[] {
  if (count < 2) return [TEXT_WIDTH_TWIPS];
  const first = Math.round(TEXT_WIDTH_TWIPS * (count > 6 ? 0.25 : 0.4));
  const rest = Math.floor((TEXT_WIDTH_TWIPS - first) / (count - 1));
  return [first, ...Array.from({ length: count - 1 }, () => rest)];
}

export function dataTable(t: TableBlock): FileChild[] {
  // As in the PDF: a short table is kept on one page with its caption; a long one keeps its
  // header and first five rows together, and its header row repeats on each page.
  const small = t.columns.length > 6;
  const lines = [...t.rows.map((r) => ({ values: r, bold: false })), ...(t.totalRow ? [{ values: t.totalRow, bold: true }] : [])];
  const keepRows = t.rows.length <= KEEP_TABLE_ROWS ? lines.length - 1 : 5;
  // A long table's last row goes over with the one before it, never alone on a page.
  const keepsNext = (r: number) => r < keepRows || r === lines.length - 2;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map((c) => cell(c.header, { header: true, align: c.align, small })),
  });
  const rows = [header, ...lines.map((line, r) =>
    new TableRow({ cantSplit: true, children: line.values.map((v, i) => cell(v, { align: t.columns[i]?.align, bold: line.bold, keepNext: keepsNext(r), small })) }))];
  return [
    new Paragraph({ style: 'Caption', keepNext: true, keepLines: true, children: [new TextRun(t.caption)] }),
    new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths: columnWidths(t.columns.length) }),
    ...t.footnotes.map((f) => para(f, { style: 'PaperNote' })),
  ];
}

/** Term and definition pairs (the cover details, the glossary): a two-column table, terms in bold. */
export function termTable(items: Array<{ term: string; definition: string }>): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [Math.round(TEXT_WIDTH_TWIPS * 0.3), TEXT_WIDTH_TWIPS - Math.round(TEXT_WIDTH_TWIPS * 0.3)],
    rows: items.map((d) => new TableRow({ cantSplit: true, children: [cell(d.term, { bold: true, keepNext: false }), cell(d.definition, { keepNext: false })] })),
  });
}

function tileParagraphs(tile: Tile): Paragraph[] {
  return [
    para(tile.label, { bold: true, keepNext: true }),
    new Paragraph({ keepNext: true, children: [new TextRun({ text: tile.value, bold: true, size: 36 }), new TextRun({ text: ` ${tile.caption}` })] }),
    ...tile.details.map((d) => para(d, { bold: /Target (met|not met)/.test(d) })),
  ];
}

export function chartContent(block: Extract<Block, { type: 'chart' }>, withPointer = true): FileChild[] {
  const chart = renderChartPng(block.spec, DOCX_TEXT_WIDTH_PT);
  const title = `Figure ${block.figure}: ${block.spec.title}`;
  return [
    new Paragraph({ style: 'Caption', keepNext: true, keepLines: true, children: [new TextRun(title)] }),
    new Paragraph({
      keepNext: true,
      children: [new ImageRun({
        type: 'png',
        data: chart.png,
        transformation: { width: Math.round(chart.widthPt * PX_PER_PT), height: Math.round(chart.heightPt * PX_PER_PT) },
        altText: { name: `figure-${block.figure}`, title, description: block.spec.summary },
      })],
    }),
    para(block.spec.summary),
    ...(withPointer ? [para(`The figures are in table ${block.appendixTable} of the appendix.`, { style: 'PaperNote' })] : []),
  ];
}

/** Each ordered list restarts at 1: Word numbers lists sharing an instance on from each other. */
let listInstance = 0;

export function blockContent(block: Block): FileChild[] {
  const instance = ++listInstance;
  switch (block.type) {
    case 'paragraph':
      return [para(block.text)];
    case 'commentary':
      return block.paragraphs.map((p) => para(p));
    case 'subheading':
      return [heading(block.text, 3)];
    case 'list':
      return block.items.map((item) =>
        new Paragraph({
          children: [new TextRun(item)],
          ...(block.ordered ? { numbering: { reference: ORDERED_LIST, level: 0, instance } } : { bullet: { level: 0 } }),
        }),
      );
    case 'tiles':
      return block.tiles.flatMap(tileParagraphs);
    case 'chart':
      return chartContent(block);
    case 'table':
      return dataTable(block.table);
    case 'definitions':
      return [termTable(block.items)];
  }
}

export function sectionContent(section: PaperSection, numbered = true): FileChild[] {
  return [heading(numbered && section.number !== null ? `${section.number}. ${section.title}` : section.title, 2), ...section.blocks.flatMap(blockContent)];
}

/**
 * The council report's furniture the author wrote. The paper model now carries all of it (reasons
 * under the recommendations, the implications and background-papers sections, contact on the
 * cover), so Word adds nothing of its own: the same words appear once, where the PDF has them.
 */
export function furniture(_config: PaperConfig): { reasons: FileChild[]; closing: FileChild[] } {
  return { reasons: [], closing: [] };
}

