// A million allocations are written in constant memory: the generator holds only open
// allocations and the writer a fixed buffer, so peak memory stays flat as the file grows.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/tmp';

function run(allocations: number): { rows: number; maxRssMb: number; ms: number; dir: string } {
  const dir = tempDir('demo-stream-');
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'stream-child.ts'), dir, String(allocations)], {
    encoding: 'utf8',
    cwd: path.resolve(__dirname, '../..'),
  });
  if (child.status !== 0) throw new Error(child.stderr);
  return { ...JSON.parse(child.stdout.trim().split('\n').pop()!), dir };
}

describe('streaming at scale', () => {
  it('writes exactly 1,000,000 allocations under 300 MB, no more memory than 100,000 needs plus a margin', () => {
    const small = run(100_000);
    const big = run(1_000_000);
    expect(big.rows).toBe(1_000_000);
    expect(small.rows).toBe(100_000);
    expect(big.maxRssMb).toBeLessThan(300);
    expect(big.maxRssMb - small.maxRssMb).toBeLessThan(120);
    const text = fs.readFileSync(path.join(big.dir, 'allocations.csv'), 'utf8');
    let lines = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    expect(lines).toBe(1_000_001);
    fs.rmSync(big.dir, { recursive: true, force: true });
  }, 180_000);
});
