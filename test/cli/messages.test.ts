// What the command line says to a person who types something it cannot act on: the help with
// exit 2 when nothing is asked for, plain words for unknown options and commands, dates given
// back in the form wanted, the version, and demo's next steps that never touch the app's database.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../electron/cli/main';
import { isoFromCommonForm } from '../../electron/cli/date-option';
import { defaultDatabasePath, DB_FILE_NAME, PRODUCT_NAME } from '../../electron/paths';
import { tempDir } from '../support/tmp';

const ROOT = path.resolve(__dirname, '../..');
const PACKAGE_VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), isTty: false, env: { SCRUTINY_PACK_HOME: tempDir() } });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('asking for nothing, help and the version', () => {
  it('a bare scrutiny-pack prints the help on stderr and exits 2', async () => {
    const r = await cli();
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('Usage: scrutiny-pack <command> [options]');
  });

  it('help and help <command> still exit 0', async () => {
    expect((await cli('help')).code).toBe(0);
    const metrics = await cli('help', 'metrics');
    expect(metrics.code).toBe(0);
    expect(metrics.out).toContain('Usage: scrutiny-pack metrics');
  });

  it('help nosuch says there is no such command, exit 2', async () => {
    const r = await cli('help', 'nosuch');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Error: there is no command "nosuch"\. Commands: .*metrics.*\.$/);
    expect(r.out).toBe('');
  });

  it('--version prints the package version', async () => {
    const r = await cli('--version');
    expect(r).toEqual({ code: 0, out: PACKAGE_VERSION, err: '' });
  });

  it('--version through the bin script, as a user runs it', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'scrutiny-pack.mjs'), '--version'], { encoding: 'utf8', cwd: os.tmpdir() });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(PACKAGE_VERSION);
  });
});

describe('options it does not know', () => {
  it('an unknown option is named in plain words, with the options the command takes, exit 2', async () => {
    const r = await cli('metrics', '--asat', '2025-09-30');
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe(
      'Error: There is no option --asat for "metrics". Its options are --as-at, --months, --team, --role-group, --employment, --db, --json and --help.',
    );
    expect(r.err).not.toMatch(/positional|Unknown option '/);
  });

  it('a missing value and a stray argument are explained too', async () => {
    const missing = await cli('metrics', '--as-at');
    expect(missing.code).toBe(2);
    expect(missing.err.split('\n')[0]).toBe('Error: --as-at needs a value after it.');
    const stray = await cli('metrics', '2025-09-30');
    expect(stray.code).toBe(2);
    expect(stray.err.split('\n')[0]).toMatch(/^Error: "metrics" does not take "2025-09-30" on its own/);
  });

  it('with --json the plain message comes as JSON too', async () => {
    const r = await cli('imports', '--json', '--nosuch');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual({ ok: false, error: 'There is no option --nosuch for "imports". Its options are --db, --json and --help.' });
  });
});

describe('dates written another way', () => {
  it.each([
    ['metrics', []],
    ['report', ['--out', 'p.pdf']],
  ])('%s --as-at 30/09/2025 says to write 2025-09-30', async (command, more) => {
    const option = '--as-at';
    const dir = tempDir();
    const db = path.join(dir, 'x.sqlite');
    await cli('settings', '--db', db);
    const r = await cli(command, '--db', db, option, '30/09/2025', ...(more as string[]));
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe(`Error: ${option} 30/09/2025: write the date as 2025-09-30 (year-month-day).`);
  });

  it('import --extract-date and demo --end-date say the same', async () => {
    const dir = tempDir();
    const imp = await cli('import', '--db', path.join(dir, 'x.sqlite'), '--extract-date', '31/03/2025', 'whatever.csv');
    expect(imp.code).toBe(2);
    expect(imp.err.split('\n')[0]).toBe('Error: --extract-date 31/03/2025: write the date as 2025-03-31 (year-month-day).');
    const demo = await cli('demo', '--out', path.join(dir, 'e'), '--end-date', '30.9.2025');
    expect(demo.code).toBe(2);
    expect(demo.err.split('\n')[0]).toBe('Error: --end-date 30.9.2025: write the date as 2025-09-30 (year-month-day).');
  });

  it('a date that does not exist is still called that', async () => {
    const db = path.join(tempDir(), 'x.sqlite');
    await cli('settings', '--db', db);
    const r = await cli('metrics', '--db', db, '--as-at', '31/09/2025');
    expect(r.code).toBe(2);
    expect(r.err).toContain('"31/09/2025" is not a real date: write it as year-month-day, for example 2025-09-30.');
  });

  it('reads UK forms day first', () => {
    expect(isoFromCommonForm('1/2/2025')).toBe('2025-02-01');
    expect(isoFromCommonForm('2025/02/01')).toBe('2025-02-01');
    expect(isoFromCommonForm('29/02/2025')).toBeUndefined();
    expect(isoFromCommonForm('September 2025')).toBeUndefined();
  });
});

describe('demo suggests commands that keep to a database of their own', () => {
  it('every suggested command names --db, a database beside the exports, never the app database', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'exports');
    const r = await cli('demo', '--out', out, '--staff', '10', '--years', '1', '--end-date', '2025-09-30');
    expect(r.code).toBe(0);
    const suggested = r.out.split('\n').filter((l) => l.trim().startsWith('npx scrutiny-pack'));
    expect(suggested.length).toBeGreaterThanOrEqual(3);
    for (const line of suggested) expect(line).toContain(`--db ${out}/demo.sqlite `);
  });

  it('uses the --db given to demo itself', async () => {
    const dir = tempDir();
    const r = await cli('demo', '--db', 'my council.sqlite', '--out', path.join(dir, 'exports'), '--staff', '10', '--years', '1', '--end-date', '2025-09-30');
    const suggested = r.out.split('\n').filter((l) => l.trim().startsWith('npx scrutiny-pack'));
    for (const line of suggested) expect(line).toContain('--db "my council.sqlite"');
  });
});

describe('the default database path', () => {
  it('an empty or relative XDG_CONFIG_HOME falls back to ~/.config, never a relative path', () => {
    const expected = path.join(os.homedir(), '.config', PRODUCT_NAME, DB_FILE_NAME);
    for (const XDG_CONFIG_HOME of ['', 'config']) {
      const p = defaultDatabasePath({ XDG_CONFIG_HOME });
      if (process.platform === 'linux') expect(p).toBe(expected);
      expect(path.isAbsolute(p)).toBe(true);
    }
  });

  it('an absolute XDG_CONFIG_HOME is used', () => {
    if (process.platform !== 'linux') return;
    expect(defaultDatabasePath({ XDG_CONFIG_HOME: '/srv/conf' })).toBe(path.join('/srv/conf', PRODUCT_NAME, DB_FILE_NAME));
  });
});

describe("the README's walk-through", () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## The command line, on the demo data'), readme.indexOf('## What each part does'));
  const commands = section.split('\n').filter((l) => l.startsWith('npx scrutiny-pack '));

  it('keeps every command that touches a database to --db, never the app database', () => {
    expect(commands.length).toBeGreaterThan(8);
    for (const c of commands.filter((l) => !/^npx scrutiny-pack demo /.test(l))) expect(c).toMatch(/ --db \S+/);
  });

  it("sets the council's DfE code, so the paper has a region and neighbours", () => {
    expect(commands.some((c) => / settings .*--set laCode=\d{3}\b/.test(c))).toBe(true);
  });

  it('writes only files that git ignores', () => {
    const written = ['exports/canonical/workers.csv', 'paper.pdf', 'paper.html', 'paper.docx', 'demo.sqlite', 'exports/demo.sqlite'];
    const r = spawnSync('git', ['check-ignore', '--no-index', ...written], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout.trim().split('\n').sort()).toEqual([...written].sort());
  });
});
