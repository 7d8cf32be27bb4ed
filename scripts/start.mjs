// `npm start`: checks Electron is there, builds the screens and the main process, makes sure an
// Electron-ABI copy of better-sqlite3's native module exists (the node_modules copy stays the Node
// build that npm test and the command line use), then launches Electron. Either command can run
// first, any number of times, with no manual rebuild in between. The decisions live in
// start-plan.mjs, where they are tested; this file only does them.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRenderer } from './build-renderer.mjs';
import { buildElectron, writeIntegrityManifest } from './build-electron.mjs';
import { checkElectron, prepareEngine, runTool } from './start-plan.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Builds (or reuses) dist-electron/native/better_sqlite3.node for this machine; exits with a plain message if it cannot. */
export function ensureElectronNative(electron) {
  const result = prepareEngine({ root, electron, platform: process.platform, arch: process.arch, run: runTool });
  if (!result.ok) {
    console.error(result.message);
    process.exit(1);
  }
  return result.file;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const buildOnly = process.argv.includes('--build-only');
  // Building for the installers needs Electron's version, not its program (electron-builder
  // brings its own copy of that).
  const electron = checkElectron(root, { needBinary: !buildOnly });
  if (!electron.ok) {
    console.error(electron.message);
    process.exit(1);
  }
  await buildRenderer();
  await buildElectron();
  ensureElectronNative(electron);
  // The unpacked worker and engine are hashed after the engine exists (electron/shell/integrity.ts).
  writeIntegrityManifest();
  if (buildOnly) process.exit(0);
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electron.binary, [root], { stdio: 'inherit', env });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}
