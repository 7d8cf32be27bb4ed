// The decisions `npm start` makes, kept apart from the doing so that each can be tested with the
// network, the build tools and Electron stubbed (test/start/start-plan.test.ts): is Electron
// there, which copy of the database engine can be reused, which build to try next, with what
// environment, and what to tell the user when each fails. scripts/start.mjs supplies the real
// file system and processes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

/**
 * Electron as `npm start` needs it: the package and its downloaded binary. Checked before anything
 * is built, because building the screens and the engine can take minutes and is wasted without it.
 * `needBinary: false` (building for the installers) asks for the package alone.
 * @returns {{ ok: true, version: string, binary: string | undefined, abi: number | undefined } | { ok: false, message: string }}
 */
export function checkElectron(
  root,
  { needBinary = true, env = process.env, exists = fs.existsSync, readFile = (f) => fs.readFileSync(f, 'utf8') } = {},
) {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  if (!exists(path.join(pkgDir, 'package.json'))) {
    return { ok: false, message: 'Electron is not installed in this folder. Run "npm install" first, then "npm start" again.' };
  }
  const version = JSON.parse(readFile(path.join(pkgDir, 'package.json'))).version;
  const pathFile = path.join(pkgDir, 'path.txt');
  const executable = exists(pathFile) ? readFile(pathFile).trim() : undefined;
  // Electron's own override for where its program lives (see node_modules/electron/index.js).
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron')
    : executable && path.join(pkgDir, 'dist', executable);
  if (needBinary && (!binary || !exists(binary))) {
    return {
      ok: false,
      message:
        `Electron ${version} is installed but its program was not downloaded (npm install skips it when\n` +
        'ELECTRON_SKIP_BINARY_DOWNLOAD=1 is set, or when GitHub cannot be reached). On a network that can\n' +
        'reach GitHub, run "node node_modules/electron/install.js", then "npm start" again.\n' +
        'Nothing was built. npm test and the command line do not need Electron.',
    };
  }
  const abiFile = path.join(pkgDir, 'abi_version');
  const abi = exists(abiFile) ? Number(readFile(abiFile).trim()) : undefined;
  return { ok: true, version, binary, abi: Number.isInteger(abi) ? abi : undefined };
}

/**
 * The module version (NODE_MODULE_VERSION) Electron's native modules must be built for: the
 * electron package's own abi_version file, or node-abi's table (the one prebuild-install uses).
 */
export function expectedAbi(electron, resolveFrom) {
  if (electron.abi !== undefined) return electron.abi;
  try {
    const req = createRequire(resolveFrom);
    const nodeAbi = req(req.resolve('node-abi', { paths: [path.dirname(req.resolve('prebuild-install/package.json'))] }));
    return Number(nodeAbi.getAbi(electron.version, 'electron'));
  } catch {
    return undefined;
  }
}

/**
 * The module version a built .node file was compiled for. A module built against Node's or
 * Electron's headers exports `node_register_module_v<N>` (on every platform's object format, as
 * plain ASCII), N being the NODE_MODULE_VERSION of the headers it was built against.
 * @param {Buffer} bytes
 * @returns {number | undefined}
 */
export function moduleAbiOf(bytes) {
  const m = /node_register_module_v(\d+)/.exec(bytes.toString('latin1'));
  return m ? Number(m[1]) : undefined;
}

/** What the engine copy must match to be reused; written beside it once it has been checked. */
export function engineStamp({ electronVersion, betterSqlite3, abi, platform, arch }) {
  return JSON.stringify({ electron: electronVersion, betterSqlite3, abi, platform, arch });
}

/**
 * Whether an existing copy can be used as it is: stamped for this Electron, engine version and
 * machine, and its file really built for Electron's module version (an earlier script kept
 * builds made against Node's headers, so the stamp alone is not trusted).
 */
export function canReuseEngine({ stamp, wantedStamp, fileAbi, abi }) {
  return stamp === wantedStamp && fileAbi !== undefined && fileAbi === abi;
}

/**
 * Settings npm passes to the scripts it runs (npm_config_*), which node-gyp and prebuild-install
 * read as their own: an npm `nodedir`, `target`, `runtime` or `disturl` would build against
 * Node's headers instead of Electron's. The build gets its target from its arguments alone;
 * only the network settings a council proxy needs are kept.
 */
const KEPT_NPM_SETTINGS = new Set(['proxy', 'https_proxy', 'http_proxy', 'noproxy', 'no_proxy', 'cafile', 'ca', 'strict_ssl', 'local_address']);

export function buildEnv(env) {
  const clean = {};
  for (const [key, value] of Object.entries(env)) {
    const lower = key.toLowerCase();
    if (lower.startsWith('npm_config_') && !KEPT_NPM_SETTINGS.has(lower.slice('npm_config_'.length).replace(/-/g, '_'))) continue;
    if (lower.startsWith('npm_package_') || lower.startsWith('npm_lifecycle_')) continue;
    clean[key] = value;
  }
  return clean;
}

/**
 * The builds to try, in order: the published prebuilt engine for this Electron (a download), then
 * compiling it with node-gyp against Electron's headers (a download and a C++ toolchain). Each runs
 * as `node <tool's script>`, never through a shell, so a folder name with spaces (a Windows user
 * folder) reaches the tool as one argument. An installer for another platform or processor can
 * only take the download: node-gyp compiles for the machine it runs on.
 * @param {{ nodePath: string, prebuildInstall: string | undefined, nodeGyp: string | undefined, electronVersion: string,
 *   platform: string, arch: string, hostPlatform?: string, hostArch?: string }} p
 */
export function buildAttempts({ nodePath, prebuildInstall, nodeGyp, electronVersion, platform, arch, hostPlatform = platform, hostArch = arch }) {
  const attempts = [];
  const target = [`--runtime=electron`, `--target=${electronVersion}`, `--arch=${arch}`];
  if (prebuildInstall) {
    attempts.push({ tool: 'prebuild-install', command: nodePath, args: [prebuildInstall, ...target, `--platform=${platform}`, '--verbose'] });
  }
  if (nodeGyp && platform === hostPlatform && arch === hostArch) {
    attempts.push({
      tool: 'node-gyp',
      command: nodePath,
      args: [nodeGyp, 'rebuild', '--release', ...target, '--dist-url=https://electronjs.org/headers'],
    });
  }
  return attempts;
}

/** The path of a package's command-line script (its package.json "bin"), or undefined. */
export function toolScript(resolveFrom, name) {
  try {
    const req = createRequire(resolveFrom);
    const pkgFile = req.resolve(`${name}/package.json`);
    const { bin } = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
    const rel = typeof bin === 'string' ? bin : bin?.[name];
    return rel ? path.join(path.dirname(pkgFile), rel) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Files of better-sqlite3 copied into the private build folder: everything but its own build
 * output (the Node build in node_modules). Judged on the path inside the package, so a clone
 * under a folder called "build" still copies everything.
 */
export function copyFilter(packageDir) {
  return (src) => {
    const rel = path.relative(packageDir, src);
    const first = rel.split(path.sep)[0];
    return first !== 'build';
  };
}

/**
 * What to tell the user when no build gave a usable engine, from what happened to each attempt:
 * `{ tool, status: 'failed' | 'missing' | 'wrong-abi' | 'no-output', abi? }`.
 */
export function failureMessage(outcomes, { electronVersion, abi }) {
  const lines = [`Could not make the database engine for Electron ${electronVersion}.`];
  for (const o of outcomes) {
    if (o.tool === 'prebuild-install') {
      if (o.status === 'missing') lines.push('- prebuild-install is not installed, so the published engine could not be downloaded.');
      else if (o.status === 'wrong-abi') lines.push(`- The downloaded engine is for module version ${o.abi}, not Electron's ${abi}; it was not kept.`);
      else lines.push('- The published engine could not be downloaded from GitHub (no network access to it, or none is published for this Electron version).');
    } else if (o.tool === 'node-gyp') {
      if (o.status === 'missing') lines.push('- node-gyp is not installed, so the engine could not be compiled.');
      else if (o.status === 'other-machine') lines.push('- It cannot be compiled here for another platform or processor: build that installer on a machine of its kind.');
      else if (o.status === 'wrong-abi') {
        lines.push(
          `- node-gyp built an engine for module version ${o.abi}, not Electron's ${abi} (an npm "nodedir" or "target"\n` +
            '  setting can do this); it was deleted, not kept. Remove that setting from .npmrc and run "npm start" again.',
        );
      } else {
        lines.push(
          '- Compiling it with node-gyp failed: that needs Electron\'s headers (a download) and a C++ toolchain\n' +
            '  (Python 3 and a C++ compiler; on Windows the Visual Studio Build Tools with "Desktop development with C++").',
        );
      }
    }
  }
  lines.push('npm test and the command line are unaffected: they use the Node build in node_modules.');
  return lines.join('\n');
}

/**
 * Makes sure an Electron copy of better_sqlite3.node exists in outDir, trying each build in turn
 * in a private copy of the package (the Node build in node_modules is never touched) and keeping
 * a result only if it was built for Electron's module version.
 * Everything that touches the world comes in `io`, so tests can stub it.
 * @returns {{ ok: true, file: string, reused: boolean } | { ok: false, message: string }}
 */
export function ensureEngine(
  { root, outDir, workDir, electron, abi, betterSqlite3Version, platform, arch, attempts, env },
  io,
) {
  const target = path.join(outDir, 'better_sqlite3.node');
  const stampFile = path.join(outDir, 'built-for.json');
  const wantedStamp = engineStamp({ electronVersion: electron.version, betterSqlite3: betterSqlite3Version, abi, platform, arch });
  if (abi === undefined) {
    return { ok: false, message: `Cannot tell which module version Electron ${electron.version} needs (node_modules/electron/abi_version is missing). Run "npm install" again.` };
  }
  if (io.exists(target) && io.exists(stampFile)) {
    const reuse = canReuseEngine({ stamp: io.readText(stampFile), wantedStamp, fileAbi: io.abiOf(target), abi });
    if (reuse) return { ok: true, file: target, reused: true };
  }
  io.remove(target);
  io.remove(stampFile);

  io.log(`Building the database engine for Electron ${electron.version} (once; this can take a minute or two)...`);
  const sqlitePkg = path.join(root, 'node_modules', 'better-sqlite3');
  const outcomes = [];
  try {
    for (const attempt of attempts) {
      io.resetWorkCopy(sqlitePkg, workDir);
      const status = io.run(attempt.command, attempt.args, { cwd: workDir, env });
      const built = path.join(workDir, 'build', 'Release', 'better_sqlite3.node');
      if (status !== 0) {
        outcomes.push({ tool: attempt.tool, status: 'failed' });
        continue;
      }
      if (!io.exists(built)) {
        outcomes.push({ tool: attempt.tool, status: 'no-output' });
        continue;
      }
      const builtAbi = io.abiOf(built);
      if (builtAbi !== abi) {
        outcomes.push({ tool: attempt.tool, status: 'wrong-abi', abi: builtAbi });
        continue;
      }
      io.install(built, target);
      io.writeText(stampFile, wantedStamp);
      return { ok: true, file: target, reused: false };
    }
  } finally {
    io.remove(workDir);
  }
  const tried = new Set(attempts.map((a) => a.tool));
  if (!tried.has('prebuild-install')) outcomes.push({ tool: 'prebuild-install', status: 'missing' });
  if (!tried.has('node-gyp')) outcomes.push({ tool: 'node-gyp', status: platform === process.platform && arch === process.arch ? 'missing' : 'other-machine' });
  return { ok: false, message: failureMessage(outcomes, { electronVersion: electron.version, abi }) };
}

/**
 * ensureEngine's file operations on the real disk; `run(command, args, { cwd, env })` runs a build
 * tool and returns its exit status (stubbed in tests).
 */
export function fileIo({ run, log = (text) => console.log(text) }) {
  return {
    exists: fs.existsSync,
    readText: (f) => fs.readFileSync(f, 'utf8'),
    writeText: (f, text) => fs.writeFileSync(f, text),
    abiOf: (f) => moduleAbiOf(fs.readFileSync(f)),
    remove: (p) => fs.rmSync(p, { recursive: true, force: true }),
    resetWorkCopy(from, to) {
      fs.rmSync(to, { recursive: true, force: true });
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.cpSync(from, to, { recursive: true, filter: copyFilter(from) });
    },
    run,
    install(from, to) {
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(from, to);
    },
    log,
  };
}

/**
 * The Electron engine for `platform`/`arch` in `<root>/dist-electron/native`, as `npm start` (this
 * machine) and the installers' beforePack hook (each target) need it.
 * @param {{ root: string, electron: { version: string, abi: number | undefined }, platform: string, arch: string,
 *   run: (command: string, args: string[], options: { cwd: string, env: NodeJS.ProcessEnv }) => number | null, log?: (text: string) => void }} p
 */
export function prepareEngine({ root, electron, platform, arch, run, log }) {
  const fromRoot = path.join(root, 'package.json');
  return ensureEngine(
    {
      root,
      outDir: path.join(root, 'dist-electron', 'native'),
      workDir: path.join(root, 'dist-electron', 'native-build'),
      electron,
      abi: expectedAbi(electron, fromRoot),
      betterSqlite3Version: JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')).version,
      platform,
      arch,
      attempts: buildAttempts({
        nodePath: process.execPath,
        prebuildInstall: toolScript(fromRoot, 'prebuild-install'),
        nodeGyp: toolScript(fromRoot, 'node-gyp'),
        electronVersion: electron.version,
        platform,
        arch,
        hostPlatform: process.platform,
        hostArch: process.arch,
      }),
      env: buildEnv(process.env),
    },
    fileIo({ run, ...(log ? { log } : {}) }),
  );
}

/** Runs a build tool with no shell, its output shown; returns its exit status. */
export function runTool(command, args, options) {
  return spawnSync(command, args, { ...options, stdio: 'inherit', shell: false }).status;
}
