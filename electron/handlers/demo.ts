// "Explore the demo council": imports the bundled demo exports (fixtures/demo, described by its
// manifest.json) through the ordinary importer, so the demo is undoable like any other import.
import fs from 'node:fs';
import path from 'node:path';
import type { DemoManifest } from '../demo';
import { runImport } from '../import';
import { importDfeFile } from '../benchmarks/import-dfe';
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
  const dfe = await loadBundledDfe(ctx, path.join(dir, '..', 'dfe'));
  imports += dfe.imports;
  return {
    imports,
    message:
      `The demo council is loaded: made-up data from ${manifest.startDate} to ${manifest.endDate}.` +
      (dfe.edition ? ` England's figures come from the DfE's published statistics bundled with Scrutiny Pack (${dfe.edition}); importing a newer edition replaces them.` : '') +
      ' Undo its imports on the Data screen to remove it.',
  };
}

/** The bundled DfE files (fixtures/dfe, with their source and licence) and the edition they are. */
const BUNDLED_DFE = [
  { file: 'csww_indicators_2017_to_2025.csv', source: 'benchmark' as const },
  { file: 'statistical_neighbours_2021.csv', source: 'neighbours' as const },
];
const BUNDLED_EDITION = 'children\'s social work workforce indicators 2017 to 2025, statistical neighbours 2021';

/**
 * Gives the demo its comparison with England from the bundled DfE files, unless the user has
 * imported DfE files already (theirs may be newer: never replaced by the bundled copy).
 */
async function loadBundledDfe(ctx: AppContext, dir: string): Promise<{ imports: number; edition: string | null }> {
  if (!BUNDLED_DFE.every((f) => fs.existsSync(path.join(dir, f.file)))) return { imports: 0, edition: null };
  const loaded = ctx.db().prepare(`SELECT count(*) AS n FROM dfe_indicator`).get() as { n: number };
  if (loaded.n > 0) return { imports: 0, edition: null };
  let imports = 0;
  for (const f of BUNDLED_DFE) {
    const r = await importDfeFile(ctx.db(), { file: path.join(dir, f.file), source: f.source });
    if (r.importId !== null) imports++;
  }
  return { imports, edition: BUNDLED_EDITION };
}
