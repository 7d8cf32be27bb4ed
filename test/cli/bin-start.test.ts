// How bin/scrutiny-pack.mjs starts: from an esbuild bundle of the sources, cached and rebuilt when
// a source changes, or through tsx when asked to or when no bundle can be made. Run on a copy of
// the project inside node_modules/.cache (so the bundle still finds the installed packages), so
// touching its sources and planting stub bundles never disturbs anyone working in the real tree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../support/tmp';

const ROOT = path.resolve(__dirname, '../..');
const USAGE = 'Usage: scrutiny-pack <command> [options]';

let project: string;
let bin: string;
let cache: string;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

const baseEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, SCRUTINY_CLI_DEBUG: '1', ...extra };
  for (const k of ['SCRUTINY_CLI_TSX', 'SCRUTINY_CLI_CACHE']) if (!(k in extra)) delete env[k];
  return env;
};

// From a folder that is not the project, as a user runs it.
function start(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: tempDir('scrutiny-bin-cwd-'), encoding: 'utf8', env: baseEnv(env) });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function startAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: tempDir('scrutiny-bin-cwd-'), env: baseEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const bundles = (dir = cache) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.startsWith('cli-')).sort() : []);

function touch(file: string, secondsAhead: number) {
  const t = new Date(Date.now() + secondsAhead * 1000);
  fs.utimesSync(file, t, t);
}

beforeAll(() => {
  const parent = path.join(ROOT, 'node_modules', '.cache');
  fs.mkdirSync(parent, { recursive: true });
  project = fs.mkdtempSync(path.join(parent, 'scrutiny-bin-test-'));
  for (const p of ['bin/scrutiny-pack.mjs', 'electron', 'shared', 'tsconfig.json', 'package.json']) {
    fs.cpSync(path.join(ROOT, p), path.join(project, p), { recursive: true });
  }
  bin = path.join(project, 'bin', 'scrutiny-pack.mjs');
  cache = path.join(project, 'node_modules', '.cache', 'scrutiny-pack');
});

afterAll(() => {
  fs.rmSync(project, { recursive: true, force: true });
});

describe('bin/scrutiny-pack.mjs', () => {
  it('prints the usage from a bundle it leaves in the cache, with the worker beside the CLI', () => {
    const r = start(['help']);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith(USAGE)).toBe(true);
    expect(r.stdout).toMatch(/^ {2}import /m);
    expect(r.stderr).toMatch(/running the bundle in /);
    const [only, ...others] = bundles();
    expect(others).toEqual([]);
    const dir = path.join(cache, only!);
    const files = fs.readdirSync(dir);
    expect(files).toContain('cli.mjs');
    if (fs.existsSync(path.join(project, 'electron', 'import', 'convert-worker-thread.ts'))) expect(files).toContain('convert-worker.mjs');
    // One flat folder: every relative import in the bundle names a file beside it.
    for (const f of files.filter((n) => n.endsWith('.mjs'))) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of text.matchAll(/(?:from |import\()\s*"(\.[^"]+)"/g)) {
        expect(m[1]!.startsWith('./') && !m[1]!.slice(2).includes('/'), `${f} imports ${m[1]}`).toBe(true);
        expect(fs.existsSync(path.join(dir, m[1]!)), `${f} imports ${m[1]}`).toBe(true);
      }
    }
    expect(fs.readdirSync(cache).filter((n) => n.startsWith('tmp-'))).toEqual([]);
  });

  it('runs the cached bundle while the sources are unchanged, and rebuilds once one is touched', () => {
    const [first] = bundles();
    // A stand-in for the bundle proves the next start loads the cache instead of rebuilding.
    fs.writeFileSync(path.join(cache, first!, 'cli.mjs'), 'export async function main() { console.log("stub bundle"); return 0; }\n');
    const cached = start(['help']);
    expect(cached.status).toBe(0);
    expect(cached.stdout.trim()).toBe('stub bundle');

    touch(path.join(project, 'shared', 'dates.ts'), 5);
    const rebuilt = start(['help']);
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stdout.startsWith(USAGE)).toBe(true);
    expect(rebuilt.stderr).toMatch(/bundled the sources into /);
    const now = bundles();
    expect(now).toHaveLength(2);
    expect(now).toContain(first);
  });

  it('deletes bundles of older sources once they have gone unused for a while', () => {
    const before = bundles();
    expect(before).toHaveLength(2);
    const longAgo = new Date(Date.now() - 3600_000);
    for (const b of before) fs.utimesSync(path.join(cache, b), longAgo, longAgo);
    touch(path.join(project, 'electron', 'cli', 'main.ts'), 10);
    expect(start(['help']).status).toBe(0);
    const after = bundles();
    expect(after).toHaveLength(1);
    expect(before).not.toContain(after[0]);
  });

  it('SCRUTINY_CLI_TSX=1 runs the sources through tsx, not the cached bundle', () => {
    const [current] = bundles();
    fs.writeFileSync(path.join(cache, current!, 'cli.mjs'), 'export async function main() { console.log("stub bundle"); return 0; }\n');
    const r = start(['help'], { SCRUTINY_CLI_TSX: '1' });
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith(USAGE)).toBe(true);
    expect(r.stderr).toMatch(/SCRUTINY_CLI_TSX=1: running the sources through tsx/);
    fs.rmSync(path.join(cache, current!), { recursive: true });
  });

  it('falls back to tsx when the cache cannot be written, and still works', () => {
    // A folder under a plain file can never be created, even by root (chmod would not stop root).
    const blocker = path.join(tempDir(), 'not-a-folder');
    fs.writeFileSync(blocker, '');
    const r = start(['help', 'import'], { SCRUTINY_CLI_CACHE: path.join(blocker, 'cache') });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: scrutiny-pack import /);
    expect(r.stderr).toMatch(/running the sources through tsx, as the bundle could not be used/);
  });

  it('processes starting at once on an empty cache all run, and leave one complete bundle', async () => {
    const shared = path.join(project, 'node_modules', '.cache', 'race');
    const runs = await Promise.all([1, 2, 3].map(() => startAsync(['help'], { SCRUTINY_CLI_CACHE: shared })));
    for (const r of runs) {
      expect(r.status).toBe(0);
      expect(r.stdout.startsWith(USAGE)).toBe(true);
      expect(r.stderr).toMatch(/running the bundle in /);
    }
    const names = fs.readdirSync(shared);
    expect(names.filter((n) => n.startsWith('cli-'))).toHaveLength(1);
    expect(names.filter((n) => !n.startsWith('cli-'))).toEqual([]);
  });

  it('every source the command line is built from lies where the staleness check looks (electron/, shared/)', async () => {
    // The bin decides a bundle is current from the files under electron/ and shared/, plus
    // package.json (its version is printed by --version); a CLI module importing from elsewhere
    // (renderer/, say) would go stale unnoticed.
    const { build } = await import('esbuild');
    const entryPoints: Record<string, string> = { cli: 'electron/cli/main.ts' };
    if (fs.existsSync(path.join(ROOT, 'electron/import/convert-worker-thread.ts'))) entryPoints['convert-worker'] = 'electron/import/convert-worker-thread.ts';
    const r = await build({ entryPoints, outdir: 'out', bundle: true, splitting: true, format: 'esm', platform: 'node', packages: 'external', tsconfig: 'tsconfig.json', absWorkingDir: ROOT, write: false, metafile: true, logLevel: 'silent' });
    const inputs = Object.keys(r.metafile.inputs);
    expect(inputs).toContain('electron/cli/main.ts');
    expect(inputs.filter((p) => !/^(electron|shared)\//.test(p) && p !== 'package.json')).toEqual([]);
  });

  it('the real checkout, run from another folder, finds the paper fonts from its bundle (a PDF paper)', () => {
    const cwd = tempDir('scrutiny-bin-pdf-');
    const real = path.join(ROOT, 'bin', 'scrutiny-pack.mjs');
    const env = baseEnv();
    delete env.SCRUTINY_FONTS_DIR;
    const run = (...args: string[]) => spawnSync(process.execPath, [real, ...args], { cwd, encoding: 'utf8', env });
    expect(run('demo', '--out', 'ex', '--staff', '10', '--years', '1', '--end-date', '2025-09-30').status).toBe(0);
    const files = fs.readdirSync(path.join(cwd, 'ex')).filter((f) => f.endsWith('.csv')).map((f) => path.join('ex', f));
    expect(run('import', '--db', 'c.sqlite', '--extract-date', '2025-09-30', ...files).status).toBe(0);
    const r = run('report', '--db', 'c.sqlite', '--as-at', '2025-09-30', '--out', 'paper.pdf');
    expect(r.stderr).toMatch(/running the bundle in /);
    expect(r.status, r.stderr).toBe(0);
    expect(fs.readFileSync(path.join(cwd, 'paper.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);
});
