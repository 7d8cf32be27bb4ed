import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { main } from '../../electron/cli/main';
import { importDfeFile } from '../../electron/benchmarks/import-dfe';
import { updateSettings } from '../../electron/settings';
import { openDatabase } from '../../electron/db/open';
import { DFE_DIR, tempDir } from '../support/tmp';

let file: string;
beforeAll(async () => {
  file = path.join(tempDir(), 'cli.sqlite');
  const db = openDatabase(file);
  await importDfeFile(db, { file: path.join(DFE_DIR, 'csww_indicators_2017_to_2025.csv'), source: 'benchmark' });
  await importDfeFile(db, { file: path.join(DFE_DIR, 'statistical_neighbours_2021.csv'), source: 'neighbours' });
  db.close();
});

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['benchmark', '--db', file, ...args], { out: (t) => void out.push(t), err: (t) => void err.push(t), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('scrutiny-pack benchmark', () => {
  it('prints a readable table of the published row, England, region, neighbours and rank', async () => {
    const r = await run('--la', '892', '--year', '2018');
    expect(r.code).toBe(0);
    expect(r.out).toContain("Source: DfE Children's social work workforce, 30 September 2018");
    // England 2018 turnover in the file is 15.1; Nottingham 15.0.
    expect(r.out).toMatch(/Turnover rate \(FTE\)\s+15\.0%\s+15\.1%/);
    expect(r.out).toMatch(/Average caseload \(FTE\)\s+18\.8/);
    expect(r.out).toContain('1. Manchester (352)');
  });

  it('--json prints one document with the source and year', async () => {
    const r = await run('--la', 'nottingham', '--year', '2024', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.year).toBe(2024);
    expect(doc.source).toBe("DfE Children's social work workforce, 30 September 2024");
    expect(doc.measures.find((m: { measure: string }) => m.measure === 'turnover').england).toEqual({ value: 13.9, symbol: null });
  });

  it('takes the council from settings when --la is not given', async () => {
    const db = openDatabase(file);
    updateSettings(db, { laCode: 'Peterborough' });
    db.close();
    const r = await run('--year', '2024', '--json');
    expect(JSON.parse(r.out).council.code).toBe('874');
  });

  it('explains an unknown council (exit 1) and a malformed year (exit 2)', async () => {
    const a = await run('--la', 'Gotham');
    expect(a.code).toBe(1);
    expect(a.err).toMatch(/No council matching "Gotham"/);
    const b = await run('--la', '892', '--year', '18');
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/four-digit year/);
  });

  it("--reconcile sets the council's own figures beside the published row, flagging gaps over 1 point", async () => {
    const { seedRecords } = await import('../support/seed');
    const { handRecords } = await import('../measures/hand-fixture');
    const db = openDatabase(file);
    seedRecords(db, handRecords(), 'hand');
    db.close();
    const r = await run('--la', '892', '--year', '2018', '--reconcile');
    expect(r.code).toBe(0);
    // Hand-made council at 30 September 2018: agency rate 1 / 11.9 = 8.4%, published 8.8% (within 1 point).
    expect(r.out).toMatch(/Agency worker rate \(FTE\)\s+8\.4\s+8\.8\s+-0\.4\n/);
    expect(r.out).toMatch(/Social workers in post \(FTE\)\s+10\.9\s+238\.0\s+-227\.1\s+CHECK \(over 1 FTE\)/);
    const j = JSON.parse((await run('--la', '892', '--year', '2018', '--reconcile', '--json')).out);
    expect(j.reconciliation.years.map((y: { year: number }) => y.year)).toEqual([2018]);
  });
});
