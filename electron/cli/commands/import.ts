// `import`: loads CSV and .xlsx exports into the database (electron/import), or hands the DfE's published
// files to the benchmarks importer. Exit 0 when every file imported (or was already in), 1 when
// a file's data was refused, 2 when the command itself was wrong (unknown source, missing file).
import { IMPORT_SOURCES, type ImportSource } from '../../../shared/domain';
import type { CsvSource, ImportResult } from '../../../shared/import-types';
import { importDfeFile } from '../../benchmarks/import-dfe';
import { ImportProblem, runImport } from '../../import/index';
import { detectImportFile, dfeSourceOf } from '../../import/detect';
import { saveMapping } from '../../import/mapping';
import { resolveMapping } from '../../import/mapping';
import { isoDateOption } from '../date-option';
import { UsageError, type Command, type CommandContext } from '../command';

const USAGE_PROBLEMS = new Set(['file_not_found', 'wrong_source', 'bad_mapping', 'missing_extract_date', 'not_available']);
const PROBLEMS_PRINTED = 50;

function describeResult(r: ImportResult): string {
  const lines = [r.message];
  for (const a of r.assumptions) lines.push(`  Assumed: ${a}`);
  if (r.problems.length > 0) {
    lines.push('  Problems (row numbers as a spreadsheet shows them; the heading is row 1):');
    for (const p of r.problems.slice(0, PROBLEMS_PRINTED)) {
      const where = p.column === null ? `row ${p.row}` : `row ${p.row}, column "${p.column}"`;
      const value = p.value === null ? '' : p.value === '' ? ' (blank)' : ` value "${p.value}"`;
      lines.push(`    ${where}${value}: ${p.reason}`);
    }
    const more = r.problems.length - PROBLEMS_PRINTED + (r.problemsTruncated ? 1 : 0);
    if (more > 0) lines.push(`    ... and more: run with --json, or see the import log, for the full list.`);
  }
  return lines.join('\n');
}

async function importOne(ctx: CommandContext, file: string, given: ImportSource | undefined): Promise<{ code: number; json: unknown }> {
  const v = ctx.values;
  let source = given;
  if (source === undefined) {
    // The DfE's own files are recognised too, so `import FILE...` takes a whole folder.
    const d = await detectImportFile(file, ctx.db(), typeof v.sheet === 'string' ? v.sheet : undefined);
    if (!d.best) source = dfeSourceOf(d.headers) ?? undefined;
  }
  if (source === 'benchmark' || source === 'neighbours') {
    const r = await importDfeFile(ctx.db(), { file, source, dbPath: ctx.dbPath });
    if (!ctx.json) ctx.out(r.message);
    return { code: 0, json: r };
  }
  let lastReport = 0;
  const result = await runImport(ctx.db(), {
    file,
    ...(source ? { source: source as CsvSource } : {}),
    ...(typeof v.preset === 'string' ? { preset: v.preset } : {}),
    ...(typeof v.mapping === 'string' ? { mapping: v.mapping } : {}),
    ...(typeof v['extract-date'] === 'string' ? { extractDate: v['extract-date'] } : {}),
    ...(typeof v.sheet === 'string' ? { sheet: v.sheet } : {}),
    acceptValid: v['accept-valid'] === true,
    dryRun: v['dry-run'] === true,
    dbPath: ctx.dbPath,
    onProgress: (p) => {
      const t = Date.now();
      if (t - lastReport < 1000) return;
      lastReport = t;
      const pct = p.bytesTotal > 0 ? ` (${Math.round((p.bytesRead / p.bytesTotal) * 100)}%)` : '';
      ctx.progress(`${p.rowsRead.toLocaleString('en-GB')} rows read${pct}`);
    },
  });
  if (typeof v['save-mapping'] === 'string' && typeof v.mapping === 'string' && ['imported', 'partial', 'no_change'].includes(result.outcome)) {
    const { spec } = resolveMapping(ctx.db(), v.mapping, result.source);
    saveMapping(ctx.db(), v['save-mapping'], result.source, spec);
    if (!ctx.json) ctx.out(`Mapping saved as "${v['save-mapping']}": use --mapping ${v['save-mapping']} next time.`);
  }
  if (!ctx.json) ctx.out(describeResult(result));
  return { code: result.outcome === 'failed' ? 1 : 0, json: result };
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Import CSV or .xlsx exports (workers, agency, allocations, asye, establishment) or the DfE files (benchmark, neighbours).',
  usage:
    'import [--source SOURCE] [--preset NAME | --mapping FILE_OR_NAME] [--accept-valid] [--dry-run] [--extract-date YYYY-MM-DD] [--save-mapping NAME] [--sheet NAME] FILE...\n\n' +
    `  --source        ${IMPORT_SOURCES.join(', ')} (detected from the headings when left out)\n` +
    '  --preset        canonical, census or ssd (detected when left out)\n' +
    '  --mapping       a JSON column mapping file, or the name of a saved one\n' +
    '  --accept-valid  import the valid rows and log the rejected ones (default: nothing if any row is invalid)\n' +
    '  --dry-run       check everything and report, writing nothing\n' +
    '  --sheet         the sheet of an .xlsx workbook to read (default: the first)\n' +
    '  --extract-date  the date the export was taken: later dates are errors (without it, dates are checked against today and no extract date is recorded)',
  options: {
    source: { type: 'string' },
    preset: { type: 'string' },
    mapping: { type: 'string' },
    'accept-valid': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    'extract-date': { type: 'string' },
    'save-mapping': { type: 'string' },
    sheet: { type: 'string' },
  },
  allowPositionals: true,
  async run(ctx) {
    const v = ctx.values;
    const source = v.source as string | undefined;
    if (source !== undefined && !(IMPORT_SOURCES as readonly string[]).includes(source)) {
      throw new UsageError(`Unknown source "${source}". Sources: ${IMPORT_SOURCES.join(', ')}.`);
    }
    if (ctx.positionals.length === 0) throw new UsageError('Name at least one file to import.');
    if (typeof v['extract-date'] === 'string') isoDateOption('extract-date', v['extract-date']);
    if (v.preset !== undefined && v.mapping !== undefined) throw new UsageError('Give either --preset or --mapping, not both.');
    if ((source === 'benchmark' || source === 'neighbours') && (v.preset || v.mapping || v['accept-valid'] || v['dry-run'])) {
      throw new UsageError(`--preset, --mapping, --accept-valid and --dry-run do not apply to the DfE ${source} file.`);
    }
    let code = 0;
    const results: unknown[] = [];
    for (const file of ctx.positionals) {
      try {
        const r = await importOne(ctx, file, source as ImportSource | undefined);
        code = Math.max(code, r.code);
        results.push(r.json);
      } catch (e) {
        if (!(e instanceof ImportProblem) && (e as Error).name !== 'DfeImportError') throw e;
        const fileCode = e instanceof ImportProblem && USAGE_PROBLEMS.has(e.code) ? 2 : 1;
        code = Math.max(code, fileCode);
        results.push({ file, ok: false, code: e instanceof ImportProblem ? e.code : 'dfe', error: (e as Error).message });
        ctx.err(`${file}: ${(e as Error).message}`);
      }
    }
    if (ctx.json) ctx.out(JSON.stringify({ ok: code === 0, results }, null, 2));
    return code;
  },
};
