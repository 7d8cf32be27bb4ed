// A full disk (issue 16), on a real small tmpfs: a paper written over an existing one leaves it
// whole; an import or its backup that cannot be written says the disk is full, how much it
// needs, and that nothing was written, and the database is as it was.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../electron/cli/main';
import { AppContext, createHandlers, invokeHandler } from '../../electron/handlers';
import { ScriptedHost } from '../app/scripted-host';
import { openDatabase } from '../../electron/db/open';
import { writeFileAtomic } from '../../electron/files/atomic-write';
import { ImportProblem, runImport } from '../../electron/import/index';
import { canMountTmpfs, fillDisk, smallDisk } from '../support/tmpfs';
import { tempDb, tempDir } from '../support/tmp';
import { seedFixture, FIXTURE_AS_AT } from '../report/fixture';
import { csv, dump } from '../import/helpers';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), isTty: false, env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const A = 'case_id,case_type,staff_id,team,start_date,end_date';

/** A council database on a small disk, loaded with `rows` allocations; and the folder for CSVs. */
async function councilOnSmallDisk(kb: number, rows: number) {
  const dir = smallDisk(kb)!;
  const dbPath = path.join(dir, 'council.sqlite');
  const db = openDatabase(dbPath);
  const files = tempDir();
  const first = path.join(files, 'first.csv');
  fs.writeFileSync(first, allocations(rows));
  await runImport(db, { file: first, dbPath });
  return { dir, dbPath, db, files };
}

function allocations(n: number): string {
  const lines = [A];
  for (let i = 0; i < n; i++) lines.push(`CASE-${i},CIN,STAFF-${i % 300},Team ${i % 9},2019-${String((i % 12) + 1).padStart(2, '0')}-01,`);
  return lines.join('\n') + '\n';
}

/** The error an import throws (null if it succeeds). */
function importError(db: ReturnType<typeof openDatabase>, file: string, dbPath: string): Promise<unknown> {
  return runImport(db, { file, dbPath }).then(
    () => null,
    (e: unknown) => e,
  );
}

/** The app's handlers over a database elsewhere, saving (the scripted save dialog) to a small disk of `kb`. */
function appSavingTo(kb: number) {
  const dir = smallDisk(kb)!;
  const ctx = new AppContext(path.join(tempDir(), 'app.sqlite'), new ScriptedHost(dir), { fixturesDir: path.join(__dirname, '../../fixtures/demo') });
  return { dir, ctx };
}

describe.skipIf(!canMountTmpfs)('a full disk (tmpfs; needs Linux and root)', () => {
  it('writeFileAtomic: the existing file is untouched, no temporary file is left, the message is plain', () => {
    const dir = smallDisk(200)!;
    const dest = path.join(dir, 'paper.pdf');
    fs.writeFileSync(dest, Buffer.alloc(64 * 1024, 7));
    let message = '';
    try {
      writeFileAtomic(dest, Buffer.alloc(400 * 1024, 1));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^There is not enough space on the disk to write .*paper\.pdf: it needs 400 KB and \d+ KB are free\. The existing paper\.pdf was left as it was\./);
    expect(fs.readFileSync(dest).equals(Buffer.alloc(64 * 1024, 7))).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['paper.pdf']);
    // With room, it replaces the file whole.
    writeFileAtomic(dest, Buffer.alloc(100 * 1024, 2));
    expect(fs.readFileSync(dest).equals(Buffer.alloc(100 * 1024, 2))).toBe(true);
  });

  // The Word export (paperfmt) goes through the same atomic write as the HTML and PDF papers.
  it.each(['html', 'docx'])('report --format %s --out on a full disk: exit 1, plain words, no stack trace, the existing paper intact', async (format) => {
    const { db, file } = tempDb();
    seedFixture(db);
    db.close();
    const dir = smallDisk(400)!;
    const name = `paper.${format}`;
    const dest = path.join(dir, name);
    const old = format === 'html' ? '<!DOCTYPE html><p>last month’s paper</p>' : 'PK last month’s Word paper';
    fs.writeFileSync(dest, old);
    fillDisk(dir, 8 * 1024);
    const r = await cli(['report', '--db', file, '--as-at', FIXTURE_AS_AT, '--format', format, '--out', dest]);
    expect(r.code).toBe(1);
    // The author's warnings ("Before publishing: ...") come first on stderr; the error is its own line.
    expect(r.err).toMatch(new RegExp(`^Error: There is not enough space on the disk to write .*paper\\.${format}: it needs [\\d.]+ (KB|MB) and \\d+ KB are free\\. The existing paper\\.${format} was left as it was\\.`, 'm'));
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(fs.readFileSync(dest, 'utf8')).toBe(old);
    expect(fs.readdirSync(dir).sort()).toEqual(['filler.bin', name]);
  }, 60_000);

  it('the Word paper saved from the Paper screen on a full disk: the user reads the plain message, the existing document is intact', async () => {
    const { dir, ctx } = appSavingTo(400);
    try {
      seedFixture(ctx.db());
      const name = `workforce-paper-${FIXTURE_AS_AT}.docx`;
      fs.writeFileSync(path.join(dir, name), 'PK last month’s Word paper');
      fillDisk(dir, 8 * 1024);
      const r = await invokeHandler(createHandlers(ctx), 'exportPaper', { asAt: FIXTURE_AS_AT, config: {}, format: 'docx' });
      expect(r.ok).toBe(false);
      expect((r as { error?: string }).error).toMatch(new RegExp(`^There is not enough space on the disk to write .*${name.replace(/\./g, '\\.')}: it needs [\\d.]+ (KB|MB) and \\d+ KB are free\\. The existing ${name.replace(/\./g, '\\.')} was left as it was\\.`));
      expect(fs.readFileSync(path.join(dir, name), 'utf8')).toBe('PK last month’s Word paper');
      expect(fs.readdirSync(dir).sort()).toEqual(['filler.bin', name]);
    } finally {
      ctx.close();
    }
  }, 120_000);

  it('a CSV saved from a screen (saveText) on a full disk: plain message, the existing file intact, no temporary file left', async () => {
    const { dir, ctx } = appSavingTo(200);
    try {
      const old = '\ufeffteam,caseload\nNorth,18\n';
      fs.writeFileSync(path.join(dir, 'problems.csv'), old);
      const handlers = createHandlers(ctx);
      const big = 'row,' + 'x'.repeat(400 * 1024);
      const r = await invokeHandler(handlers, 'saveText', { suggestedName: 'problems.csv', content: big });
      expect(r).toEqual({ ok: false, error: expect.stringMatching(/^There is not enough space on the disk to write .*problems\.csv: it needs 401 KB and \d+ KB are free\. The existing problems\.csv was left as it was\./) });
      expect(fs.readFileSync(path.join(dir, 'problems.csv'), 'utf8')).toBe(old);
      expect(fs.readdirSync(dir)).toEqual(['problems.csv']);
      // With room, the file is replaced whole, byte-order mark first.
      const ok = await invokeHandler(handlers, 'saveText', { suggestedName: 'problems.csv', content: 'team\nSouth\n' });
      expect(ok.ok).toBe(true);
      expect(fs.readFileSync(path.join(dir, 'problems.csv'), 'utf8')).toBe('\ufeffteam\nSouth\n');
    } finally {
      ctx.close();
    }
  });

  it('an import that fills the disk says so, with the space it needs, and leaves the database as it was', async () => {
    const { dir, dbPath, db, files } = await councilOnSmallDisk(1024, 1);
    const before = dump(db, ['allocation', 'import_log', 'import_change', 'meta']);
    const big = path.join(files, 'big.csv');
    fs.writeFileSync(big, allocations(40_000));
    // Room for the backup (the database is small) but not for 40,000 rows.
    fillDisk(dir, 300 * 1024);
    const error = await importError(db, big, dbPath);
    expect(error).toBeInstanceOf(ImportProblem);
    expect((error as ImportProblem).code).toBe('disk_full');
    expect((error as Error).message).toMatch(
      /^The disk holding the database .*council\.sqlite is full: importing big\.csv needs about [\d.]+ MB more \(an estimate\), and \d+ (bytes|KB) are free\. Nothing was written: the database is exactly as it was before\./,
    );
    expect((error as Error).message).not.toMatch(/cannot rollback/);
    expect(dump(db, ['allocation', 'import_log', 'import_change', 'meta'])).toEqual(before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 60_000);

  it('a backup before an import that cannot be written says the disk is full, and nothing is imported', async () => {
    const { dir, dbPath, db, files } = await councilOnSmallDisk(4096, 3000);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const before = dump(db, ['allocation', 'import_log']);
    const dbBytes = fs.statSync(dbPath).size;
    fillDisk(dir, Math.floor(dbBytes / 3));
    const next = path.join(files, 'next.csv');
    fs.writeFileSync(next, csv(A, 'C1,CIN,S1,North,2019-01-01,'));
    const error = await importError(db, next, dbPath);
    expect((error as ImportProblem).code).toBe('disk_full');
    expect((error as Error).message).toMatch(/^The backup made before every import could not be written: the disk holding .* is full \(the backup needs about [\d.]+ (KB|MB), and \d+ KB are free\)\. Nothing was imported\./);
    expect(dump(db, ['allocation', 'import_log'])).toEqual(before);
    const backups = path.join(dir, 'backups', 'council');
    expect(fs.existsSync(backups) ? fs.readdirSync(backups).filter((f) => f.endsWith('.sqlite')) : []).toHaveLength(1);
    db.close();
  }, 60_000);
});
