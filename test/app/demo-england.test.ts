// "Explore the demo council" also brings England's figures, from the DfE files bundled in
// fixtures/dfe, and never replaces DfE files the user imported themselves.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { scriptedApp } from './scripted-host';
import { importDfeFile } from '../../electron/benchmarks/import-dfe';

describe('the demo council and the bundled DfE files', () => {
  it("loads England's published figures with the demo, and says which edition", async () => {
    const { ctx, handlers } = scriptedApp();
    const r = await handlers.loadDemo({});
    expect(r.message).toMatch(/DfE's published statistics bundled with Scrutiny Pack \(children's social work workforce indicators 2017 to 2025/);
    // England at 30 September 2025, as published: agency rate 13.0%, caseload 15.2 per FTE.
    expect(ctx.db().prepare(`SELECT agency_rate_fte AS a, caseload_fte AS c FROM dfe_indicator WHERE year = 2025 AND level = 'National'`).get()).toEqual({ a: 13, c: 15.2 });
    const sources = await handlers.listImports({});
    expect(sources.filter((s) => s.source === 'benchmark').length).toBe(1);
    expect(sources.filter((s) => s.source === 'neighbours').length).toBe(1);
  });

  it("keeps the user's own DfE import instead of the bundled copy", async () => {
    const { ctx, handlers } = scriptedApp();
    await importDfeFile(ctx.db(), { file: path.join(__dirname, '../../fixtures/dfe/csww_indicators_2017_to_2025.csv'), source: 'benchmark' });
    const r = await handlers.loadDemo({});
    expect(r.message).not.toMatch(/bundled with Scrutiny Pack/);
    const sources = await handlers.listImports({});
    expect(sources.filter((s) => s.source === 'benchmark').length).toBe(1);
  });
});
