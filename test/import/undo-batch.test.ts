// Files chosen together are one import in the history and are undone together (issue 13): undoing
// a batch leaves the database as if the batch had never been imported, all or nothing.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { listImports, undoImport } from '../../electron/import/index';
import { batchMembers, setImportBatch, undoBatch } from '../../electron/import/undo-batch';
import { csv, dump, rows, setup } from './helpers';
import { expectAsIfOnly, SPELL, state } from './undo-state';

const W = 'staff_id,swe_number,role,team,employment_type,fte,start_date,end_date,leaving_reason,qualified_date';
const spell = (id: string, role = 'case_holder', end = '') => `${id},,${role},T,permanent,1,2019-01-01,${end},${end ? 'other' : ''},`;

describe('undoing a batch of imports', () => {
  it('undoes every member newest first, leaving the database as if only the other imports had been made', async () => {
    const t = setup();
    const alone = csv(W, spell('A1'), spell('S1'));
    const b1 = csv(W, spell('S1', 'senior_practitioner'), spell('B1'));
    const b2 = csv(W, spell('S1', 'senior_practitioner', '2019-06-01'), spell('B1'), spell('B2'));
    await t.run(t.file('alone.csv', alone));
    for (const [name, body] of [['b1.csv', b1], ['b2.csv', b2]] as const) {
      const r = await t.run(t.file(name, body));
      setImportBatch(t.db, r.importId!, 'batch-1');
    }
    expect(batchMembers(t.db, 'batch-1').map((m) => m.fileName)).toEqual(['b1.csv', 'b2.csv']);
    expect(listImports(t.db).map((i) => i.batchId)).toEqual([null, 'batch-1', 'batch-1']);

    const r = undoBatch(t.db, 'batch-1');
    expect(r.importIds).toEqual([3, 2]);
    expect(r.message).toMatch(/^The files imported together \(b1\.csv, b2\.csv\) undone \(2 files\): \d+ rows they added removed, \d+ rows they changed restored\.$/);
    expect(listImports(t.db).map((i) => i.outcome)).toEqual(['imported', 'undone', 'undone']);

    const only = setup();
    await only.run(only.file('alone.csv', alone));
    expect(state(t.db, SPELL)).toEqual(state(only.db, SPELL));
    expect(rows(t.db, 'SELECT staff_id, role, end_date FROM spell ORDER BY staff_id')).toEqual([
      { staff_id: 'A1', role: 'case_holder', end_date: null },
      { staff_id: 'S1', role: 'case_holder', end_date: null },
    ]);
    expect(() => undoBatch(t.db, 'batch-1')).toThrow(/nothing left to undo/);
  });

  it('refuses, changing nothing, when a later import outside the batch changed rows a member loaded', async () => {
    const t = setup();
    const r = await t.run(t.file('b1.csv', csv(W, spell('S1'))));
    setImportBatch(t.db, r.importId!, 'b');
    // A DfE file in the batch whose row a later DfE import (outside it) replaced: in those tables
    // an import waits for the later one that changed its rows.
    const log = t.db.prepare(`INSERT INTO import_log (file_name, sha256, source, layout, started_at, outcome, batch_id) VALUES (?, ?, 'neighbours', 'dfe', '2024-01-01', 'imported', ?)`);
    const dfeId = Number(log.run('sn.csv', 'x', 'b').lastInsertRowid);
    const laterId = Number(log.run('sn-new.csv', 'y', null).lastInsertRowid);
    const rowId = Number(t.db.prepare(`INSERT INTO dfe_neighbour (la_code, la_name, position, neighbour_code, import_id) VALUES ('E1', 'A', 1, 'E2', ?)`).run(dfeId).lastInsertRowid);
    t.db.prepare(`INSERT INTO import_change (import_id, table_name, row_id, before_json) VALUES (?, 'dfe_neighbour', ?, '{}')`).run(laterId, rowId);
    const tables = ['spell', 'import_change', 'import_confirm', 'import_log', 'dfe_neighbour'];
    const before = dump(t.db, tables);
    expect(() => undoBatch(t.db, 'b')).toThrow(`The files imported together (b1.csv, sn.csv) cannot be undone yet: later import ${laterId} changed rows it loaded. Undo import ${laterId} first, then the files imported together (b1.csv, sn.csv).`);
    expect(dump(t.db, tables)).toEqual(before);
  });

  it('property: any imports alone or in batches, undone alone or by batch, equal importing only the remaining files, in order', async () => {
    const line = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom('case_holder', 'senior_practitioner'), fc.constantFrom('', '2019-06-01'));
    const file = fc.array(line, { minLength: 0, maxLength: 4 });
    const op = fc.oneof(
      { arbitrary: fc.record({ kind: fc.constant('import' as const), file, batch: fc.integer({ min: 0, max: 2 }) }), weight: 3 },
      { arbitrary: fc.record({ kind: fc.constant('undo' as const), pick: fc.nat() }), weight: 1 },
      { arbitrary: fc.record({ kind: fc.constant('undoBatch' as const), batch: fc.integer({ min: 1, max: 2 }) }), weight: 1 },
    );
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
        const t = setup();
        const contents = new Map<string, string>();
        let n = 0;
        for (const o of ops) {
          if (o.kind === 'import') {
            const name = `f${n++}.csv`;
            const body = csv(W, spell(`OWN-${name}`), ...o.file.map(([k, role, end]) => `S${k},,${role},T,permanent,1,2019-0${1 + (k % 2)}-01,${end},${end ? 'other' : ''},`));
            contents.set(name, body);
            const r = await t.run(t.file(name, body), { acceptValid: true });
            // Batch 0 is "imported alone".
            if (o.batch > 0) setImportBatch(t.db, r.importId!, `b${o.batch}`);
          } else if (o.kind === 'undo') {
            const active = listImports(t.db).filter((i) => i.outcome !== 'undone');
            if (active.length) undoImport(t.db, active[o.pick % active.length]!.id);
          } else if (batchMembers(t.db, `b${o.batch}`).length) {
            undoBatch(t.db, `b${o.batch}`);
          }
        }
        const remaining = listImports(t.db).filter((i) => i.outcome !== 'undone').map((i) => i.fileName);
        await expectAsIfOnly(t.db, remaining, contents, SPELL);
        runs++;
      }),
      { numRuns: 50 },
    );
    expect(runs).toBe(50);
  }, 120_000);
});
