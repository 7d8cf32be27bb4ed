// Exporting the paper from the Paper screen through the handler table: the Word formats, with the
// save dialog scripted, checked by unpacking what was written.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { AppContext, createHandlers, invokeHandler } from '../../electron/handlers';
import { tempDir } from '../support/tmp';
import { seedFixture, FIXTURE_AS_AT } from '../report/fixture';
import { ScriptedHost } from './scripted-host';

async function documentXml(file: string): Promise<string> {
  return (await JSZip.loadAsync(fs.readFileSync(file))).file('word/document.xml')!.async('string');
}

describe('exportPaper handler, Word', () => {
  it('writes the paper, or the appendix for the council\'s own report, where the user chose', async () => {
    const dir = tempDir();
    const host = new ScriptedHost(dir);
    const ctx = new AppContext(path.join(dir, 'app.sqlite'), host, { fixturesDir: path.join(__dirname, '../../fixtures/demo') });
    seedFixture(ctx.db());
    const handlers = createHandlers(ctx);

    const paper = await invokeHandler(handlers, 'exportPaper', { asAt: FIXTURE_AS_AT, config: { meetingDate: '2018-07-17' }, format: 'docx' });
    expect(paper.ok).toBe(true);
    expect(path.basename(host.saved[0]!)).toBe(`workforce-paper-${FIXTURE_AS_AT}.docx`);
    const paperXml = await documentXml(host.saved[0]!);
    expect(paperXml).toContain('Date of meeting');
    expect(paperXml).toContain('<w:pStyle w:val="Heading2"/>');

    const appendix = await invokeHandler(handlers, 'exportPaper', { asAt: FIXTURE_AS_AT, config: {}, format: 'docx', docxMode: 'appendix' });
    expect(appendix.ok).toBe(true);
    expect(path.basename(host.saved[1]!)).toBe(`workforce-appendix-${FIXTURE_AS_AT}.docx`);
    const appendixXml = await documentXml(host.saved[1]!);
    expect(appendixXml).toContain('Paragraphs for the report');
    expect(appendixXml).not.toContain('Date of meeting');

    const bad = await invokeHandler(handlers, 'exportPaper', { asAt: FIXTURE_AS_AT, config: {}, format: 'doc' });
    expect(bad.ok).toBe(false);
    ctx.close();
  }, 120_000);
});
