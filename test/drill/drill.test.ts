// Every drillable count's list has exactly as many rows as the figure the overview shows, on the
// demo council (at two dates, with and without a filter) and on the hand-made council; and the
// rows are what their title says (cases above the threshold, pseudonyms only, and so on).
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { computeMetrics } from '../../electron/measures';
import { drillDown } from '../../electron/drill';
import type { Db } from '../../electron/db/open';
import { addYears } from '../../shared/dates';
import { DRILL_KINDS, type DrillFilter, type DrillKind, type DrillList } from '../../shared/drill';
import type { Metrics } from '../../shared/metrics';
import { AppContext, createHandlers, invokeHandler } from '../../electron/handlers';
import { ScriptedHost } from '../app/scripted-host';
import { tempDb, tempDir } from '../support/tmp';
import { allocation, seedRecords, spell } from '../support/seed';
import { handRecords } from '../measures/hand-fixture';

/** The figure each list stands behind, as the overview reads it from the measures. */
function figure(m: Metrics, kind: DrillKind): number {
  switch (kind) {
    case 'inPost': return m.inPost.headcount;
    case 'caseHolders': return m.caseload.caseHolders.headcount;
    case 'overThreshold': return m.caseload.overThreshold;
    case 'asyeOverCap': return m.caseload.asyeOverCap;
    case 'agency': return m.agency.headcount;
    case 'vacancies': return m.vacancy?.fte ?? 0;
    case 'leavers': return m.leavers.headcount;
    case 'starters': return m.starters.headcount;
    case 'asyeInProgramme': return m.asye.cohorts.reduce((s, c) => s + (c.inProgramme ?? 0), 0);
    case 'childrenThreePlus': return m.childStability!.threePlus;
  }
}

function expectListsMatch(db: Db, asAt: string, filter?: DrillFilter): Record<DrillKind, DrillList> {
  // The figure the overview shows under the same filter (the measures engine's own).
  const m = computeMetrics(db, asAt, { months: 1, filter });
  const lists = Object.fromEntries(DRILL_KINDS.map((k) => [k, drillDown(db, asAt, k, filter)])) as Record<DrillKind, DrillList>;
  for (const kind of DRILL_KINDS) {
    const list = lists[kind];
    if (kind === 'vacancies') {
      const sum = list.rows.reduce((s, r) => s + (r[4] as number), 0);
      expect([kind, Number(sum.toFixed(6))]).toEqual([kind, Number(figure(m, kind).toFixed(6))]);
    } else {
      expect([kind, list.rows.length]).toEqual([kind, figure(m, kind)]);
    }
    expect(list.count).toBeCloseTo(figure(m, kind), 9);
    for (const r of list.rows) expect(r).toHaveLength(list.columns.length);
  }
  return lists;
}

describe('drill-down on the demo council', () => {
  let db: Db;
  let asAt: string;
  beforeAll(async () => {
    const dir = tempDir();
    const ctx = new AppContext(path.join(dir, 'app.sqlite'), new ScriptedHost(dir), { fixturesDir: path.resolve(__dirname, '../../fixtures/demo') });
    const handlers = createHandlers(ctx);
    await handlers.loadDemo({});
    asAt = (await handlers.dataRange({})).suggestedAsAt;
    db = ctx.db();
  }, 60_000);

  it('every list has as many rows as its figure, now and a year earlier', () => {
    for (const d of [asAt, addYears(asAt, -1)]) {
      const lists = expectListsMatch(db, d);
      // The demo exercises every list but one (no ASYE worker is above the cap): none is empty.
      if (d === asAt) for (const k of DRILL_KINDS) expect([k, lists[k].rows.length > 0]).toEqual([k, k !== 'asyeOverCap']);
    }
  });

  it('the rows are what the title says', () => {
    const { caseloadThreshold, asyeCap } = { caseloadThreshold: 20, asyeCap: 15 };
    const over = drillDown(db, asAt, 'overThreshold');
    expect(over.rows.every((r) => (r[5] as number) > caseloadThreshold)).toBe(true);
    const cap = drillDown(db, asAt, 'asyeOverCap');
    expect(cap.rows.every((r) => (r[5] as number) > asyeCap && r[7] === 'Yes')).toBe(true);
    // Case IDs appear only as the keyed-hash pseudonym the database holds (32 hex digits).
    const children = drillDown(db, asAt, 'childrenThreePlus');
    expect(children.rows.every((r) => /^[0-9a-f]{32}$/.test(String(r[0])) && (r[3] as number) >= 3)).toBe(true);
    // Leavers' reasons add up to the measure's breakdown by reason.
    const m = computeMetrics(db, asAt, { months: 1 });
    const leavers = drillDown(db, asAt, 'leavers');
    const reasons: Record<string, number> = {};
    for (const r of leavers.rows) reasons[String(r[4])] = (reasons[String(r[4])] ?? 0) + 1;
    expect(Object.values(reasons).reduce((a, b) => a + b, 0)).toBe(m.leavers.headcount);
    expect(reasons['Resignation'] ?? 0).toBe(m.leavers.byReason.resignation);
    // Agency workers say since when, never after the date.
    expect(drillDown(db, asAt, 'agency').rows.every((r) => String(r[4]) <= asAt)).toBe(true);
  });

  it('a filter keeps only the rows of that team, role group or contract, and the lists still add up', () => {
    const teams = drillDown(db, asAt, 'caseHolders').rows.map((r) => String(r[1]));
    const team = teams[0]!;
    const oneTeam = drillDown(db, asAt, 'caseHolders', { teams: [team] });
    expect(oneTeam.rows.length).toBe(teams.filter((t) => t === team).length);
    expect(oneTeam.rows.every((r) => r[1] === team)).toBe(true);
    const m = computeMetrics(db, asAt, { months: 1 });
    // Caseloads by team: the team's case holders are the unfiltered measure's row for that team.
    expect(oneTeam.rows.length).toBe(m.caseload.byTeam.find((t) => t.team === team)!.caseHolders.headcount);
    expect(drillDown(db, asAt, 'agency', { employment: ['permanent', 'fixed_term'] }).rows).toEqual([]);
    expect(drillDown(db, asAt, 'inPost', { employment: ['agency'] }).rows).toEqual([]);
    const managers = drillDown(db, asAt, 'inPost', { roleGroups: ['managers'] });
    expect(managers.rows.length).toBeGreaterThan(0);
    expect(managers.rows.every((r) => /manager/i.test(String(r[2])))).toBe(true);
  });

  it('under a filter, every list has as many rows as the filtered figure the overview shows', () => {
    const teams = [...new Set(drillDown(db, asAt, 'caseHolders').rows.map((r) => String(r[1])))];
    expect(teams.length).toBeGreaterThan(1);
    for (const team of teams.slice(0, 3)) expectListsMatch(db, asAt, { teams: [team] });
    expectListsMatch(db, asAt, { employment: ['agency'] });
    expectListsMatch(db, asAt, { roleGroups: ['practitioners'], employment: ['permanent'] });
    expectListsMatch(db, addYears(asAt, -1), { teams: [teams[0]!] });
  });

  it('is in the contract: the handler refuses an unknown list and a bad date in plain words', async () => {
    const dir = tempDir();
    const ctx = new AppContext(path.join(dir, 'app.sqlite'), new ScriptedHost(dir), { fixturesDir: tempDir() });
    const handlers = createHandlers(ctx);
    const bad = await invokeHandler(handlers, 'drillDown', { asAt: '2025-09-30', what: 'salaries' });
    expect(bad.ok).toBe(false);
    const badDate = await invokeHandler(handlers, 'drillDown', { asAt: '2025-02-30', what: 'leavers' });
    expect(badDate).toEqual({ ok: false, error: expect.stringContaining('not a real date') });
    const empty = await invokeHandler(handlers, 'drillDown', { asAt: '2025-09-30', what: 'leavers', filter: { teams: ['A'] } });
    expect(empty).toMatchObject({ ok: true, value: { kind: 'leavers', rows: [] } });
  });
});

describe('drill-down on the hand-made council', () => {
  it('every list has as many rows as its figure at 30 September 2018 and a year before', () => {
    const { db } = tempDb();
    seedRecords(db, handRecords(), 'hand');
    for (const d of ['2018-09-30', '2017-09-30']) expectListsMatch(db, d);
    // fixtures/hand/README.md: I is the one agency worker; C, F, K leavers among others.
    expect(drillDown(db, '2018-09-30', 'agency').rows.map((r) => r[0])).toEqual(['I']);
    expect(drillDown(db, '2018-09-30', 'leavers').rows.map((r) => r[0])).toEqual(expect.arrayContaining(['C', 'F', 'K']));
  });

  it('a child with three workers in the year is listed by its pseudonym with its worker count', () => {
    const { db } = tempDb();
    seedRecords(db, {
      spells: ['A', 'B', 'C', 'D'].map((id) => spell(id, '2015-01-01')),
      allocations: [
        allocation('child-1', 'A', '2017-11-01', '2018-01-31'),
        allocation('child-1', 'B', '2018-02-01', '2018-05-31'),
        allocation('child-1', 'C', '2018-06-01', null),
        allocation('child-2', 'A', '2017-11-01', '2018-01-31'),
        allocation('child-2', 'D', '2018-02-01', null),
        // Three workers, but the last allocation closed before D: not open, not counted.
        allocation('child-3', 'A', '2017-11-01', '2018-01-31'),
        allocation('child-3', 'B', '2018-02-01', '2018-03-31'),
        allocation('child-3', 'C', '2018-04-01', '2018-08-31'),
      ],
    });
    const list = drillDown(db, '2018-09-30', 'childrenThreePlus');
    expect(list.rows).toEqual([['child-1', 'Child in need', 'Team A', 3, 2]]);
    expect(computeMetrics(db, '2018-09-30', { months: 1 }).childStability!.threePlus).toBe(1);
  });
});
