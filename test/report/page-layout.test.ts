// Keep-together rules of the PDF (render-pdf.ts, pdf-fit.ts), checked as a reader would find the
// pages (page-layout.ts: pdftotext word boxes and where pdfmake placed each table row): no
// heading, subheading or caption last on a page, no table row alone on a page, no page more than
// a third empty except a section's last. On the demo council's paper, and on the same paper with
// the author's commentary pushing everything down a paragraph at a time, so that charts, tables
// and headings meet the page foot in many different places.
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import PdfPrinter from 'pdfmake';
import { buildPaperFromDb } from '../../electron/report/index';
import { paperDocDefinition, renderTaggedPdf } from '../../electron/report/render-pdf';
import { paperFonts } from '../../electron/report/fonts';
import type { PaperModel } from '../../electron/report/model';
import { tempDir } from '../support/tmp';
import { DEMO_AS_AT, importDemo } from './demo-db';
import { PDF_TOOLS_AVAILABLE } from './pdf-tools';
import { pageLayoutProblems, strandedRows, tableRowPagesOf } from './page-layout';

const dir = tempDir('scrutiny-page-layout-');
const FILLER = 'A paragraph of the author\'s commentary on the figures in this section, long enough to run over one line of the page.';

/** The model with `n` commentary paragraphs added at the start of the summary section. */
function pushedDown(model: PaperModel, n: number): PaperModel {
  const m = structuredClone(model);
  m.sections[0]!.blocks.unshift(...Array.from({ length: n }, () => ({ type: 'paragraph' as const, text: FILLER })));
  return m;
}

async function check(model: PaperModel, name: string) {
  const out = await renderTaggedPdf(model);
  const file = path.join(dir, name);
  fs.writeFileSync(file, out.pdf);
  return { ...pageLayoutProblems(file, model, tableRowPagesOf(out.definition as { content: unknown })), fit: out.fit };
}

describe('table rows stranded (the check itself)', () => {
  it('finds a single row on either side of a page break, and passes two or more', () => {
    expect(strandedRows([{ caption: 'A', rowPages: [3, 3, 3, 4] }])).toEqual(['"A": 1 row on page 4, the rest on page(s) 3']);
    expect(strandedRows([{ caption: 'B', rowPages: [3, 4, 4, 4] }])).toHaveLength(1);
    expect(strandedRows([{ caption: 'C', rowPages: [3, 3, 4, 4] }, { caption: 'D', rowPages: [5] }])).toEqual([]);
  });
});

describe.skipIf(!PDF_TOOLS_AVAILABLE)('page layout of the demo council\'s paper', () => {
  let model: PaperModel;
  beforeAll(async () => {
    const { db } = await importDemo();
    model = buildPaperFromDb(db, { asAt: DEMO_AS_AT, generatedOn: '2025-10-01' });
    db.close();
  }, 180_000);

  it('has no heading at a page foot, no stranded table row and no page more than a third empty but a section\'s last', async () => {
    const r = await check(model, 'demo.pdf');
    expect(r.problems).toEqual([]);
    expect(r.pages).toBeGreaterThan(10);
  }, 60_000);

  it('keeps to the same rules with the contents pushed down a paragraph at a time', async () => {
    let fitted = 0;
    for (const n of [1, 3, 5, 7, 9, 12, 16]) {
      const r = await check(pushedDown(model, n), `pushed-${n}.pdf`);
      expect(r.problems, `${n} paragraphs added`).toEqual([]);
      fitted += r.fit.chartHeights.size;
    }
    // Some of these layouts needed a chart drawn lower to fit (else this test checks nothing new).
    expect(fitted).toBeGreaterThan(0);
  }, 240_000);

  it('finds the gap a chart leaves when it is not drawn lower to fit (pdfmake alone)', async () => {
    // Five paragraphs push figure 2 just past the foot of page 3: without fitting it, it moves on.
    const m = pushedDown(model, 5);
    const fitted = await check(m, 'fitted-5.pdf');
    expect(fitted.fit.chartHeights.size).toBeGreaterThan(0);
    const plain = new PdfPrinter(paperFonts()).createPdfKitDocument(paperDocDefinition(m), { bufferPages: true });
    const chunks: Buffer[] = [];
    const done = new Promise<void>((resolve) => plain.on('end', () => resolve()));
    plain.on('data', (c: Buffer) => chunks.push(c));
    plain.end();
    await done;
    const file = path.join(dir, 'unfitted-5.pdf');
    fs.writeFileSync(file, Buffer.concat(chunks));
    const r = pageLayoutProblems(file, m, []);
    expect(r.problems.some((p) => /is \d+% empty/.test(p)), r.problems.join('\n')).toBe(true);
  }, 60_000);
});
