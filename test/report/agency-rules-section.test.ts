// The agency section's compliance table: counts from the measures, no staff IDs in the paper.
import { describe, expect, it } from 'vitest';
import { buildPaperFromDb } from '../../electron/report/index';
import { seedRecords, spell } from '../support/seed';
import { tempDb } from '../support/tmp';
import { csv, setup } from '../import/helpers';

describe('paper: the agency rules table', () => {
  it('counts assignments under three years qualified and returns within three months, naming nobody', () => {
    const { db } = tempDb();
    seedRecords(db, {
      spells: [
        spell('AGENCY-X', '2025-01-06', null, { employment_type: 'agency', qualified_date: '2023-06-01' }),
        spell('AGENCY-Y', '2025-02-01', null, { employment_type: 'agency', qualified_date: '2010-06-01', swe_number: 'SW9' }),
        spell('PERM-Y', '2015-01-01', '2025-01-10', { swe_number: 'SW9', qualified_date: '2010-06-01' }),
        spell('PERM-Z', '2015-01-01', null),
      ],
    });
    const model = buildPaperFromDb(db, { asAt: '2025-09-30', config: {} });
    const agency = model.sections.find((s) => s.id === 'agency')!;
    const table = agency.blocks.find((b) => b.type === 'table' && b.table.id === 'agency-rules');
    expect(table && table.type === 'table' ? table.table.rows.map((r) => r.slice(1)) : null).toEqual([
      ['2', '1'],
      ['2', '1'],
      // No cap table imported: said so, not shown as 0.
      ['not checked: no cap table imported', 'not known'],
      ['not measurable from the data held', 'not known'],
    ]);
    expect(JSON.stringify(model)).not.toMatch(/AGENCY-X|AGENCY-Y|PERM-Y|SW9/);
  });

  it('with a cap table imported, counts the assignments checked and over the cap, says why others were not checked, and names nobody', async () => {
    const t = setup();
    await t.run(t.file('caps.csv', csv('region,role,max_hourly_rate,effective_from', 'London,Social worker,45,2025-04-01')), { extractDate: '2025-09-30' });
    await t.run(
      t.file('agency.csv', csv(
        'staff_id,role,fte,start_date,qualified_date,charge_rate,region,assignment_ref',
        // Over: £52 against £45.
        'AG-OVER,case_holder,1,2025-05-01,2010-01-01,52,London,REF-SECRET-1',
        // Within: £44.
        'AG-OK,case_holder,1,2025-05-01,2010-01-01,44,London,REF-SECRET-2',
        // No rate recorded.
        'AG-NORATE,case_holder,1,2025-05-01,2010-01-01,,London,',
      )),
      { source: 'agency', extractDate: '2025-09-30' },
    );
    const model = buildPaperFromDb(t.db, { asAt: '2025-09-30', config: {} });
    const agency = model.sections.find((s) => s.id === 'agency')!;
    const table = agency.blocks.find((b) => b.type === 'table' && b.table.id === 'agency-rules');
    if (!table || table.type !== 'table') throw new Error('no agency rules table');
    expect(table.table.rows[2]).toEqual(['Hourly charge rate within the regional price cap for the role (caps as imported, the first from 1 April 2025)', '2', '1']);
    expect(table.table.footnotes).toContain('Charge rates not checked: 1 with no charge rate recorded.');
    expect(JSON.stringify(model)).not.toMatch(/AG-OVER|AG-OK|AG-NORATE|REF-SECRET/);
  });
});
