// The generator can build a council whose totals at a date are chosen: here Nottingham's row in
// the DfE file for 2018, so the measures engine can be tested against the published figures.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCouncil } from '../../electron/demo/council';
import { DFE_DIR } from '../support/tmp';
import { countAt, round1 } from './count';

/** Rows of the published DfE indicator file, as column -> value. */
function dfeRows(): Record<string, string>[] {
  const lines = fs.readFileSync(path.join(DFE_DIR, 'csww_indicators_2017_to_2025.csv'), 'utf8').trim().split(/\r?\n/);
  const head = lines[0]!.split(',');
  return lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [head[i], v])));
}

// Nottingham, 30 September 2018 (csww_indicators_2017_to_2025.csv): 238.0 FTE in post of 253
// people, 35.8 FTE leavers, 23.0 agency FTE, 140.2 case-holder FTE holding 2,639 cases.
const NOTTINGHAM_2018 = {
  asAt: '2018-09-30', inPostFte: 238.0, inPostHeadcount: 253, leaversFte: 35.8, agencyFte: 23.0, caseHolderFte: 140.2, cases: 2639,
};

describe('calibration to a published DfE row', () => {
  for (const seed of [1, 2]) {
    it(`hits Nottingham 2018 exactly (seed ${seed})`, () => {
      const council = generateCouncil({ seed, targets: NOTTINGHAM_2018 });
      const c = countAt(council.spells, council.allocations(), '2018-09-30');
      expect(c.inPostHeadcount).toBe(253);
      expect(round1(c.inPostFte)).toBe(238.0);
      expect(round1(c.leaversFte)).toBe(35.8);
      expect(round1(c.agencyFte)).toBe(23.0);
      expect(round1(c.caseHolderFte)).toBe(140.2);
      expect(c.cases).toBe(2639);
      // The published rates follow from those totals (DfE formulas).
      expect(round1((100 * c.leaversFte) / c.inPostFte)).toBe(15.0);
      expect(round1((100 * c.agencyFte) / (c.agencyFte + c.inPostFte))).toBe(8.8);
      expect(round1(c.cases / c.caseHolderFte)).toBe(18.8);
    });
  }

  it('hits a different council too (Nottingham 2025) and keeps a history before the date', () => {
    const targets = { asAt: '2025-09-30', inPostFte: 230.9, inPostHeadcount: 247, leaversFte: 28.8, agencyFte: 26.8, caseHolderFte: 132.8, cases: 1948 };
    const council = generateCouncil({ seed: 5, targets, endDate: '2026-03-31' });
    const c = countAt(council.spells, council.allocations(), '2025-09-30');
    expect([c.inPostHeadcount, round1(c.inPostFte), round1(c.leaversFte), round1(c.agencyFte), round1(c.caseHolderFte), c.cases])
      .toEqual([247, 230.9, 28.8, 26.8, 132.8, 1948]);
    expect(council.spells.some((s) => s.start_date < '2023-01-01')).toBe(true);
    expect(council.spells.some((s) => s.start_date > '2025-09-30')).toBe(true);
  });

  it('hits a spread of published rows, among them the tiny City of London', () => {
    const fields = ['inpost_fte', 'inpost_headcount', 'leavers_fte', 'agency_fte', 'case_holders_fte', 'cases'];
    const rows = dfeRows().filter((r) => r.geographic_level === 'Local authority' && fields.every((f) => /^\d+(\.\d)?$/.test(r[f] ?? '')));
    const sample = rows.filter((r, i) => i % 150 === 0 || (r.la_name === 'City of London' && r.time_period === '2018'));
    expect(sample.length).toBeGreaterThan(5);
    for (const r of sample) {
      const [inPostFte, inPostHeadcount, leaversFte, agencyFte, caseHolderFte, cases] = fields.map((f) => Number(r[f]));
      const asAt = `${r.time_period}-09-30`;
      const council = generateCouncil({ seed: 3, targets: { asAt, inPostFte: inPostFte!, inPostHeadcount: inPostHeadcount!, leaversFte: leaversFte!, agencyFte: agencyFte!, caseHolderFte: caseHolderFte!, cases: cases! } });
      const c = countAt(council.spells, council.allocations(), asAt);
      expect([r.la_name, c.inPostHeadcount, round1(c.inPostFte), round1(c.leaversFte), round1(c.agencyFte), round1(c.caseHolderFte), c.cases])
        .toEqual([r.la_name, inPostHeadcount, inPostFte, leaversFte, agencyFte, caseHolderFte, cases]);
    }
  });

  it('refuses a calibration date without a year of history before it', () => {
    expect(() => generateCouncil({ targets: NOTTINGHAM_2018, endDate: '2019-06-30', years: 1 })).toThrow(/at least a year/);
  });
});
