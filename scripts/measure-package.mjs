// Measures what the installers would ship, with electron-builder itself, on a machine that cannot
// download Electron: packs the app (`--dir`, no installer) against a stand-in Electron folder, so
// the figures are electron-builder's own selection of files (app.asar, app.asar.unpacked and the
// extra resources) without Electron's ~250 MB program, which every installer adds.
//   node scripts/measure-package.mjs [--config electron-builder.yml]
// The beforePack hook (the engine download) and the fuses (which need the real Electron binary)
// are left out of the measured copy of the configuration. Needs dist/ and dist-electron/ built
// (`npm run build:renderer && npm run build:electron`); if no Electron engine was built, the Node
// build of the same engine stands in for it (the same code, within a few KB).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// electron-builder's own YAML reader and asar lister, from its dependencies.
const builderRequire = createRequire(createRequire(path.join(root, 'package.json')).resolve('app-builder-lib/package.json'));
const yaml = builderRequire('js-yaml');
const asar = builderRequire('@electron/asar');

const configArg = process.argv.indexOf('--config');
const configFile = path.resolve(root, configArg > 0 ? process.argv[configArg + 1] : 'electron-builder.yml');

function sizeOf(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.size;
  return fs.readdirSync(p).reduce((sum, name) => sum + sizeOf(path.join(p, name)), 0);
}

/** Bytes per top-level package (or app folder) inside the asar archive, biggest first. */
function asarBreakdown(archive) {
  const sizes = new Map();
  for (const f of asar.listPackage(archive, { isPack: false })) {
    let st;
    try {
      st = asar.statFile(archive, f.slice(1), false);
    } catch {
      continue;
    }
    if (!st.size || st.unpacked) continue;
    const parts = f.split('/');
    const key = parts[1] === 'node_modules' ? (parts[2].startsWith('@') ? parts.slice(2, 4).join('/') : parts[2]) : parts[1];
    sizes.set(key, (sizes.get(key) ?? 0) + st.size);
  }
  return [...sizes].sort((a, b) => b[1] - a[1]);
}

/**
 * Loads every runtime dependency from the packed files alone (the archive extracted, the unpacked
 * files laid over it), so a rule that leaves out something the app needs shows here. With the
 * Node stand-in engine, better-sqlite3 also opens a database through the packed engine.
 */
function loadCheck(resources, nodeEngine) {
  const app = path.join(tmp, 'app');
  asar.extractAll(path.join(resources, 'app.asar'), app);
  fs.cpSync(path.join(resources, 'app.asar.unpacked'), app, { recursive: true });
  const { dependencies } = JSON.parse(fs.readFileSync(path.join(app, 'package.json'), 'utf8'));
  const names = Object.keys(dependencies).filter((n) => !CLI_ONLY.includes(n));
  const script = `
    const names = ${JSON.stringify(names)};
    for (const n of names) require(n);
    require('react-dom/server'); require('pdfmake/src/printer');
    ${nodeEngine ? "new (require('better-sqlite3'))(':memory:', { nativeBinding: require('path').resolve('dist-electron/native/better_sqlite3.node') }).prepare('select 1').get();" : ''}
    for (const n of ${JSON.stringify(CLI_ONLY)}) { let found = true; try { require.resolve(n); } catch { found = false; } if (found) throw new Error(n + ' was packed'); }
    console.log('loads from the packed files alone: ' + names.join(', ') + (${nodeEngine} ? ' (and opened a database through the packed engine)' : '') + '; not packed: ${CLI_ONLY.join(', ')}');`;
  return execFileSync(process.execPath, ['-e', script], { cwd: app, encoding: 'utf8' }).trim();
}

/** Dependencies of the command line alone, which the app must not ship. */
const CLI_ONLY = ['esbuild', 'tsx'];

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutiny-measure-'));
const standIn = path.join(root, 'dist-electron', 'native', 'better_sqlite3.node');
const placedStandIn = !fs.existsSync(standIn);
try {
  for (const f of ['dist/renderer/index.html', 'dist-electron/main.cjs']) {
    if (!fs.existsSync(path.join(root, f))) throw new Error(`${f} is missing: run "npm run build:renderer && npm run build:electron" first.`);
  }
  if (placedStandIn) {
    fs.mkdirSync(path.dirname(standIn), { recursive: true });
    fs.copyFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), standIn);
  }
  const electronDist = path.join(tmp, 'electron');
  fs.mkdirSync(electronDist, { recursive: true });
  fs.writeFileSync(path.join(electronDist, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
  for (const f of ['LICENSE', 'LICENSES.chromium.html']) fs.writeFileSync(path.join(electronDist, f), '');
  const config = yaml.load(fs.readFileSync(configFile, 'utf8'));
  delete config.beforePack;
  delete config.electronFuses;
  const version = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  Object.assign(config, { electronDist, electronVersion: version });
  config.directories = { ...config.directories, output: path.join(tmp, 'out') };
  // electron-builder reads a configuration file only from inside the project.
  const measured = path.join(root, 'dist', 'measure-electron-builder.json');
  fs.writeFileSync(measured, JSON.stringify(config));
  try {
    execFileSync(process.execPath, [builderRequire.resolve('electron-builder/cli.js'), '--linux', 'dir', '--x64', '--config', measured], { cwd: root, stdio: 'ignore' });
  } finally {
    fs.rmSync(measured, { force: true });
  }
  const resources = path.join(tmp, 'out', 'linux-unpacked', 'resources');
  const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
  const asarBytes = sizeOf(path.join(resources, 'app.asar'));
  const unpacked = sizeOf(path.join(resources, 'app.asar.unpacked'));
  const extra = fs.readdirSync(resources).filter((n) => !n.startsWith('app.asar')).reduce((s, n) => s + sizeOf(path.join(resources, n)), 0);
  console.log(`${path.relative(root, configFile)}: app.asar ${mb(asarBytes)}, app.asar.unpacked ${mb(unpacked)}, other resources ${mb(extra)}; total ${mb(asarBytes + unpacked + extra)} (Linux x64, before Electron itself)`);
  for (const [name, bytes] of asarBreakdown(path.join(resources, 'app.asar')).slice(0, 12)) console.log(`  ${mb(bytes).padStart(8)}  ${name}`);
  const unpackedFiles = [];
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : unpackedFiles.push(path.relative(resources, path.join(d, e.name)))));
  walk(path.join(resources, 'app.asar.unpacked'));
  console.log('unpacked:');
  for (const f of unpackedFiles.sort()) console.log(`  ${mb(fs.statSync(path.join(resources, f)).size).padStart(8)}  ${f}`);
  if (placedStandIn) console.log('(the Node build of the engine stood in for the Electron one, which was not built here)');
  console.log(loadCheck(resources, placedStandIn));
} finally {
  if (placedStandIn) fs.rmSync(standIn, { force: true });
  fs.rmSync(tmp, { recursive: true, force: true });
}
