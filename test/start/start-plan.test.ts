// `npm start`'s decisions (scripts/start-plan.mjs) with Electron, the network and the build tools
// stubbed: each test lays out a fake project in a temporary folder, and the "build tools" are
// functions that write (or fail to write) a .node file stamped with a module version.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import {
  buildAttempts,
  buildEnv,
  checkElectron,
  copyFilter,
  ensureEngine,
  fileIo,
  moduleAbiOf,
  toolScript,
} from '../../scripts/start-plan.mjs';
import { tempDir } from '../support/tmp';

const ROOT = path.resolve(__dirname, '../..');
const ELECTRON_ABI = 145;
const NODE_ABI = 115;

/** A stand-in for a compiled engine: what matters to the check is the exported registration symbol. */
const fakeEngine = (abi: number) => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1]), Buffer.from(`\0node_register_module_v${abi}\0`)]);

function fakeProject(parent = tempDir('scrutiny-start-')) {
  const root = path.join(parent, 'project');
  const pkg = path.join(root, 'node_modules', 'better-sqlite3');
  fs.mkdirSync(path.join(pkg, 'src'), { recursive: true });
  fs.mkdirSync(path.join(pkg, 'build', 'Release'), { recursive: true });
  fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.11.1' }));
  fs.writeFileSync(path.join(pkg, 'binding.gyp'), '{}');
  fs.writeFileSync(path.join(pkg, 'src', 'better_sqlite3.cpp'), '// source');
  fs.writeFileSync(path.join(pkg, 'build', 'Release', 'better_sqlite3.node'), fakeEngine(NODE_ABI));
  return root;
}

function fakeElectron(root: string, { binary = true, abi = true } = {}) {
  const dir = path.join(root, 'node_modules', 'electron');
  fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '41.7.1' }));
  if (abi) fs.writeFileSync(path.join(dir, 'abi_version'), `${ELECTRON_ABI}`);
  if (binary) {
    fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
    fs.writeFileSync(path.join(dir, 'dist', 'electron'), '');
  }
}

type Tool = (cwd: string, env: NodeJS.ProcessEnv) => number;

/** A build tool that writes an engine for `abi` into the work copy, or fails with `status`. */
const writes = (abi: number): Tool => (cwd) => {
  fs.mkdirSync(path.join(cwd, 'build', 'Release'), { recursive: true });
  fs.writeFileSync(path.join(cwd, 'build', 'Release', 'better_sqlite3.node'), fakeEngine(abi));
  return 0;
};
const fails: Tool = () => 1;

function start(root: string, tools: { prebuild?: Tool; gyp?: Tool }, env: NodeJS.ProcessEnv = {}) {
  const calls: { tool: string; cwd: string; env: NodeJS.ProcessEnv; copied: string[] }[] = [];
  const logs: string[] = [];
  const attempts = buildAttempts({
    nodePath: '/usr/bin/node',
    prebuildInstall: tools.prebuild ? 'prebuild-install/bin.js' : undefined,
    nodeGyp: tools.gyp ? 'node-gyp/bin/node-gyp.js' : undefined,
    electronVersion: '41.7.1',
    platform: 'linux',
    arch: 'x64',
  });
  const io = fileIo({
    run: (_command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) => {
      const tool = args[0]!.startsWith('prebuild') ? 'prebuild-install' : 'node-gyp';
      const copied = fs.readdirSync(options.cwd).sort();
      calls.push({ tool, cwd: options.cwd, env: options.env, copied });
      return (tool === 'prebuild-install' ? tools.prebuild! : tools.gyp!)(options.cwd, options.env);
    },
    log: (t: string) => logs.push(t),
  });
  const electron = checkElectron(root);
  if (!electron.ok) throw new Error(electron.message);
  const outDir = path.join(root, 'dist-electron', 'native');
  const result = ensureEngine(
    {
      root,
      outDir,
      workDir: path.join(root, 'dist-electron', 'native-build'),
      electron,
      abi: electron.abi,
      betterSqlite3Version: '12.11.1',
      platform: 'linux',
      arch: 'x64',
      attempts,
      env: buildEnv(env),
    },
    io,
  );
  return { result, calls, logs, outDir };
}

describe('npm start checks Electron before building anything', () => {
  it('says plainly that the Electron program was not downloaded, and names the fix', () => {
    const root = fakeProject();
    fakeElectron(root, { binary: false });
    const r = checkElectron(root, { env: {} });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('node node_modules/electron/install.js');
    expect(!r.ok && r.message).toContain('Nothing was built');
  });

  it('says to run npm install when the electron package is absent', () => {
    const root = fakeProject();
    const r = checkElectron(root, { env: {} });
    expect(!r.ok && r.message).toMatch(/Electron is not installed.*npm install/);
  });

  it('building for the installers needs only the package, not the program', () => {
    const root = fakeProject();
    fakeElectron(root, { binary: false });
    const r = checkElectron(root, { needBinary: false, env: {} });
    expect(r).toMatchObject({ ok: true, version: '41.7.1', abi: ELECTRON_ABI });
  });

  it('finds the program and the module version of an installed Electron', () => {
    const root = fakeProject();
    fakeElectron(root);
    expect(checkElectron(root, { env: {} })).toEqual({
      ok: true,
      version: '41.7.1',
      binary: path.join(root, 'node_modules', 'electron', 'dist', 'electron'),
      abi: ELECTRON_ABI,
    });
  });
});

describe('the Electron copy of the database engine', () => {
  it('takes the published prebuilt engine when it downloads, and does not compile', () => {
    const root = fakeProject();
    fakeElectron(root);
    const { result, calls, outDir } = start(root, { prebuild: writes(ELECTRON_ABI), gyp: writes(ELECTRON_ABI) });
    expect(result).toEqual({ ok: true, file: path.join(outDir, 'better_sqlite3.node'), reused: false });
    expect(calls.map((c) => c.tool)).toEqual(['prebuild-install']);
    expect(moduleAbiOf(fs.readFileSync(path.join(outDir, 'better_sqlite3.node')))).toBe(ELECTRON_ABI);
    // The Node build that npm test uses is untouched.
    expect(moduleAbiOf(fs.readFileSync(path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')))).toBe(NODE_ABI);
    expect(fs.existsSync(path.join(root, 'dist-electron', 'native-build'))).toBe(false);
  });

  it('compiles with node-gyp when the download fails', () => {
    const root = fakeProject();
    fakeElectron(root);
    const { result, calls } = start(root, { prebuild: fails, gyp: writes(ELECTRON_ABI) });
    expect(result.ok).toBe(true);
    expect(calls.map((c) => c.tool)).toEqual(['prebuild-install', 'node-gyp']);
  });

  it('refuses and deletes an engine built against Node\'s headers (npm nodedir), and says why', () => {
    const root = fakeProject();
    fakeElectron(root);
    const { result, outDir } = start(root, { prebuild: fails, gyp: writes(NODE_ABI) });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(`module version ${NODE_ABI}, not Electron's ${ELECTRON_ABI}`);
    expect(!result.ok && result.message).toContain('nodedir');
    expect(fs.existsSync(path.join(outDir, 'better_sqlite3.node'))).toBe(false);
    expect(fs.existsSync(path.join(outDir, 'built-for.json'))).toBe(false);
  });

  it('rebuilds a wrong engine kept by an earlier run even though its stamp matches', () => {
    const root = fakeProject();
    fakeElectron(root);
    const first = start(root, { prebuild: writes(ELECTRON_ABI) });
    expect(first.result.ok).toBe(true);
    // What the old script left: the stamp of a good build over a Node-ABI file.
    fs.writeFileSync(path.join(first.outDir, 'better_sqlite3.node'), fakeEngine(NODE_ABI));
    const again = start(root, { prebuild: writes(ELECTRON_ABI) });
    expect(again.result).toMatchObject({ ok: true, reused: false });
    expect(again.calls).toHaveLength(1);
    const third = start(root, { prebuild: writes(ELECTRON_ABI) });
    expect(third.result).toMatchObject({ ok: true, reused: true });
    expect(third.calls).toHaveLength(0);
  });

  it('names both failures, and the C++ toolchain, when neither build works', () => {
    const root = fakeProject();
    fakeElectron(root);
    const { result } = start(root, { prebuild: fails, gyp: fails });
    expect(result.ok).toBe(false);
    const message = !result.ok ? result.message : '';
    expect(message).toContain('could not be downloaded from GitHub');
    expect(message).toContain('C++ toolchain');
    expect(message).toContain('npm test and the command line are unaffected');
  });

  it('says which build tool is missing', () => {
    const root = fakeProject();
    fakeElectron(root);
    const { result } = start(root, { prebuild: fails });
    expect(!result.ok && result.message).toContain('node-gyp is not installed');
  });

  it('copies the whole package under a folder called "build", leaving out only its own build output', () => {
    const root = fakeProject(path.join(tempDir('scrutiny-start-'), 'build', 'My Projects'));
    fakeElectron(root);
    const { calls, result } = start(root, { prebuild: writes(ELECTRON_ABI) });
    expect(result.ok).toBe(true);
    expect(calls[0]!.copied).toEqual(['binding.gyp', 'package.json', 'src']);
  });
});

describe('how the build tools are run', () => {
  it('drops npm settings that would redirect the build (nodedir, target, runtime) but keeps the proxy', () => {
    const env = buildEnv({
      PATH: '/usr/bin',
      npm_config_nodedir: '/usr',
      npm_config_target: '20.0.0',
      npm_config_runtime: 'node',
      npm_config_disturl: 'https://nodejs.org/dist',
      npm_config_build_from_source: 'true',
      npm_config_https_proxy: 'http://proxy.council.example:8080',
      npm_package_name: 'scrutiny-pack',
      npm_lifecycle_event: 'start',
    });
    expect(env).toEqual({ PATH: '/usr/bin', npm_config_https_proxy: 'http://proxy.council.example:8080' });
  });

  it('runs each tool as node <script> with Electron as the target, so paths with spaces stay whole', () => {
    const attempts = buildAttempts({
      nodePath: 'C:\\Program Files\\nodejs\\node.exe',
      prebuildInstall: 'C:\\Users\\Jo Bloggs\\scrutiny\\node_modules\\prebuild-install\\bin.js',
      nodeGyp: 'C:\\Users\\Jo Bloggs\\scrutiny\\node_modules\\node-gyp\\bin\\node-gyp.js',
      electronVersion: '41.7.1',
      platform: 'win32',
      arch: 'x64',
    });
    expect(attempts.map((a) => a.tool)).toEqual(['prebuild-install', 'node-gyp']);
    for (const a of attempts) {
      expect(a.command).toBe('C:\\Program Files\\nodejs\\node.exe');
      expect(a.args[0]).toContain('Jo Bloggs');
      expect(a.args).toEqual(expect.arrayContaining(['--runtime=electron', '--target=41.7.1', '--arch=x64']));
    }
  });

  it('an installer for another platform can only download the engine, and says so when it cannot', () => {
    const attempts = buildAttempts({
      nodePath: 'node',
      prebuildInstall: 'p.js',
      nodeGyp: 'g.js',
      electronVersion: '41.7.1',
      platform: 'win32',
      arch: 'arm64',
      hostPlatform: 'linux',
      hostArch: 'x64',
    });
    expect(attempts.map((a) => a.tool)).toEqual(['prebuild-install']);
    expect(attempts[0]!.args).toEqual(expect.arrayContaining(['--platform=win32', '--arch=arm64', '--target=41.7.1']));
  });

  it('finds the real tools\' scripts in this project', () => {
    const from = path.join(ROOT, 'package.json');
    for (const name of ['prebuild-install', 'node-gyp']) {
      const script = toolScript(from, name);
      expect(script && fs.existsSync(script)).toBe(true);
    }
  });

  it('reads the module version of the real Node build of the engine', () => {
    const built = path.join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    expect(moduleAbiOf(fs.readFileSync(built))).toBe(Number(process.versions.modules));
  });

  it('the copy filter judges paths inside the package only', () => {
    const pkg = path.join('/home', 'build', 'app', 'node_modules', 'better-sqlite3');
    const keep = copyFilter(pkg);
    expect(keep(path.join(pkg, 'src', 'x.cpp'))).toBe(true);
    expect(keep(path.join(pkg, 'deps', 'build.sh'))).toBe(true);
    expect(keep(path.join(pkg, 'build'))).toBe(false);
    expect(keep(path.join(pkg, 'build', 'Release', 'better_sqlite3.node'))).toBe(false);
  });
});
