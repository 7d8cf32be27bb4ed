// The committee paper from the screen: its configuration (kept in the database by the report
// module, so it travels with backups), a preview, and export to PDF, HTML or Word where the user chooses.
import { FileWriteError, writeFileAtomic } from '../files/atomic-write';
import type { OutputRef } from '../../shared/api';
import { producePaperWithWarnings, savePaperConfig } from '../report';
import { producePaperOffThread } from '../report/export-thread';
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

export async function paperHtml(ctx: AppContext, asAt: string, config: Record<string, unknown>): Promise<{ html: string; warnings: string[] }> {
  try {
    const { content, warnings } = await producePaperWithWarnings(ctx.db(), { asAt, config, format: 'html' });
    return { html: content as string, warnings };
  } catch (err) {
    userFacing(err);
  }
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
    const job = { dbFile: ctx.dbFile, request, ...(ctx.options.nativeBinding ? { nativeBinding: ctx.options.nativeBinding } : {}) };
    content = (await producePaperOffThread(job, () => producePaperWithWarnings(ctx.db(), request))).content;
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
