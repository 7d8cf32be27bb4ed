import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { main } from '../../electron/cli/main';
import { tempDir } from '../support/tmp';

function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return code.then((c) => ({ code: c, out: out.join('\n'), err: err.join('\n') }));
}

describe('settings command', () => {
  it('shows the defaults, then keeps what --set changes, typed', async () => {
    const db = path.join(tempDir(), 's.sqlite');
    const before = await cli(['settings', '--db', db, '--json']);
    expect(JSON.parse(before.out)).toMatchObject({ caseloadThreshold: 20, laCode: null, councilName: '' });
    const set = await cli(['settings', '--db', db, '--set', 'councilName=Nottingham City Council', '--set', 'laCode=892', '--set', 'agencyAnnualCost=£62,000']);
    expect(set.code).toBe(0);
    expect(set.out).toMatch(/councilName\s+Nottingham City Council/);
    const after = JSON.parse((await cli(['settings', '--db', db, '--json'])).out);
    expect(after).toMatchObject({ councilName: 'Nottingham City Council', laCode: '892', agencyAnnualCost: 62000, caseloadThreshold: 20 });
  });

  it('refuses an unknown key or a non-number with exit 2, changing nothing', async () => {
    const db = path.join(tempDir(), 's.sqlite');
    const bad = await cli(['settings', '--db', db, '--set', 'caseloadThresold=18']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/There is no setting "caseloadThresold"/);
    const nan = await cli(['settings', '--db', db, '--set', 'caseloadThreshold=lots']);
    expect(nan.code).toBe(2);
    expect(nan.err).toMatch(/caseloadThreshold must be a number/);
    expect(JSON.parse((await cli(['settings', '--db', db, '--json'])).out).caseloadThreshold).toBe(20);
  });
});
