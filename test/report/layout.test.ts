// PDF layout checks on small hand-made papers, read back with poppler: row labels that fit are
// not wrapped, and a section heading with its introduction is never left at a page foot while
// the section's first table goes over to the next page.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../support/tmp';
import { renderPdf } from '../../electron/report/render-pdf';
import type { Block, PaperModel, TableBlock } from '../../electron/report/model';
import { PDF_TOOLS_AVAILABLE, pdfWordBoxes } from './pdf-tools';

const dir = tempDir('scrutiny-layout-');

function model(sections: Array<{ title: string; blocks: Block[] }>): PaperModel {
  return {
    meta: {
      title: 'Layout test', councilName: 'Test Council', committee: 'Committee', meetingDate: '', asAt: '2025-09-30', asAtLong: '30 September 2025',
      author: 'Test', subject: 'Layout', keywords: '', language: 'en-GB', status: 'public', generatedOn: '2025-10-01',
    },
    cover: [],
    warnings: [],
    sections: sections.map((s, i) => ({ id: i === 0 ? 'summary' : 'comparison', number: i + 1, title: s.title, blocks: s.blocks })),
  };
}

const teamTable: TableBlock = {
  id: 'teams',
  caption: 'Caseloads by team',
  columns: [
    { header: 'Team', align: 'left' },
    { header: 'Social workers holding cases', align: 'right' },
    { header: 'Cases held', align: 'right' },
    { header: 'Average per worker', align: 'right' },
    { header: 'Average per FTE', align: 'right' },
  ],
  rows: [['Care Leavers', '11', '197', '17.9', '19.5'], ['Duty and Assessment', '28', '470', '16.8', '17.8']],
  totalRow: ['All teams', '39', '667', '17.1', '18.3'],
  footnotes: [],
};

async function render(name: string, m: PaperModel): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, await renderPdf(m));
  return file;
}

describe.skipIf(!PDF_TOOLS_AVAILABLE)('PDF layout', () => {
  it('keeps a short row label on one line when figure columns have long headers', async () => {
    const file = await render('teams.pdf', model([{ title: 'Caseloads', blocks: [{ type: 'table', table: teamTable }] }]));
    const words = pdfWordBoxes(file);
    const duty = words.find((w) => w.word === 'Duty')!;
    const assessment = words.find((w) => w.word === 'Assessment')!;
    expect(Math.abs(duty.yMin - assessment.yMin)).toBeLessThan(1);
  });

  it('never leaves a section heading and its introduction at a page foot with the first table on the next page', async () => {
    const filler = 'A line of filler text.';
    // Push section 2's heading down the first page a paragraph at a time, so that in some
    // layouts it falls where the heading and introduction fit but the table does not.
    for (let n = 20; n <= 40; n += 2) {
      const file = await render(`strand-${n}.pdf`, model([
        { title: 'Purpose and summary', blocks: Array.from({ length: n }, () => ({ type: 'paragraph' as const, text: filler })) },
        { title: 'Comparison', blocks: [{ type: 'paragraph', text: 'The DfE publishes each council\'s figures every year; these are the latest.' }, { type: 'table', table: teamTable }] },
      ]));
      const words = pdfWordBoxes(file);
      // The last 'Comparison' is the heading (the first is in the contents list).
      const heading = words.filter((w) => w.word === 'Comparison').at(-1)!;
      const intro = words.find((w) => w.word === 'publishes')!;
      const firstRow = words.find((w) => w.word === 'Leavers')!;
      expect([heading.page, intro.page], `${n} paragraphs`).toEqual([firstRow.page, firstRow.page]);
    }
  }, 60_000);
});
