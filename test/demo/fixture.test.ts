// The demo set committed under fixtures/demo (what the app offers on first run and the README's
// examples use) is exactly what the generator writes for its options, so the two never drift.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDemoExports, type DemoManifest } from '../../electron/demo/write';
import { tempDir } from '../support/tmp';

const FIXTURE = path.resolve(__dirname, '../../fixtures/demo');

describe('fixtures/demo', () => {
  it('is the generator\'s output for seed 1 ending 2025-09-30 (regenerate with the command in docs/demo.md)', async () => {
    const committed = JSON.parse(fs.readFileSync(path.join(FIXTURE, 'manifest.json'), 'utf8')) as DemoManifest;
    expect(committed.endDate).toBe('2025-09-30');
    expect(committed.files.map((f) => [f.file, f.source])).toEqual([
      ['workers.csv', 'workers'], ['agency.csv', 'agency'], ['allocations.csv', 'allocations'], ['asye.csv', 'asye'],
      ['establishment.csv', 'establishment'],
    ]);
    const dir = tempDir('demo-fixture-');
    await writeDemoExports(dir, { seed: committed.seed, staff: committed.staff, years: committed.years, endDate: committed.endDate });
    for (const f of [...committed.files.map((x) => x.file), 'manifest.json']) {
      expect(fs.readFileSync(path.join(dir, f)).equals(fs.readFileSync(path.join(FIXTURE, f))), f).toBe(true);
    }
    let total = 0;
    for (const f of fs.readdirSync(FIXTURE)) total += fs.statSync(path.join(FIXTURE, f)).size;
    expect(total).toBeLessThan(5_000_000);
  });
});
