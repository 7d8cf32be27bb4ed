// A database written before the field limits (issue 16) can hold a 1 MB team name: the figures
// read it cut to the importer's limit (200 characters, the last an ellipsis), so the paper in
// every format and the figures shown in the app stay their normal size and are made as fast.
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../electron/measures/index';
import { producePaper } from '../../electron/report/index';
import { MAX_CHARS } from '../../electron/import/rules';
import { tempDb } from '../support/tmp';
import { FIXTURE_AS_AT, seedFixture } from './fixture';

const HUGE = 'Duty and Assessment '.repeat(52_429).slice(0, 1024 * 1024); // 1 MB
const SHOWN = HUGE.slice(0, MAX_CHARS.team! - 1) + '\u2026';

function councils() {
  const normal = tempDb().db;
  seedFixture(normal);
  const old = tempDb().db;
  seedFixture(old);
  // Written directly, as an import before the limits did; the same team's establishment too.
  old.prepare(`UPDATE spell SET team = ? WHERE team = 'Duty'`).run(HUGE);
  for (const db of [normal, old]) {
    const id = Number(db.prepare(`INSERT INTO import_log (file_name, sha256, source, layout, rows_read, rows_inserted, started_at, finished_at, outcome) VALUES ('est.csv', ?, 'establishment', 'canonical', 1, 1, 'x', 'x', 'imported')`).run('d'.repeat(64)).lastInsertRowid);
    db.prepare(`INSERT INTO establishment (team, role, funded_fte, start_date, import_id) VALUES (?, 'case_holder', 4, '2015-01-01', ?)`).run(db === old ? HUGE : 'Duty', id);
  }
  return { normal, old };
}

/** Every string anywhere in a value. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

describe('a 1 MB team name stored before the limits', () => {
  it('the figures name the team by its first 199 characters and an ellipsis, and nothing longer', () => {
    const { normal, old } = councils();
    const before = computeMetrics(normal, FIXTURE_AS_AT, { months: 24 });
    const after = computeMetrics(old, FIXTURE_AS_AT, { months: 24 });
    const all = strings(after);
    expect(Math.max(...all.map((s) => s.length))).toBeLessThanOrEqual(Math.max(...strings(before).map((s) => s.length), MAX_CHARS.team!));
    expect(all).toContain(SHOWN);
    expect(all).not.toContain('Duty');
    // The same figures under the shortened name.
    expect(JSON.stringify(after).split(JSON.stringify(SHOWN)).join('"Duty"')).toBe(JSON.stringify(before));
    expect(JSON.stringify(after).length).toBeLessThan(JSON.stringify(before).length * 2);
  });

  it.each(['html', 'pdf', 'docx'] as const)('the %s paper is made, of its normal size, as fast', async (format) => {
    const { normal, old } = councils();
    const request = { asAt: FIXTURE_AS_AT, format, generatedOn: '2018-07-02' as const };
    let t0 = performance.now();
    const usual = await producePaper(normal, request);
    const usualMs = performance.now() - t0;
    t0 = performance.now();
    const paper = await producePaper(old, request);
    const ms = performance.now() - t0;
    expect(paper.length).toBeLessThan(usual.length * 1.25);
    expect(ms).toBeLessThan(Math.max(3 * usualMs, 5_000));
    if (format === 'html') {
      expect(paper as string).toContain(SHOWN.slice(0, 120));
      expect(paper as string).not.toContain(HUGE.slice(0, MAX_CHARS.team! + 20));
    }
  }, 120_000);
});
