// `scrutiny-pack key`: the command line shares the key folder with the app, refuses an
// allocations import plainly when the key is missing (exit 1), and moves the key deliberately.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../electron/cli/main';
import { tempDir } from '../support/tmp';

function cli(args: string[], keyDir: string) {
  const out: string[] = [];
  const err: string[] = [];
  const env = { ...process.env, SCRUTINY_KEY_DIR: keyDir };
  return main(args, { out: (t) => out.push(t), err: (t) => err.push(t), env }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

describe('key command', () => {
  it('status, export, a refused import on another computer, key import, then the import goes through', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'c.sqlite');
    const here = path.join(tempDir(), 'keys');
    const there = path.join(tempDir(), 'keys');
    const a = path.join(dir, 'a.csv');
    fs.writeFileSync(a, 'case_id,case_type,staff_id,team,start_date,end_date\n1,CIN,S1,North,2024-01-01,\n');
    expect((await cli(['key', 'status', '--db', db], here)).code).toBe(2); // no database yet: a usage error, nothing created
    expect((await cli(['import', '--db', db, '--extract-date', '2025-01-01', a], here)).code).toBe(0);
    expect(fs.readdirSync(here)).toEqual([expect.stringMatching(/^[0-9a-f]{32}\.key$/)]);
    expect((await cli(['key', 'status', '--db', db], here)).out).toMatch(/is on this computer \(key folder/);

    const out = path.join(tempDir(), 'case-key.json');
    const exported = await cli(['key', 'export', '--db', db, '--out', out], here);
    expect(exported).toMatchObject({ code: 0, out: expect.stringMatching(/anyone can work out the case IDs/) });

    const b = path.join(dir, 'b.csv');
    fs.writeFileSync(b, 'case_id,case_type,staff_id,team,start_date,end_date\n1,CIN,S1,North,2024-01-01,2024-05-01\n');
    const refused = await cli(['import', '--db', db, '--extract-date', '2025-01-01', b], there);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/case key is not on this computer.*scrutiny-pack key import/);
    expect(refused.err).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect((await cli(['key', 'status', '--db', db, '--json'], there)).out).toMatch(/"source":null/);
    expect((await cli(['key', 'new', '--db', db], there))).toMatchObject({ code: 2, err: expect.stringMatching(/counts those cases twice.*--confirm/) });
    expect((await cli(['key', 'import', '--db', db, out], there)).code).toBe(0);
    const merged = await cli(['import', '--db', db, '--extract-date', '2025-01-01', '--json', b], there);
    expect(merged.code).toBe(0);
    expect(JSON.parse(merged.out).results[0]).toMatchObject({ updated: 1, inserted: 0 });
  });
});
