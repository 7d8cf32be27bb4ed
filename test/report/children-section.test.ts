// The paper's "Stability for children" section, from a seeded council: the figures in its words
// and table are the measures' own, small counts are suppressed, and a council whose allocations do
// not cover the year is told so instead of shown a figure.
import { describe, expect, it } from 'vitest';
import { buildPaperFromDb } from '../../electron/report/index';
import type { Block } from '../../electron/report/model';
import { computeMetrics } from '../../electron/measures/index';
import { allocation, seedRecords, spell } from '../support/seed';
import { tempDb } from '../support/tmp';

const D = '2025-09-30';

function council(children: number, allocationStart: string) {
  const { db } = tempDb();
  const spells = [spell('A', '2015-01-01'), spell('B', '2015-01-01', '2025-03-31'), spell('C', '2025-01-01')];
  const allocations = [];
  // Children 0..n-1: every third had three workers (A, then B until B left, then C); the rest one (A).
  for (let i = 0; i < children; i++) {
    const type = i % 2 === 0 ? 'CLA' : 'CIN';
    if (i % 3 === 0) {
      allocations.push(allocation(`k${i}`, 'A', allocationStart, '2024-12-31', { case_type: type }));
      allocations.push(allocation(`k${i}`, 'B', '2025-01-01', '2025-03-20', { case_type: type }));
      allocations.push(allocation(`k${i}`, 'C', '2025-03-21', null, { case_type: type }));
    } else allocations.push(allocation(`k${i}`, 'A', allocationStart, null, { case_type: type }));
  }
  seedRecords(db, { spells, allocations });
  return db;
}

const section = (blocks: Block[]) => JSON.stringify(blocks);

describe('paper: stability for children', () => {
  it("states the measures' figures and shows a suppressed table by kind of case", () => {
    const db = council(30, '2023-01-01');
    const m = computeMetrics(db, D, { months: 0 }).childStability!;
    // 30 children; k0, k3, ..., k27 (10) had three workers; 20 had one.
    expect([m.children, m.one, m.threePlus]).toEqual([30, 20, 10]);
    const model = buildPaperFromDb(db, { asAt: D, config: {} });
    const s = model.sections.find((x) => x.id === 'children')!;
    expect(s.title).toBe('Stability for children');
    const text = section(s.blocks);
    expect(text).toContain('30 children had an open case');
    expect(text).toContain('20 (66.7%) had one allocated worker, 0 (0.0%) had two and 10 (33.3%) had three or more');
    // Changes: each of the 10 lost A (not a departure) and B (B left 11 days after): 20, 10 after a leaver.
    expect(text).toContain('20 changes of worker');
    expect(text).toContain('10 followed a worker leaving the council');
    const table = s.blocks.find((b) => b.type === 'table');
    expect(table && table.type === 'table' ? table.table.rows : []).toEqual([
      // CLA: even i: 15 children; i % 6 === 0 -> 5 had three workers, 10 had one.
      ['Children in care', '10', '0', '5', '15'],
      ['Children in need', '10', '0', '5', '15'],
    ]);
  });

  it('suppresses small counts in the table but not the council-wide figures', () => {
    const db = council(8, '2023-01-01');
    const model = buildPaperFromDb(db, { asAt: D, config: {} });
    const s = model.sections.find((x) => x.id === 'children')!;
    const table = s.blocks.find((b) => b.type === 'table');
    const rows = table && table.type === 'table' ? table.table.rows : [];
    // 8 children: CLA i = 0,2,4,6 (4: k0, k6 three workers); CIN i = 1,3,5,7 (k3 three workers).
    expect(rows.flat().filter((c) => c === 'c').length).toBeGreaterThan(0);
    expect(section(s.blocks)).toContain('8 children had an open case');
  });

  it('says the year is not covered instead of giving a figure', () => {
    const db = council(30, '2024-11-01');
    const model = buildPaperFromDb(db, { asAt: D, config: {} });
    const text = section(model.sections.find((x) => x.id === 'children')!.blocks);
    expect(text).toContain('do not go back a full year');
    expect(text).not.toContain('had three or more');
  });
});
