// The case key in the app's Settings: where it is, exporting it to move the database to another
// computer, importing it there. Files are chosen in native dialogs; the page never sees the key
// or a path it could choose.
import { exportKey, importKey, KeyFileError, keyStatus, MissingKeyError, EXPORT_WARNING } from '../keys';
import type { CaseKeyStatus } from '../../shared/api';
import { UserError, type AppContext } from './context';

const KEY_FILTERS = [{ name: 'Scrutiny Pack case key', extensions: ['json'] }];

export function caseKeyStatus(ctx: AppContext): CaseKeyStatus {
  const s = keyStatus(ctx.db(), ctx.keys);
  const message = !s.hasKey
    ? 'No case key yet: one is made when case allocations are first imported, and kept on this computer, outside the database.'
    : s.source
      ? `The case key of this database is on this computer (${s.source}).`
      : new MissingKeyError(s.databaseId).message;
  return { hasKey: s.hasKey, source: s.source, message };
}

function plain<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof KeyFileError || e instanceof MissingKeyError) throw new UserError(e.message);
    throw e;
  }
}

export async function exportCaseKey(ctx: AppContext): Promise<{ done: boolean; message: string }> {
  if (!keyStatus(ctx.db(), ctx.keys).hasKey) throw new UserError('There is no case key to export yet: none is made until case allocations are imported.');
  const dest = await ctx.host.pickSaveFile({ title: 'Export the case key', suggestedName: 'scrutiny-pack-case-key.json', filters: KEY_FILTERS });
  if (!dest) return { done: false, message: 'The key was not exported.' };
  return { done: true, message: plain(() => exportKey(ctx.db(), ctx.keys, dest)).message.replace(/ On the other computer.*$/, ` On the other computer, use Settings > Case key > Import a key.`) };
}

export async function importCaseKey(ctx: AppContext): Promise<{ done: boolean; message: string }> {
  const [file] = await ctx.host.pickFiles({ multiple: false, title: 'Choose the exported case key', filters: KEY_FILTERS });
  if (!file) return { done: false, message: 'No key was imported.' };
  return { done: true, message: plain(() => importKey(ctx.db(), ctx.keys, file)).message };
}

export { EXPORT_WARNING };
