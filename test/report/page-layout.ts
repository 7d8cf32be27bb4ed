// How a reader would find the paper's pages wanting, read back from the PDF with poppler
// (pdftotext -bbox: every word and its box) and from where pdfmake placed each table row:
//   - a heading, subheading or caption as the last thing on a page (its content on the next);
//   - a table split with a single row on either side of the page break;
//   - a page more than a third empty, unless it is a section's last (the next page starts a
//     section, or it is the paper's last page).
// Used by the layout tests (demo council, stress papers) and by `npm run bench report` on the
// 1,000,000-allocation council.
import type { PaperModel } from '../../electron/report/model';
import { pdfWordBoxes, unescapeXml, type WordBox } from './pdf-tools';

/** A4 height, and where the body ends: the page margins of render-pdf.ts (top 62, bottom 56). */
const PAGE_HEIGHT = 841.89;
const BODY_TOP = 62;
const BODY_BOTTOM = PAGE_HEIGHT - 56;
export const MAX_EMPTY_SHARE = 1 / 3;

export interface PageLine {
  page: number;
  text: string;
  yMin: number;
  yMax: number;
}

/** The body's lines on each page (running header and footer left out), top to bottom. */
export function bodyLines(words: WordBox[]): PageLine[][] {
  const pages: PageLine[][] = [];
  for (const w of words) {
    if (w.yMin < BODY_TOP - 4 || w.yMax > BODY_BOTTOM + 4) continue;
    const lines = (pages[w.page - 1] ??= []);
    // One line: words whose boxes overlap vertically by most of their height. Table cells in one
    // row are one line; a chart's labels are lines of their own.
    const line = lines.find((l) => Math.min(l.yMax, w.yMax) - Math.max(l.yMin, w.yMin) > 0.6 * (w.yMax - w.yMin));
    if (line) {
      line.text += ` ${unescapeXml(w.word)}`;
      line.yMin = Math.min(line.yMin, w.yMin);
      line.yMax = Math.max(line.yMax, w.yMax);
    } else lines.push({ page: w.page, text: unescapeXml(w.word), yMin: w.yMin, yMax: w.yMax });
  }
  const pageCount = words.reduce((n, w) => Math.max(n, w.page), 0);
  for (let p = 0; p < pageCount; p++) (pages[p] ??= []).sort((a, b) => a.yMin - b.yMin);
  return pages;
}

/** What may not end a page: section headings, subheadings, figure and table captions. */
export function headingTexts(model: PaperModel): string[] {
  const out: string[] = [];
  for (const s of model.sections) {
    out.push(`${s.number}. ${s.title}`);
    for (const b of s.blocks) {
      if (b.type === 'subheading') out.push(b.text);
      if (b.type === 'chart') out.push(`Figure ${b.figure}: ${b.spec.title}`);
      if (b.type === 'table') out.push(b.table.caption);
    }
  }
  return out;
}

const squash = (t: string) => t.replace(/\s+/g, ' ').trim();

/** A line that is a heading, or the start or end of one that wraps. */
function isHeadingLine(line: string, headings: string[]): string | undefined {
  const l = squash(line);
  return headings.find((h) => {
    const t = squash(h);
    return t === l || (l.length >= 12 && (t.startsWith(l) || t.endsWith(l)));
  });
}

/** Pages (1-based) whose row count of one table is a single row beside a page break. */
export interface TableRowPages {
  caption: string;
  /** Page of each body row (header rows and repeated headers left out), in order. */
  rowPages: number[];
}

export function strandedRows(tables: TableRowPages[]): string[] {
  const out: string[] = [];
  for (const t of tables) {
    const pages = [...new Set(t.rowPages)];
    if (pages.length < 2) continue;
    for (const p of pages) {
      const n = t.rowPages.filter((x) => x === p).length;
      if (n < 2) out.push(`"${t.caption}": ${n} row on page ${p}, the rest on page(s) ${pages.filter((x) => x !== p).join(', ')}`);
    }
  }
  return out;
}

export interface PageReport {
  pages: number;
  /** Share of the body left empty below the last line, per page. */
  emptyShare: number[];
  problems: string[];
}

/** Every layout problem in the paper: headings at a page foot, stranded rows, pages left empty. */
export function pageLayoutProblems(pdfFile: string, model: PaperModel, tables: TableRowPages[]): PageReport {
  const pages = bodyLines(pdfWordBoxes(pdfFile));
  const headings = headingTexts(model);
  const sectionHeadings = model.sections.map((s) => `${s.number}. ${s.title}`);
  const problems: string[] = [];
  const emptyShare: number[] = [];
  pages.forEach((lines, i) => {
    const page = i + 1;
    const last = lines.at(-1);
    const empty = last ? (BODY_BOTTOM - last.yMax) / (BODY_BOTTOM - BODY_TOP) : 1;
    emptyShare.push(empty);
    if (last) {
      const h = isHeadingLine(last.text, headings);
      if (h) problems.push(`page ${page} ends with the heading "${h}"`);
    }
    const next = pages[i + 1];
    const sectionLast = !next || (next[0] !== undefined && isHeadingLine(next[0].text, sectionHeadings) !== undefined);
    if (!sectionLast && empty > MAX_EMPTY_SHARE) {
      problems.push(`page ${page} is ${Math.round(empty * 100)}% empty, and the next page ("${next?.[0]?.text.slice(0, 50)}") does not start a section`);
    }
  });
  problems.push(...strandedRows(tables));
  return { pages: pages.length, emptyShare, problems };
}

interface LaidOutNode {
  positions?: Array<{ pageNumber: number }>;
  pdfTag?: { role?: string; table?: { captionRows: number; headerRows: number } };
  table?: { body: LaidOutNode[][] };
  text?: unknown;
  stack?: LaidOutNode[];
  [key: string]: unknown;
}

/** The page of each body row of every data table, from the laid-out definition (renderTaggedPdf). */
export function tableRowPagesOf(definition: { content: unknown }): TableRowPages[] {
  const out: TableRowPages[] = [];
  const firstPage = (n: LaidOutNode | undefined): number | undefined => n?.positions?.[0]?.pageNumber;
  const textOf = (n: LaidOutNode | undefined): string => (typeof n?.text === 'string' ? n.text : '');
  const visit = (node: unknown, caption: string): void => {
    if (Array.isArray(node)) {
      let last = caption;
      for (const n of node) {
        // A short table's caption is the paragraph just before it in the same stack.
        const t = n as LaidOutNode;
        if (t?.pdfTag?.role === 'Caption' && !t.table) last = textOf(t);
        visit(n, last);
      }
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as LaidOutNode;
    if (n.table && n.pdfTag?.role === 'Table' && n.pdfTag.table && n.pdfTag.table.headerRows > 0) {
      const skip = n.pdfTag.table.captionRows + n.pdfTag.table.headerRows;
      const ownCaption = n.pdfTag.table.captionRows ? textOf(n.table.body[0]?.[0]) : caption;
      const rowPages = n.table.body.slice(skip).map((row) => firstPage(row[0])).filter((p): p is number => p !== undefined);
      out.push({ caption: ownCaption, rowPages });
      return;
    }
    for (const v of Object.values(n)) if (v && typeof v === 'object') visit(v, caption);
  };
  visit(definition.content, '');
  return out;
}
