import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import { tempDb } from '../support/tmp';
import { seedRecords } from '../support/seed';
import { handRecords } from './hand-fixture';

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(args, { out: (t) => out.push(t), err: (t) => err.push(t), isTty: false }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

describe('scrutiny-pack metrics', () => {
  const { db, file } = tempDb();
  seedRecords(db, handRecords());
  db.close();

  it('--json prints the Metrics document unrounded', async () => {
    const r = await run(['metrics', '--db', file, '--as-at', '2018-09-30', '--months', '3', '--json']);
    expect(r.code).toBe(0);
    const m = JSON.parse(r.out);
    expect(m.asAt).toBe('2018-09-30');
    expect(m.turnover.rateFte).toBeCloseTo((4 / 10.9) * 100, 10); // see hand.test.ts
    expect(m.series).toHaveLength(3);
    expect(m.yearAgo.asAt).toBe('2017-09-30');
  });

  it('without --json prints a table rounded by the DfE convention', async () => {
    const r = await run(['metrics', '--db', file, '--as-at', '2018-09-30', '--months', '0']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Social workers in post \(FTE\)\s+10\.9/);
    expect(r.out).toMatch(/Turnover rate \(FTE\)\s+36\.7%/); // 36.697...
    expect(r.out).toMatch(/Agency rate \(FTE\)\s+8\.4%/);
    expect(r.out).toMatch(/Agency cost premium a year\s+£19,500/);
    expect(r.out).not.toMatch(/Monthly series/);
  });

  it('usage errors exit 2 with a plain message', async () => {
    expect((await run(['metrics', '--db', file])).code).toBe(2);
    const bad = await run(['metrics', '--db', file, '--as-at', '2018-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/not a real date/);
    expect((await run(['metrics', '--db', file, '--as-at', '2018-09-30', '--months', 'two'])).code).toBe(2);
  });
});
