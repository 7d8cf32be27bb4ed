// "Explore the demo council": imports the bundled demo exports (fixtures/demo, described by its
// manifest.json) through the ordinary importer, so the demo is undoable like any other import.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DemoManifest } from '../demo';
import { runImport, backupBeforeImport } from '../import';
import { setImportBatch, undoImportsTogether } from '../import/undo-batch';
import { importDfeFile } from '../benchmarks/import-dfe';
import { getSettings, updateSettings } from '../settings';
import { CSV_SOURCES, type CsvSource } from '../../shared/import-types';
import { UserError, type AppContext } from './context';
import { inPlainWords } from './import';
import { plural } from '../../shared/summaries';

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
    if (r.importId !== null) {
      imports++;
      setImportBatch(ctx.db(), r.importId, DEMO_BATCH);
    }
  }
  if (!getSettings(ctx.db()).councilName) updateSettings(ctx.db(), { councilName: DEMO_COUNCIL_NAME });
  const dfe = await loadBundledDfe(ctx, path.join(dir, '..', 'dfe'));
  imports += dfe.imports;
  return {
    imports,
    message:
      `The demo council is loaded: made-up data from ${manifest.startDate} to ${manifest.endDate}.` +
      (dfe.edition ? ` England's figures come from the DfE's published statistics bundled with Scrutiny Pack (${dfe.edition}); importing a newer edition replaces them.` : '') +
      ' Remove it in one step on the Import screen (or undo its imports on the Data screen) before importing your own files.',
  };
}

/** The batch the demo council's own files are imported as (the bundled DfE files are real statistics, kept). */
export const DEMO_BATCH = 'demo';

/**
 * The demo council's imports still in the database: its batch, or (in a database that loaded it
 * before batches existed) the imports of exactly the bundled demo files, known by their SHA-256.
 */
function demoImports(ctx: AppContext): { id: number; fileName: string }[] {
  const hashes = demoHashes(ctx.options.fixturesDir);
  return ctx
    .db()
    .prepare(
      `SELECT id, file_name AS fileName FROM import_log
       WHERE outcome IN ('imported', 'partial', 'no_change') AND (batch_id = ? OR sha256 IN (SELECT value FROM json_each(?)))
       ORDER BY id`,
    )
    .all(DEMO_BATCH, JSON.stringify(hashes)) as { id: number; fileName: string }[];
}

const hashesOf = new Map<string, string[]>();
function demoHashes(dir: string): string[] {
  let hashes = hashesOf.get(dir);
  if (!hashes) {
    hashes = demoAvailable(dir)
      ? (JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as DemoManifest).files
          .map((f) => path.join(dir, f.file))
          .filter((f) => fs.existsSync(f))
          .map((f) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex'))
      : [];
    hashesOf.set(dir, hashes);
  }
  return hashes;
}

export function demoStatus(ctx: AppContext): { files: string[] } {
  return { files: demoImports(ctx).map((i) => i.fileName) };
}

/** Removes the demo council in one step (all its imports undone together), after a backup. */
export async function removeDemo(ctx: AppContext): Promise<{ message: string }> {
  const members = demoImports(ctx);
  if (members.length === 0) return { message: 'The demo council is not in this database: there is nothing to remove.' };
  const backup = await backupBeforeImport(ctx.db(), ctx.dbFile);
  const undone = inPlainWords(() => undoImportsTogether(ctx.db(), members.map((m) => m.id), 'the demo council'));
  if (getSettings(ctx.db()).councilName === DEMO_COUNCIL_NAME) updateSettings(ctx.db(), { councilName: '' });
  return {
    message:
      `The demo council is removed: ${undone.deleted.toLocaleString('en-GB')} made-up rows from ${plural(members.length, 'file')} are gone, and your own imports are untouched.` +
      (backup ? ` If you change your mind, restore the backup taken just before (${path.basename(backup)}) in Settings.` : ''),
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
