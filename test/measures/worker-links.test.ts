// The measures build their worker linker from the workforce they have already read instead of
// reading the spells again; it must link every ID exactly as the linker read from the database.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { workerLinker } from '../../electron/measures/worker-links';
import { loadWorkforce } from '../../electron/measures/load';
import { addDays } from '../../shared/dates';
import { seedRecords, spell } from '../support/seed';
import { tempDb } from '../support/tmp';

const people = fc.array(
  fc.record({ staff: fc.integer({ min: 0, max: 6 }), start: fc.integer({ min: 0, max: 3000 }), swe: fc.constantFrom(null, '', 'SW1', 'SW2', 'SW3') }),
  { maxLength: 14 },
);
const crosswalk = fc.array(
  fc.record({ cms: fc.constantFrom('', 'C1', 'C2', 'C3', 'S2'), staff: fc.constantFrom('', 'S1', 'S4', 'S9'), swe: fc.constantFrom('', 'SW1', 'SW3', 'SW9') }),
  { maxLength: 6 },
);

describe('worker linker from the workforce already read', () => {
  it('links every ID as the linker read from the database does', () => {
    fc.assert(
      fc.property(people, crosswalk, (ps, cw) => {
        const { db } = tempDb();
        const seen = new Set<string>();
        const spells = ps
          .map((p) => spell(`S${p.staff}`, addDays('2016-01-01', p.start), null, { swe_number: p.swe }))
          .filter((s) => !seen.has(`${s.staff_id}/${s.start_date}`) && seen.add(`${s.staff_id}/${s.start_date}`));
        const importId = seedRecords(db, { spells });
        const line = db.prepare(`INSERT OR IGNORE INTO worker_identifier (cms_id, staff_id, swe_number, import_id) VALUES (?, ?, ?, ?)`);
        for (const c of cw) if ([c.cms, c.staff, c.swe].filter(Boolean).length >= 2) line.run(c.cms, c.staff, c.swe, importId);
        const fromDb = workerLinker(db);
        const fromWorkforce = workerLinker(db, loadWorkforce(db));
        for (const id of ['S0', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S9', 'C1', 'C2', 'C3', 'SW1', 'SW2', 'SW3', 'SW9', 'nobody']) {
          expect(fromWorkforce.link(id), id).toEqual(fromDb.link(id));
        }
        db.close();
      }),
      { numRuns: 80 },
    );
  });
});
