// The committee paper from the screen: its configuration (kept in the database by the report
// module, so it travels with backups), a preview, and export to PDF, HTML or Word where the user chooses.
import { FileWriteError, writeFileAtomic } from '../files/atomic-write';
import type { OutputRef } from '../../shared/api';
import { producePaperWithWarnings, savePaperConfig } from '../report';
import { producePaperOffThread, type PaperJob } from '../report/export-thread';
import { MeasuresInputError } from '../measures';
import { outputRef } from './files';
import { UserError, type AppContext } from './context';

function userFacing(err: unknown): never {
  if (err instanceof MeasuresInputError) throw new UserError(err.message);
  if (err instanceof Error && /paper configuration is not valid/.test(err.message)) throw new UserError(err.message);
  throw err;
}

export function savePaper(ctx: AppContext, config: Record<string, unknown>): Record<string, unknown> {
  try {
    return savePaperConfig(ctx.db(), config) as unknown as Record<string, unknown>;
  } catch (err) {
    userFacing(err);
  }
}

/** The preview being made for each app: a newer request (the author typed on) stops it. */
const previews = new WeakMap<AppContext, AbortController>();

/** What a superseded preview answers; the Paper screen shows only the newest preview anyway. */
export const PREVIEW_REPLACED = 'A newer preview replaced this one.';

/**
 * The paper as a web page for the preview beside the form, made in a worker thread like an export:
 * at 1,000,000 allocations making it held the main process for about half a second, and it is
 * remade as the author types. A preview still being made when a newer one is asked for is stopped.
 */
export async function paperHtml(ctx: AppContext, asAt: string, config: Record<string, unknown>): Promise<{ html: string; warnings: string[] }> {
  const request = { asAt, config, format: 'html' as const };
  previews.get(ctx)?.abort(new UserError(PREVIEW_REPLACED));
  const stop = new AbortController();
  previews.set(ctx, stop);
  try {
    const { content, warnings } = await producePaperOffThread(paperJob(ctx, request), () => producePaperWithWarnings(ctx.db(), request), { signal: stop.signal });
    return { html: content as string, warnings };
  } catch (err) {
    return userFacing(err);
  } finally {
    if (previews.get(ctx) === stop) previews.delete(ctx);
  }
}

function paperJob(ctx: AppContext, request: PaperJob['request']): PaperJob {
  return { dbFile: ctx.dbFile, request, ...(ctx.options.nativeBinding ? { nativeBinding: ctx.options.nativeBinding } : {}) };
}

const SAVE_AS = {
  pdf: { title: 'Save the paper as PDF', name: 'PDF document' },
  html: { title: 'Save the paper as a web page (HTML)', name: 'Web page' },
  docx: { title: 'Save the paper as a Word document', name: 'Word document' },
} as const;

export async function exportPaper(
  ctx: AppContext,
  asAt: string,
  config: Record<string, unknown>,
  format: 'pdf' | 'html' | 'docx',
  docxMode: 'paper' | 'appendix' = 'paper',
): Promise<OutputRef | null> {
  const appendix = format === 'docx' && docxMode === 'appendix';
  const dest = await ctx.host.pickSaveFile({
    title: appendix ? 'Save the figures as a Word appendix' : SAVE_AS[format].title,
    suggestedName: `workforce-${appendix ? 'appendix' : 'paper'}-${asAt}.${format}`,
    filters: [{ name: SAVE_AS[format].name, extensions: [format] }],
  });
  if (!dest) return null;
  let content: Buffer | string;
  const request = { asAt, config, format, docx: { mode: docxMode } };
  try {
    // In a worker thread: the window stays responsive while a long paper is laid out.
    content = (await producePaperOffThread(paperJob(ctx, request), () => producePaperWithWarnings(ctx.db(), request))).content;
  } catch (err) {
    userFacing(err);
  }
  try {
    writeFileAtomic(dest, content);
  } catch (err) {
    throw new UserError(err instanceof FileWriteError ? err.message : `The paper could not be saved there (${(err as NodeJS.ErrnoException).code ?? 'error'}). If the file is open in another program, close it and try again, or choose another name.`);
  }
  return outputRef(ctx, dest);
}
