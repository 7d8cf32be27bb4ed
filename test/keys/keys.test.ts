// Issue 16, "Pseudonyms": the case key is kept outside the database and its backups, so the files
// alone reverse no case ID; the command line and the app share it on one computer; moving a
// database needs the key exported and imported deliberately; a missing key keeps every figure
// and refuses only what needs the key; databases from before migration 8 have the key moved out.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { openDatabase, type Db } from '../../electron/db/open';
import { MIGRATIONS } from '../../electron/db/migrations';
import { runImport } from '../../electron/import/index';
import { caseHasher } from '../../electron/import/pseudonym';
import { listImportBackups } from '../../electron/import/backup';
import { computeMetrics } from '../../electron/measures';
import { backupDir } from '../../electron/paths';
import {
  databaseId, exportKey, importKey, KEY_CHECK, keyCheck, KeyStore, LEGACY_KEY, openWithKeys, startNewKey, serialiseKey, type KeyProtector,
} from '../../electron/keys';
import { tempDir } from '../support/tmp';
import { filesHoldingKey, keyCandidates, reversed } from './scan';

const HEAD = 'case_id,case_type,staff_id,team,start_date,end_date';
const WORKERS = 'staff_id,swe_number,role,team,employment_type,fte,start_date,end_date,leaving_reason,qualified_date';
const MAX_ID = 2000;

/** 500 numeric case IDs between 1 and 2,000 (councils number cases), spread over 10 workers. */
function caseIds(seed: number, n = 500): number[] {
  // 7919 is prime to 2,000, so the n IDs are distinct; the seed moves the start.
  return Array.from({ length: n }, (_, i) => 1 + ((i * 7919 + seed * 31) % MAX_ID));
}

function allocationsCsv(ids: number[], start = '2024-01-01'): string {
  return [HEAD, ...ids.map((id, i) => `${id},CIN,S${i % 10},North,${start},`)].join('\n') + '\n';
}

function world() {
  const dir = tempDir();
  const keys = new KeyStore({ dir: path.join(tempDir('scrutiny-keys-'), 'keys') });
  const file = path.join(dir, 'council.sqlite');
  const write = (name: string, text: string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return f;
  };
  const importInto = (db: Db, f: string, store = keys, extra: Record<string, unknown> = {}) =>
    runImport(db, { file: f, dbPath: file, keys: store, extractDate: '2025-06-30', ...extra });
  return { dir, keys, file, write, importInto };
}

function filesOf(dbFile: string): string[] {
  return [dbFile, `${dbFile}-wal`, `${dbFile}-journal`, ...listImportBackups(backupDir(dbFile)), ...fs.readdirSync(backupDir(dbFile)).map((f) => path.join(backupDir(dbFile), f))];
}

function theKey(db: Db, keys: KeyStore): Buffer {
  const check = db.prepare('SELECT value FROM meta WHERE key = ?').get(KEY_CHECK) as { value: string };
  return keys.find(databaseId(db), check.value)!.key;
}

describe('case keys kept out of the database', () => {
  it('a new database keeps its key in the key folder (file 0600, folder 0700); the database, its WAL and its backups hold none, and reverse no case', async () => {
    const w = world();
    const db = openWithKeys(w.file, w.keys);
    const ids = caseIds(1);
    await w.importInto(db, w.write('a1.csv', allocationsCsv(ids.slice(0, 250))));
    await w.importInto(db, w.write('a2.csv', allocationsCsv(ids.slice(250), '2024-02-01')));
    await w.importInto(db, w.write('w.csv', `${WORKERS}\nS1,,case_holder,North,permanent,1,2019-01-01,,,\n`), w.keys, { source: 'workers' });
    expect(listImportBackups(backupDir(w.file)).length).toBe(3);
    expect(db.prepare('SELECT * FROM meta WHERE key = ?').all(LEGACY_KEY)).toEqual([]);

    const key = theKey(db, w.keys);
    // The pseudonyms are the truncated HMAC under the kept key: the control that the scan below
    // is looking for the right thing, and that whoever holds the key can reverse them all.
    expect(reversed(db, key, MAX_ID)).toBe(500);

    const files = filesOf(w.file);
    expect(files.filter((f) => fs.existsSync(f)).length).toBeGreaterThanOrEqual(4); // database, WAL, three backups
    expect(filesHoldingKey(files, key)).toEqual([]);
    // The brute force of issue 16, from the files alone: every key-shaped string in them, tried.
    for (const f of files.filter((x) => fs.existsSync(x))) {
      for (const candidate of keyCandidates(f)) expect(reversed(db, candidate, MAX_ID)).toBe(0);
    }

    if (process.platform !== 'win32') {
      expect(fs.statSync(w.keys.dir).mode & 0o777).toBe(0o700);
      expect(fs.statSync(w.keys.keyFile(databaseId(db))).mode & 0o777).toBe(0o600);
    }
    db.close();
  });

  it('upgrade: a database from before migration 8 has its key moved to the key folder, out of the file and out of its backups, keeping every pseudonym', async () => {
    const w = world();
    const before = MIGRATIONS.findIndex((m) => m.name.startsWith('database id naming the case key'));
    const old = openDatabase(w.file, { targetVersion: before });
    const key = crypto.randomBytes(32);
    old.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(LEGACY_KEY, key.toString('hex'));
    old.prepare(`INSERT INTO import_log (id, file_name, sha256, source, layout, started_at, outcome) VALUES (1, 'a.csv', 'x', 'allocations', 'canonical', '2024-01-01', 'imported')`).run();
    const hash = caseHasher(key);
    const ins = old.prepare(`INSERT INTO allocation (case_key, case_type, staff_id, start_date, import_id) VALUES (?, 'CIN', ?, '2024-01-01', 1)`);
    const ids = caseIds(2);
    ids.forEach((id, i) => ins.run(hash(String(id)), `S${i % 10}`));
    fs.mkdirSync(backupDir(w.file), { recursive: true });
    const backup = path.join(backupDir(w.file), 'before-import-20240101T000000000Z.sqlite');
    await old.backup(backup);
    const pseudonyms = old.prepare('SELECT id, case_key FROM allocation ORDER BY id').all();
    old.close();

    // Today's attack works on the old files: the key is in them and reverses every case.
    expect(filesHoldingKey([w.file, backup], key)).toEqual([w.file, backup]);
    expect(keyCandidates(w.file).some((c) => c.equals(key))).toBe(true);
    const raw = openDatabase(w.file, { targetVersion: before });
    const stolen = Buffer.from((raw.prepare('SELECT value FROM meta WHERE key = ?').get(LEGACY_KEY) as { value: string }).value, 'hex');
    expect(reversed(raw, stolen, MAX_ID)).toBe(500);
    raw.close();

    const db = openWithKeys(w.file, w.keys);
    expect(db.prepare('SELECT * FROM meta WHERE key = ?').all(LEGACY_KEY)).toEqual([]);
    expect(w.keys.find(databaseId(db), keyCheck(key))?.key.equals(key)).toBe(true);
    expect(db.prepare('SELECT id, case_key FROM allocation ORDER BY id').all()).toEqual(pseudonyms);
    expect(filesHoldingKey([...filesOf(w.file)], key)).toEqual([]);
    for (const f of [w.file, backup]) for (const c of keyCandidates(f)) expect(reversed(db, c, MAX_ID)).toBe(0);
    // New allocations for the same cases get the same pseudonyms, with the key from the folder.
    await w.importInto(db, w.write('more.csv', allocationsCsv(ids.slice(0, 5), '2025-01-01')));
    expect(db.prepare(`SELECT COUNT(DISTINCT case_key) AS n FROM allocation`).get()).toEqual({ n: 500 });
    db.close();

    // The rewritten backup still restores, and finds its key on this computer.
    fs.rmSync(`${w.file}-wal`, { force: true });
    fs.rmSync(`${w.file}-shm`, { force: true });
    fs.copyFileSync(backup, w.file);
    const restored = openWithKeys(w.file, w.keys);
    expect(restored.prepare('SELECT id, case_key FROM allocation ORDER BY id').all()).toEqual(pseudonyms);
    await w.importInto(restored, w.write('again.csv', allocationsCsv(ids.slice(0, 5), '2025-02-01')));
    expect(restored.prepare(`SELECT COUNT(DISTINCT case_key) AS n FROM allocation`).get()).toEqual({ n: 500 });
    restored.close();
  });

  it('a missing key: figures still compute, an allocations import is refused in plain words with nothing written, other imports still work', async () => {
    const w = world();
    const db = openWithKeys(w.file, w.keys);
    await w.importInto(db, w.write('w.csv', `${WORKERS}\n${Array.from({ length: 10 }, (_, i) => `S${i},,case_holder,North,permanent,1,2019-01-01,,,`).join('\n')}\n`), w.keys, { source: 'workers' });
    const ids = caseIds(3);
    await w.importInto(db, w.write('a.csv', allocationsCsv(ids)));
    const figures = computeMetrics(db, '2025-06-30', { months: 3 });
    db.close();

    const elsewhere = new KeyStore({ dir: path.join(tempDir('scrutiny-keys-'), 'keys') });
    const moved = openWithKeys(w.file, elsewhere);
    expect(computeMetrics(moved, '2025-06-30', { months: 3 })).toEqual(figures);
    const state = () => ({
      rows: moved.prepare('SELECT * FROM allocation ORDER BY id').all(),
      log: moved.prepare('SELECT * FROM import_log ORDER BY id').all(),
      meta: moved.prepare('SELECT * FROM meta ORDER BY key').all(),
      backups: listImportBackups(backupDir(w.file)),
      keyFiles: fs.existsSync(elsewhere.dir) ? fs.readdirSync(elsewhere.dir) : [],
    });
    const before = state();
    const err = (await w.importInto(moved, w.write('b.csv', allocationsCsv(ids.slice(0, 3), '2025-03-01')), elsewhere).catch((e: unknown) => e)) as Error & { code: string };
    expect(err.code).toBe('missing_case_key');
    expect(err.message).toMatch(/case key is not on this computer.*nothing was written.*scrutiny-pack key import/);
    expect(state()).toEqual(before);
    // A staff file needs no key.
    const staff = await w.importInto(moved, w.write('w2.csv', `${WORKERS}\nS99,,case_holder,North,permanent,1,2020-01-01,,,\n`), elsewhere, { source: 'workers' });
    expect(staff.outcome).toBe('imported');

    // Export on the first computer, import on the second: allocations match the stored cases again.
    const exported = path.join(tempDir(), 'case-key.json');
    const first = openWithKeys(path.join(w.dir, 'copy.sqlite'), w.keys);
    first.close();
    const orig = openDatabase(w.file);
    const r = exportKey(orig, w.keys, exported);
    orig.close();
    expect(r.message).toMatch(/anyone can work out the case IDs/);
    if (process.platform !== 'win32') expect(fs.statSync(exported).mode & 0o777).toBe(0o600);
    expect(importKey(moved, elsewhere, exported).message).toMatch(/Imported the case key/);
    const again = await w.importInto(moved, w.write('b2.csv', allocationsCsv(ids.slice(0, 3), '2025-03-01')), elsewhere);
    expect(again.outcome).toBe('imported');
    expect(moved.prepare('SELECT COUNT(DISTINCT case_key) AS n FROM allocation').get()).toEqual({ n: 500 });
    moved.close();
  });

  it("refuses another database's key and a wrong key, changing nothing; a new key starts a new database id and says what follows", async () => {
    const w = world();
    const db = openWithKeys(w.file, w.keys);
    await w.importInto(db, w.write('a.csv', allocationsCsv([1, 2, 3])));
    const other = path.join(tempDir(), 'other.json');
    fs.writeFileSync(other, serialiseKey({ databaseId: 'ab'.repeat(16), key: crypto.randomBytes(32), createdAt: '' }));
    expect(() => importKey(db, w.keys, other)).toThrow(/belongs to another database.*nothing was changed/);
    const wrong = path.join(tempDir(), 'wrong.json');
    fs.writeFileSync(wrong, serialiseKey({ databaseId: databaseId(db), key: crypto.randomBytes(32), createdAt: '' }));
    expect(() => importKey(db, w.keys, wrong)).toThrow(/not the one this database's case pseudonyms were made with/);
    fs.writeFileSync(wrong, 'C1,C2\n');
    expect(() => importKey(db, w.keys, wrong)).toThrow(/is not a Scrutiny Pack key file/);
    // With its key here, a new one is refused; in a place without it, it is made under a new id.
    expect(() => startNewKey(db, w.keys)).toThrow(/a new one is not needed/);
    const bare = new KeyStore({ dir: path.join(tempDir(), 'keys') });
    const oldId = databaseId(db);
    const started = startNewKey(db, bare);
    expect(started.message).toMatch(/never match the ones already stored.*counts those cases twice/);
    expect(started.databaseId).not.toBe(oldId);
    await w.importInto(db, w.write('b.csv', allocationsCsv([1], '2025-01-01')), bare);
    expect(db.prepare('SELECT COUNT(DISTINCT case_key) AS n FROM allocation').get()).toEqual({ n: 4 });
    db.close();
  });

  it("the app's protected copy: the key is wrapped by the protector, found through it when the plain file is gone, and the plain file is what the command line reads", async () => {
    const w = world();
    const mask = crypto.randomBytes(64);
    const xor = (b: Buffer) => Buffer.from(b.map((x, i) => x ^ mask[i % mask.length]!));
    const protector: KeyProtector = { name: 'test store', available: () => true, protect: xor, unprotect: xor };
    const app = new KeyStore({ dir: w.keys.dir, protector });
    const db = openWithKeys(w.file, app);
    await w.importInto(db, w.write('a.csv', allocationsCsv([7, 8, 9])), app);
    const id = databaseId(db);
    const key = theKey(db, app);
    expect(filesHoldingKey([app.protectedFile(id)], key)).toEqual([]);
    // The command line (no protector) reads the same key from the shared folder.
    expect(w.keys.find(id, keyCheck(key))?.source).toBe('key folder');
    // A key the command line made gets the app's protected copy the first time the app uses it.
    const cliDb = path.join(w.dir, 'cli.sqlite');
    const cli = openWithKeys(cliDb, w.keys);
    await runImport(cli, { file: w.write('c.csv', allocationsCsv([1])), dbPath: cliDb, keys: w.keys, extractDate: '2025-06-30' });
    expect(fs.existsSync(app.protectedFile(databaseId(cli)))).toBe(false);
    expect(app.find(databaseId(cli), null)?.source).toBe('key folder');
    expect(fs.existsSync(app.protectedFile(databaseId(cli)))).toBe(true);
    cli.close();
    fs.rmSync(app.keyFile(id));
    expect(app.find(id, keyCheck(key))).toMatchObject({ source: 'protected copy' });
    expect(app.find(id, keyCheck(key))!.key.equals(key)).toBe(true);
    db.close();
  });

  it("a key supplied by the council's IT (SCRUTINY_KEY_FILE) is used for a new database and never copied into the key folder", async () => {
    const w = world();
    const itFile = path.join(tempDir(), 'council.key');
    const itKey = crypto.randomBytes(32);
    fs.writeFileSync(itFile, serialiseKey({ databaseId: null, key: itKey, createdAt: '' }));
    const store = KeyStore.fromEnv({ SCRUTINY_KEY_DIR: w.keys.dir, SCRUTINY_KEY_FILE: itFile });
    const db = openWithKeys(w.file, store);
    await w.importInto(db, w.write('a.csv', allocationsCsv([5])), store);
    expect(db.prepare('SELECT case_key FROM allocation').get()).toEqual({ case_key: caseHasher(itKey)('5') });
    expect(fs.existsSync(w.keys.dir) ? fs.readdirSync(w.keys.dir) : []).toEqual([]);
    expect(store.find(databaseId(db), keyCheck(itKey))?.source).toBe('IT key file');
    db.close();
  });
});
