// The tagged PDF, read back with poppler (pdfinfo -struct-text) and qpdf: headings in order,
// tables with header cells, figures with their summaries as alternative text, lists, the
// running header and footer left out as artifacts, and no other text outside the tree.
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import PdfPrinter from 'pdfmake';
import { tempDb, tempDir } from '../support/tmp';
import { buildPaperFromDb } from '../../electron/report/index';
import { execFileSync } from 'node:child_process';
import { paperDocDefinition, renderTaggedPdf, type PdfFit } from '../../electron/report/render-pdf';
import { paperFonts, FONT_NAME } from '../../electron/report/fonts';
import { createTaggedPdfKitDocument, tagged } from '../../electron/report/tagged';
import type { TaggingReport } from '../../electron/report/tagged';
import type { PaperModel } from '../../electron/report/model';
import { seedFixture, FIXTURE_AS_AT } from './fixture';
import { PDF_TOOLS_AVAILABLE, pdfInfo, pdfWordBoxes, qpdfCheck, unescapeXml } from './pdf-tools';
import { allText, figureAlts, pdfStructTree, walk, type StructNode } from './tagged-pdf-tools';

function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

describe.skipIf(!PDF_TOOLS_AVAILABLE)('tagged PDF of the committee paper (fixture database)', () => {
  const dir = tempDir('scrutiny-tagged-');
  let file = '';
  let model: PaperModel;
  let tagging: TaggingReport;
  let tree: StructNode[] = [];
  const nodes: StructNode[] = [];
  // Charts drawn lower to fit a page (render-pdf.ts): the untagged comparison draws the same.
  let fit: PdfFit | undefined;

  beforeAll(async () => {
    const { db } = tempDb();
    seedFixture(db);
    model = buildPaperFromDb(db, {
      asAt: FIXTURE_AS_AT,
      generatedOn: '2018-07-02',
      config: { meetingDate: '2018-07-17', recommendations: ['Note the rise in agency use.', 'Ask for a report on retention.'] },
    });
    const out = await renderTaggedPdf(model);
    tagging = out.tagging;
    fit = out.fit;
    file = path.join(dir, 'paper.pdf');
    fs.writeFileSync(file, out.pdf);
    tree = pdfStructTree(file);
    walk(tree, (n) => nodes.push(n));
  });

  it('is marked as tagged, in en-GB, with its title shown, and passes qpdf --check', () => {
    expect(pdfInfo(file).Tagged).toBe('yes');
    const r = qpdfCheck(file);
    expect(r.ok, r.output).toBe(true);
    expect(tree.map((n) => n.role)).toEqual(['Document']);
  });

  it('has the title as H1, each section as H2 and each subheading as H3, in the order they are printed', () => {
    const headings = nodes.filter((n) => /^H\d$/.test(n.role)).map((n) => `${n.role} ${allText(n)}`);
    const expected = [`H1 ${model.meta.title}`, 'H2 Contents'];
    for (const s of model.sections) {
      expected.push(`H2 ${s.number}. ${s.title}`);
      for (const b of s.blocks) if (b.type === 'subheading') expected.push(`H3 ${b.text}`);
    }
    expect(headings).toEqual(expected);
  });

  it('gives every table header cells, and every data table a header row', () => {
    const tables = nodes.filter((n) => n.role === 'Table');
    const modelTables = model.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'table'));
    expect(tables.length).toBeGreaterThanOrEqual(modelTables.length);
    for (const t of tables) {
      const rows = t.children.filter((c) => c.role === 'TR');
      expect(rows.length, allText(t).slice(0, 60)).toBeGreaterThan(0);
      for (const row of rows) expect(row.children.some((c) => c.role === 'TH'), allText(row)).toBe(true);
    }
    // Each captioned table: Caption first, then a header row of TH scope Column.
    for (const block of modelTables) {
      const t = tables.find((n) => n.children[0]?.role === 'Caption' && allText(n.children[0]) === block.table.caption);
      expect(t, block.table.caption).toBeDefined();
      const header = t!.children.find((c) => c.role === 'TR')!;
      expect(header.children.map((c) => c.role)).toEqual(block.table.columns.map(() => 'TH'));
      expect(header.children.map(allText)).toEqual(block.table.columns.map((c) => c.header));
      expect(header.children[0]!.attributes).toContain('/Scope /Column');
      // Header rows repeated on a later page are artifacts: each table has its header row once.
      expect(t!.children.filter((c) => c.role === 'TR').length).toBe(1 + block.table.rows.length + (block.table.totalRow ? 1 : 0));
    }
  });

  it('makes every chart a Figure whose alternative text is its plain-English summary', () => {
    const charts = model.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'chart' ? [b.spec.summary] : [])));
    expect(charts.length).toBeGreaterThan(3);
    expect(nodes.filter((n) => n.role === 'Figure')).toHaveLength(charts.length);
    expect(figureAlts(file)).toEqual(charts);
  });

  it('makes the recommendations a list of items with labels and bodies', () => {
    const lists = nodes.filter((n) => n.role === 'L');
    const recs = lists.find((l) => allText(l).includes('Note the rise in agency use.'));
    expect(recs).toBeDefined();
    expect(recs!.children.map((c) => c.role)).toEqual(['LI', 'LI']);
    expect(recs!.children[1]!.children.map((c) => c.role)).toEqual(['Lbl', 'LBody']);
    expect(recs!.children[1]!.children.map((c) => allText(c).trim())).toEqual(['2.', 'Ask for a report on retention.']);
  });

  it('leaves no text outside the tree but the running header and footer, which are artifacts', () => {
    expect(tagging.untaggedText).toEqual([]);
    const inTree = tree.map(allText).join('').replace(/\s+/g, '');
    expect(inTree).not.toMatch(/Page\d+of\d+/);
    // Every word on the page body (between the running header and the footer) is in the tree.
    const words = pdfWordBoxes(file).filter((w) => w.yMin > 58 && w.yMax < 841.89 - 50).map((w) => unescapeXml(w.word));
    expect(words.length).toBeGreaterThan(500);
    // A long table's caption and header row, repeated on each later page, are artifacts: their
    // words need only be in the tree once.
    const repeated = new Set(
      model.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'table' && b.table.rows.length > 20 ? [b.table.caption, ...b.table.columns.map((c) => c.header)] : []))).join(' ').split(/\s+/),
    );
    const missing: string[] = [];
    const counts = new Map<string, number>();
    for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
    for (const [word, n] of counts) {
      const found = inTree.split(word).length - 1;
      if (found < (repeated.has(word) ? 1 : n)) missing.push(`${word} (${n} on the pages, ${found} in the tree)`);
    }
    expect(missing).toEqual([]);
  });

  it('draws exactly what the same document draws untagged (pages compared pixel for pixel)', async () => {
    const plain = new PdfPrinter(paperFonts()).createPdfKitDocument(paperDocDefinition(model, undefined, fit), { bufferPages: true });
    const plainFile = path.join(dir, 'plain.pdf');
    fs.writeFileSync(plainFile, await pdfBytes(plain));
    const pages = (f: string, prefix: string) => {
      execFileSync('pdftoppm', ['-r', '40', f, path.join(dir, prefix)]);
      return fs.readdirSync(dir).filter((n) => n.startsWith(prefix) && n.endsWith('.ppm')).sort().map((n) => fs.readFileSync(path.join(dir, n)));
    };
    const tagged = pages(file, 'tagged-page');
    const untagged = pages(plainFile, 'plain-page');
    expect(tagged.length).toBe(untagged.length);
    tagged.forEach((png, i) => expect(png.equals(untagged[i]!), `page ${i + 1}`).toBe(true));
  });

  it('reads in the order it is printed: each section heading on the page and below the one before', () => {
    const boxes = pdfWordBoxes(file);
    let last = { page: 0, y: 0 };
    for (const s of model.sections) {
      const number = `${s.number}.`;
      const first = s.title.split(' ')[0]!;
      // The heading on its page (not the contents line): the number then the title's first word.
      const at = boxes.findIndex((w, i) => w.word === number && boxes[i + 1]?.word === first && (w.page > last.page || (w.page === last.page && w.yMin > last.y)) && w.page > 1);
      expect(at, s.title).toBeGreaterThanOrEqual(0);
      last = { page: boxes[at]!.page, y: boxes[at]!.yMin };
    }
  });
});

describe.skipIf(!PDF_TOOLS_AVAILABLE)('tagging layer on its own', () => {
  it('reports text laid out outside every tag, and still puts it in the tree', async () => {
    const printer = new PdfPrinter(paperFonts());
    const { doc, report } = createTaggedPdfKitDocument(printer, {
      defaultStyle: { font: FONT_NAME },
      content: [tagged({ text: 'Tagged heading' }, 'H1'), { text: 'Forgotten paragraph' }],
    });
    const file = path.join(tempDir('scrutiny-tagged-unit-'), 'unit.pdf');
    fs.writeFileSync(file, await pdfBytes(doc));
    expect(report.untaggedText).toEqual(['Forgotten paragraph']);
    const tree = pdfStructTree(file);
    expect(tree[0]!.children.map((c) => `${c.role} ${allText(c)}`)).toEqual(['H1 Tagged heading', 'P Forgotten paragraph']);
  });

  it('continues one element across a page break and repeats no header cells', async () => {
    const printer = new PdfPrinter(paperFonts());
    const body = [[{ text: 'Month' }, { text: 'Leavers' }], ...Array.from({ length: 120 }, (_, i) => [{ text: `Row ${i + 1}` }, { text: String(i) }])];
    const { doc } = createTaggedPdfKitDocument(printer, {
      defaultStyle: { font: FONT_NAME },
      content: [tagged({ table: { headerRows: 1, body } }, 'Table', { table: { captionRows: 0, headerRows: 1, rowHeaders: true } })],
    }, { bufferPages: true });
    const file = path.join(tempDir('scrutiny-tagged-unit-'), 'long.pdf');
    fs.writeFileSync(file, await pdfBytes(doc));
    expect(Number(pdfInfo(file).Pages)).toBeGreaterThan(1);
    const table = pdfStructTree(file)[0]!.children[0]!;
    expect(table.role).toBe('Table');
    expect(table.children).toHaveLength(121);
    expect(table.children.filter((r) => r.children.every((c) => c.role === 'TH'))).toHaveLength(1);
    expect(allText(table.children[0]!)).toBe('MonthLeavers');
    expect(allText(table.children[120]!)).toBe('Row 120119');
  });
});
