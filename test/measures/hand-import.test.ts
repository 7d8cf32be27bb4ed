// End to end: the hand-made council imported through the importer (pseudonymised case IDs,
// the importer's own defaults) gives exactly the figures of the direct inserts that
// hand.test.ts checks by hand.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../electron/import';
import { computeMetrics } from '../../electron/measures/index';
import { tempDb } from '../support/tmp';
import { seedRecords } from '../support/seed';
import { HAND_DIR, handRecords } from './hand-fixture';

describe('the hand-made council through the importer', () => {
  it('gives the same Metrics as the direct inserts, series and year-ago included', async () => {
    const imported = tempDb();
    for (const f of ['workers.csv', 'allocations.csv', 'asye.csv', 'establishment.csv']) {
      // Two rows end after 30/09/2018 (C5 on 31/12/2018, H's contract on 31/10/2018).
      await runImport(imported.db, { file: path.join(HAND_DIR, f), dbPath: imported.file, extractDate: '2019-01-31' });
    }
    const seeded = tempDb();
    seedRecords(seeded.db, handRecords());
    const a = computeMetrics(imported.db, '2018-09-30', { months: 13 });
    const b = computeMetrics(seeded.db, '2018-09-30', { months: 13 });
    expect(a).toEqual(b);
    expect(a.caseload.cases).toBe(58); // worked out in hand.test.ts
  });
});
