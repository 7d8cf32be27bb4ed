import { describe, expect, it } from 'vitest';
import { rejectedRows } from '../../electron/import/index';
import { csv, dump, rows, setup } from './helpers';

const W = 'staff_id,swe_number,role,team,employment_type,fte,start_date,end_date,leaving_reason,qualified_date';
const ok = 'S1,,case_holder,North,permanent,1,2019-01-01,,,';

/** Imports a workers file made of a good row and the given rows; returns the problems. */
async function problemsOf(...bad: string[]) {
  const t = setup();
  const r = await t.run(t.file('w.csv', csv(W, ok, ...bad)), { extractDate: '2024-03-31' });
  expect(r.outcome).toBe('failed');
  expect(rows(t.db, 'SELECT * FROM spell')).toEqual([]);
  return r.problems;
}

describe('row validation (every rule names row, column, value and reason)', () => {
  it('required fields', async () => {
    expect(await problemsOf(',,case_holder,North,permanent,1,2019-01-01,,,')).toEqual([
      { row: 3, column: 'staff_id', value: '', reason: 'is blank, but every row needs a Staff ID' },
    ]);
    expect(await problemsOf('S2,,case_holder,North,permanent,1,,,,')).toEqual([
      { row: 3, column: 'start_date', value: '', reason: 'is blank, but every row needs a Start date' },
    ]);
  });

  it('codes', async () => {
    expect(await problemsOf('S2,,wizard,North,permanent,1,2019-01-01,,,', 'S3,,case_holder,North,sabbatical,1,2019-01-01,,,', 'S4,,case_holder,North,permanent,1,2019-01-01,2019-02-01,bored,')).toEqual([
      { row: 3, column: 'role', value: 'wizard', reason: expect.stringMatching(/^is not a recognised Role; use one of: senior_manager, .*support_worker/) },
      { row: 4, column: 'employment_type', value: 'sabbatical', reason: 'is not a recognised Employment type; use one of: permanent, fixed_term, agency; or, as no rule places it, choose what it is in the import\'s value step (or a mapping\'s "values" for employment_type)' },
      { row: 5, column: 'leaving_reason', value: 'bored', reason: expect.stringMatching(/^is not a recognised Reason for leaving/) },
    ]);
  });

  it('an agency file: a row that says permanent or fixed-term is an error, blank is recorded as agency', async () => {
    const t = setup();
    const r = await t.run(
      t.file('agency.csv', csv(W, 'A1,,case_holder,N,,1,2019-01-01,,,', 'A2,,case_holder,N,permanent,1,2019-01-01,,,', 'A3,,case_holder,N,Fixed term,1,2019-01-01,,,', 'A4,,case_holder,N,agency,1,2019-01-01,,,')),
      { source: 'agency', acceptValid: true },
    );
    expect(r.problems).toEqual([
      { row: 3, column: 'employment_type', value: 'permanent', reason: expect.stringMatching(/says permanent, but this file was imported as agency/) },
      { row: 4, column: 'employment_type', value: 'Fixed term', reason: expect.stringMatching(/says fixed term, but this file was imported as agency/) },
    ]);
    expect(rows(t.db, 'SELECT staff_id, employment_type FROM spell ORDER BY staff_id')).toEqual([
      { staff_id: 'A1', employment_type: 'agency' },
      { staff_id: 'A4', employment_type: 'agency' },
    ]);
  });

  it('FTE range: more than 0, at most 1', async () => {
    const p = await problemsOf('S2,,case_holder,N,permanent,0,2019-01-01,,,', 'S3,,case_holder,N,permanent,1.01,2019-01-01,,,', 'S4,,case_holder,N,permanent,full,2019-01-01,,,');
    expect(p.map((x) => [x.row, x.value, x.reason])).toEqual([
      [3, '0', 'is outside the FTE range: more than 0 and at most 1 (a full-time post is 1)'],
      [4, '1.01', 'is outside the FTE range: more than 0 and at most 1 (a full-time post is 1)'],
      [5, 'full', 'is not a number'],
    ]);
  });

  it('end before start', async () => {
    expect(await problemsOf('S2,,case_holder,N,permanent,1,2019-01-01,2018-12-31,,')).toEqual([
      { row: 3, column: 'end_date', value: '2018-12-31', reason: 'is before the start date (2019-01-01): a spell cannot end before it starts' },
    ]);
  });

  it('dates after the extract date', async () => {
    expect(await problemsOf('S2,,case_holder,N,permanent,1,2024-04-01,,,', 'S3,,case_holder,N,permanent,1,2024-03-31,,,')).toEqual([
      { row: 3, column: 'start_date', value: '2024-04-01', reason: 'is after the extract date (2024-03-31); an export cannot record what has not happened yet' },
    ]);
  });

  it('a fixed-term spell may end after the extract date (its contractual end); other spells may not', async () => {
    const t = setup();
    const r = await t.run(
      t.file('w.csv', csv(W, 'F1,,case_holder,N,fixed_term,1,2023-04-01,2024-09-30,,', 'P1,,case_holder,N,permanent,1,2023-04-01,2024-09-30,,', 'F2,,case_holder,N,fixed_term,1,2024-05-01,2025-04-30,,')),
      { extractDate: '2024-03-31', acceptValid: true },
    );
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([[3, 'end_date'], [4, 'start_date']]);
    expect(rows(t.db, 'SELECT staff_id, end_date FROM spell')).toEqual([{ staff_id: 'F1', end_date: '2024-09-30' }]);
  });

  it('the extract date defaults to the import day', async () => {
    const t = setup();
    const r = await t.run(t.file('w.csv', csv(W, 'S1,,case_holder,N,permanent,1,2030-01-02,,,')), { now: new Date(2030, 0, 1, 12) });
    expect(r.extractDate).toBe('2030-01-01');
    expect(r.problems[0]).toMatchObject({ column: 'start_date', reason: expect.stringMatching(/after the extract date \(2030-01-01\)/) });
  });

  it('the import log records the extract date only when one was given (NULL, not the import day)', async () => {
    const t = setup();
    const now = new Date(2030, 0, 1, 12);
    await t.run(t.file('a.csv', csv(W, 'S1,,case_holder,N,permanent,1,2019-01-02,,,')), { now });
    await t.run(t.file('b.csv', csv(W, 'S2,,case_holder,N,permanent,1,2019-01-02,,,')), { now, extractDate: '2024-03-31' });
    await t.run(t.file('c.csv', csv(W, 'S3,,case_holder,N,permanent,7,2019-01-02,,,')), { now });
    expect(rows(t.db, 'SELECT file_name, outcome, extract_date FROM import_log ORDER BY id')).toEqual([
      { file_name: 'a.csv', outcome: 'imported', extract_date: null },
      { file_name: 'b.csv', outcome: 'imported', extract_date: '2024-03-31' },
      { file_name: 'c.csv', outcome: 'failed', extract_date: null },
    ]);
  });

  it('team names: line breaks and runs of spaces inside a cell become one space, in every source', async () => {
    const t = setup();
    const team = '"Children\u2019s Disability\n  Team"';
    await t.run(t.file('w.csv', csv(W, `S1,,case_holder,${team},permanent,1,2019-01-01,,,`)));
    await t.run(t.file('a.csv', csv('case_id,case_type,staff_id,team,start_date,end_date', `C1,CIN,S1,${team},2019-01-01,`)));
    await t.run(t.file('e.csv', csv('team,role,funded_fte,start_date,end_date', `${team},case_holder,3,2019-01-01,`)));
    const expected = [{ team: 'Children\u2019s Disability Team' }];
    expect(rows(t.db, 'SELECT team FROM spell')).toEqual(expected);
    expect(rows(t.db, 'SELECT team FROM allocation')).toEqual(expected);
    expect(rows(t.db, 'SELECT team FROM establishment')).toEqual(expected);
  });

  it('duplicate natural keys within the file', async () => {
    expect(await problemsOf('S1,,senior_practitioner,South,permanent,1,2019-01-01,,,')).toEqual([
      { row: 3, column: null, value: null, reason: 'repeats the staff ID and start date of row 2 of this file' },
    ]);
  });

  it('a duplicate of a row already in the database names the earlier row of this file too', async () => {
    const t = setup();
    await t.run(t.file('w1.csv', csv(W, ok)));
    const r = await t.run(t.file('w2.csv', csv(W, 'S9,,case_holder,North,permanent,1,2019-01-01,,,', 'S1,,case_holder,North,permanent,0.5,2019-01-01,,,', 'S8,,case_holder,North,permanent,1,2019-01-01,,,', 'S1,,case_holder,North,permanent,1,2019-01-01,,,', 'S8,,case_holder,North,permanent,1,2019-01-01,,,')));
    expect(r.problems.map((p) => [p.row, p.reason])).toEqual([
      [5, 'repeats the staff ID and start date of row 3 of this file'],
      [6, 'repeats the staff ID and start date of row 4 of this file'],
    ]);
  });

  it('allocations, ASYE and establishment rules', async () => {
    const t = setup();
    const a = await t.run(t.file('a.csv', csv('case_id,case_type,staff_id,team,start_date,end_date', 'C1,CIN,S1,T,2019-01-01,', ',CIN,S1,T,2019-01-01,', 'C2,XYZ,S1,T,2019-01-01,', 'C3,CP,S1,T,2019-01-01,2018-01-01', 'C1,CIN,S1,T,2019-01-01,2019-02-01')));
    expect(a.problems.map((p) => [p.row, p.column, p.reason.slice(0, 40)])).toEqual([
      [3, 'case_id', 'is blank, but every row needs a Case ID'],
      [4, 'case_type', 'is not a recognised Case type; use one o'],
      [5, 'end_date', 'is before the allocation start (2019-01-'],
      [6, null, 'repeats the case ID, staff ID and start '],
    ]);
    const s = await t.run(t.file('s.csv', csv('staff_id,cohort,start_date,planned_end_date,outcome,outcome_date', 'S1,,2019-09-01,2019-08-01,passed,2019-08-01', 'S2,,2019-09-01,,top,')));
    expect(s.problems.map((p) => [p.row, p.column])).toEqual([[2, 'planned_end_date'], [2, 'outcome_date'], [3, 'outcome']]);
    const e = await t.run(t.file('e.csv', csv('team,role,funded_fte,start_date,end_date', 'North,case_holder,-1,2019-01-01,', ',case_holder,3,2019-01-01,')));
    expect(e.problems.map((p) => [p.row, p.column, p.reason])).toEqual([
      [2, 'funded_fte', 'cannot be negative'],
      [3, 'team', 'is blank, but every row needs a Team'],
    ]);
    expect(rows(t.db, 'SELECT COUNT(*) AS n FROM allocation')).toEqual([{ n: 0 }]);
  });
});

describe('strict by default, --accept-valid on request', () => {
  const file = csv(W, ok, 'S2,,case_holder,N,permanent,7,2019-01-01,,,', 'S3,,case_holder,N,permanent,0.5,2019-01-01,,,');

  it('strict: nothing stored; the failed attempt is logged with its problems', async () => {
    const t = setup();
    const before = dump(t.db);
    const r = await t.run(t.file('w.csv', file));
    expect(r).toMatchObject({ outcome: 'failed', rowsRead: 3, rejected: 1, inserted: 0, updated: 0, unchanged: 0 });
    expect(r.message).toMatch(/^Nothing was imported: 1 row of 3 in w.csv has problems/);
    expect(dump(t.db)).toEqual(before);
    const log = rows(t.db, 'SELECT outcome, rows_read, rows_rejected FROM import_log');
    expect(log).toEqual([{ outcome: 'failed', rows_read: 3, rows_rejected: 1 }]);
    expect(rejectedRows(t.db, r.importId!)).toEqual([{ row: 3, column: 'fte', value: '7', reason: expect.any(String) }]);
  });

  it('accept-valid: the valid rows stored, the rejected ones logged with reasons', async () => {
    const t = setup();
    const r = await t.run(t.file('w.csv', file), { acceptValid: true });
    expect(r).toMatchObject({ outcome: 'partial', rowsRead: 3, inserted: 2, rejected: 1 });
    expect(rows(t.db, 'SELECT staff_id FROM spell ORDER BY staff_id')).toEqual([{ staff_id: 'S1' }, { staff_id: 'S3' }]);
    const log = rows<{ outcome: string; rejected_json: string }>(t.db, 'SELECT outcome, rejected_json FROM import_log');
    expect(log[0]!.outcome).toBe('partial');
    expect(JSON.parse(log[0]!.rejected_json)).toEqual([{ row: 3, column: 'fte', value: '7', reason: 'is outside the FTE range: more than 0 and at most 1 (a full-time post is 1)' }]);
  });

  it('dry run: the real import, rolled back, with the outcome the real import would have', async () => {
    const t = setup();
    const before = dump(t.db, ['spell', 'import_log', 'import_change']);
    const f = t.file('w.csv', file);
    // Strict (the default): the real import would fail, so the check fails, with the same counts.
    const strict = await t.run(f, { dryRun: true });
    const real = await t.run(f, {});
    expect(real.outcome).toBe('failed');
    expect(strict).toMatchObject({ outcome: 'failed', importId: null, rowsRead: 3, inserted: 0, rejected: 1, backupFile: null });
    expect(strict.problems).toEqual(real.problems);
    expect(strict.message).toMatch(/^Check only, nothing written: importing w.csv would fail, because 1 row of 3 has problems/);
    // With --accept-valid the import would keep the two valid rows.
    const valid = await t.run(f, { dryRun: true, acceptValid: true });
    expect(valid).toMatchObject({ outcome: 'checked', importId: null, inserted: 2, rejected: 1, backupFile: null });
    expect(dump(t.db, ['spell', 'import_change'])).toEqual({ spell: before.spell, import_change: before.import_change });
  });

  it('dry run: rows left out on purpose are not valid rows to keep, so a check fails as the import does', async () => {
    const t = setup();
    // One row with a problem; the other two not counted (business support, a zero-hours contract).
    const f = t.file('w.csv', csv(W, 'S1,,case_holder,North,permanent,7,2019-01-01,,,', 'S2,,Business Support Officer,North,permanent,1,2019-01-01,,,', 'S3,,case_holder,North,Zero hours,1,2019-01-01,,,'));
    const check = await t.run(f, { dryRun: true, acceptValid: true });
    const real = await t.run(f, { acceptValid: true });
    expect(real).toMatchObject({ outcome: 'failed', rowsRead: 3, rejected: 1 });
    expect(check).toMatchObject({ outcome: 'failed', importId: null, rowsRead: 3, rejected: 1 });
    expect(check.skipped?.map((s) => s.detail)).toEqual(['Zero hours', 'Business Support Officer']);
    expect(check.message).toMatch(/would fail, because 1 row of 3 has problems\. Correct them and check the file again\./);
  });
});

describe('progress and cancel (what the app uses)', () => {
  it('reports progress in rows and bytes, and a cancelled import writes nothing', async () => {
    const t = setup();
    const lines = [W];
    for (let i = 0; i < 30_000; i++) lines.push(`S${i},,case_holder,North,permanent,1,2019-01-01,,,`);
    const f = t.file('big.csv', csv(...lines));
    const seen: Array<{ rowsRead: number; bytesRead: number; bytesTotal: number }> = [];
    const controller = new AbortController();
    const before = dump(t.db, ['spell', 'import_log', 'import_change']);
    const r = await t.run(f, {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p);
        if (p.rowsRead > 5000) controller.abort();
      },
    });
    expect(r).toMatchObject({ outcome: 'cancelled', importId: null });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]!.bytesTotal).toBeGreaterThan(30_000 * 40);
    expect(seen.at(-1)!.bytesRead).toBeLessThan(seen[0]!.bytesTotal);
    expect(dump(t.db, ['spell', 'import_log', 'import_change'])).toEqual(before);

    const done: number[] = [];
    const full = await t.run(f, { onProgress: (p) => done.push(p.bytesRead) });
    expect(full).toMatchObject({ outcome: 'imported', inserted: 30_000 });
    expect(done.at(-1)).toBe(seen[0]!.bytesTotal);
  });
});

describe('one import at a time per connection', () => {
  it('refuses a second import or an undo while one is running', async () => {
    const t = setup();
    const lines = [W];
    for (let i = 0; i < 20_000; i++) lines.push(`S${i},,case_holder,North,permanent,1,2019-01-01,,,`);
    const first = t.run(t.file('big.csv', csv(...lines)));
    await expect(t.run(t.file('small.csv', csv(W, ok)))).rejects.toMatchObject({ code: 'busy' });
    const { undoImport } = await import('../../electron/import/index');
    expect(() => undoImport(t.db, 1)).toThrow(/An import is still running; undo import 1 when it has finished/);
    expect(await first).toMatchObject({ outcome: 'imported', inserted: 20_000 });
    expect(await t.run(t.file('small.csv', csv(W, ok)))).toMatchObject({ outcome: 'no_change' });
  });
});

describe('cancel before the first row', () => {
  it('an already-aborted signal gives a cancelled result and writes nothing', async () => {
    const t = setup();
    const controller = new AbortController();
    controller.abort();
    const r = await t.run(t.file('w.csv', csv(W, ok)), { signal: controller.signal });
    expect(r).toMatchObject({ outcome: 'cancelled', importId: null, rowsRead: 0 });
    expect(rows(t.db, 'SELECT * FROM import_log')).toEqual([]);
  });
});
