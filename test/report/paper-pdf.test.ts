// End to end: database -> measures -> paper -> PDF, read back with poppler and qpdf. The expected
// figures are the ones worked out by hand in fixture.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { tempDb, tempDir } from '../support/tmp';
import { producePaper } from '../../electron/report/index';
import { seedFixture, FIXTURE_AS_AT } from './fixture';
import { PDF_TOOLS_AVAILABLE, inkPerPage, pdfWordBoxes, pdfCatalog, pdfFonts, pdfInfo, pdfOutlineTitles, pdfText, qpdfCheck } from './pdf-tools';

const SECTION_HEADINGS = [
  '1. Purpose and summary',
  '2. Recommendations',
  '3. Caseloads',
  '4. Agency staffing',
  '5. Recruitment and retention',
  '6. Stability for children',
  '7. Newly qualified social workers (ASYE cohorts)',
  '8. Comparison with England, region and statistical neighbours',
  '9. Data sources and definitions',
  '10. Appendix: the data behind each chart',
];

describe.skipIf(!PDF_TOOLS_AVAILABLE)('committee paper PDF (fixture database)', () => {
  let file = '';
  let text = '';
  let flat = '';
  const dir = tempDir('scrutiny-paper-');

  beforeAll(async () => {
    const { db } = tempDb();
    seedFixture(db);
    const pdf = await producePaper(db, {
      asAt: FIXTURE_AS_AT,
      format: 'pdf',
      generatedOn: '2018-07-02',
      config: {
        meetingDate: '2018-07-17',
        recommendations: ['Note the rise in agency use.'],
        commentary: { caseloads: 'Case holding is reviewed weekly by senior managers.' },
        targets: { caseload: 20, agencyRate: 15 },
      },
    });
    file = path.join(dir, 'paper.pdf');
    fs.writeFileSync(file, pdf);
    text = pdfText(file);
    flat = text.replace(/\s+/g, ' ');
  });

  it('passes qpdf --check', () => {
    const r = qpdfCheck(file);
    expect(r.ok, r.output).toBe(true);
  });

  it('has every section heading, in order', () => {
    // Each heading appears in the contents and again at the section; check the order of the latter.
    let from = flat.indexOf('1. Purpose and summary', flat.indexOf('Contents') + 400);
    for (const heading of SECTION_HEADINGS) {
      const at = flat.indexOf(heading, from);
      expect(at, heading).toBeGreaterThanOrEqual(0);
      from = at;
    }
  });

  it('shows the headline figures worked out by hand', () => {
    // The tiles sit two by two, so the text runs across each pair of tiles.
    // Average caseload: 80 cases / 4.5 case-holder FTE (the DfE measure, as England's beside it);
    // per worker excluding ASYE 70 / 4; agency rate 1.0 / (1.0 + 4.5).
    expect(flat).toContain('Average caseload Agency social workers 17.8 18.2%');
    expect(flat).toContain('excluding ASYE): 17.5 cases');
    expect(flat).toContain('1 agency worker (1.0 FTE)');
    // Turnover: 1.0 leaver FTE / 4.5 FTE in post; one ASYE worker in the programme.
    expect(flat).toContain('Turnover ASYE in programme 22.2% 1');
    expect(flat).toContain('5 social workers held 80 cases'); // A B C D F
    expect(flat).toContain('17.8 per full-time equivalent'); // 80 / 4.5
    expect(flat).toContain('(12.3)'); // a year earlier: 37 cases / 3 FTE
    // Verdicts only against the targets this configuration sets.
    expect(flat).toContain("Council's target: 20 cases per FTE or fewer. Target met.");
    expect(flat).toContain("Council's target: 15% or lower. Target not met.");
  });

  it('carries the author\'s words and the automatic chart summaries', () => {
    expect(flat).toContain('Case holding is reviewed weekly by senior managers.');
    expect(flat).toContain('The committee is asked to: 1. Note the rise in agency use.');
    expect(flat).toMatch(/Average caseload of social workers \(excluding ASYE\) rose from 12\.3 to 17\.5 in the 12 months to 30 June 2018, below the threshold of 20\./);
  });

  it('suppresses small team counts with a footnote, but not the council-wide totals', () => {
    // Duty has 3 case holders (A, B, F) and Fieldwork 2 (C, D): both 1-4, so both shown as c.
    expect(flat).toMatch(/Duty c 50 c c/);
    expect(flat).toMatch(/Fieldwork c 30 c c/);
    expect(flat).toMatch(/All teams 5 80 16\.0 17\.8/);
    expect(flat).toContain('c = suppressed: a count from 1 to 4 is not shown');
  });

  it('says plainly that no DfE benchmarks are loaded', () => {
    expect(flat).toContain("The DfE's published figures are not included in this paper");
    expect(flat).not.toMatch(/import --source|Settings/);
  });

  it('lists the imported files in the data sources section', () => {
    expect(flat).toContain('hr_workers_2018-06-30.csv');
    expect(flat).toContain('lcs_allocations.csv');
  });

  it('sets title, author, language en-GB, bookmarks, and a running header with page numbers', () => {
    const info = pdfInfo(file);
    expect(info.Title).toBe('Social work caseloads, recruitment and retention');
    expect(info.Author).toContain('Testshire County Council');
    expect(info['Page size']).toMatch(/595\.\d+ x 841\.\d+ pts \(A4\)/);
    const catalog = pdfCatalog(file);
    expect(catalog).toContain('/Lang (en-GB)');
    expect(catalog).toContain('/Outlines');
    expect(pdfOutlineTitles(file)).toEqual(SECTION_HEADINGS);
    const pages = Number(info.Pages);
    expect(flat).toContain(`Page 1 of ${pages}`);
    expect(flat).toContain(`Page ${pages} of ${pages}`);
    expect(flat).toContain("Testshire County Council · Children and Young People's Scrutiny Committee · 17 July 2018");
  });

  it('embeds its fonts (including in the charts) rather than relying on the reader\'s machine', () => {
    const fonts = pdfFonts(file).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/DejaVuSans.* yes +yes +yes/);
    // Chart labels are real text: the direct label of the caseload chart is extractable.
    expect(flat).toContain('Threshold: 20');
  });

  it('leaves no heading or table caption stranded at the foot of a page', () => {
    // pdftotext separates pages with a form feed; the footer ("Page X of Y") is each page's last line.
    const pages = text.split('\f').filter((p) => p.trim());
    for (const [i, page] of pages.entries()) {
      const lines = page.split('\n').map((l) => l.trim()).filter(Boolean);
      expect(lines[lines.length - 1]).toMatch(/^Page \d+ of \d+$/);
      const last = lines[lines.length - 2] ?? '';
      expect(last, `page ${i + 1} ends with "${last}"`).not.toMatch(/^(\d+\. [A-Z]|Table A\d+:|Figure \d+:|Why social workers left$|Leavers by experience$|How each measure is defined$|Glossary$)/);
    }
  });

  it('keeps every word (tables, chart labels) inside the page margins', () => {
    // A4 is 595.28 x 841.89 pt; the side margins are 50 pt.
    const outside = pdfWordBoxes(file).filter((w) => w.xMin < 49 || w.xMax > 595.28 - 49 || w.yMax > 841.89 - 20);
    expect(outside.map((w) => `page ${w.page}: "${w.word}" at x ${w.xMin}-${w.xMax}`)).toEqual([]);
  });

  it('has no blank page', () => {
    const ink = inkPerPage(file, tempDir('scrutiny-pages-'));
    expect(ink.length).toBe(Number(pdfInfo(file).Pages));
    for (const share of ink) expect(share).toBeGreaterThan(0.005);
  });
});
