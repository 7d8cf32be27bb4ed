// Imports from the screen: detection, jobs that run an import (or a dry run) in the background
// with progress and cancel, history, undo and saved mappings, all over the import module (CSV
// sources) and the benchmarks module (the DfE's published files).
import { randomUUID } from 'node:crypto';
import type { DetectResult, ImportLogEntry, ImportProgressInfo, ImportSummary, SavedMappingInfo, ColumnMapping } from '../../shared/api';
import { CSV_SOURCES, type ColumnMappingSpec, type CsvSource, type ImportResult } from '../../shared/import-types';
import { listImports, listMappings, runImport, undoImport, ImportProblem, SOURCE_FIELDS } from '../import';
import { detectImportFile, dfeSourceOf } from '../import/detect';
import { identityRefusal, notStoredNote, personalColumns, STAFF_SOURCES } from '../import/privacy';
import { bind, LAYOUTS } from '../import/layouts';
import { setImportBatch, undoBatch } from '../import/undo-batch';
import { importDfeFile, DfeImportError } from '../benchmarks';
import { UserError, type AppContext } from './context';
import { SOURCE_LABEL } from '../../shared/labels';
import { ROLE_LABEL } from '../../shared/domain';

/** Codes the importer's messages list ("use one of: permanent, fixed_term, agency"), in words. */
const CODE_WORDS: Record<string, string> = { ...ROLE_LABEL, fixed_term: 'fixed-term', care_leaver: 'care leaver', in_progress: 'in progress' };

/**
 * The importer's messages name command-line options (they are shared with the CLI); on the screen
 * they name the control that does the same, so no "--source" ever reaches a user of the app.
 */
const SCREEN_WORDS: Array<[RegExp, (...m: string[]) => string]> = [
  [/[Ii]mport it with --source (\w+)/g, (_, s) => `Choose “${SOURCE_LABEL[s!] ?? s}” under “Import it as” on the first step`],
  [/Say what it is with --source, and map its columns with --mapping FILE \(see docs\/import\.md\)\./g, () => 'Say what it holds under “Import it as”, and match its columns at the next step.'],
  [/ \(--mapping FILE\)/g, () => ' (the “Match the columns” step)'],
  [/ alone with --accept-valid/g, () => ' alone by choosing “Import the valid rows”'],
  [/(choose it|Choose another) with --sheet NAME/g, (_, w) => `${w} under “Sheet of the workbook to read”`],
  [/ in the import's value step \(or a mapping's "values" for \w+\)/g, () => ' in the “Match the values” step'],
  [new RegExp(`\\b(${Object.keys(CODE_WORDS).join('|')})\\b`, 'g'), (_, c) => CODE_WORDS[c!] ?? c!],
];

export function forScreen(message: string): string {
  return SCREEN_WORDS.reduce((m, [re, to]) => m.replace(re, (...args: string[]) => to(...args)), message);
}

interface Job {
  id: string;
  controller: AbortController;
  info: ImportProgressInfo;
}

const jobs = new Map<string, Job>();

/** The part of a saved mapping the screen edits (its name and source travel beside it). */
function mappingOf(spec: ColumnMappingSpec): ColumnMapping {
  return {
    columns: spec.columns,
    ...(spec.values ? { values: spec.values } : {}),
    ...(spec.defaults ? { defaults: spec.defaults } : {}),
    ...(spec.dateOrder ? { dateOrder: spec.dateOrder } : {}),
  };
}

function isCsvSource(s: string): s is CsvSource {
  return (CSV_SOURCES as readonly string[]).includes(s);
}

const FIELDS = Object.fromEntries(Object.entries(SOURCE_FIELDS).map(([k, v]) => [k, v.map((f) => ({ name: f.name, label: f.label, required: f.required }))]));

const DFE_DESCRIPTION = {
  benchmark: "DfE children's social work workforce indicators, as published (for comparisons)",
  neighbours: 'DfE statistical neighbours, as published (for comparisons)',
} as const;

/** The DfE's published files, which the CSV importer does not know: recognised by their headings. */
function dfeKind(headers: string[]): { source: 'benchmark' | 'neighbours'; description: string } | null {
  const source = dfeSourceOf(headers);
  if (!source) return null;
  // Every DfE statistics release has time_period and geographic_level; the screen offers only the
  // workforce indicators, which carry the turnover rate.
  if (source === 'benchmark' && !headers.some((h) => h.toLowerCase().replace(/[^a-z0-9]/g, '') === 'turnoverratefte')) return null;
  return { source, description: DFE_DESCRIPTION[source] };
}

/**
 * For a file no layout fits: per source, the columns whose headings are a known spelling of a
 * field (a heading "FTE" is the FTE), so the mapping step starts from them rather than from nothing.
 */
function suggestedColumns(headers: string[]): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const source of CSV_SOURCES) {
    // The layout of the source whose spellings name the most of these headings.
    const fits = LAYOUTS.filter((l) => l.sources.includes(source)).map((l) => bind(l, source, headers));
    const b = fits.sort((x, y) => y.matched.length - x.matched.length)[0];
    if (!b) continue;
    const columns: Record<string, string> = {};
    for (const field of b.matched) {
      const heading = headers[b.index[field]!];
      if (heading && !columns[heading] && !personalColumns([heading]).length) columns[heading] = field;
    }
    out[source] = columns;
  }
  return out;
}

export async function detect(ctx: AppContext, fileId: string, sheet?: string): Promise<DetectResult> {
  const f = ctx.file(fileId);
  try {
    const d = await detectImportFile(f.path, ctx.db(), sheet);
    const workbook = d.sheets ? { sheet: d.sheet!, sheets: d.sheets } : {};
    const dfe = d.best ? null : dfeKind(d.headers);
    if (dfe)
      return { file: { id: f.id, name: f.name, bytes: f.bytes }, source: dfe.source, preset: 'dfe', description: dfe.description, headers: d.headers, preview: d.preview, fields: FIELDS, presetBySource: { [dfe.source]: 'dfe' }, suggestedMapping: null, suggestedColumns: {}, identityRefusal: null, ...workbook };
    const best = d.best;
    const saved = best?.preset.startsWith('mapping:') ? listMappings(ctx.db()).find((m) => `mapping:${m.name}` === best.preset) : undefined;
    let description = best ? best.description : 'Not recognised: its column headings do not match any layout Scrutiny Pack knows';
    // Staff files may carry the worker's own details (dropped unread); a case file's could be a child's.
    const staff = best !== undefined && best !== null && STAFF_SOURCES.has(best.source);
    const personal = personalColumns(d.headers);
    if (staff && personal.length) description += `. ${notStoredNote(personal)}`;
    else if (d.identityColumns.length) {
      description += `. It has columns that look like a child's name or date of birth (${d.identityColumns.join(', ')}), which Scrutiny Pack will not store: remove them from the export first`;
    }
    return {
      file: { id: f.id, name: f.name, bytes: f.bytes },
      source: best?.source ?? null,
      preset: best && !saved ? best.preset : null,
      description,
      headers: d.headers,
      preview: d.preview,
      fields: FIELDS,
      presetBySource: Object.fromEntries(
        [...d.candidates].reverse().filter((c) => !c.preset.startsWith('mapping:')).map((c) => [c.source, c.preset]),
      ),
      suggestedMapping: saved ? { name: saved.name, source: saved.source, mapping: mappingOf(saved.mapping) } : null,
      suggestedColumns: best ? {} : suggestedColumns(d.headers),
      identityRefusal: d.identityColumns.length ? identityRefusal(d.identityColumns) : null,
      ...workbook,
    };
  } catch (err) {
    if (err instanceof ImportProblem) throw new UserError(err.message.replaceAll(f.path, f.name));
    throw err;
  }
}

function summaryOf(r: ImportResult): ImportSummary {
  return {
    importId: r.importId,
    outcome: r.outcome,
    message: r.message,
    rowsRead: r.rowsRead,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rejected,
    problems: r.problems,
    assumptions: r.assumptions,
    problemsTruncated: r.problemsTruncated,
  };
}

export interface StartArgs {
  fileId: string;
  sheet?: string | undefined;
  source: string;
  preset?: string | undefined;
  mapping?: ColumnMapping | undefined;
  saveMappingAs?: string | undefined;
  acceptValid: boolean;
  dryRun: boolean;
  /** The files chosen together in one wizard run share it (undone together). */
  batchId?: string | undefined;
}

export function startImport(ctx: AppContext, args: StartArgs): { jobId: string } {
  const f = ctx.file(args.fileId);
  const job: Job = {
    id: randomUUID(),
    controller: new AbortController(),
    info: { jobId: '', state: 'running', rowsRead: 0, fraction: null, result: null, error: null },
  };
  job.info.jobId = job.id;
  jobs.set(job.id, job);
  const clean = (msg: string) => forScreen(msg.replaceAll(f.path, f.name));
  const run = async (): Promise<ImportSummary> => {
    if (isCsvSource(args.source)) {
      const r = await runImport(ctx.db(), {
        file: f.path,
        keys: ctx.keys,
        source: args.source,
        ...(args.sheet ? { sheet: args.sheet } : {}),
        ...(args.preset && args.preset !== 'dfe' ? { preset: args.preset } : {}),
        ...(args.mapping ? { mapping: { ...args.mapping, source: args.source } } : {}),
        ...(args.saveMappingAs ? { saveMappingAs: args.saveMappingAs } : {}),
        acceptValid: args.acceptValid,
        dryRun: args.dryRun,
        dbPath: ctx.dbFile,
        signal: job.controller.signal,
        onProgress: (p) => {
          job.info.rowsRead = p.rowsRead;
          job.info.fraction = p.bytesTotal > 0 ? Math.min(1, p.bytesRead / p.bytesTotal) : null;
        },
      });
      const s = summaryOf(r);
      return { ...s, message: clean(s.message), problems: s.problems.map((p) => ({ ...p, reason: clean(p.reason) })) };
    }
    if (args.source === 'benchmark' || args.source === 'neighbours') {
      if (args.dryRun) {
        // The DfE importer parses the whole file before writing and is all-or-nothing: nothing to preview row by row.
        return { importId: null, outcome: 'checked', message: 'DfE published files are imported exactly as published; they are checked as they are imported.', rowsRead: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, problems: [], assumptions: [], problemsTruncated: false };
      }
      const r = await importDfeFile(ctx.db(), { file: f.path, source: args.source, dbPath: ctx.dbFile });
      return { importId: r.importId, outcome: r.outcome, message: r.message, rowsRead: r.rowsRead, inserted: r.rowsInserted, updated: r.rowsUpdated, unchanged: r.rowsUnchanged, rejected: 0, problems: [], assumptions: [], problemsTruncated: false };
    }
    throw new UserError(`Unknown kind of file: ${args.source}.`);
  };
  run().then(
    (result) => {
      if (args.batchId && !args.dryRun && result.importId !== null && ['imported', 'partial', 'no_change'].includes(result.outcome)) setImportBatch(ctx.db(), result.importId, args.batchId);
      job.info = { ...job.info, state: result.outcome === 'cancelled' ? 'cancelled' : 'done', result, fraction: 1 };
    },
    (err: unknown) => {
      if (job.controller.signal.aborted) job.info = { ...job.info, state: 'cancelled', error: null };
      else job.info = { ...job.info, state: 'failed', error: clean(err instanceof ImportProblem || err instanceof DfeImportError || err instanceof Error ? err.message : String(err)) };
    },
  );
  return { jobId: job.id };
}

export function importProgress(jobId: string): ImportProgressInfo {
  const job = jobs.get(jobId);
  if (!job) throw new UserError('That import is no longer running. Look in the import history on the Data screen.');
  const info = { ...job.info };
  if (info.state !== 'running') jobs.delete(jobId);
  return info;
}

export function cancelImport(jobId: string): { cancelled: boolean } {
  const job = jobs.get(jobId);
  if (!job || job.info.state !== 'running') return { cancelled: false };
  job.controller.abort();
  return { cancelled: true };
}

export function history(ctx: AppContext): ImportLogEntry[] {
  return listImports(ctx.db())
    .reverse()
    .map((e) => ({
      id: e.id,
      fileName: e.fileName,
      source: e.source,
      layout: e.layout,
      rowsRead: e.rowsRead,
      inserted: e.inserted,
      updated: e.updated,
      unchanged: e.unchanged,
      rejected: e.rejected,
      startedAt: e.startedAt,
      outcome: e.outcome,
      message: e.message,
      undoneAt: e.undoneAt,
      canUndo: e.canUndo,
      batchId: e.batchId,
    }));
}

/** The importer's refusals (an undo that must wait, say) are written for the user: passed on as they are. */
export function inPlainWords<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof ImportProblem) throw new UserError(err.message);
    throw err;
  }
}

export function undo(ctx: AppContext, importId: number): { message: string } {
  return inPlainWords(() => ({ message: undoImport(ctx.db(), importId).message }));
}

export function undoTogether(ctx: AppContext, batchId: string): { message: string } {
  return inPlainWords(() => ({ message: undoBatch(ctx.db(), batchId).message }));
}

export function mappings(ctx: AppContext): SavedMappingInfo[] {
  return listMappings(ctx.db()).map((m) => ({ name: m.name, source: m.source, mapping: mappingOf(m.mapping), updatedAt: m.updatedAt }));
}
