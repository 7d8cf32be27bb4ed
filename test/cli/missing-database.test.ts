// A mistyped --db must not quietly create an empty database for a command that only reads one:
// the user would see "no imports yet" or empty figures instead of their mistake.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../electron/cli/main';
import { DB_FILE_NAME } from '../../electron/paths';
import { tempDir } from '../support/tmp';

async function cli(env: NodeJS.ProcessEnv, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), isTty: false, env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('read-only commands and a database that does not exist', () => {
  const readers: string[][] = [['imports'], ['undo', '1'], ['metrics'], ['report', '--out', 'x.pdf'], ['benchmark', '--la', '892']];

  it.each(readers)('%s refuses a --db that names no file, with exit 2, and creates nothing', async (...args) => {
    const dir = tempDir();
    const db = path.join(dir, 'typo.sqlite');
    const r = await cli({}, args[0]!, '--db', db, ...args.slice(1));
    expect(r.code).toBe(2);
    expect(r.err).toBe(`Error: There is no database at ${db}. Check --db, or import your exports first with scrutiny-pack import.`);
    expect(fs.existsSync(db)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('the default database that does not exist yet gets the same message; --json gets it as JSON', async () => {
    const home = tempDir();
    const r = await cli({ SCRUTINY_PACK_HOME: home }, 'imports', '--json');
    expect(r.code).toBe(2);
    const expected = `There is no database at ${path.join(home, DB_FILE_NAME)}. Check --db, or import your exports first with scrutiny-pack import.`;
    expect(JSON.parse(r.out)).toEqual({ ok: false, error: expected });
    expect(fs.readdirSync(home)).toEqual([]);
  });

  it('settings and import still create the database; then the readers use it', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'new.sqlite');
    expect((await cli({}, 'settings', '--db', db)).code).toBe(0);
    expect(fs.existsSync(db)).toBe(true);
    expect((await cli({}, 'imports', '--db', db)).out).toBe('No imports yet.');
    const db2 = path.join(dir, 'other.sqlite');
    const templates = path.resolve(__dirname, '../../fixtures/templates');
    expect((await cli({}, 'import', '--db', db2, path.join(templates, 'workers.csv'))).code).toBe(0);
    expect((await cli({}, 'imports', '--db', db2)).code).toBe(0);
  });
});
