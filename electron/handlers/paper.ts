// The committee paper from the screen: its configuration (kept in the database by the report
// module, so it travels with backups), a preview, and export to PDF or HTML where the user chooses.
import fs from 'node:fs';
import type { OutputRef } from '../../shared/api';
import { producePaper, producePaperWithWarnings, savePaperConfig } from '../report';
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

export async function exportPaper(ctx: AppContext, asAt: string, config: Record<string, unknown>, format: 'pdf' | 'html'): Promise<OutputRef | null> {
  const dest = await ctx.host.pickSaveFile({
    title: format === 'pdf' ? 'Save the paper as PDF' : 'Save the paper as a web page (HTML)',
    suggestedName: `workforce-paper-${asAt}.${format}`,
    filters: [{ name: format === 'pdf' ? 'PDF document' : 'Web page', extensions: [format] }],
  });
  if (!dest) return null;
  let content: Buffer | string;
  try {
    content = format === 'pdf' ? await producePaper(ctx.db(), { asAt, config, format: 'pdf' }) : await producePaper(ctx.db(), { asAt, config, format: 'html' });
  } catch (err) {
    userFacing(err);
  }
  try {
    fs.writeFileSync(dest, content);
  } catch (err) {
    throw new UserError(`The paper could not be saved there (${(err as NodeJS.ErrnoException).code ?? 'error'}). If the file is open in another program, close it and try again, or choose another name.`);
  }
  return outputRef(ctx, dest);
}
