// The paper configuration the Paper screen edits, kept as JSON beside the database so the command
// line's `report --config FILE` can read the very same file.
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from './context';

export function paperConfigFile(ctx: AppContext): string {
  return path.join(path.dirname(ctx.dbFile), 'paper-config.json');
}

export function loadPaperConfig(ctx: AppContext): Record<string, unknown> | null {
  const file = paperConfigFile(ctx);
  if (!fs.existsSync(file)) return null;
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function storePaperConfig(ctx: AppContext, config: Record<string, unknown>): void {
  const file = paperConfigFile(ctx);
  const tmp = file + '.tmp';
  fs.writeFileSync(tmp, JSON.stringify(config, null, 2));
  fs.renameSync(tmp, file);
}
