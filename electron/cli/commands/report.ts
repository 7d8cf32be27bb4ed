// `scrutiny-pack report --as-at YYYY-MM-DD [--config FILE] [--format pdf|html|docx] --out FILE`:
// writes the committee paper. The configuration file is the JSON the app edits (meeting
// details, sections, commentary, recommendations, targets); without it the defaults apply.
import fs from 'node:fs';
import { writeFileAtomic } from '../../files/atomic-write';
import path from 'node:path';
import { DataError, UsageError, type Command } from '../command';
import { isoDateOption } from '../date-option';
import { parsePaperConfig, type PaperConfig } from '../../../shared/paper-config';
import { loadPaperConfig } from '../../report/config-store';

function readConfig(file: string): PaperConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`The configuration file "${file}" could not be read. Check the name and folder.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new DataError(`The configuration file "${file}" is not valid JSON: ${(e as Error).message}`);
  }
  try {
    return parsePaperConfig(json);
  } catch (e) {
    throw new DataError((e as Error).message);
  }
}

export const reportCommand: Command = {
  name: 'report',
  readsOnly: true,
  summary: 'Write the committee paper (PDF, accessible HTML or Word) at a date',
  usage:
    'report --as-at YYYY-MM-DD [--config FILE] [--format pdf|html|docx] [--template FILE.docx] [--docx-mode paper|appendix] --out FILE\n\n' +
    '  --as-at   the date the figures are for, usually the last month end\n' +
    '  --config  a JSON paper configuration: meeting details, sections, commentary, targets (default: the one saved in the app)\n' +
    '  --format  pdf (default), html (the accessible version for the council\'s website) or docx (Word)\n' +
    '  --template  Word only: the council\'s committee template (.docx); a {{paper}} paragraph in it is replaced by the paper,\n' +
    '            otherwise its styles are used\n' +
    '  --docx-mode  Word only: paper (default) or appendix (the figures, with drafted paragraphs, for the council\'s own report)\n' +
    '  --out     the file to write',
  options: {
    'as-at': { type: 'string' },
    config: { type: 'string' },
    format: { type: 'string' },
    template: { type: 'string' },
    'docx-mode': { type: 'string' },
    out: { type: 'string' },
  },
  async run(ctx) {
    const asAt = ctx.values['as-at'];
    if (typeof asAt !== 'string') throw new UsageError('Give the date of the figures with --as-at, for example --as-at 2018-09-30.');
    isoDateOption('as-at', asAt);
    const out = ctx.values.out;
    if (typeof out !== 'string' || out === '') throw new UsageError('Say where to write the paper with --out FILE, for example --out paper.pdf.');
    const rawFormat = ctx.values.format;
    const ext = path.extname(out).toLowerCase();
    const format = typeof rawFormat === 'string' ? rawFormat : ext === '.html' || ext === '.htm' ? 'html' : ext === '.docx' ? 'docx' : 'pdf';
    if (format !== 'pdf' && format !== 'html' && format !== 'docx') throw new UsageError(`--format must be pdf, html or docx (got "${format}").`);
    const mode = ctx.values['docx-mode'] ?? 'paper';
    if (mode !== 'paper' && mode !== 'appendix') throw new UsageError(`--docx-mode must be paper or appendix (got "${String(mode)}").`);
    const templateFile = ctx.values.template;
    if (format !== 'docx' && (typeof templateFile === 'string' || ctx.values['docx-mode'] !== undefined)) {
      throw new UsageError('--template and --docx-mode are for Word output: add --format docx (or an --out name ending .docx).');
    }
    // Without --config, the details saved in the desktop app's Paper screen (defaults on a new database).
    const config = typeof ctx.values.config === 'string' ? readConfig(ctx.values.config) : loadPaperConfig(ctx.db());

    const started = Date.now();
    ctx.progress(`Writing the ${format.toUpperCase()} paper at ${asAt}...`);
    // Loaded here, not at the top: the PDF and chart libraries take about half a second to load,
    // which every other command (an import above all) would otherwise pay for nothing.
    const { producePaperWithWarnings, readDocxTemplate } = await import('../../report/index');
    let template;
    if (typeof templateFile === 'string') {
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(templateFile);
      } catch {
        throw new UsageError(`The template "${templateFile}" could not be read. Check the name and folder.`);
      }
      try {
        template = await readDocxTemplate(bytes, `The template "${templateFile}"`);
      } catch (e) {
        throw new DataError((e as Error).message);
      }
    }
    const { content: result, warnings } = await producePaperWithWarnings(ctx.db(), { asAt, config, format, docx: { mode, template } });
    // For the author, not the committee: the paper itself never carries these.
    for (const w of warnings) ctx.err(`Before publishing: ${w}`);
    writeFileAtomic(out, result);
    const bytes = typeof result === 'string' ? Buffer.byteLength(result) : result.length;
    if (ctx.json) ctx.out(JSON.stringify({ ok: true, file: path.resolve(out), format, bytes, ms: Date.now() - started }));
    else ctx.out(`Wrote ${path.resolve(out)} (${format.toUpperCase()}, ${Math.round(bytes / 1024)} KB) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return 0;
  },
};
