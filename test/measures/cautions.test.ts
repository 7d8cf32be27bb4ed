// Cautions (Metrics.warnings): the as-at date outside the data, and staff records from a
// Standard Safeguarding Dataset snapshot, which has no start or leaving dates.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../electron/measures/index';
import { main } from '../../electron/cli/main';
import { tempDb, tempDir } from '../support/tmp';
import { allocation, seedRecords, spell } from '../support/seed';

const AFTER = (d: string, latest: string) => `${d} is after the latest data imported (${latest}): figures after that date assume nothing changed.`;
const SNAPSHOT = (x: string) =>
  `Some staff records come from a Standard Safeguarding Dataset snapshot (extract date ${x}), which has no start or leaving dates: ` +
  'starters, leavers, turnover and the stability index are not reliable; import HR spells for these.';

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(args, { out: (t) => out.push(t), err: (t) => err.push(t), isTty: false }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

/** HR spells from 2020-01-01 (one leaver in 2021), allocations from 2021-01-01, last date in the data 2022-06-30. */
function hrCouncil() {
  const { db, file } = tempDb();
  const id = seedRecords(db, {
    spells: [spell('A', '2020-01-01'), spell('B', '2020-01-01', '2021-05-31', { leaving_reason: 'resignation' }), spell('C', '2020-03-01')],
    allocations: [allocation('c1', 'A', '2021-01-01', '2022-06-30'), allocation('c2', 'C', '2021-02-01')],
  });
  return { db, file, id };
}

describe('cautions about the period the data covers', () => {
  it('says nothing inside the data', () => {
    const { db } = hrCouncil();
    expect(computeMetrics(db, '2022-03-31', { months: 2 }).warnings).toEqual([]);
  });

  it('warns when D is after the latest date in the data (no extract date given)', () => {
    const { db } = hrCouncil();
    const m = computeMetrics(db, '2030-09-30', { months: 0 });
    expect(m.warnings).toEqual([AFTER('30 September 2030', '30 June 2022')]);
    // The day after the latest date is already past the data; the latest date itself is not.
    expect(computeMetrics(db, '2022-07-01', { months: 0 }).warnings).toEqual([AFTER('1 July 2022', '30 June 2022')]);
    expect(computeMetrics(db, '2022-06-30', { months: 0 }).warnings).toEqual([]);
  });

  it('a later extract date extends what the data covers', () => {
    const { db, id } = hrCouncil();
    db.prepare(`UPDATE import_log SET extract_date = '2024-03-31' WHERE id = ?`).run(id);
    expect(computeMetrics(db, '2024-03-31', { months: 0 }).warnings).toEqual([]);
    expect(computeMetrics(db, '2024-09-30', { months: 0 }).warnings).toEqual([AFTER('30 September 2024', '31 March 2024')]);
  });

  it('warns when D is before the earliest staff record, or before the earliest allocation', () => {
    const { db } = hrCouncil();
    expect(computeMetrics(db, '2019-12-31', { months: 0 }).warnings).toEqual([
      '31 December 2019 is before the earliest staff record (which starts on 1 January 2020): there is nothing to count at that date.',
    ]);
    expect(computeMetrics(db, '2020-12-31', { months: 0 }).warnings).toEqual([
      '31 December 2020 is before the earliest case allocation imported (1 January 2021): caseload figures at that date count no cases.',
    ]);
  });

  it('an empty database says there is nothing to count', () => {
    const { db } = tempDb();
    expect(computeMetrics(db, '2020-09-30', { months: 0 }).warnings).toEqual([
      'No staff records have been imported: there is nothing to count, so every figure is zero.',
    ]);
  });
});

describe('cautions about snapshot (SSD) staff records', () => {
  /** HR history for A and B to 2025-06-30, then an SSD snapshot extracted 2025-09-30 with S1-S3. */
  function mixed() {
    const { db, file } = tempDb();
    seedRecords(db, {
      spells: [spell('A', '2020-01-01', '2025-06-30', { leaving_reason: 'resignation' }), spell('B', '2020-01-01', '2025-06-30', { leaving_reason: 'retired' })],
    });
    const ssd = seedRecords(db, { spells: ['S1', 'S2', 'S3'].map((s) => spell(s, '2025-09-30')) }, 'ssd');
    db.prepare(`UPDATE import_log SET layout = 'ssd', extract_date = '2025-09-30' WHERE id = ?`).run(ssd);
    return { db, file };
  }

  it('warns and gives no turnover or stability index where snapshot spells take part', () => {
    const { db } = mixed();
    const m = computeMetrics(db, '2025-09-30', { months: 2 });
    expect(m.warnings).toEqual([SNAPSHOT('30 September 2025')]);
    // The snapshot makes all three "starters" and hides any leaving: the counts stay (the
    // shape has numbers there) with the caution; the rates built on them are not available.
    expect(m.starters.headcount).toBe(3);
    expect(m.leavers.headcount).toBe(2);
    expect(m.turnover).toEqual({ rateFte: null, rateHeadcount: null });
    expect(m.stabilityIndex).toBeNull();
    expect(m.series.map((s) => s.date)).toEqual(['2025-08-31', '2025-09-30']);
    expect(m.series[1]!.stabilityIndex).toBeNull();
    // A year earlier the snapshot is not involved: both HR staff in post, nobody left yet.
    expect(m.yearAgo.turnover).toEqual({ rateFte: 0, rateHeadcount: 0 });
    expect(m.yearAgo.stabilityIndex).toBe(100);
  });

  it('says nothing about the snapshot before its extract date', () => {
    const { db } = mixed();
    const m = computeMetrics(db, '2024-09-30', { months: 0 });
    expect(m.warnings).toEqual([]);
    expect(m.turnover).toEqual({ rateFte: 0, rateHeadcount: 0 });
  });

  it('recognises spells from a real ssd_professionals import', async () => {
    const dir = tempDir();
    const csv = path.join(dir, 'ssd_professionals.csv');
    fs.writeFileSync(
      csv,
      'prof_professional_id,prof_professional_job_title,prof_full_time_equivalency,prof_agency_worker_flag,prof_professional_department\n' +
        'P1,Social Worker,1,N,North\nP2,Social Worker,0.5,N,North\nP3,Team Manager,1,Y,South\n',
    );
    const { db, file } = tempDb();
    db.close();
    const imp = await run(['import', '--db', file, '--source', 'workers', '--extract-date', '2025-09-30', csv]);
    expect(imp.code, imp.err).toBe(0);
    const r = await run(['metrics', '--db', file, '--as-at', '2030-09-30', '--months', '0', '--json']);
    expect(r.code).toBe(0);
    const m = JSON.parse(r.out);
    expect(m.warnings).toEqual([AFTER('30 September 2030', '30 September 2025'), SNAPSHOT('30 September 2025')]);
    expect(m.stabilityIndex).toBeNull();
    const text = await run(['metrics', '--db', file, '--as-at', '2025-09-30', '--months', '0']);
    expect(text.out).toMatch(/Turnover rate \(FTE\)\s+not available/);
    expect(text.out).toMatch(/Stability index\s+not available/);
  });
});

describe('scrutiny-pack metrics prints the cautions', () => {
  it('first, under "Cautions:", and as an array in --json', async () => {
    const { db, file } = hrCouncil();
    db.close();
    const text = await run(['metrics', '--db', file, '--as-at', '2030-09-30', '--months', '0']);
    expect(text.out.startsWith(`Cautions:\n  - ${AFTER('30 September 2030', '30 June 2022')}\n`)).toBe(true);
    const inside = await run(['metrics', '--db', file, '--as-at', '2022-03-31', '--months', '0']);
    expect(inside.out).not.toMatch(/Cautions/);
    const json = JSON.parse((await run(['metrics', '--db', file, '--as-at', '2022-03-31', '--months', '0', '--json'])).out);
    expect(json.warnings).toEqual([]);
  });
});
