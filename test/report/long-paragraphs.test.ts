// A long commentary paragraph is laid out in time proportional to its length (issue 16): pdfmake's
// line breaking costs the square of a paragraph's length, so paragraphs longer than MAX_PARAGRAPH
// are split at sentence ends before layout, the same in every format, losing no word.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { MAX_PARAGRAPH, paragraphs, splitLongParagraph } from '../../electron/report/text';
import { buildPaperModel, gatherPaperContext, renderPdf } from '../../electron/report/index';
import { computeMetrics } from '../../electron/measures/index';
import { parsePaperConfig } from '../../shared/paper-config';
import { tempDb, tempDir } from '../support/tmp';
import { FIXTURE_AS_AT, seedFixture } from './fixture';
import { PDF_TOOLS_AVAILABLE, pdfText } from './pdf-tools';

const words = (s: string) => s.split(/\s+/).filter(Boolean);

function prose(chars: number): string {
  const sentence = ['Caseloads in the duty teams were reviewed weekly by senior managers.', 'Agency use fell again?', 'It did (slowly)!'];
  let s = '';
  for (let i = 0; s.length < chars; i++) s += sentence[i % sentence.length] + ' ';
  return s.slice(0, chars).trim();
}

describe('long commentary paragraphs', () => {
  it('a paragraph over the limit is cut at sentence ends into pieces within it, keeping every word in order', () => {
    const text = prose(20_000);
    const pieces = paragraphs(text);
    expect(pieces.length).toBeGreaterThanOrEqual(Math.ceil(20_000 / MAX_PARAGRAPH));
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(MAX_PARAGRAPH);
    for (const p of pieces.slice(0, -1)) expect(p).toMatch(/[.?!)]$/);
    expect(words(pieces.join(' '))).toEqual(words(text));
  });

  it('short paragraphs are unchanged, and blank lines still separate them', () => {
    expect(paragraphs('First.\n\nSecond\nline.')).toEqual(['First.', 'Second line.']);
    expect(paragraphs('x'.repeat(MAX_PARAGRAPH))).toEqual(['x'.repeat(MAX_PARAGRAPH)]);
  });

  it('text without sentence ends is cut at a space, and text without spaces at the limit, never inside a surrogate pair', () => {
    const noStops = Array.from({ length: 1_000 }, (_, i) => `word${i}`).join(' ');
    const pieces = splitLongParagraph(noStops, 500);
    expect(pieces.every((p) => p.length <= 500 && !p.startsWith(' ') && !p.endsWith(' '))).toBe(true);
    expect(words(pieces.join(' '))).toEqual(words(noStops));
    const emoji = '\u{1F600}'.repeat(400); // 800 UTF-16 units, no spaces
    const cut = splitLongParagraph(emoji, 301);
    expect(cut.join('')).toBe(emoji);
    for (const p of cut) expect(p.length).toBeLessThanOrEqual(301), expect(/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(p)).toBe(false);
  });

  it('any text: pieces within the limit and nothing lost (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '.', '!', '\u2019', 'é', '\u{1F600}'), maxLength: 3_000 }), fc.integer({ min: 10, max: 400 }), (text, max) => {
        const pieces = splitLongParagraph(text.trim(), max);
        for (const p of pieces) expect(p.length).toBeLessThanOrEqual(max);
        expect(pieces.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
      }),
    );
  });

  it.skipIf(!PDF_TOOLS_AVAILABLE)('a PDF with 80,000 characters of commentary in one paragraph has every word, in numbered paragraphs', async () => {
    const { db } = tempDb();
    seedFixture(db);
    const metrics = computeMetrics(db, FIXTURE_AS_AT, { months: 24 });
    const config = parsePaperConfig({});
    // Beyond the configuration's own limit (20,000), as an older paper file or a future limit could hold.
    const text = prose(80_000);
    (config.commentary as Record<string, string>).caseloads = text;
    const model = buildPaperModel(metrics, config, gatherPaperContext(db, metrics, '2018-07-02'));
    const t0 = performance.now();
    const pdf = await renderPdf(model);
    const ms = performance.now() - t0;
    const file = path.join(tempDir('scrutiny-long-'), 'paper.pdf');
    fs.writeFileSync(file, pdf);
    const got = pdfText(file);
    const count = (s: string, w: string) => words(s).filter((x) => x === w).length;
    expect(count(got, 'reviewed')).toBe(count(text, 'reviewed'));
    expect(count(got, 'slowly)!')).toBe(count(text, 'slowly)!'));
    expect(got).toMatch(/\n3\.\d+\s/);
    // One paragraph of 80,000 characters took 5.8 s of layout on top of the paper before the split
    // (and 160,000 took 28 s); now a few seconds at most even on a loaded machine.
    expect(ms).toBeLessThan(20_000);
  }, 60_000);
});
