// Reproduce published DfE rows: a synthetic council calibrated (electron/demo) to a council's
// published totals at 30 September must give that council's published turnover, agency rate and
// caseload to one decimal place. The published row is read from the DfE file itself. For
// Nottingham 2018 (238.0 FTE in post of 253 people, 35.8 FTE leavers, 23.0 agency FTE, 140.2
// case-holder FTE holding 2,639 cases):
//   turnover   35.8 / 238.0 x 100            = 15.04  -> 15.0
//   agency     23.0 / (23.0 + 238.0) x 100   = 8.81   -> 8.8
//   caseload   2,639 / 140.2                 = 18.82  -> 18.8
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { generateCouncil } from '../../electron/demo';
import { computeMetrics } from '../../electron/measures/index';
import { roundHalfAway } from '../../shared/format';
import { DFE_DIR, tempDb } from '../support/tmp';
import { seedRecords } from '../support/seed';

function publishedRow(laName: string, year: string): Record<string, string> {
  const text = fs.readFileSync(path.join(DFE_DIR, 'csww_indicators_2017_to_2025.csv'), 'utf8');
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  const row = rows.find((r) => r.la_name === laName && r.time_period === year && r.geographic_level === 'Local authority');
  if (!row) throw new Error(`no published row for ${laName} ${year}`);
  return row;
}

describe.each([
  ['Nottingham', '2018', 892],
  ['Nottinghamshire', '2018', 891],
])('the published DfE row for %s, %s', (laName, year, seed) => {
  it('is reproduced: turnover, agency rate and caseload to one decimal place', () => {
    const row = publishedRow(laName, year);
    const n = (k: string) => Number(row[k]);
    const asAt = `${year}-09-30`;
    const targets = {
      asAt,
      inPostFte: n('inpost_fte'),
      inPostHeadcount: n('inpost_headcount'),
      leaversFte: n('leavers_fte'),
      agencyFte: n('agency_fte'),
      caseHolderFte: n('case_holders_fte'),
      cases: n('cases'),
    };
    if (laName === 'Nottingham') {
      // The row the issue names, as published.
      expect(targets).toEqual({ asAt, inPostFte: 238, inPostHeadcount: 253, leaversFte: 35.8, agencyFte: 23, caseHolderFte: 140.2, cases: 2639 });
      expect([n('turnover_rate_fte'), n('agency_rate_fte'), n('caseload_fte')]).toEqual([15.0, 8.8, 18.8]);
    }
    const council = generateCouncil({ seed, targets });
    const { db } = tempDb();
    seedRecords(db, { spells: council.spells, asye: council.asye, establishment: council.establishment, allocations: [...council.allocations()] });
    const m = computeMetrics(db, asAt, { months: 0 });
    // The totals the generator was asked for, read back through the DfE definitions.
    expect(m.inPost.headcount).toBe(targets.inPostHeadcount);
    expect(roundHalfAway(m.inPost.fte, 1)).toBe(targets.inPostFte);
    expect(roundHalfAway(m.leavers.fte, 1)).toBe(targets.leaversFte);
    expect(roundHalfAway(m.agency.fte, 1)).toBe(targets.agencyFte);
    expect(roundHalfAway(m.caseload.caseHolders.fte, 1)).toBe(targets.caseHolderFte);
    expect(m.caseload.cases).toBe(targets.cases);
    // The published rates.
    expect(roundHalfAway(m.turnover.rateFte!, 1)).toBe(n('turnover_rate_fte'));
    expect(roundHalfAway(m.agency.rateFte!, 1)).toBe(n('agency_rate_fte'));
    expect(roundHalfAway(m.caseload.averageFte!, 1)).toBe(n('caseload_fte'));
  });
});
