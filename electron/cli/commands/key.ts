// `key`: the database's case key, kept outside the database. Shows where it is, exports it to
// take the database to another computer, imports it there, or starts a new one when it is lost.
import path from 'node:path';
import { exportKey, importKey, KeyFileError, keyStatus, MissingKeyError, NEW_KEY_CONSEQUENCE, startNewKey } from '../../keys';
import { DataError, UsageError, type Command } from '../command';

const ACTIONS = ['status', 'export', 'import', 'new'] as const;

export const keyCommand: Command = {
  name: 'key',
  readsOnly: true,
  summary: "Show, export, import or replace the database's case key (kept outside the database)",
  usage:
    'key status | key export --out FILE | key import FILE | key new --confirm\n\n' +
    '  status      where the key that makes case pseudonyms is kept on this computer\n' +
    '  export      write the key to FILE, to move the database to another computer\n' +
    '              (with the key and the database, anyone can work out case IDs: guard the file)\n' +
    '  import      take in a key exported on another computer, for this database\n' +
    '  new         start a new key when the old one is lost for good (needs --confirm):\n' +
    `              ${NEW_KEY_CONSEQUENCE}`,
  options: { out: { type: 'string' }, confirm: { type: 'boolean' } },
  allowPositionals: true,
  run(ctx) {
    const [action = 'status', ...rest] = ctx.positionals;
    if (!(ACTIONS as readonly string[]).includes(action)) throw new UsageError(`"${action}" is not a key action; use one of: ${ACTIONS.join(', ')}.`);
    const say = (result: Record<string, unknown> & { message: string }) => {
      ctx.out(ctx.json ? JSON.stringify({ ok: true, ...result }) : result.message);
      return 0;
    };
    try {
      if (action === 'status') {
        const s = keyStatus(ctx.db(), ctx.keys);
        const message = !s.hasKey
          ? 'This database has no case key yet: one is made, in the key folder, when allocations are first imported.'
          : s.source
            ? `The case key of this database is on this computer (${s.source}, in ${ctx.keys.dir}${ctx.keys.itKeyFile ? `; IT key file ${ctx.keys.itKeyFile}` : ''}).`
            : new MissingKeyError(s.databaseId).message;
        return say({ ...s, keyFolder: ctx.keys.dir, message });
      }
      if (action === 'export') {
        if (typeof ctx.values.out !== 'string' || rest.length > 0) throw new UsageError('Say where to write the key: key export --out FILE.');
        return say(exportKey(ctx.db(), ctx.keys, path.resolve(ctx.values.out)));
      }
      if (action === 'import') {
        if (rest.length !== 1) throw new UsageError('Give the one key file to import: key import FILE.');
        return say(importKey(ctx.db(), ctx.keys, path.resolve(rest[0]!)));
      }
      if (ctx.values.confirm !== true) throw new UsageError(`Starting a new key cannot be taken back. ${NEW_KEY_CONSEQUENCE} Add --confirm to go ahead.`);
      return say(startNewKey(ctx.db(), ctx.keys));
    } catch (e) {
      if (e instanceof KeyFileError || e instanceof MissingKeyError) throw new DataError(e.message);
      throw e;
    }
  },
};
