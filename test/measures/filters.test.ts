// Filters on the measures (docs/measures.md, "Filters"): a hand-worked council with a team move,
// an agency worker and a fixed-term post; the command line giving the same figures as the engine;
// and properties over random councils: the teams (and the employment types, and the role groups)
// partition the cases held.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openDatabase } from '../../electron/db/open';
import { computeMetrics } from '../../electron/measures/index';
import { filterChoices, nearestTeams } from '../../electron/measures/filter';
import { main } from '../../electron/cli/main';
import { addDays } from '../../shared/dates';
import { CASE_TYPES, EMPLOYMENT_TYPES, ROLES } from '../../shared/domain';
import { describeFilter, NO_TEAM_LABEL, ROLE_GROUPS } from '../../shared/filters';
import type { AllocationRecord, SpellRecord } from '../../shared/records';
import { allocation, seedRecords, spell } from '../support/seed';
import { tempDb } from '../support/tmp';

// Two teams, A and B, at D = 2024-09-30 (the 12 months: 2023-10-01 to 2024-09-30).
//  P1 permanent in A, moves to B on 2024-03-01 (a move, not a leaver): in B at D.
//  P2 permanent in A all along, leaves 2024-06-30: a leaver from A.
//  P3 agency in A from 2023-01-01, open.
//  P4 fixed-term in B from 2022-01-01, open.
//  P5 permanent in A from 2022-01-01, open, 0.5 FTE.
const D = '2024-09-30';
function council() {
  const spells: SpellRecord[] = [
    spell('P1', '2020-01-01', '2024-02-29', { team: 'A' }),
    spell('P1', '2024-03-01', null, { team: 'B' }),
    spell('P2', '2020-01-01', '2024-06-30', { team: 'A', leaving_reason: 'resignation' }),
    spell('P3', '2023-01-01', null, { team: 'A', employment_type: 'agency' }),
    spell('P4', '2022-01-01', null, { team: 'B', employment_type: 'fixed_term' }),
    spell('P5', '2022-01-01', null, { team: 'A', fte: 0.5 }),
  ];
  const allocations: AllocationRecord[] = [
    allocation('C1', 'P1', '2024-05-01'), // P1, team B at D
    allocation('C2', 'P1', '2024-06-01'),
    allocation('C3', 'P3', '2024-01-01'), // agency, team A
    allocation('C4', 'P4', '2024-02-01'), // fixed term, team B
    allocation('C5', 'P5', '2024-02-01'), // team A
    allocation('C6', 'P2', '2024-01-01', '2024-06-30'), // C6 moved from the leaver P2 to P5
    allocation('C6', 'P5', '2024-07-01'),
  ];
  return { spells, allocations };
}

function withDb<T>(fn: (db: ReturnType<typeof openDatabase>) => T): T {
  const db = openDatabase(':memory:');
  try {
    seedRecords(db, council());
    return fn(db);
  } finally {
    db.close();
  }
}

describe('measures: filters, hand-worked', () => {
  it('team A: in post, agency, the leaver and turnover, its case holders and children', () =>
    withDb((db) => {
      const m = computeMetrics(db, D, { months: 0, filter: { teams: ['A'] } });
      expect(m.filter).toEqual({ teams: ['A'] });
      // In post at D in A: P5 (0.5) only; P1 moved to B, P2 left. Agency: P3.
      expect(m.inPost).toEqual({ headcount: 1, fte: 0.5 });
      expect(m.agency.headcount).toBe(1);
      expect(m.agency.rateFte).toBeCloseTo((1 / 1.5) * 100, 10);
      // Leavers: P2 only; P1's move to B is not a leaving (decided over the whole council).
      expect(m.leavers.headcount).toBe(1);
      expect(m.turnover.rateHeadcount).toBeCloseTo(100, 10); // 1 leaver / 1 in post
      // Stability index: in post in A a year before (P1, P2, P5); at D still employed anywhere: P1 (in B), P5.
      expect(m.stabilityIndex).toBeCloseTo((2 / 3) * 100, 10);
      // Cases: P3 holds C3, P5 holds C5 and C6; P1's cases count in B.
      expect(m.caseload.cases).toBe(3);
      expect(m.caseload.caseHolders.headcount).toBe(2);
      expect(m.caseload.casesNotCounted).toBe(0);
      // Children whose current worker is in A: C3, C5, C6; C6 had two workers (P2 left: a leaver-caused change).
      expect(m.childStability!.children).toBe(3);
      expect(m.childStability!.two).toBe(1);
      expect(m.childStability!.changes).toMatchObject({ total: 1, afterLeaver: 1 });
    }));

  it('team B and employment types: the move counts as a starter nowhere, the fixed-term worker only under fixed_term', () =>
    withDb((db) => {
      const b = computeMetrics(db, D, { months: 0, filter: { teams: ['B'] } });
      expect(b.inPost.headcount).toBe(2); // P1, P4
      expect(b.starters.headcount).toBe(0); // P1's move is not a start
      expect(b.caseload.cases).toBe(3); // C1, C2 (P1), C4 (P4)
      const fixed = computeMetrics(db, D, { months: 0, filter: { employment: ['fixed_term'] } });
      expect(fixed.inPost).toEqual({ headcount: 1, fte: 1 });
      expect(fixed.caseload.cases).toBe(1);
      const agency = computeMetrics(db, D, { months: 0, filter: { employment: ['agency'] } });
      expect(agency.inPost.headcount).toBe(0);
      expect(agency.agency.rateFte).toBeCloseTo(100, 10);
      expect(agency.caseload.cases).toBe(1);
    }));

  it('no filter, or empty lists, is the whole council and echoes no filter', () =>
    withDb((db) => {
      const all = computeMetrics(db, D, { months: 3 });
      const empty = computeMetrics(db, D, { months: 3, filter: { teams: [], employment: [] } });
      expect(empty).toEqual(all);
      expect(all.filter).toBeUndefined();
      expect(all.caseload.cases).toBe(7 - 1); // C6's ended allocation is not held at D
    }));

  it('the choices are what the staff records hold; words for a filter; nearest team names', () =>
    withDb((db) => {
      expect(filterChoices(db)).toEqual({ teams: ['A', 'B'], roleGroups: ['practitioners'], employment: ['permanent', 'fixed_term', 'agency'] });
      expect(describeFilter({ teams: ['Assessment East'], employment: ['permanent'] })).toBe('Assessment East, permanent staff');
      expect(describeFilter({})).toBe('All staff');
      expect(nearestTeams('Asessment', ['Duty and Assessment', 'Children in Care'])).toEqual(['Duty and Assessment']);
      expect(nearestTeams('Zebra', ['Duty and Assessment', 'Children in Care'])).toEqual([]);
    }));
});

describe('metrics --team (the command line gives the engine figures)', () => {
  const { db, file } = tempDb();
  seedRecords(db, council());
  db.close();
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), isTty: false });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('--team, --employment (a comma list) and --json equal computeMetrics with the same filter', async () => {
    const r = await run(['metrics', '--db', file, '--as-at', D, '--months', '2', '--team', 'a', '--employment', 'permanent,agency', '--json']);
    expect(r.code).toBe(0);
    const { workerLinks: _links, ...printed } = JSON.parse(r.out);
    const again = openDatabase(file, { readonly: true });
    try {
      const m = computeMetrics(again, D, { months: 2, filter: { teams: ['A'], employment: ['permanent', 'agency'] } });
      expect(printed).toEqual(JSON.parse(JSON.stringify(m)));
      expect(printed.filter).toEqual({ teams: ['A'], employment: ['agency', 'permanent'] });
    } finally {
      again.close();
    }
  });

  it('the table says what it shows; an unknown team or role group is refused in plain words', async () => {
    const ok = await run(['metrics', '--db', file, '--as-at', D, '--months', '0', '--team', 'B', '--role-group', 'practitioners']);
    expect(ok.out).toMatch(/Showing: B, senior practitioners and case holders/);
    const bad = await run(['metrics', '--db', file, '--as-at', D, '--team', 'AA']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/No staff record has the team "AA"\. Did you mean "A"( or "B")?\? The teams in your data are: A, B\./);
    const group = await run(['metrics', '--db', file, '--as-at', D, '--role-group', 'bosses']);
    expect(group.code).toBe(2);
    expect(group.err).toMatch(/"bosses" is not a role group/);
  });
});

// Random councils where a person's team, role and contract change from spell to spell (a blank team too).
const spellShape = fc.record({
  gap: fc.integer({ min: 0, max: 20 }),
  length: fc.integer({ min: 0, max: 700 }),
  open: fc.boolean(),
  role: fc.constantFrom(...ROLES),
  type: fc.constantFrom(...EMPLOYMENT_TYPES),
  team: fc.constantFrom('North', 'South', 'East', null),
  fte: fc.constantFrom(0.5, 0.6, 1),
});
const randomCouncil = fc.record({
  staff: fc.array(fc.record({ first: fc.integer({ min: 0, max: 1200 }), spells: fc.array(spellShape, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 8 }),
  allocations: fc.array(fc.record({ who: fc.nat(), start: fc.integer({ min: 0, max: 1800 }), length: fc.integer({ min: 0, max: 300 }), open: fc.boolean(), type: fc.constantFrom(...CASE_TYPES) }), { maxLength: 30 }),
  asAt: fc.integer({ min: 300, max: 1800 }),
});

describe('measures: filters, properties', () => {
  it('the cases held, case holders and children summed over every team (and every contract, every role group) equal the unfiltered totals', () => {
    fc.assert(
      fc.property(randomCouncil, (c) => {
        const day = (n: number) => addDays('2016-01-01', n);
        const spells: SpellRecord[] = [];
        c.staff.forEach((p, i) => {
          let at = p.first;
          p.spells.forEach((s, k) => {
            const open = k === p.spells.length - 1 && s.open;
            spells.push(spell(`P${i}`, day(at), open ? null : day(at + s.length), { role: s.role, employment_type: s.type, team: s.team, fte: s.fte }));
            at += s.length + 1 + s.gap;
          });
        });
        const ids = [...new Set(spells.map((s) => s.staff_id)), 'NOBODY'];
        const allocations = c.allocations.map((a, i) => allocation(`K${i}`, ids[a.who % ids.length]!, day(a.start), a.open ? null : day(a.start + a.length), { case_type: a.type }));
        const db = openDatabase(':memory:');
        try {
          seedRecords(db, { spells, allocations });
          const asAt = day(c.asAt);
          const all = computeMetrics(db, asAt, { months: 0 });
          const choices = filterChoices(db);
          expect(choices.teams).toEqual([...new Set(spells.map((s) => s.team ?? NO_TEAM_LABEL))].sort((a, b) => a.localeCompare(b, 'en-GB')));
          for (const parts of [
            choices.teams.map((t) => ({ teams: [t] })),
            EMPLOYMENT_TYPES.map((t) => ({ employment: [t] })),
            ROLE_GROUPS.map((g) => ({ roleGroups: [g] })),
          ]) {
            const each = parts.map((filter) => computeMetrics(db, asAt, { months: 0, filter }));
            const sum = (f: (m: (typeof each)[number]) => number) => each.reduce((n, m) => n + f(m), 0);
            expect(sum((m) => m.caseload.cases)).toBe(all.caseload.cases);
            expect(sum((m) => m.caseload.caseHolders.headcount)).toBe(all.caseload.caseHolders.headcount);
            expect(sum((m) => m.caseload.groups.supportWorkers.cases)).toBe(all.caseload.groups.supportWorkers.cases);
            expect(sum((m) => m.caseload.cinHeldBySocialWorkers ?? 0)).toBe(all.caseload.cinHeldBySocialWorkers ?? 0);
            expect(sum((m) => m.leavers.fte)).toBeCloseTo(all.leavers.fte, 9);
            expect(sum((m) => m.inPost.fte)).toBeCloseTo(all.inPost.fte, 9);
            // Children held by a worker the HR file does not know are in no selection.
            expect(sum((m) => m.childStability!.children)).toBeLessThanOrEqual(all.childStability!.children);
          }
          // Each team's case figures equal that team's row of the unfiltered caseload table.
          for (const t of all.caseload.byTeam) {
            const m = computeMetrics(db, asAt, { months: 0, filter: { teams: [t.team] } });
            expect(m.caseload.cases).toBe(t.cases);
            expect(m.caseload.caseHolders).toEqual(t.caseHolders);
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
