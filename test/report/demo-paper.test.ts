// The demo council shipped with the product (fixtures/demo, imported through the command line,
// with the DfE file for section 8), written as a PDF and checked the way a reader would stumble:
// words outside the margins, a heading or caption stranded at a page foot, a blank page.
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../electron/cli/main';
import { openDatabase } from '../../electron/db/open';
import { updateSettings } from '../../electron/settings';
import { tempDir, DFE_DIR } from '../support/tmp';
import { PDF_TOOLS_AVAILABLE, inkPerPage, pdfText, pdfWordBoxes, qpdfCheck } from './pdf-tools';
import { requiredInCi } from '../support/required';

const DEMO = path.resolve(__dirname, '../../fixtures/demo');
const INDICATORS = path.join(DFE_DIR, 'csww_indicators_2017_to_2025.csv');
const ready = PDF_TOOLS_AVAILABLE && requiredInCi(fs.existsSync(path.join(DEMO, 'manifest.json')) && fs.existsSync(INDICATORS), 'The demo set and the DfE indicator file');

describe.skipIf(!ready)('the demo council\'s paper', () => {
  const dir = tempDir('scrutiny-demo-paper-');
  const db = path.join(dir, 'demo.sqlite');
  const pdf = path.join(dir, 'demo.pdf');
  let text = '';

  beforeAll(async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(DEMO, 'manifest.json'), 'utf8')) as { endDate: string };
    const io = { out: () => {}, err: (t: string) => process.stderr.write(t + '\n'), isTty: false, env: {} };
    const csvs = fs.readdirSync(DEMO).filter((f) => f.endsWith('.csv')).map((f) => path.join(DEMO, f));
    expect(await main(['import', '--db', db, '--extract-date', manifest.endDate, ...csvs], io)).toBe(0);
    expect(await main(['import', '--db', db, '--source', 'benchmark', INDICATORS], io)).toBe(0);
    const handle = openDatabase(db);
    updateSettings(handle, { councilName: 'Demo Borough Council', laCode: '892' });
    handle.close();
    expect(await main(['report', '--db', db, '--as-at', manifest.endDate, '--out', pdf], io)).toBe(0);
    text = pdfText(pdf);
  }, 180_000);

  it('is a valid PDF with every section and a filled-in comparison', () => {
    expect(qpdfCheck(pdf).ok).toBe(true);
    const flat = text.replace(/\s+/g, ' ');
    for (const h of ['1. Purpose and summary', '6. Stability for children', '8. Comparison with England, region and statistical neighbours', '10. Appendix: the data behind each chart']) expect(flat).toContain(h);
    expect(flat).toMatch(/England: \d+\.\d% \(DfE, 30 September 2025\)/);
    // The demo has an establishment, so the vacancy rate is reported.
    expect(flat).toMatch(/a vacancy rate of \d+\.\d%/);
  });

  it('keeps every word inside the page margins', () => {
    const outside = pdfWordBoxes(pdf).filter((w) => w.xMin < 49 || w.xMax > 595.28 - 49 || w.yMax > 841.89 - 20);
    expect(outside.map((w) => `page ${w.page}: "${w.word}" at x ${w.xMin}-${w.xMax}`)).toEqual([]);
  });

  it('leaves no heading or caption at the foot of a page, and no page blank', () => {
    for (const [i, page] of text.split('\f').filter((p) => p.trim()).entries()) {
      const lines = page.split('\n').map((l) => l.trim()).filter(Boolean);
      const last = lines[lines.length - 2] ?? '';
      expect(last, `page ${i + 1} ends with "${last}"`).not.toMatch(/^(\d+\. [A-Z]|Table A\d+:|Figure \d+:|Why social workers left$|Leavers by experience$|How each measure is defined$|Glossary$)/);
    }
    for (const share of inkPerPage(pdf, tempDir('scrutiny-demo-pages-'))) expect(share).toBeGreaterThan(0.005);
  });
});
