// "Explore the demo council": imports the bundled demo exports (fixtures/demo, described by its
// manifest.json) through the ordinary importer, so the demo is undoable like any other import.
import fs from 'node:fs';
import path from 'node:path';
import type { DemoManifest } from '../demo';
import { runImport } from '../import';
import { getSettings, updateSettings } from '../settings';
import { CSV_SOURCES, type CsvSource } from '../../shared/import-types';
import { UserError, type AppContext } from './context';

export const DEMO_COUNCIL_NAME = 'Demoshire Council (demo data)';

export function demoAvailable(fixturesDir: string): boolean {
  return fs.existsSync(path.join(fixturesDir, 'manifest.json'));
}

export async function loadDemo(ctx: AppContext): Promise<{ imports: number; message: string }> {
  const dir = ctx.options.fixturesDir;
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw new UserError('The demo council is missing from this installation. Reinstall Scrutiny Pack to get it back.');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as DemoManifest;
  let imports = 0;
  for (const f of manifest.files) {
    if (!(CSV_SOURCES as readonly string[]).includes(f.source)) continue;
    const r = await runImport(ctx.db(), {
      file: path.join(dir, f.file),
      keys: ctx.keys,
      source: f.source as CsvSource,
      preset: f.preset,
      extractDate: manifest.endDate,
      dbPath: ctx.dbFile,
    });
    if (r.outcome === 'failed') throw new UserError(`The demo file ${f.file} could not be imported: ${r.message}`);
    if (r.importId !== null) imports++;
  }
  if (!getSettings(ctx.db()).councilName) updateSettings(ctx.db(), { councilName: DEMO_COUNCIL_NAME });
  return {
    imports,
    message: `The demo council is loaded: made-up data from ${manifest.startDate} to ${manifest.endDate}. Undo its imports on the Data screen to remove it.`,
  };
}
