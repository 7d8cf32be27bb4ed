// The `demo` command: writes the files and the manifest, says what it wrote, and treats bad
// options as usage errors (exit 2) with a plain message.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import { tempDir } from '../support/tmp';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('demo command', () => {
  it('writes a council in two layouts and reports the files as JSON', async () => {
    const dir = tempDir('demo-cli-');
    const r = await cli(['demo', '--out', dir, '--seed', '9', '--staff', '30', '--years', '1', '--end-date', '2024-03-31',
      '--layout', 'canonical', '--layout', 'census', '--json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out);
    expect(result.ok).toBe(true);
    expect(result.endDate).toBe('2024-03-31');
    expect(result.startDate).toBe('2023-04-01');
    expect(fs.existsSync(path.join(dir, 'canonical', 'workers.csv'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'census', 'census-workers.csv'))).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')).files).toEqual(result.files);
  });

  it('puts agency rows in the workers file with --agency combined', async () => {
    const dir = tempDir('demo-cli-');
    const r = await cli(['demo', '--out', dir, '--staff', '30', '--years', '1', '--end-date', '2024-03-31', '--agency', 'combined']);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'agency.csv'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'workers.csv'), 'utf8')).toContain(',agency,');
    expect(r.out).toContain('workers.csv');
  });

  it('writes exactly the number of allocations asked for', async () => {
    const dir = tempDir('demo-cli-');
    const r = await cli(['demo', '--out', dir, '--allocations', '5000', '--end-date', '2024-03-31', '--json']);
    expect(r.code).toBe(0);
    const rows = fs.readFileSync(path.join(dir, 'allocations.csv'), 'utf8').trim().split('\n').length - 1;
    expect(rows).toBe(5000);
    expect(JSON.parse(r.out).files.find((f: { source: string }) => f.source === 'allocations').rows).toBe(5000);
  });

  it('refuses bad options with exit 2 and says why', async () => {
    expect((await cli(['demo'])).err).toContain('--out');
    expect((await cli(['demo'])).code).toBe(2);
    const dir = tempDir('demo-cli-');
    for (const [args, words] of [
      [['--layout', 'fancy'], 'Unknown layout'],
      [['--seed', 'abc'], 'whole number'],
      [['--end-date', '2024-02-30'], 'end date'],
      [['--agency', 'both'], '--agency'],
    ] as const) {
      const r = await cli(['demo', '--out', dir, ...args]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(words);
    }
  });
});
