// `imports`: the import history, newest last, with what each import did and whether it can be undone.
import { listImports } from '../../import/index';
import type { Command } from '../command';

export const importsCommand: Command = {
  name: 'imports',
  readsOnly: true,
  summary: 'List the import history (what each import added, changed or rejected, and whether it can be undone).',
  usage: 'imports [--json]',
  options: {},
  run(ctx) {
    const list = listImports(ctx.db());
    if (ctx.json) {
      ctx.out(JSON.stringify(list, null, 2));
      return 0;
    }
    if (list.length === 0) {
      ctx.out('No imports yet.');
      return 0;
    }
    const header = ['id', 'when', 'file', 'source', 'layout', 'read', 'new', 'updated', 'unchanged', 'rejected', 'outcome', 'undo?'];
    const rows = list.map((i) => [
      String(i.id), i.startedAt.slice(0, 16).replace('T', ' '), i.fileName, i.source, i.layout,
      String(i.rowsRead), String(i.inserted), String(i.updated), String(i.unchanged), String(i.rejected),
      i.outcome, i.canUndo ? 'yes' : '',
    ]);
    const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
    const line = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd();
    ctx.out([line(header), ...rows.map(line)].join('\n'));
    return 0;
  },
};
