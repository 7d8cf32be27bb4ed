// Imports made before this version recorded the rows an import repeats unchanged (import_confirm)
// have no such record (issue 16). Decision: the upgrade lists those that repeated rows, and
// undoing an earlier import of the same kind while one of them is in place is refused, naming
// it, rather than deleting rows it may still hold. Undone newest first, nothing is lost.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS } from '../../electron/db/migrations';
import { openDatabase } from '../../electron/db/open';
import { runImport, undoImport } from '../../electron/import/index';
import { tempDir } from '../support/tmp';
import { csv, dump } from './helpers';

const A = 'case_id,case_type,staff_id,team,start_date,end_date';
const W = 'staff_id,role,team,employment_type,fte,start_date,end_date,leaving_reason,qualified_date';
const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => `CASE-${from + k},CIN,S${(from + k) % 9},North,2019-01-01,`);
const TABLES = ['allocation', 'spell', 'import_change', 'import_confirm'];

/**
 * A council database as an older version left it: import 1 loaded 30 allocations, import 2
 * repeated 20 of them unchanged and added 10, with no record of which it repeated (as before
 * import_confirm); a staff import 3 too. Then opened by this version (the upgrade).
 */
async function olderCouncil(confirmRecorded = false) {
  const dir = tempDir();
  const dbPath = path.join(dir, 'council.sqlite');
  const before = MIGRATIONS.findIndex((m) => m.name.startsWith('import_unrecorded_repeat'));
  const old = openDatabase(dbPath, { targetVersion: before });
  const file = (name: string, text: string) => (fs.writeFileSync(path.join(dir, name), text), path.join(dir, name));
  await runImport(old, { file: file('first.csv', csv(A, ...lines(0, 30))), dbPath });
  await runImport(old, { file: file('second.csv', csv(A, ...lines(10, 40))), dbPath });
  await runImport(old, { file: file('staff.csv', csv(W, 'S1,case_holder,North,permanent,1,2015-01-01,,,')), dbPath });
  if (!confirmRecorded) old.exec(`DELETE FROM import_confirm`);
  old.close();
  return { db: openDatabase(dbPath), dbPath };
}

describe('undo of imports made before repeated rows were recorded', () => {
  it('the upgrade lists the import that repeated rows without a record, and only it', async () => {
    const { db } = await olderCouncil();
    expect(db.prepare(`SELECT import_id FROM import_unrecorded_repeat`).pluck().all()).toEqual([2]);
    expect(db.prepare(`SELECT rows_unchanged FROM import_log WHERE id = 2`).pluck().get()).toBe(20);
  });

  it('undoing the earlier import is refused, naming the later one, with nothing changed; newest first, nothing is lost', async () => {
    const { db } = await olderCouncil();
    const before = dump(db, TABLES);
    expect(() => undoImport(db, 1)).toThrow(
      'Import 1 (first.csv) cannot be undone yet: later import 2 (second.csv, 20 rows found already stored) was made before this version of Scrutiny Pack recorded which rows an import finds already stored, ' +
        'and those rows may include rows import 1 loaded: undoing it now could take them away. Undo import 2 first, then import 1, and import that file again if you still want it. Nothing was changed.',
    );
    expect(dump(db, TABLES)).toEqual(before);
    expect(db.prepare(`SELECT COUNT(*) FROM allocation`).pluck().get()).toBe(40);
    // A staff import is another table: its undo is not held up.
    undoImport(db, 3);
    undoImport(db, 2);
    expect(db.prepare(`SELECT COUNT(*) FROM allocation`).pluck().get()).toBe(30);
    undoImport(db, 1);
    expect(db.prepare(`SELECT COUNT(*) FROM allocation`).pluck().get()).toBe(0);
  });

  it('without the refusal the later import would lose its 20 repeated rows (the control)', async () => {
    const { db } = await olderCouncil();
    db.exec(`DELETE FROM import_unrecorded_repeat`);
    undoImport(db, 1);
    // 40 allocations were held by imports in place; import 2 alone still holds 30 of them.
    expect(db.prepare(`SELECT COUNT(*) FROM allocation`).pluck().get()).toBe(10);
  });

  it('imports made with the record are not listed, and their undo hands the rows on as usual', async () => {
    const { db } = await olderCouncil(true);
    expect(db.prepare(`SELECT COUNT(*) FROM import_unrecorded_repeat`).pluck().get()).toBe(0);
    undoImport(db, 1);
    expect(db.prepare(`SELECT COUNT(*) FROM allocation`).pluck().get()).toBe(30);
  });
});
