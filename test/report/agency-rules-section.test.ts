// The agency section's compliance table: counts from the measures, no staff IDs in the paper.
import { describe, expect, it } from 'vitest';
import { buildPaperFromDb } from '../../electron/report/index';
import { seedRecords, spell } from '../support/seed';
import { tempDb } from '../support/tmp';

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
    ]);
    expect(JSON.stringify(model)).not.toMatch(/AGENCY-X|AGENCY-Y|PERM-Y|SW9/);
  });
});
