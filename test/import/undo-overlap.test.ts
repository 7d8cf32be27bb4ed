// Undo never loses rows a later import still holds (issue 16): undoing an import leaves the
// database as if it had never been imported, with every other import's data in place.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { listImports, undoImport } from '../../electron/import/index';
import { csv, rows, setup } from './helpers';
import { ALLOCATION, expectAsIfOnly, SPELL, state } from './undo-state';

const A = 'case_id,case_type,staff_id,team,start_date,end_date';

function allocationLines(from: number, to: number, endDate = ''): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) out.push(`CASE-${i},CIN,STAFF-${i % 300},Team ${i % 7},2019-${String((i % 12) + 1).padStart(2, '0')}-01,${endDate}`);
  return out;
}

const W = 'staff_id,swe_number,role,team,employment_type,fte,start_date,end_date,leaving_reason,qualified_date';

describe('undo keeps what later imports hold', () => {
  it('undoing A after B repeated 10,000 of its rows keeps B whole: as if only B had been imported', async () => {
    const t = setup();
    const a = t.file('a.csv', csv(A, ...allocationLines(0, 20_000)));
    const b = t.file('b.csv', csv(A, ...allocationLines(10_000, 30_000)));
    expect(await t.run(a)).toMatchObject({ outcome: 'imported', inserted: 20_000 });
    expect(await t.run(b)).toMatchObject({ outcome: 'imported', inserted: 10_000, unchanged: 10_000 });
    expect(rows(t.db, 'SELECT COUNT(*) AS n FROM allocation')).toEqual([{ n: 30_000 }]);

    const undone = undoImport(t.db, 1);
    expect(undone.message).toMatch(/10,000 rows it added removed/);
    expect(undone.message).toMatch(/10,000 rows import 2 also holds kept/);
    expect(rows(t.db, 'SELECT COUNT(*) AS n FROM allocation')).toEqual([{ n: 20_000 }]);

    const only = setup();
    await only.run(only.file('b.csv', csv(A, ...allocationLines(10_000, 30_000))));
    expect(state(t.db, ALLOCATION)).toEqual(state(only.db, ALLOCATION));
    // B is still imported (so the same file again is a no-op), and can itself be undone to empty.
    expect(await t.run(b)).toMatchObject({ outcome: 'already_imported' });
    undoImport(t.db, 2);
    expect(rows(t.db, 'SELECT COUNT(*) AS n FROM allocation')).toEqual([{ n: 0 }]);
    expect(t.db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 60_000);

  it('undoing an import whose change a later import repeated keeps the later values', async () => {
    const t = setup();
    await t.run(t.file('1.csv', csv(A, 'C1,CIN,S1,T,2019-01-01,')));
    await t.run(t.file('2.csv', csv(A, 'C1,CIN,S1,T,2019-01-01,2019-05-01')));
    await t.run(t.file('3.csv', csv(A, 'C1,CIN,S1,T,2019-01-01,2019-05-01', 'C2,CP,S1,T,2019-02-01,')));
    // Undoing 2 (which closed C1) keeps C1 closed, because 3 says so too.
    undoImport(t.db, 2);
    expect(rows(t.db, 'SELECT case_type, end_date, import_id FROM allocation ORDER BY start_date')).toEqual([
      { case_type: 'CIN', end_date: '2019-05-01', import_id: 1 },
      { case_type: 'CP', end_date: null, import_id: 3 },
    ]);
    // ...and 3 now holds the change: undoing it reopens C1.
    undoImport(t.db, 3);
    expect(rows(t.db, 'SELECT end_date FROM allocation')).toEqual([{ end_date: null }]);
    expect(listImports(t.db).map((i) => i.outcome)).toEqual(['imported', 'undone', 'undone']);
  });

  it('property: any imports of overlapping files and undos of any of them equal importing only the remaining files, in order', async () => {
    // A small pool of keys and values, so files overlap, repeat, change and restore each other's rows.
    // Staff files (not allocations) because their keys are stored as written, so two databases compare directly.
    const line = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom('case_holder', 'senior_practitioner'), fc.constant('T'), fc.constantFrom('', '2019-06-01'));
    const file = fc.array(line, { minLength: 0, maxLength: 5 });
    const op = fc.oneof(
      { arbitrary: fc.record({ kind: fc.constant('import' as const), file }), weight: 2 },
      { arbitrary: fc.record({ kind: fc.constant('undo' as const), pick: fc.nat() }), weight: 1 },
    );
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
        const t = setup();
        const contents = new Map<string, string>();
        const active: string[] = [];
        let n = 0;
        for (const o of ops) {
          if (o.kind === 'import') {
            const name = `f${n++}.csv`;
            // Each file also has a row of its own, so no two files are the same file.
            const body = csv(W, `OWN-${name},,case_holder,T,permanent,1,2019-01-01,,,`, ...o.file.map(([k, role, team, end]) => `S${k},,${role},${team},permanent,1,2019-0${1 + (k % 2)}-01,${end},${end ? 'other' : ''},`));
            contents.set(name, body);
            const r = await t.run(t.file(name, body), { acceptValid: true });
            expect(['imported', 'partial', 'no_change']).toContain(r.outcome);
            active.push(name);
          } else if (active.length > 0) {
            const name = active.splice(o.pick % active.length, 1)[0]!;
            const id = rows<{ id: number }>(t.db, `SELECT id FROM import_log WHERE file_name = ?`, name)[0]!.id;
            undoImport(t.db, id);
          }
        }
        await expectAsIfOnly(t.db, active, contents, SPELL);
        runs++;
      }),
      { numRuns: 60 },
    );
    expect(runs).toBe(60);
  }, 120_000);
});
