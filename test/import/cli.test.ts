import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { main } from '../../electron/cli/main';
import { tempDir } from '../support/tmp';
import { csv, writeFile } from './helpers';

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), isTty: false, env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const TEMPLATES = path.resolve(__dirname, '../../fixtures/templates');

describe('import, imports and undo on the command line', () => {
  it('exit codes: 0 imported, 1 data errors, 2 usage errors', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.sqlite');
    const ok = await cli('import', '--db', db, path.join(TEMPLATES, 'workers.csv'));
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^Imported workers.csv \(import 1\): 1 new row, 0 updated, 0 unchanged\./);

    const bad = writeFile(dir, 'bad.csv', csv('case_id,case_type,staff_id,team,start_date,end_date', 'C1,CIN,S1,T,2019-01-01,', 'C2,XX,S1,T,2019-02-30,'));
    const failed = await cli('import', '--db', db, '--source', 'allocations', bad);
    expect(failed.code).toBe(1);
    expect(failed.out).toContain('row 3, column "case_type" value "XX": is not a recognised Case type');
    expect(failed.out).toContain('row 3, column "start_date" value "2019-02-30": is not a real calendar date');

    const partial = await cli('import', '--db', db, '--accept-valid', '--json', bad);
    expect(partial.code).toBe(0);
    const json = JSON.parse(partial.out) as { ok: boolean; results: Array<{ outcome: string; inserted: number; rejected: number }> };
    expect(json.results[0]).toMatchObject({ outcome: 'partial', inserted: 1, rejected: 1 });

    expect((await cli('import', '--db', db, '--source', 'wizards', bad)).code).toBe(2);
    expect((await cli('import', '--db', db)).code).toBe(2);
    expect((await cli('import', '--db', db, path.join(dir, 'missing.csv'))).code).toBe(2);
    const wrong = await cli('import', '--db', db, '--source', 'asye', path.join(TEMPLATES, 'allocations.csv'));
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/looks like an allocations file/);

    const child = writeFile(dir, 'kids.csv', csv('case_id,case_type,staff_id,team,start_date,end_date,forename', 'C1,CIN,S1,T,2019-01-01,,Amy'));
    expect((await cli('import', '--db', db, child)).code).toBe(1);

    const list = await cli('imports', '--db', db, '--json');
    expect((JSON.parse(list.out) as Array<{ id: number; outcome: string }>).map((i) => [i.id, i.outcome])).toEqual([[1, 'imported'], [2, 'failed'], [3, 'partial']]);
    expect((await cli('imports', '--db', db)).out).toMatch(/^id\s+when\s+file/);

    expect((await cli('undo', '--db', db, '3')).code).toBe(0);
    expect((await cli('undo', '--db', db, '3')).code).toBe(1);
    expect((await cli('undo', '--db', db, 'three')).code).toBe(2);
  });

  it('a refused import reports nothing written, in --json and in words', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.sqlite');
    const A = 'case_id,case_type,staff_id,team,start_date,end_date';
    const bad = writeFile(dir, 'bad.csv', csv(A, 'C1,CIN,S1,T,2019-01-01,', 'C2,CIN,S1,T,2019-01-02,', 'C3,CIN,S1,T,2019-01-03,', 'C4,XX,S1,T,2019-01-04,'));
    const r = await cli('import', '--db', db, '--json', bad);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { results: Array<Record<string, unknown>> };
    expect(json.results[0]).toMatchObject({ outcome: 'failed', inserted: 0, updated: 0, unchanged: 0, rejected: 1, rowsRead: 4 });
    const log = JSON.parse((await cli('imports', '--db', db, '--json')).out) as Array<Record<string, unknown>>;
    expect(log[0]).toMatchObject({ outcome: 'failed', inserted: 0 });
    const words = await cli('import', '--db', db, bad);
    expect(words.out).toMatch(/^Nothing was imported/);
    expect(words.out).not.toMatch(/Imported/);
  });

  it('--accept-valid with every row invalid is a data error that imports nothing', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.sqlite');
    const A = 'case_id,case_type,staff_id,team,start_date,end_date';
    const bad = writeFile(dir, 'allbad.csv', csv(A, 'C1,XX,S1,T,2019-01-01,', 'C2,CIN,S1,T,2019-02-30,'));
    const r = await cli('import', '--db', db, '--accept-valid', bad);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^Nothing was imported: none of the 2 rows in allbad.csv is valid/);
    expect(r.out).not.toMatch(/^Imported/);
    const json = JSON.parse((await cli('import', '--db', db, '--accept-valid', '--json', bad)).out) as { ok: boolean; results: Array<Record<string, unknown>> };
    expect(json.ok).toBe(false);
    expect(json.results[0]).toMatchObject({ outcome: 'failed', inserted: 0, rejected: 2 });
    const log = JSON.parse((await cli('imports', '--db', db, '--json')).out) as Array<Record<string, unknown>>;
    expect(log.map((l) => l.outcome)).toEqual(['failed', 'failed']);
  });

  it('--mapping naming no file and no saved mapping says exactly that', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.sqlite');
    const r = await cli('import', '--db', db, '--mapping', 'nosuch', path.join(TEMPLATES, 'workers.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${path.join(TEMPLATES, 'workers.csv')}: There is no mapping file or saved mapping called "nosuch".`);
  });

  it('--dry-run writes nothing and says what would happen', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.sqlite');
    const r = await cli('import', '--db', db, '--dry-run', path.join(TEMPLATES, 'allocations.csv'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Check only, nothing written: importing allocations.csv would give 1 new row/);
    expect((await cli('imports', '--db', db)).out).toBe('No imports yet.');
  });

  it('--dry-run of a file with invalid rows fails and exits 1, as the strict import does', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.sqlite');
    const bad = writeFile(dir, 'bad.csv', csv('case_id,case_type,staff_id,team,start_date,end_date', 'C1,CIN,S1,T,2019-01-01,', 'C2,XX,S1,T,2019-02-01,'));
    const check = await cli('import', '--db', db, '--dry-run', '--json', '--source', 'allocations', bad);
    const real = await cli('import', '--db', db, '--json', '--source', 'allocations', bad);
    expect(real.code).toBe(1);
    expect(check.code).toBe(1);
    const outcome = (r: { out: string }) => (JSON.parse(r.out) as { ok: boolean; results: Array<{ outcome: string; rejected: number }> });
    expect(outcome(check)).toMatchObject({ ok: false, results: [{ outcome: 'failed', rejected: 1 }] });
    expect(outcome(real)).toMatchObject({ ok: false, results: [{ outcome: 'failed', rejected: 1 }] });
    // With --accept-valid both the check and the import keep the valid row and exit 0.
    expect((await cli('import', '--db', db, '--dry-run', '--accept-valid', '--source', 'allocations', bad)).code).toBe(0);
  });
});

describe('the DfE files through the same command', () => {
  it('recognises the published indicator file without --source and hands it to the benchmarks importer', async () => {
    const { DFE_DIR } = await import('../support/tmp');
    const dir = tempDir();
    const db = path.join(dir, 'cli.sqlite');
    const r = await cli('import', '--db', db, '--json', path.join(DFE_DIR, 'statistical_neighbours_2021.csv'));
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { results: Array<{ source: string; outcome: string }> };
    expect(json.results[0]).toMatchObject({ source: 'neighbours', outcome: 'imported' });
    const list = JSON.parse((await cli('imports', '--db', db, '--json')).out) as Array<{ source: string }>;
    expect(list.map((i) => i.source)).toEqual(['neighbours']);
  });
});
