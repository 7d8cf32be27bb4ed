// The report command from the command line's point of view: files written, exit codes, and
// plain-English errors.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../electron/cli/main';
import { openDatabase } from '../../electron/db/open';
import { savePaperConfig } from '../../electron/report/index';
import { tempDb, tempDir } from '../support/tmp';
import { seedFixture, FIXTURE_AS_AT } from './fixture';

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(args, { out: (t) => out.push(t), err: (t) => err.push(t), isTty: false, env: {} }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

describe('scrutiny-pack report', () => {
  const { db, file } = tempDb();
  seedFixture(db);
  db.close();
  const dir = tempDir('scrutiny-report-cli-');

  it('writes a PDF, and HTML when the file name or --format says so', async () => {
    const pdf = path.join(dir, 'paper.pdf');
    const r = await run(['report', '--db', file, '--as-at', FIXTURE_AS_AT, '--out', pdf]);
    expect(r.code, r.err).toBe(0);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(r.out).toMatch(/^Wrote .*paper\.pdf \(PDF, \d+ KB\)/);

    const html = path.join(dir, 'paper.html');
    expect((await run(['report', '--db', file, '--as-at', FIXTURE_AS_AT, '--out', html])).code).toBe(0);
    expect(fs.readFileSync(html, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    const forced = path.join(dir, 'paper.out');
    expect((await run(['report', '--db', file, '--as-at', FIXTURE_AS_AT, '--format', 'html', '--out', forced])).code).toBe(0);
    expect(fs.readFileSync(forced, 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('without --config, uses the details saved from the app', async () => {
    const saved = openDatabase(file);
    savePaperConfig(saved, { title: 'Caseloads and retention: autumn update', commentary: { summary: 'Saved on the Paper screen.' } });
    saved.close();
    const out = path.join(dir, 'saved.html');
    const r = await run(['report', '--db', file, '--as-at', FIXTURE_AS_AT, '--out', out]);
    expect(r.code, r.err).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toContain('Caseloads and retention: autumn update');
    expect(html).toContain('Saved on the Paper screen.');
  });

  it('reads the configuration file (meeting details, sections, commentary)', async () => {
    const config = path.join(dir, 'config.json');
    fs.writeFileSync(config, '\uFEFF' + JSON.stringify({ meetingDate: '2018-07-17', sections: { appendix: false }, commentary: { summary: 'Written by the head of service.' } }));
    const out = path.join(dir, 'configured.html');
    const r = await run(['report', '--db', file, '--as-at', FIXTURE_AS_AT, '--config', config, '--out', out]);
    expect(r.code, r.err).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toContain('Written by the head of service.');
    expect(html).toContain('17 July 2018');
    expect(html).not.toContain('Appendix: the data behind each chart');
  });

  it('refuses a missing or impossible date and a bad format with exit code 2', async () => {
    expect((await run(['report', '--db', file, '--out', path.join(dir, 'x.pdf')])).code).toBe(2);
    const bad = await run(['report', '--db', file, '--as-at', '2018-02-30', '--out', path.join(dir, 'x.pdf')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('"2018-02-30" is not a real date');
    const format = await run(['report', '--db', file, '--as-at', FIXTURE_AS_AT, '--format', 'rtf', '--out', path.join(dir, 'x.rtf')]);
    expect(format.code).toBe(2);
    expect(format.err).toContain('--format must be pdf, html or docx (got "rtf")');
    expect((await run(['report', '--db', file, '--as-at', FIXTURE_AS_AT])).err).toContain('--out FILE');
  });

  it('writes Word (from the .docx name), the appendix mode, and refuses Word options on other formats or a template that is not Word', async () => {
    const out = path.join(dir, 'paper.docx');
    const r = await run(['report', '--db', file, '--as-at', FIXTURE_AS_AT, '--docx-mode', 'appendix', '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(r.out).toContain('(DOCX,');
    const pdfMode = await run(['report', '--db', file, '--as-at', FIXTURE_AS_AT, '--docx-mode', 'appendix', '--out', path.join(dir, 'z.pdf')]);
    expect(pdfMode.code).toBe(2);
    expect(pdfMode.err).toContain('--template and --docx-mode are for Word output');
    expect((await run(['report', '--db', file, '--as-at', FIXTURE_AS_AT, '--docx-mode', 'annex', '--out', out])).code).toBe(2);
    const notWord = path.join(dir, 'letter.doc');
    fs.writeFileSync(notWord, 'plain text, not a Word document');
    const t = await run(['report', '--db', file, '--as-at', FIXTURE_AS_AT, '--template', notWord, '--out', out]);
    expect(t.code).toBe(1);
    expect(t.err).toContain(`The template "${notWord}" is not a Word document (.docx)`);
  });

  it('explains an invalid configuration file in plain English (exit code 1)', async () => {
    const config = path.join(dir, 'bad.json');
    fs.writeFileSync(config, JSON.stringify({ status: 'secret', targets: { turnover: 'low' } }));
    const r = await run(['report', '--db', file, '--as-at', FIXTURE_AS_AT, '--config', config, '--out', path.join(dir, 'y.pdf')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('The paper configuration is not valid');
    expect(r.err).toContain('status');
    expect(r.err).toContain('targets.turnover');
    fs.writeFileSync(config, '{ not json');
    expect((await run(['report', '--db', file, '--as-at', FIXTURE_AS_AT, '--config', config, '--out', path.join(dir, 'y.pdf')])).err).toContain('is not valid JSON');
  });
});
