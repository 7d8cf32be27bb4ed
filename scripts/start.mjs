// `npm start`: builds the screens and the main process, makes sure an Electron-ABI copy of
// better-sqlite3's native module exists (the node_modules copy stays the Node build that npm test
// and the command line use), then launches Electron. Either command can run first, any number of
// times, with no manual rebuild in between.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildRenderer } from './build-renderer.mjs';
import { buildElectron } from './build-electron.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function electronVersion() {
  return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
}

function electronBinary() {
  try {
    return require('electron'); // the path of the downloaded Electron binary
  } catch (err) {
    console.error(
      'The Electron runtime is not installed (its download may have been blocked).\n' +
        'Run "node node_modules/electron/install.js" on a network that can reach GitHub, then "npm start" again.\n' +
        `(${err instanceof Error ? err.message : String(err)})`,
    );
    process.exit(1);
  }
}

/**
 * Builds better_sqlite3.node for Electron's ABI in a private copy of the package, so the Node build
 * in node_modules is never touched. First tries the published prebuilt binary for this Electron
 * version (prebuild-install, which better-sqlite3 itself uses), then compiles from source with
 * node-gyp against Electron's headers. Rebuilt only when the Electron or better-sqlite3 version
 * changes.
 */
export function ensureElectronNative(outDir = path.join(root, 'dist-electron', 'native')) {
  const version = electronVersion();
  const sqlitePkg = path.join(root, 'node_modules', 'better-sqlite3');
  const sqliteVersion = JSON.parse(fs.readFileSync(path.join(sqlitePkg, 'package.json'), 'utf8')).version;
  const stampFile = path.join(outDir, 'built-for.json');
  const stamp = JSON.stringify({ electron: version, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch });
  const target = path.join(outDir, 'better_sqlite3.node');
  if (fs.existsSync(target) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) return target;

  console.log(`Building the database engine for Electron ${version} (once; this can take a minute or two)...`);
  const work = path.join(root, 'dist-electron', 'native-build', 'better-sqlite3');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(work), { recursive: true });
  fs.cpSync(sqlitePkg, work, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`) });

  const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
  const run = (cmd, args) => spawnSync(cmd, args, { cwd: work, stdio: 'inherit', shell: process.platform === 'win32' }).status === 0;
  const ok =
    run(bin('prebuild-install'), ['--runtime=electron', `--target=${version}`, `--arch=${process.arch}`]) ||
    run(bin('node-gyp'), ['rebuild', '--release', '--runtime=electron', `--target=${version}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers']);
  const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!ok || !fs.existsSync(built)) {
    fs.rmSync(path.dirname(work), { recursive: true, force: true });
    console.error(
      'Could not build the database engine for Electron. It needs network access, either to download the\n' +
        'prebuilt engine (from GitHub) or to download Electron\'s headers and compile it, which also needs a\n' +
        'C++ build toolchain (Python 3 and a compiler; on Windows, the Visual Studio Build Tools).\n' +
        'npm test and the command line are unaffected: they use the Node build in node_modules.',
    );
    process.exit(1);
  }
  fs.mkdirSync(outDir, { recursive: true });
  fs.copyFileSync(built, target);
  fs.writeFileSync(stampFile, stamp);
  fs.rmSync(path.dirname(work), { recursive: true, force: true });
  return target;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildRenderer();
  await buildElectron();
  ensureElectronNative();
  if (process.argv.includes('--build-only')) process.exit(0);
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electronBinary(), [root], { stdio: 'inherit', env });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}
