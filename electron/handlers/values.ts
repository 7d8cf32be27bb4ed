// The import wizard's value step: a file's worded columns with their distinct values and where
// each is placed, and the council's own value rules (saved in the database).
import type { ColumnMapping } from '../../shared/api';
import { CSV_SOURCES, type ColumnValues, type CsvSource, type ValueRuleInfo } from '../../shared/import-types';
import { ImportProblem } from '../import';
import { columnValues } from '../import/distinct-values';
import { listValueRules, saveValueRules } from '../import/value-rules';
import { UserError, type AppContext } from './context';

export async function fileValues(
  ctx: AppContext,
  args: { fileId: string; sheet?: string | undefined; source: string; preset?: string | undefined; mapping?: ColumnMapping | undefined },
): Promise<ColumnValues[]> {
  // The DfE's own files have no worded columns.
  if (!(CSV_SOURCES as readonly string[]).includes(args.source)) return [];
  const f = ctx.file(args.fileId);
  try {
    return await columnValues(ctx.db(), {
      file: f.path,
      source: args.source as CsvSource,
      sheet: args.sheet,
      ...(args.mapping ? { mapping: args.mapping } : args.preset ? { preset: args.preset } : {}),
    });
  } catch (err) {
    if (err instanceof ImportProblem) throw new UserError(err.message.replaceAll(f.path, f.name));
    throw err;
  }
}

export function valueRules(ctx: AppContext): ValueRuleInfo[] {
  return listValueRules(ctx.db());
}

export function saveRules(ctx: AppContext, rules: Array<{ field: string; value: string; placed: string }>): ValueRuleInfo[] {
  try {
    saveValueRules(ctx.db(), rules);
  } catch (err) {
    if (err instanceof ImportProblem) throw new UserError(err.message);
    throw err;
  }
  return listValueRules(ctx.db());
}
