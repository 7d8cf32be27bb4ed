// The bad-input corpus (test/fixtures/bad-input, issue 16): every file through the real command
// line, each with exactly the outcome its manifest gives: refused with its code and words, or
// failed naming row, column and reason; exit 1; nothing written; and nothing on the terminal
// that is a control character or a raw byte.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../electron/cli/main';
import { openDatabase } from '../../electron/db/open';
import { tempDir } from '../support/tmp';
import { DATA_TABLES, dump } from './helpers';

const DIR = path.resolve(__dirname, '../fixtures/bad-input');

interface Expected {
  refused?: string;
  includes?: string;
  failed?: { row: number; column: string | null; includes: string }[];
}
interface Entry {
  file: string;
  options: { extractDate: string };
  expect: Expected;
}

const manifest = JSON.parse(fs.readFileSync(path.join(DIR, 'manifest.json'), 'utf8')) as Entry[];

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), isTty: false, env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

// Anything but tab and newline is a control character a terminal could act on.
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFD]/;

describe('bad-input corpus', () => {
  it('has at least 60 files, each in the manifest', () => {
    const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.csv'));
    expect(files.length).toBeGreaterThanOrEqual(60);
    expect(new Set(manifest.map((m) => m.file))).toEqual(new Set(files));
  });

  it('every file gets exactly its expected outcome, exit 1 and nothing written', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'corpus.sqlite');
    const tables = [...DATA_TABLES, 'import_change', 'import_confirm'];
    const seen: string[] = [];
    for (const entry of manifest) {
      const file = path.join(DIR, entry.file);
      const db = openDatabase(dbPath);
      const before = dump(db, tables);
      const logBefore = db.prepare(`SELECT COUNT(*) AS n FROM import_log`).pluck().get() as number;
      db.close();

      const json = await cli('import', '--db', dbPath, '--extract-date', entry.options.extractDate, '--json', file);
      const text = await cli('import', '--db', dbPath, '--extract-date', entry.options.extractDate, file);
      const label = `${entry.file}: ${text.out}\n${text.err}`.slice(0, 2000);
      expect(json.code, label).toBe(1);
      expect(text.code, label).toBe(1);
      expect(TERMINAL_UNSAFE.test(text.out + text.err), label).toBe(false);
      expect(text.err, label).not.toMatch(/\n\s+at /);
      const result = (JSON.parse(json.out) as { results: Array<{ code?: string; error?: string; outcome?: string; problems?: Array<{ row: number; column: string | null; reason: string }> }> }).results[0]!;
      if (entry.expect.refused) {
        expect(result.code, label).toBe(entry.expect.refused);
        expect(result.error, label).toContain(entry.expect.includes ?? '');
      } else {
        expect(result.outcome, label).toBe('failed');
        for (const want of entry.expect.failed!) {
          const found = result.problems!.find((p) => p.row === want.row && p.column === want.column && p.reason.includes(want.includes));
          expect(found, `${label}\nwanted ${JSON.stringify(want)} in ${JSON.stringify(result.problems!.slice(0, 5))}`).toBeDefined();
        }
      }
      const after = openDatabase(dbPath);
      expect(dump(after, tables), label).toEqual(before);
      const added = after.prepare(`SELECT outcome FROM import_log WHERE id > ?`).pluck().all(logBefore);
      expect(added.every((o) => o === 'failed'), label).toBe(true);
      after.close();
      seen.push(entry.file);
    }
    expect(seen).toHaveLength(manifest.length);
  }, 120_000);
});
