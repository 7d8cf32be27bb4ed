// The Word paper, unpacked (a .docx is a zip) and read as Word and LibreOffice read it: heading
// styles, table header rows that repeat, charts as print-resolution images with alt text, the
// author's furniture, appendix mode, a council template, and the text after LibreOffice has
// converted it to PDF.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { Document, Header, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { tempDb, tempDir } from '../support/tmp';
import { requiredInCi } from '../support/required';
import { buildPaperFromDb, readDocxTemplate, renderDocx } from '../../electron/report/index';
import type { PaperModel } from '../../electron/report/model';
import { parsePaperConfig, type PaperConfig } from '../../shared/paper-config';
import { seedFixture, FIXTURE_AS_AT } from './fixture';
import { hasTool, pdfText, unescapeXml } from './pdf-tools';

const SOFFICE = requiredInCi(hasTool('soffice') && hasTool('pdftotext'), 'LibreOffice (soffice) and pdftotext');

const CONFIG = {
  meetingDate: '2018-07-17',
  recommendations: ['Note the rise in agency use.', 'Ask for a report on retention.'],
  keyDecision: 'No',
  implications: { financial: 'Agency staff cost £60,500 a year more than employees.', legal: '', hr: 'None beyond those in the report.', equality: '' },
  backgroundPapers: ['None.'],
  reasonsForRecommendations: 'The committee asked for a workforce report each year.',
  contact: 'Tracey Nurse, Head of Social Work, 01632 960000',
};

interface Unpacked {
  document: string;
  styles: string;
  parts: Record<string, string>;
  media: Record<string, Buffer>;
}

async function unpack(bytes: Buffer): Promise<Unpacked> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, string> = {};
  const media: Record<string, Buffer> = {};
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith('.xml') || name.endsWith('.rels')) parts[name] = await zip.file(name)!.async('string');
    if (name.startsWith('word/media/')) media[name] = await zip.file(name)!.async('nodebuffer');
  }
  return { document: parts['word/document.xml']!, styles: parts['word/styles.xml']!, parts, media };
}

/** Each paragraph's style and text, in order. */
function paragraphs(xml: string): Array<{ style: string; text: string }> {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[1]!)?.[1] ?? '',
    text: unescapeXml([...m[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  }));
}

function headingsOf(xml: string): string[] {
  return paragraphs(xml).filter((p) => /^Heading\d$/.test(p.style)).map((p) => `${p.style} ${p.text}`);
}

/** A PNG's size in pixels, from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('Word paper (fixture database)', () => {
  let model: PaperModel;
  let config: PaperConfig;
  let paper: Unpacked;
  let bytes: Buffer;
  const dir = tempDir('scrutiny-docx-');

  beforeAll(async () => {
    const { db } = tempDb();
    seedFixture(db);
    config = parsePaperConfig(CONFIG);
    model = buildPaperFromDb(db, { asAt: FIXTURE_AS_AT, generatedOn: '2018-07-02', config });
    bytes = await renderDocx(model, config);
    fs.writeFileSync(path.join(dir, 'paper.docx'), bytes);
    paper = await unpack(bytes);
  });

  it('gives the title Heading 1, each section Heading 2 and each subheading Heading 3, in order, with the furniture where councils put it', () => {
    const expected = [`Heading1 ${model.meta.title}`];
    for (const s of model.sections) {
      expected.push(`Heading2 ${s.number}. ${s.title}`);
      for (const b of s.blocks) if (b.type === 'subheading') expected.push(`Heading3 ${b.text}`);
    }
    // The furniture comes from the model (reasons under the recommendations, implications and
    // background papers as sections), each once.
    expect(expected).toContain('Heading3 Reasons for the recommendations');
    expect(headingsOf(paper.document)).toEqual(expected);
    const text = paragraphs(paper.document).map((p) => p.text);
    expect(text).toContain('Agency staff cost £60,500 a year more than employees.');
    expect(text).toContain('Tracey Nurse, Head of Social Work, 01632 960000');
    // Word's own heading styles are defined (so the navigation pane and screen readers see them).
    for (const id of ['Heading1', 'Heading2', 'Heading3']) expect(paper.styles).toContain(`w:styleId="${id}"`);
  });

  it('has the cover block with Report of, Wards affected and Key decision', () => {
    const cells = [...paper.document.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!));
    for (const term of ['Report of', 'Wards affected', 'Key decision', 'Date of meeting']) expect(cells, term).toContain(term);
    expect(cells[cells.indexOf('Key decision') + 1]).toBe('No');
  });

  it('makes every data table a Word table whose header row repeats on each page', () => {
    const tables = [...paper.document.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1]!);
    const withHeader = tables.filter((t) => /^[\s\S]*?<w:tr>\s*<w:trPr>[\s\S]*?<w:tblHeader\/>/.test(t.slice(t.indexOf('<w:tr>'))));
    const dataTables = model.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'table'));
    expect(dataTables.length).toBeGreaterThan(3);
    expect(withHeader).toHaveLength(dataTables.length);
    // The first row of each such table is its column headers.
    for (const [i, block] of dataTables.entries()) {
      const firstRow = /<w:tr>([\s\S]*?)<\/w:tr>/.exec(withHeader[i]!)![1]!;
      expect(paragraphs(firstRow).map((p) => p.text)).toEqual(block.table.columns.map((c) => c.header));
    }
  });

  it('keeps headings and captions with what follows, tables\' rows whole, and no table\'s last row alone on a page', () => {
    const paras = [...paper.document.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]!);
    const headingParas = paras.filter((p) => /<w:pStyle w:val="(Heading[123]|Caption)"\/>/.test(p));
    expect(headingParas.length).toBeGreaterThan(10);
    for (const p of headingParas) {
      expect(p, p.slice(0, 200)).toContain('<w:keepNext/>');
      expect(p, p.slice(0, 200)).toContain('<w:keepLines/>');
    }
    const tables = [...paper.document.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1]!);
    for (const t of tables) {
      const rows = [...t.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1]!);
      for (const r of rows) expect(r).toContain('<w:cantSplit/>');
      // A data table (header row marked) keeps its next-to-last row with its last.
      if (rows.length > 2 && rows[0]!.includes('<w:tblHeader/>')) expect(rows.at(-2)!).toContain('<w:keepNext/>');
    }
  });

  it('draws every chart as a print-resolution PNG whose alt text is its summary', () => {
    const summaries = model.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'chart' ? [b.spec.summary] : [])));
    const docPrs = [...paper.document.matchAll(/<wp:docPr ([^>]*)\/>/g)].map((m) => m[1]!);
    expect(docPrs).toHaveLength(summaries.length);
    expect(docPrs.map((d) => unescapeXml(/descr="([^"]*)"/.exec(d)?.[1] ?? ''))).toEqual(summaries);
    for (const d of docPrs) expect(/title="Figure \d+: /.test(d)).toBe(true);
    const extents = [...paper.document.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => Number(m[1]) / 914400);
    const pngs = Object.values(paper.media);
    expect(pngs).toHaveLength(summaries.length);
    // At least 300 pixels per printed inch.
    for (const [i, png] of pngs.entries()) expect(pngSize(png).width / extents[i]!).toBeGreaterThanOrEqual(299);
  });

  it('numbers each page and repeats the council and committee at the top', () => {
    const footer = Object.entries(paper.parts).find(([n]) => /^word\/footer\d*\.xml$/.test(n))?.[1] ?? '';
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    const header = Object.entries(paper.parts).find(([n]) => /^word\/header\d*\.xml$/.test(n))?.[1] ?? '';
    expect(header).toContain('Testshire County Council');
  });

  it('in appendix mode leaves out the cover block, the recommendations and page numbers, and drafts paragraphs to paste', async () => {
    const appendix = await unpack(await renderDocx(model, config, { mode: 'appendix' }));
    const heads = headingsOf(appendix.document);
    expect(heads[0]).toBe(`Heading1 Appendix: ${model.meta.title}`);
    expect(heads).toContain('Heading2 Paragraphs for the report');
    expect(heads.some((h) => /Recommendations|Reasons for/.test(h))).toBe(false);
    const text = paragraphs(appendix.document).map((p) => p.text);
    expect(text.join('\n')).not.toContain('Date of meeting');
    expect(text.join('\n')).not.toContain('Note the rise in agency use.');
    expect(Object.keys(appendix.parts).some((n) => /footer/.test(n) && !n.endsWith('.rels'))).toBe(false);
    // The drafted paragraphs come before the first figure and carry each chart's summary.
    const drafted = text.slice(text.indexOf('Paragraphs for the report'), text.findIndex((t) => t.startsWith('Figure 1:')));
    const summaries = model.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'chart' ? [b.spec.summary] : [])));
    for (const s of summaries) expect(drafted).toContain(s);
    expect(drafted.some((t) => t.startsWith('Average caseload: '))).toBe(true);
  });

  it('writes the paper into a council template at {{paper}}, keeping its styles, header and fixed text', async () => {
    const template = await Packer.toBuffer(new Document({
      styles: { default: { heading2: { run: { font: 'Georgia', color: '7A1F5C', size: 30 } } } },
      sections: [{
        headers: { default: new Header({ children: [new Paragraph('Borsetshire Council: committee report')] }) },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Agenda item 7')] }),
          new Paragraph('{{paper}}'),
          new Paragraph('Signed off by the Director.'),
        ],
      }],
    }));
    const filled = await unpack(await renderDocx(model, config, { template: await readDocxTemplate(template) }));
    const text = paragraphs(filled.document).map((p) => p.text);
    expect(text[0]).toBe('Agenda item 7');
    expect(text[text.length - 1]).toBe('Signed off by the Director.');
    expect(text.join('\n')).not.toContain('{{paper}}');
    expect(headingsOf(filled.document)).toContain('Heading2 3. Caseloads');
    expect(filled.styles).toContain('Georgia');
    expect(Object.entries(filled.parts).filter(([n]) => /header\d*\.xml$/.test(n)).map(([, x]) => x).join('')).toContain('Borsetshire Council: committee report');
    expect(Object.keys(filled.media)).toHaveLength(model.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'chart')).length);
    expect(filled.document).toMatch(/<wp:docPr [^>]*descr="[^"]{20,}"/);
  });

  it('uses a template without a placeholder for its styles only', async () => {
    const template = await Packer.toBuffer(new Document({
      styles: { default: { heading2: { run: { font: 'Georgia', color: '7A1F5C' } } } },
      sections: [{ children: [new Paragraph('Council letterhead')] }],
    }));
    const read = await readDocxTemplate(template);
    expect(read.placeholder).toBe(false);
    const filled = await unpack(await renderDocx(model, config, { template: read }));
    expect(filled.styles).toContain('Georgia');
    expect(paragraphs(filled.document).map((p) => p.text)).not.toContain('Council letterhead');
    expect(headingsOf(filled.document)[0]).toBe(`Heading1 ${model.meta.title}`);
  });

  it('refuses a file that is not a Word document, in plain words', async () => {
    await expect(readDocxTemplate(Buffer.from('not a zip'), 'The template "letter.doc"')).rejects.toThrow(
      'The template "letter.doc" is not a Word document (.docx). Save it from Word as "Word Document (*.docx)" and try again.',
    );
  });

  it.skipIf(!SOFFICE)('converts with LibreOffice to a PDF with the headings, tables and chart summaries', () => {
    const file = path.join(dir, 'paper.docx');
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 240_000 });
    const flat = pdfText(path.join(dir, 'paper.pdf')).replace(/\s+/g, ' ');
    for (const s of model.sections) expect(flat).toContain(`${s.number}. ${s.title}`);
    expect(flat).toContain('Reasons for the recommendations');
    expect(flat).toMatch(/All teams 5 80 16\.0 17\.8/);
    expect(flat).toMatch(/Page 1 of \d+/);
    const summary = model.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'chart' ? [b.spec.summary] : [])))[0]!;
    // Its first sentence (a summary may run over a page break, where the running header interrupts it).
    expect(flat).toContain(summary.split('. ')[0]!);
  }, 300_000);
});
