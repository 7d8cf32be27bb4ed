#!/usr/bin/env node
// The command line, with no build step after `npm install`: it runs from an esbuild bundle of the
// current sources, kept in node_modules/.cache/scrutiny-pack/cli-<stamp>/ and rebuilt (about a
// tenth of a second) whenever a source changes. Loading the TypeScript through tsx instead
// costs about 0.4 s and 60 MB at every start, which a timed import pays in full.
//
// Anything that stops the bundle being built or loaded (no esbuild, a read-only install, a
// syntax error being edited) falls back, silently, to running the sources through tsx.
//
// Environment:
//   SCRUTINY_CLI_TSX=1    always run the sources through tsx (debugging, comparisons)
//   SCRUTINY_CLI_CACHE    folder for the bundles (tests); it must sit inside the project, or
//                         the bundle cannot find the packages it leaves in node_modules
//   SCRUTINY_CLI_DEBUG=1  say on stderr which way the command line started, and why
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsconfig = path.join(root, 'tsconfig.json');
const debug = process.env.SCRUTINY_CLI_DEBUG === '1' ? (text) => process.stderr.write(`scrutiny-pack: ${text}\n`) : () => {};

// Everything the bundle is built from: the sources and the build settings (this file, the
// tsconfig, and package.json, which pins esbuild's exact version and gives --version its answer).
const SOURCE_DIRS = ['electron', 'shared'];
const SOURCE_FILES = ['tsconfig.json', 'package.json', 'bin/scrutiny-pack.mjs'];
const WORKER_SOURCE = path.join(root, 'electron', 'import', 'convert-worker-thread.ts');
/** A bundle not started for this long, other than the current one, is deleted. */
const UNUSED_FOR_MS = 10 * 60 * 1000;

/**
 * A digest of the path, size and modification time of every source: stat calls only, no file is
 * read (about 140 files, 2-3 ms). An edit changes the time, and a moved checkout the paths.
 */
function sourceStamp() {
  const hash = crypto.createHash('sha256');
  const add = (file) => {
    const s = fs.statSync(file);
    hash.update(`${file}\0${s.size}\0${s.mtimeMs}\n`);
  };
  const walk = (dir) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) add(p);
    }
  };
  for (const d of SOURCE_DIRS) walk(path.join(root, d));
  for (const f of SOURCE_FILES) add(path.join(root, f));
  return hash.digest('hex').slice(0, 16);
}

/** The folder holding cli.mjs (and convert-worker.mjs) for the current sources, built if need be. */
async function ensureBundle() {
  const cache = process.env.SCRUTINY_CLI_CACHE ? path.resolve(process.env.SCRUTINY_CLI_CACHE) : path.join(root, 'node_modules', '.cache', 'scrutiny-pack');
  const checking = performance.now();
  const dir = path.join(cache, `cli-${sourceStamp()}`);
  if (fs.existsSync(path.join(dir, 'cli.mjs'))) {
    debug(`sources unchanged (checked in ${(performance.now() - checking).toFixed(1)} ms)`);
    markUsed(dir);
    return dir;
  }
  const started = performance.now();
  const esbuild = await import('esbuild');
  fs.mkdirSync(cache, { recursive: true });
  // Built aside and renamed into place, so a process starting meanwhile never sees half a bundle.
  const tmp = fs.mkdtempSync(path.join(cache, `tmp-${path.basename(dir)}-`));
  try {
    const entryPoints = { cli: path.join(root, 'electron', 'cli', 'main.ts') };
    // The import finds its worker as ./convert-worker.mjs beside its own code, so every output
    // (entries and shared chunks) stays in this one flat folder.
    if (fs.existsSync(WORKER_SOURCE)) entryPoints['convert-worker'] = WORKER_SOURCE;
    await esbuild.build({
      entryPoints,
      outdir: tmp,
      outExtension: { '.js': '.mjs' },
      chunkNames: 'chunk-[hash]',
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      tsconfig,
      absWorkingDir: root,
      // Stack traces (printed for unexpected failures, for the bug report) name the sources.
      sourcemap: 'linked',
      sourcesContent: false,
      logLevel: 'silent',
    });
    // mkdtemp makes the folder private; anyone who may run the project may run its bundle.
    fs.chmodSync(tmp, 0o755);
    try {
      fs.renameSync(tmp, dir);
    } catch (e) {
      // Another process finished the same bundle first: use theirs.
      if (!fs.existsSync(path.join(dir, 'cli.mjs'))) throw e;
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  } finally {
    // esbuild's service process would otherwise idle beside the command, a long import included.
    await esbuild.stop();
  }
  debug(`bundled the sources into ${dir} in ${Math.round(performance.now() - started)} ms`);
  prune(cache, dir);
  return dir;
}

/** The folder's time records its last start, so pruning spares bundles still in use. */
function markUsed(dir) {
  try {
    const now = new Date();
    fs.utimesSync(dir, now, now);
  } catch {
    // A read-only cache still runs.
  }
}

/**
 * Deletes bundles of older sources (and builds left by a killed process), once unused for a
 * while: a command started from one, such as a long import, may still load its chunks or worker.
 */
function prune(cache, keep) {
  try {
    for (const name of fs.readdirSync(cache)) {
      const p = path.join(cache, name);
      if (p === keep || !/^(cli|tmp-cli)-/.test(name)) continue;
      if (Date.now() - fs.statSync(p).mtimeMs > UNUSED_FOR_MS) fs.rmSync(p, { recursive: true, force: true });
    }
  } catch {
    // Pruning is housekeeping: never a reason to fail.
  }
}

async function bundledMain() {
  const dir = await ensureBundle();
  // The paper's fonts are found beside the sources; from the cache folder they would not be.
  process.env.SCRUTINY_FONTS_DIR ??= path.join(root, 'assets', 'fonts');
  process.setSourceMapsEnabled(true);
  const { main } = await import(pathToFileURL(path.join(dir, 'cli.mjs')).href);
  if (typeof main !== 'function') throw new Error(`${dir}/cli.mjs has no main()`);
  debug(`running the bundle in ${dir}`);
  return main;
}

async function tsxMain() {
  // The project's own tsconfig is named explicitly: tsx otherwise looks for one in the current
  // folder, and a user runs this from wherever their exports are (without it, JSX in the chart
  // components compiles for the wrong runtime).
  const { register } = await import('tsx/esm/api');
  register({ tsconfig });
  const { main } = await import('../electron/cli/main.ts');
  return main;
}

let main;
if (process.env.SCRUTINY_CLI_TSX === '1') {
  debug('SCRUTINY_CLI_TSX=1: running the sources through tsx');
} else {
  try {
    main = await bundledMain();
  } catch (e) {
    debug(`running the sources through tsx, as the bundle could not be used: ${e?.message ?? e}`);
  }
}
main ??= await tsxMain();
process.exitCode = await main(process.argv.slice(2));
