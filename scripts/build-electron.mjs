// Bundles the Electron main process and preload with esbuild into dist-electron/ as CommonJS.
// The preload runs sandboxed, so it must be a single file needing nothing but 'electron'.
// The import's worker thread is a third, ES-module bundle beside them (convert-worker.mjs), the
// paper export's a fourth (export-worker.cjs).
// Runtime dependencies (better-sqlite3, pdfmake, recharts...) stay external: electron-builder
// ships them from node_modules.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildElectron(outDir = path.join(root, 'dist-electron')) {
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', sourcemap: false, logLevel: 'warning', jsx: 'automatic' };
  await build({
    ...common,
    entryPoints: { main: path.join(root, 'electron', 'main.ts') },
    // Modules written as ESM read import.meta.url; in the CommonJS bundle that is this file's URL.
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    outExtension: { '.js': '.cjs' },
    outdir: outDir,
    packages: 'external',
  });
  await build({
    ...common,
    entryPoints: { preload: path.join(root, 'electron', 'preload.ts') },
    outExtension: { '.js': '.cjs' },
    outdir: outDir,
    external: ['electron'],
  });
  // The import reads large files in a worker thread started from new URL('./convert-worker.mjs',
  // import.meta.url): in main.cjs that URL is main.cjs's own, so the worker sits beside it. It is
  // self-contained (papaparse bundled in): the packaged app starts it from app.asar.unpacked,
  // where node_modules cannot be found. exceljs (the .xlsx reader) is CommonJS and requires Node's
  // own modules: in an ES-module bundle that needs a real require, which the banner provides.
  await build({
    ...common,
    format: 'esm',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    entryPoints: { 'convert-worker': path.join(root, 'electron', 'import', 'convert-worker-thread.ts') },
    outExtension: { '.js': '.mjs' },
    outdir: outDir,
  });
  // The paper export's worker thread (electron/report/export-thread.ts), started from
  // new URL('./export-worker.cjs', import.meta.url), so beside main.cjs. Built like main.cjs and
  // packed inside app.asar with it (Electron starts worker threads from the archive), where
  // asar integrity covers it and node_modules (pdfmake, docx, resvg) are found.
  await build({
    ...common,
    entryPoints: { 'export-worker': path.join(root, 'electron', 'report', 'export-worker-thread.ts') },
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    outExtension: { '.js': '.cjs' },
    outdir: outDir,
    packages: 'external',
  });
  writeIntegrityManifest(outDir);
  return outDir;
}

/**
 * SHA-256 of the files packed outside the asar (the worker, the Electron-ABI engine), written into
 * dist-electron/integrity.json, which is inside the asar; the packaged app refuses to start if
 * they differ (electron/shell/integrity.ts). Call again after building the engine.
 */
export function writeIntegrityManifest(outDir = path.join(root, 'dist-electron')) {
  const files = {};
  for (const rel of ['convert-worker.mjs', 'native/better_sqlite3.node']) {
    const file = path.join(outDir, rel);
    if (fs.existsSync(file)) files[rel] = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  }
  fs.writeFileSync(path.join(outDir, 'integrity.json'), JSON.stringify({ algorithm: 'sha256', files }, null, 2) + '\n');
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildElectron(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  console.log(`Main process and preload bundled into ${path.relative(process.cwd(), out) || '.'}`);
}
