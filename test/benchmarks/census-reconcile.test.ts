// A census return alone gives a council its DfE row, and `benchmark --reconcile` sets it beside
// the published one. The return is built here, worker by worker to the CSWW schema, to have
// Nottingham's published 2025 figures (fixtures/dfe: 230.9 FTE / 247 in post, 48.8 FTE / 51
// starters, 28.8 FTE / 31 leavers, 26.8 FTE / 27 agency, 28.8 FTE vacancies, 1,948 cases held by
// 132.8 case-holder FTE).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDfeFile } from '../../electron/benchmarks/import-dfe';
import { reconcileCouncil } from '../../electron/benchmarks/reconcile';
import { DFE_DIR } from '../support/tmp';
import { setup } from '../import/helpers';

const ITEMS = ['AgencyWorker', 'SWENo', 'FTE', 'PersonBirthDate', 'GenderCurrent', 'Ethnicity', 'QualInst', 'QualLevel', 'StepUpGrad', 'OrgRole', 'RoleStartDate', 'StartOrigin', 'RoleEndDate', 'LeaverDestination', 'ReasonLeave', 'FTE30', 'Cases30', 'WorkingDaysLost', 'ContractWeeks', 'FrontlineGrad', 'Absat30Sept', 'ReasonAbsence', 'CFKSSstatus'];

function worker(items: Record<string, string>): string {
  return `<CSWWWorker>${ITEMS.filter((k) => items[k] !== undefined).map((k) => `<${k}>${items[k]}</${k}>`).join('')}</CSWWWorker>`;
}

function nottingham2025(): string {
  const workers: string[] = [];
  let n = 0;
  const swe = () => `SW${String(++n).padStart(10, '0')}`;
  const base = { PersonBirthDate: '1985-01-01', GenderCurrent: '2', Ethnicity: 'WBRI', QualInst: 'University of Nottingham', QualLevel: '1', StepUpGrad: '0', OrgRole: '5' };
  // 247 in post: 86 full-time and 161 at 0.9 (86 + 144.9 = 230.9 FTE). Of them, 51 started in the
  // year: 29 full-time and 22 at 0.9 (48.8 FTE). Case holders: 50 full-time and 92 at 0.9 (132.8
  // FTE), 142 people holding 13 cases each and one more for the first 102 (1,948 cases).
  let holders = 0;
  for (let i = 0; i < 247; i++) {
    const full = i < 86;
    const fte = full ? '1.000000' : '0.900000';
    const starter = full ? i < 29 : i - 86 < 22;
    const holds = full ? i < 50 : i - 86 < 92;
    const cases = holds ? String(13 + (holders++ < 102 ? 1 : 0)) : '0';
    workers.push(worker({ AgencyWorker: '0', SWENo: swe(), FTE: fte, ...base, RoleStartDate: starter ? '2025-01-06' : '2012-04-02', StartOrigin: starter ? '2' : '9', FTE30: fte, Cases30: cases }));
  }
  // 31 leavers: 20 full-time returned with FTE 0 (nothing at 30 September) and FTE30 1, 11 at 0.8.
  for (let i = 0; i < 31; i++) {
    const zero = i < 20;
    workers.push(worker({ AgencyWorker: '0', SWENo: swe(), FTE: zero ? '0.000000' : '0.800000', ...base, RoleStartDate: '2015-09-01', StartOrigin: '9', RoleEndDate: '2025-03-31', LeaverDestination: '1', ReasonLeave: '1', ...(zero ? { FTE30: '1.000000' } : {}) }));
  }
  // 27 agency workers (26 full-time, one at 0.8: 26.8 FTE), no RoleStartDate, holding no cases.
  for (let i = 0; i < 27; i++) workers.push(worker({ AgencyWorker: '1', SWENo: swe(), FTE: i < 26 ? '1.000000' : '0.800000', QualInst: 'Agency', Cases30: '0' }));
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<Message><Header><CollectionDetails><Collection>CSWW</Collection><Year>2025</Year><ReferenceDate>2025-09-30</ReferenceDate></CollectionDetails>' +
    '<Source><SourceLevel>L</SourceLevel><LEA>892</LEA></Source></Header>' +
    '<LALevelVacancies><NumberOfVacancies>28.80</NumberOfVacancies><NoAgencyFTE>16.80</NoAgencyFTE><NoAgencyHeadcount>17</NoAgencyHeadcount></LALevelVacancies>\n' +
    workers.join('\n') +
    '\n</Message>\n'
  );
}

describe('a census return alone, reconciled against the published DfE row', () => {
  it("gives Nottingham's 2025 row line by line, with nothing flagged, and says the earlier years have no caseloads", async () => {
    const t = setup();
    await importDfeFile(t.db, { file: path.join(DFE_DIR, 'csww_indicators_2017_to_2025.csv'), source: 'benchmark' });
    const r = await t.run(t.file('nottingham_csww_2025.xml', nottingham2025()));
    expect(r).toMatchObject({ outcome: 'imported', inserted: 305, rejected: 0 });
    const rec = reconcileCouncil(t.db, { la: '892' });
    expect(rec.years.map((y) => y.year)).toEqual([2025]);
    const lines = Object.fromEntries(rec.years[0]!.lines.map((l) => [l.measure, l]));
    const expected: Record<string, number> = {
      inPostFte: 230.9, inPostHeadcount: 247, startersFte: 48.8, leaversFte: 28.8, turnover: 12.5, agencyFte: 26.8,
      agencyRate: 10.4, vacancyRate: 11.1, cases: 1948, caseHoldersFte: 132.8, caseload: 14.7,
    };
    for (const [key, published] of Object.entries(expected)) {
      expect(lines[key], key).toMatchObject({ published: { value: published, symbol: null }, flagged: false });
      expect(Math.abs(lines[key]!.difference!), key).toBeLessThan(0.06);
    }
    expect(rec.skipped.find((s) => s.year === 2024)?.reason).toBe('no case allocations have been imported, so caseloads cannot be compared');
  });
});
