// `undo IMPORT_ID`: restores the data exactly as it was before that import.
import { ImportProblem, undoImport } from '../../import/index';
import { DataError, UsageError, type Command } from '../command';

export const undoCommand: Command = {
  name: 'undo',
  readsOnly: true,
  summary: 'Undo an import, restoring the data exactly as it was before it.',
  usage: 'undo IMPORT_ID\n\n  IMPORT_ID  the number shown by "scrutiny-pack imports"; the database returns to exactly its state before that import',
  options: {},
  allowPositionals: true,
  run(ctx) {
    const [idText, ...extra] = ctx.positionals;
    if (!idText || extra.length > 0 || !/^\d+$/.test(idText)) throw new UsageError('Give one import number, as listed by "imports".');
    try {
      const result = undoImport(ctx.db(), Number(idText));
      ctx.out(ctx.json ? JSON.stringify({ ok: true, ...result }) : result.message);
      return 0;
    } catch (e) {
      if (e instanceof ImportProblem) throw new DataError(e.message);
      throw e;
    }
  },
};
