// Files the user chose (open dialog or drag and drop), files the app wrote, and saving text.
import fs from 'node:fs';
import path from 'node:path';
import type { FileRef, OutputRef } from '../../shared/api';
import { FileWriteError, writeFileAtomic } from '../files/atomic-write';
import { UserError, type AppContext } from './context';
import { assertOpenable, savableExtension, withExtension } from './file-types';

const CSV_FILTERS = [
  { name: 'CSV, text and Excel exports, census XML', extensions: ['csv', 'txt', 'tsv', 'xlsx', 'xml'] },
  { name: 'All files', extensions: ['*'] },
];

export async function pickFiles(ctx: AppContext, multiple: boolean): Promise<FileRef[]> {
  const paths = await ctx.host.pickFiles({ multiple, title: 'Choose the export files to import', filters: CSV_FILTERS });
  return paths.map((p) => ctx.registerFile(p));
}

/** A dropped file arrives as bytes (the sandboxed page has no paths); keep it in a private folder. */
export function stageFile(ctx: AppContext, name: string, base64: string): FileRef {
  const safe = path.basename(name).replace(/[^\w .()-]/g, '_').slice(0, 200) || 'dropped.csv';
  const dir = fs.mkdtempSync(path.join(ctx.stagingDir, 'f-'));
  const file = path.join(dir, safe);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return ctx.registerFile(file, path.basename(name));
}

export function outputRef(ctx: AppContext, file: string): OutputRef {
  const ref = ctx.registerOutput(file);
  return { outputId: ref.id, name: ref.name, path: ref.path, bytes: ref.bytes };
}

export async function openOutput(ctx: AppContext, outputId: string, inFolder: boolean): Promise<{ opened: boolean }> {
  const ref = ctx.outputs.get(outputId);
  if (!ref) throw new UserError('That file was written in an earlier session. Export it again to open it.');
  if (!fs.existsSync(ref.path)) throw new UserError(`${ref.name} has been moved or deleted since it was saved.`);
  if (inFolder) ctx.host.showInFolder(ref.path);
  else {
    assertOpenable(ref.path);
    await ctx.host.openPath(ref.path);
  }
  return { opened: true };
}

export async function saveText(ctx: AppContext, suggestedName: string, content: string): Promise<OutputRef | null> {
  const ext = savableExtension(suggestedName);
  const chosen = await ctx.host.pickSaveFile({
    title: 'Save',
    suggestedName: path.basename(suggestedName),
    filters: [{ name: ext.toUpperCase() + ' file', extensions: [ext] }],
  });
  if (!chosen) return null;
  const dest = withExtension(chosen, ext);
  // A byte-order mark so Excel opens the CSV as UTF-8 (names with accents, the £ sign). Written
  // whole or not at all, like the paper: a full disk must not leave half a CSV over a good one.
  try {
    writeFileAtomic(dest, (ext === 'csv' ? '\ufeff' : '') + content);
  } catch (err) {
    if (err instanceof FileWriteError) throw new UserError(err.message);
    throw err;
  }
  return outputRef(ctx, dest);
}
