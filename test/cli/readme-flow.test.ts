// The README's command-line walk-through, run as a user would: through the bin script, from a
// folder that is not the checkout (where tsx finds no tsconfig of its own), on a fresh database.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../support/tmp';

const BIN = path.resolve(__dirname, '../../bin/scrutiny-pack.mjs');

function run(cwd: string, args: string[]): string {
  return execFileSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NODE_ENV: '' } });
}

describe('the README walk-through from another folder', () => {
  it('demo -> import -> metrics -> paper', () => {
    const cwd = tempDir('scrutiny-readme-');
    run(cwd, ['demo', '--out', 'exports', '--staff', '40', '--years', '2', '--end-date', '2025-09-30']);
    const files = fs.readdirSync(path.join(cwd, 'exports')).filter((f) => f.endsWith('.csv')).map((f) => path.join('exports', f));
    expect(files.length).toBeGreaterThanOrEqual(4);
    run(cwd, ['import', '--db', 'council.sqlite', '--extract-date', '2025-09-30', ...files]);
    const metrics = JSON.parse(run(cwd, ['metrics', '--db', 'council.sqlite', '--as-at', '2025-09-30', '--months', '3', '--json']));
    expect(metrics.asAt).toBe('2025-09-30');
    expect(metrics.inPost.headcount).toBeGreaterThan(0);
    expect(metrics.series).toHaveLength(3);
    run(cwd, ['report', '--db', 'council.sqlite', '--as-at', '2025-09-30', '--format', 'html', '--out', 'paper.html']);
    const html = fs.readFileSync(path.join(cwd, 'paper.html'), 'utf8');
    expect(html).toContain('lang="en-GB"');
    expect(html).toContain('<svg');
    expect(html).toContain(String(metrics.inPost.headcount));
  }, 120_000);
});
