// The paper as a PDF: pdfmake lays out the model on A4 with the embedded open-licence font,
// a running header (council, committee, meeting), "Page X of Y", a contents list, bookmarks for
// every section, the document title shown in the viewer's title bar, and language en-GB in the
// catalog (/Lang). Charts are the shared recharts components drawn as vector SVG. Every node says
// what it is (`tagged(...)`, headings H1-H3, P, L, Table, Figure with its summary as Alt) and
// tagged/ writes the structure tree from that.
import PdfPrinter from 'pdfmake';
import type { Content, ContentColumns, ContentStack, ContentTable, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import { renderChartSvg } from './chart-svg';
import { FONT_NAME, paperFonts } from './fonts';
import { installSvgSizeShortcut } from './pdf-svg-size';
import { Refit, watchBlockMoves } from './pdf-fit';
import { chartHeight } from '../../shared/charts';
import { artifact, createTaggedPdfKitDocument, tagged, type PdfTag, type TaggingReport } from './tagged';
import type { Block, PaperModel, TableBlock, Tile } from './model';

const PAGE_MARGINS: [number, number, number, number] = [50, 62, 50, 56];
/** A4 width (595.28pt) less the side margins. */
export const CONTENT_WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];
const INK = '#1a1a1a';
const MUTED = '#4d4d4d';
const RULE = '#b3b3b3';
/** Tables with up to this many rows are kept on one page; longer ones split with repeated headers. */
const KEEP_TABLE_ROWS = 20;
/**
 * A chart that would move to the next page leaving more than this share of the page's body empty
 * is drawn lower to fit, down to MIN_CHART_SHARE of its height (lower, its plot would be cramped);
 * the layout tests require no page but a section's last to be more than a third empty.
 */
const MAX_GAP_SHARE = 0.3;
const MIN_CHART_SHARE = 0.65;
const MAX_REFITS = 12;

/**
 * How the PDF was fitted to its pages: charts drawn lower than their own height (points, by fitId
 * "figure-3"), and blocks otherwise kept whole that may split (the headline tiles, between rows).
 */
export interface PdfFit {
  chartHeights: Map<string, number>;
  split: Set<string>;
}

const TILES_FIT_ID = 'tiles';

const chartFitId = (figure: number) => `figure-${figure}`;

const STYLES: TDocumentDefinitions['styles'] = {
  council: { fontSize: 12, bold: true, color: INK },
  committee: { fontSize: 11, color: INK, margin: [0, 2, 0, 0] },
  title: { fontSize: 19, bold: true, color: INK, margin: [0, 14, 0, 12], lineHeight: 1.1 },
  h1: { fontSize: 14, bold: true, color: INK, margin: [0, 16, 0, 6] },
  h2: { fontSize: 11.5, bold: true, color: INK, margin: [0, 10, 0, 4] },
  caption: { fontSize: 9.5, bold: true, color: INK, margin: [0, 8, 0, 4] },
  body: { fontSize: 10, lineHeight: 1.3, color: INK, margin: [0, 0, 0, 7] },
  summary: { fontSize: 9, lineHeight: 1.3, color: INK, margin: [0, 2, 0, 2] },
  note: { fontSize: 8, lineHeight: 1.25, color: MUTED, margin: [0, 2, 0, 8] },
  th: { fontSize: 8.5, bold: true, color: INK },
  td: { fontSize: 8.5, color: INK },
  tileLabel: { fontSize: 9.5, bold: true, color: INK },
  tileValue: { fontSize: 20, bold: true, color: INK, margin: [0, 2, 0, 0] },
  tileText: { fontSize: 8.5, color: INK, lineHeight: 1.25 },
  running: { fontSize: 8, color: MUTED },
};

/** Rules above and below the header row and under the last row; `offset` header rows sit above it (a caption). */
function tableLayout(offset: number) {
  return {
    hLineWidth: (i: number, node: ContentTable) => (i < offset ? 0 : i === offset || i === offset + 1 || i === node.table.body.length ? 0.8 : 0.3),
    vLineWidth: () => 0,
    hLineColor: (i: number) => (i <= offset + 1 ? INK : RULE),
    paddingLeft: (i: number) => (i === 0 ? 0 : 6),
    paddingRight: () => 4,
    paddingTop: () => 3,
    paddingBottom: () => 3,
  };
}

const TABLE_LAYOUT = tableLayout(0);

function sectionAnchor(id: string): string {
  return `section-${id}`;
}

/** Average advance of the paper font (DejaVu Sans), in ems: generous, so a label is not wrapped by a misestimate. */
const AVERAGE_EM = 0.62;
const BOLD_EM = 0.68;

/** Estimated width of a table's longest row label at the table's font size. */
function labelColumnWidth(t: TableBlock): number {
  const size = 8.5;
  const width = (text: string, em: number) => text.length * size * em;
  const longest = Math.max(
    width(t.columns[0]?.header ?? '', BOLD_EM),
    ...t.rows.map((r) => width(r[0] ?? '', AVERAGE_EM)),
    width(t.totalRow?.[0] ?? '', BOLD_EM),
  );
  return Math.ceil(longest);
}

function tableContent(t: TableBlock): Content {
  const wide = t.columns.length > 6;
  // Wide tables (cohorts by outcome) use a smaller size so nine columns fit the page, and keep
  // their short row labels on one line.
  const size = wide ? { fontSize: 7.5 } : {};
  const header: TableCell[] = t.columns.map((c) => ({ text: c.header, style: 'th', alignment: c.align, ...size }));
  const body: TableCell[][] = [header];
  const keepLabels = wide || labelColumnWidth(t) < CONTENT_WIDTH * 0.25;
  const cell = (text: string, i: number, bold = false): TableCell => ({ text, style: 'td', bold, alignment: t.columns[i]?.align ?? 'left', noWrap: keepLabels && i === 0, ...size });
  for (const row of t.rows) body.push(row.map((text, i) => cell(text, i)));
  if (t.totalRow) body.push(t.totalRow.map((text, i) => cell(text, i, true)));
  // Wide tables give the spare width to the figures so the row labels are not squeezed. Others
  // give the spare width to the row labels; those short enough are kept on one line (so "Duty
  // and Assessment" does not wrap beside a figure column sized to its long header, which wraps instead).
  const widths = t.columns.map((_, i) => (wide ? (i === 0 ? 'auto' : '*') : i === 0 ? '*' : 'auto'));
  const notes = t.footnotes.map((f) => tagged({ text: f, style: 'note' }, 'P') as Content);
  if (t.rows.length <= KEEP_TABLE_ROWS) {
    // The caption is laid out before the table but belongs to it (Caption, first child of Table).
    const table = tagged({ table: { headerRows: 1, dontBreakRows: true, widths, body }, layout: tableLayout(0), margin: [0, 0, 0, 2] } as ContentTable, 'Table', {
      table: { captionRows: 0, headerRows: 1, rowHeaders: true },
    });
    const caption = tagged({ text: t.caption, style: 'caption' }, 'Caption', { parent: table.pdfTag as PdfTag });
    return { stack: [caption, table, ...notes], unbreakable: true, margin: [0, 0, 0, 6] } as ContentStack;
  }
  // A long table may run over pages: its caption is a header row, so it repeats on each page
  // and can never be left at the foot of a page, and at least five rows go with the headers.
  const captionRow: TableCell[] = [
    { text: t.caption, style: 'caption', colSpan: t.columns.length, margin: [0, 4, 0, 0] },
    ...t.columns.slice(1).map(() => ({ text: '' })),
  ];
  const table = tagged({
    table: { headerRows: 2, keepWithHeaderRows: 5, dontBreakRows: true, widths, body: [captionRow, ...body] },
    layout: tableLayout(1),
    margin: [0, 0, 0, 2],
  } as ContentTable, 'Table', { table: { captionRows: 1, headerRows: 1, rowHeaders: true } });
  return { stack: [table, ...notes], margin: [0, 0, 0, 6] };
}

function tileContent(tile: Tile): Content {
  return tagged({
    stack: [
      tagged({ text: tile.label, style: 'tileLabel' }, 'P'),
      tagged({ text: tile.value, style: 'tileValue' }, 'P'),
      tagged({ text: tile.caption, style: 'tileText', margin: [0, 0, 0, 4] }, 'P'),
      ...tile.details.map((d) => tagged({ text: d, style: 'tileText', bold: /Target (met|not met)/.test(d) }, 'P')),
    ],
  }, 'Div') as Content;
}

function tilesContent(tiles: Tile[], fit?: PdfFit): Content {
  const rows: TableCell[][] = [];
  for (let i = 0; i < tiles.length; i += 2) {
    rows.push([tileContent(tiles[i]!), tiles[i + 1] ? tileContent(tiles[i + 1]!) : { text: '' }] as TableCell[]);
  }
  // A layout grid, not a data table: each tile is a Div read in turn.
  const table = {
    pdfTag: { role: 'Div' },
    table: { widths: ['*', '*'], body: rows, dontBreakRows: true },
    layout: {
      hLineWidth: () => 0.8,
      vLineWidth: () => 0.8,
      hLineColor: () => RULE,
      vLineColor: () => RULE,
      paddingLeft: () => 8,
      paddingRight: () => 8,
      paddingTop: () => 7,
      paddingBottom: () => 7,
    },
  };
  // The four tiles are read together: not split across pages, unless kept whole they would leave
  // a third of a page empty; then they split between rows (each row of two tiles stays whole).
  const split = fit?.split.has(TILES_FIT_ID);
  return { stack: [table], ...(split ? {} : { unbreakable: true, fitId: TILES_FIT_ID }), margin: [0, 4, 0, 10] } as Content;
}

/** Blocks laid out as one unbreakable piece (see blockContent). */
function keptWhole(block: Block): boolean {
  return block.type === 'chart' || block.type === 'tiles' || (block.type === 'table' && block.table.rows.length <= KEEP_TABLE_ROWS);
}

/** A numbered paragraph: "3.1  At 30 September ..." (the number in bold). */
function numbered(number: string | undefined, text: string): Content {
  return (number ? [{ text: `${number}  `, bold: true }, text] : text) as Content;
}

function blockContentFitted(block: Block, fit?: PdfFit): Content {
  switch (block.type) {
    case 'paragraph':
      return tagged({ text: numbered(block.number, block.text), style: 'body' }, 'P');
    case 'commentary':
      return { stack: block.paragraphs.map((p, i) => tagged({ text: numbered(block.numbers?.[i], p), style: 'body' }, 'P')) };
    case 'subheading':
      return tagged({ text: block.text, style: 'h2', headlineLevel: 2 }, 'H3') as Content;
    case 'list':
      return tagged(block.ordered
        ? { ol: block.items.map((i) => ({ text: i, style: 'body', margin: [0, 0, 0, 3] })), margin: [10, 0, 0, 8] }
        : { ul: block.items.map((i) => ({ text: i, style: 'body', margin: [0, 0, 0, 3] })), margin: [10, 0, 0, 8] }, 'L') as Content;
    case 'tiles':
      return tilesContent(block.tiles, fit);
    case 'chart': {
      const chart = renderChartSvg(block.spec, CONTENT_WIDTH, fit?.chartHeights.get(chartFitId(block.figure)));
      return {
        fitId: chartFitId(block.figure),
        stack: [
          tagged({ text: `Figure ${block.figure}: ${block.spec.title}`, style: 'caption' }, 'P'),
          tagged({ svg: chart.svg, width: chart.width, height: chart.height }, 'Figure', { alt: block.spec.summary }),
          tagged({ text: block.spec.summary, style: 'summary' }, 'P'),
          tagged({ text: `The figures are in table ${block.appendixTable} of the appendix.`, style: 'note' }, 'P'),
        ],
        unbreakable: true,
        margin: [0, 2, 0, 6],
      } as ContentStack;
    }
    case 'table':
      return tableContent(block.table);
    case 'definitions':
      return {
        pdfTag: { role: 'Table', table: { captionRows: 0, headerRows: 0, rowHeaders: true } },
        table: {
          widths: [120, '*'],
          dontBreakRows: true,
          body: block.items.map((d) => [{ text: d.term, style: 'td', bold: true }, { text: d.definition, style: 'td' }]),
        },
        layout: { ...TABLE_LAYOUT, hLineWidth: () => 0.3, hLineColor: () => RULE },
        margin: [0, 0, 0, 8],
      } as Content;
  }
}

/**
 * The pdfmake document. `headings` receives each section heading's content node: pdfmake writes
 * the laid-out positions onto the node, which is how the bookmarks learn their pages.
 */
export function paperDocDefinition(model: PaperModel, headings?: Map<string, { positions?: Array<{ pageNumber: number }> }>, fit?: PdfFit): TDocumentDefinitions {
  const blockContent = (block: Block) => blockContentFitted(block, fit);
  const m = model.meta;
  const running = [m.councilName, m.committee, m.meetingDate].filter(Boolean).join('  ·  ');
  const content: Content[] = [
    tagged({ text: m.councilName, style: 'council' }, 'P'),
    tagged({ text: m.committee + (m.meetingDate ? `, ${m.meetingDate}` : ''), style: 'committee' }, 'P'),
    tagged({ text: m.title, style: 'title' }, 'H1'),
  ];
  if (model.cover.length) {
    content.push({
      pdfTag: { role: 'Table', table: { captionRows: 0, headerRows: 0, rowHeaders: true } },
      table: { widths: [110, '*'], body: model.cover.map((c) => [{ text: c.term, style: 'td', bold: true }, { text: c.definition, style: 'td' }]) },
      layout: { ...TABLE_LAYOUT, hLineWidth: () => 0.3, hLineColor: () => RULE },
      margin: [0, 0, 0, 12],
    } as Content);
  }
  // The contents title is its own node (not the toc's title) so it is a heading beside the TOC, not in it.
  content.push(tagged({ text: 'Contents', style: 'h2' }, 'H2') as Content);
  content.push(tagged({
    toc: { numberStyle: { fontSize: 9.5 }, textStyle: { fontSize: 9.5 } },
    margin: [0, 0, 0, 6],
  }, 'TOC') as Content);

  model.sections.forEach((section, i) => {
    const heading = {
      // The cover sheet (details and contents) stands on its own page, as council papers do.
      ...(i === 0 && model.cover.length ? { pageBreak: 'before' as const } : {}),
      text: `${section.number}. ${section.title}`,
      style: 'h1',
      pdfTag: { role: 'H2' } as PdfTag,
      headlineLevel: 1,
      id: sectionAnchor(section.id),
      tocItem: true,
      tocMargin: [0, 2, 0, 0],
    };
    // The heading, its introduction (up to two paragraphs) and a short first table
    // go as one unbreakable block, so a heading and introduction are never left at a page foot
    // while the table they introduce starts the next page.
    let start = 0;
    while (start < 2 && (section.blocks[start]?.type === 'paragraph' || section.blocks[start]?.type === 'commentary')) start++;
    const first = section.blocks[start];
    // Only tables: a section opening with text then a chart may flow (the text reads on its own),
    // and holding a whole chart back would leave half a page empty.
    if (first && first.type === 'table' && keptWhole(first)) {
      // No headlineLevel inside the block: the block keeps it with its text already, and a
      // page-break decision inside an unbreakable block makes pdfmake drop the block.
      const { pageBreak, headlineLevel: _level, ...rest } = heading;
      headings?.set(section.id, rest as { positions?: Array<{ pageNumber: number }> });
      content.push({
        stack: [rest as Content, ...section.blocks.slice(0, start).map(blockContent), blockContent(first)],
        unbreakable: true,
        ...(pageBreak ? { pageBreak } : {}),
      } as ContentStack);
      start++;
    } else {
      headings?.set(section.id, heading as { positions?: Array<{ pageNumber: number }> });
      content.push(heading as Content);
      start = 0;
    }
    for (let i = start; i < section.blocks.length; i++) {
      const block = section.blocks[i]!;
      const next = section.blocks[i + 1];
      // A subheading goes with the chart or short table after it as one unbreakable block,
      // so it can never be left at a page foot while they move over.
      if (block.type === 'subheading' && next && keptWhole(next)) {
        const kept = { stack: [tagged({ text: block.text, style: 'h2' }, 'H3'), blockContent(next)], unbreakable: true } as ContentStack;
        // Moved as one block: a chart inside is fitted by this block's move.
        content.push(next.type === 'chart' ? ({ ...kept, fitId: chartFitId(next.figure) } as ContentStack) : kept);
        i++;
        continue;
      }
      content.push(blockContent(block));
    }
  });

  return {
    content,
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    language: m.language,
    displayTitle: true,
    info: { title: m.title, author: m.author, subject: m.subject, keywords: m.keywords, creator: 'Scrutiny Pack', producer: 'Scrutiny Pack (pdfmake)' },
    defaultStyle: { font: FONT_NAME, fontSize: 10, color: INK },
    styles: STYLES,
    header: (currentPage: number) =>
      currentPage === 1
        ? { text: '' }
        : artifact<ContentStack | ContentColumns>({
            margin: [PAGE_MARGINS[0], 28, PAGE_MARGINS[2], 0],
            stack: [
              { text: running, style: 'running' },
              { canvas: [{ type: 'line', x1: 0, y1: 4, x2: CONTENT_WIDTH, y2: 4, lineWidth: 0.5, lineColor: RULE }] },
            ],
          }),
    footer: (currentPage: number, pageCount: number) => artifact<ContentStack | ContentColumns>({
      columns: [
        { text: m.status === 'exempt' ? 'Exempt: not for publication' : '', style: 'running' },
        { text: `Page ${currentPage} of ${pageCount}`, alignment: 'right', style: 'running' },
      ],
      margin: [PAGE_MARGINS[0], 20, PAGE_MARGINS[2], 0],
    }),
    // Keeps headings with what follows them: one with nothing after it on its page moves over.
    pageBreakBefore: (node, followingNodesOnPage) => {
      if (!(node as { headlineLevel?: number }).headlineLevel) return false;
      // "Nothing" means no text starting at least two lines above the foot (a table row that
      // starts there is pushed over by dontBreakRows while its recorded position stays here);
      // the running header and footer are among the nodes on every page and do not count.
      const foot = PAGE_MARGINS[1] + node.startPosition.pageInnerHeight - 28;
      return !followingNodesOnPage.some((n) => {
        const t = n as { text?: unknown; style?: unknown };
        return t.text !== undefined && t.style !== 'running' && n.startPosition.top < foot;
      });
    },
  };
}

/** Renders the paper to PDF bytes. */
export async function renderPdf(model: PaperModel): Promise<Buffer> {
  return (await renderTaggedPdf(model)).pdf;
}

/**
 * The PDF and what the tagging layer found (text outside every tag, elements written), with the
 * document definition as laid out (pdfmake has written each node's `positions` on it: where its
 * lines went, page by page; the layout tests read tables' rows from it) and the charts drawn lower
 * to fit (`fit`, see MAX_GAP_SHARE).
 */
export async function renderTaggedPdf(model: PaperModel): Promise<{ pdf: Buffer; tagging: TaggingReport; definition: TDocumentDefinitions; fit: PdfFit }> {
  installSvgSizeShortcut();
  const printer = new PdfPrinter(paperFonts());
  const nominal = new Map<string, number>();
  for (const s of model.sections) for (const b of s.blocks) if (b.type === 'chart') nominal.set(chartFitId(b.figure), chartHeight(b.spec));
  const fit: PdfFit = { chartHeights: new Map(), split: new Set() };
  for (let attempt = 0; ; attempt++) {
    const headings = new Map<string, { positions?: Array<{ pageNumber: number }> }>();
    const definition = paperDocDefinition(model, headings, fit);
    let laidOut: ReturnType<typeof createTaggedPdfKitDocument>;
    try {
      laidOut = watchBlockMoves((move) => {
        if (attempt >= MAX_REFITS || move.available <= move.body * MAX_GAP_SHARE) return;
        if (move.fitId === TILES_FIT_ID) throw new Refit(move.fitId, 'split');
        const own = nominal.get(move.fitId);
        if (own === undefined) return;
        const height = Math.floor((fit.chartHeights.get(move.fitId) ?? own) - (move.needed - move.available) - 1);
        if (height >= own * MIN_CHART_SHARE) throw new Refit(move.fitId, height);
      }, () => createTaggedPdfKitDocument(printer, definition, { bufferPages: true }));
    } catch (e) {
      if (!(e instanceof Refit)) throw e;
      if (e.change === 'split') fit.split.add(e.fitId);
      else fit.chartHeights.set(e.fitId, e.change);
      continue;
    }
    return writePdf(model, laidOut.doc, headings, { tagging: laidOut.report, definition, fit });
  }
}

function writePdf<T extends object>(model: PaperModel, doc: PDFKit.PDFDocument, headings: Map<string, { positions?: Array<{ pageNumber: number }> }>, extra: T): Promise<{ pdf: Buffer } & T> {
  // Bookmarks: pdfkit files an outline item under the current page, so visit each heading's page.
  const pdfkit = doc as unknown as {
    outline: { addItem(title: string): void };
    switchToPage(n: number): void;
    bufferedPageRange(): { start: number; count: number };
  };
  const range = pdfkit.bufferedPageRange();
  for (const section of model.sections) {
    const page = headings.get(section.id)?.positions?.[0]?.pageNumber;
    if (page === undefined || page - 1 >= range.start + range.count) continue;
    pdfkit.switchToPage(page - 1);
    pdfkit.outline.addItem(`${section.number}. ${section.title}`);
  }

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve({ pdf: Buffer.concat(chunks), ...extra }));
    doc.on('error', reject);
    doc.end();
  });
}
