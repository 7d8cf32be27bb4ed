// electron-builder.yml's rules, checked without building an installer (scripts/measure-package.mjs
// does that, with electron-builder itself, in about a minute and a half): the packages it leaves
// out are ones the app cannot reach, the icon is there, and the engine is made per target.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { targetOf } from '../../scripts/before-pack.mjs';

const ROOT = path.resolve(__dirname, '../..');
const builderRequire = createRequire(createRequire(path.join(ROOT, 'package.json')).resolve('app-builder-lib/package.json'));
const yaml = builderRequire('js-yaml') as { load(text: string): any };
const config = yaml.load(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8'));

type LockEntry = { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };

/** Where Node would find `name` when required from the package installed at `from`. */
function resolveIn(from: string, name: string): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (!dir) return undefined;
    const i = dir.lastIndexOf('/node_modules/');
    dir = i < 0 ? '' : dir.slice(0, i);
  }
}

function reachable(roots: string[], cut = new Set<string>()): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const p = stack.pop()!;
    if (seen.has(p) || cut.has(p)) continue;
    seen.add(p);
    const e = lock.packages[p]!;
    for (const n of Object.keys({ ...e.dependencies, ...e.optionalDependencies })) {
      const r = resolveIn(p, n);
      if (r) stack.push(r);
    }
  }
  return seen;
}

/** The top-level packages a `!node_modules/{a,b}/**` or `!node_modules/a/**` rule leaves out whole. */
function excludedPackages(): string[] {
  const names: string[] = [];
  for (const rule of config.files as string[]) {
    const m = /^!node_modules\/(\{[^}]+\}|[^/*{]+)\/\*\*$/.exec(rule);
    if (!m) continue;
    names.push(...m[1]!.replace(/[{}]/g, '').split(','));
  }
  return names;
}

// What the app itself runs: every dependency but the command line's own tools and the engine's
// install-time downloader (the app loads its engine through nativeBinding).
const NOT_RUN_BY_APP = ['esbuild', 'tsx', 'prebuild-install'];

describe('electron-builder.yml', () => {
  it('leaves out only packages the app cannot reach, and does leave out the command line\'s tools', () => {
    const deps = Object.keys((lock.packages[''] as LockEntry).dependencies ?? {});
    const appRoots = deps.filter((d) => !NOT_RUN_BY_APP.includes(d)).map((d) => `node_modules/${d}`);
    const inApp = reachable(appRoots, new Set(NOT_RUN_BY_APP.map((d) => `node_modules/${d}`)));
    const excluded = excludedPackages();
    expect(excluded).toEqual(expect.arrayContaining(['esbuild', '@esbuild', 'tsx', 'prebuild-install']));
    const wronglyExcluded = [...inApp].filter((p) => excluded.some((name) => p === `node_modules/${name}` || p.startsWith(`node_modules/${name}/`)));
    expect(wronglyExcluded).toEqual([]);
    // Everything only the downloader uses is left out too (nothing of it is shipped for nothing).
    const downloaderOnly = [...reachable(['node_modules/prebuild-install'])].filter((p) => !inApp.has(p) && !p.includes('/node_modules/', 'node_modules/'.length));
    const missed = downloaderOnly.map((p) => p.slice('node_modules/'.length)).filter((n) => !excluded.includes(n));
    expect(missed).toEqual([]);
  });

  it('packs the Electron engine, not better-sqlite3\'s Node build, and unpacks it from the archive', () => {
    expect(config.files).toContain('dist-electron/native/better_sqlite3.node');
    expect(config.files).toContain('!node_modules/better-sqlite3/{build,deps,src}/**');
    expect(config.asarUnpack).toContain('dist-electron/native/**');
    expect(config.asarUnpack.some((p: string) => p.startsWith('node_modules/better-sqlite3'))).toBe(false);
  });

  it('names a build-resources folder that exists, with a 512 x 512 PNG icon', () => {
    const icon = path.join(ROOT, config.directories.buildResources, 'icon.png');
    const png = fs.readFileSync(icon);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('makes the engine per target in its beforePack hook, with npm\'s in-place rebuild off', () => {
    expect(config.npmRebuild).toBe(false);
    expect(fs.existsSync(path.join(ROOT, config.beforePack))).toBe(true);
    expect(targetOf({ electronPlatformName: 'win32', arch: 3 })).toEqual({ platform: 'win32', arch: 'arm64' });
    expect(targetOf({ electronPlatformName: 'mas', arch: 1 })).toEqual({ platform: 'darwin', arch: 'x64' });
    expect(targetOf({ electronPlatformName: 'linux', arch: 2 })).toEqual({ platform: 'linux', arch: 'arm' });
    expect(() => targetOf({ electronPlatformName: 'darwin', arch: 4 })).toThrow(/--x64 and --arm64 separately/);
  });
});
