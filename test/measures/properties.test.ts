// Property tests over random small councils: the invariants the definitions imply, checked
// against oracles written directly from DOMAIN.md rather than from the engine's code.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openDatabase } from '../../electron/db/open';
import { computeMetrics } from '../../electron/measures/index';
import { addDays, addYears, type IsoDate } from '../../shared/dates';
import type { Metrics } from '../../shared/metrics';
import type { AllocationRecord, AsyeRecord, SpellRecord } from '../../shared/records';
import { ROLES, EMPLOYMENT_TYPES, CASE_TYPES } from '../../shared/domain';
import { seedRecords, type SeedRecords } from '../support/seed';

const BASE = '2015-01-01';

const spellShape = fc.record({
  gap: fc.integer({ min: 0, max: 20 }), // days between spells: exercises the 7-day rule
  length: fc.integer({ min: 0, max: 900 }),
  open: fc.boolean(),
  role: fc.constantFrom(...ROLES),
  type: fc.constantFrom(...EMPLOYMENT_TYPES),
  fte: fc.constantFrom(0.5, 0.6, 0.8, 1),
});

const council = fc.record({
  staff: fc.array(
    fc.record({ firstStart: fc.integer({ min: 0, max: 1500 }), spells: fc.array(spellShape, { minLength: 1, maxLength: 3 }) }),
    { minLength: 1, maxLength: 8 },
  ),
  allocations: fc.array(
    fc.record({
      who: fc.nat(),
      start: fc.integer({ min: 0, max: 2200 }),
      length: fc.integer({ min: 0, max: 400 }),
      open: fc.boolean(),
      type: fc.constantFrom(...CASE_TYPES),
    }),
    { maxLength: 40 },
  ),
  asye: fc.array(fc.record({ who: fc.nat(), start: fc.integer({ min: 0, max: 2000 }), outcome: fc.constantFrom('in_progress', 'passed', 'withdrawn', 'extended') }), { maxLength: 3 }),
  asAt: fc.integer({ min: 200, max: 2200 }),
});
type Council = typeof council extends fc.Arbitrary<infer T> ? T : never;

function build(c: Council, shift = 0, forceOpen = false): SeedRecords & { asAt: IsoDate; spells: SpellRecord[] } {
  const day = (n: number) => addDays(BASE, n + shift);
  const spells: SpellRecord[] = [];
  c.staff.forEach((p, i) => {
    let at = p.firstStart;
    // With forceOpen each person keeps only a first, never-ending spell: nobody can leave.
    const list = forceOpen ? p.spells.slice(0, 1) : p.spells;
    list.forEach((s, k) => {
      const last = k === list.length - 1;
      const open = forceOpen || (last && s.open);
      spells.push({
        staff_id: `P${i}`, swe_number: null, role: s.role, team: `T${i % 3}`, employment_type: s.type, fte: s.fte,
        start_date: day(at), end_date: open ? null : day(at + s.length), leaving_reason: null, qualified_date: day(p.firstStart - 300),
      });
      at += s.length + 1 + s.gap;
    });
  });
  const clean = spells;
  const ids = [...new Set(clean.map((s) => s.staff_id)), 'X'];
  const allocations: AllocationRecord[] = c.allocations.map((a, i) => ({
    case_id: `K${i}`, case_type: a.type, staff_id: ids[a.who % ids.length]!, team: null,
    start_date: day(a.start), end_date: a.open ? null : day(a.start + a.length),
  }));
  const seen = new Set<string>();
  const asye: AsyeRecord[] = [];
  for (const a of c.asye) {
    const staff = ids[a.who % ids.length]!;
    const key = `${staff}|${a.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    asye.push({ staff_id: staff, cohort: 'cohort', start_date: day(a.start), planned_end_date: day(a.start + 365), outcome: a.outcome as AsyeRecord['outcome'], outcome_date: a.outcome === 'in_progress' ? null : day(a.start + 200) });
  }
  return { spells: clean, allocations, asye, asAt: day(c.asAt) };
}

function metricsOf(records: ReturnType<typeof build>, months = 0): Metrics {
  const db = openDatabase(':memory:');
  try {
    seedRecords(db, records);
    return computeMetrics(db, records.asAt, { months });
  } finally {
    db.close();
  }
}

const covers = (s: { start_date: string; end_date: string | null }, d: string) => s.start_date <= d && (s.end_date === null || s.end_date >= d);
const isSw = (s: SpellRecord) => s.role !== 'support_worker';
const isDirect = (s: SpellRecord) => s.employment_type !== 'agency';

function numbersIn(x: unknown, out: number[] = []): number[] {
  if (typeof x === 'number') out.push(x);
  else if (x && typeof x === 'object') for (const v of Object.values(x)) numbersIn(v, out);
  return out;
}

/** Everything but the dates themselves (and cohort labels, which name a month). */
// The agency rules are left out too: the DfE's guidance took effect on fixed calendar dates, so
// shifting a council 28 years rightly changes which assignments it covers.
function withoutDates(m: Metrics): unknown {
  const dated = new Set(['asAt', 'date', 'cohort', 'warnings', 'windowStart', 'agencyRules', 'lastDay']);
  return JSON.parse(JSON.stringify(m, (k, v) => (dated.has(k) ? undefined : v)));
}

describe('measures: properties', () => {
  it('headcounts never exceed spell counts, in-post FTE sums the covering spells, no NaN or Infinity anywhere', () => {
    fc.assert(
      fc.property(council, (c) => {
        const r = build(c);
        const m = metricsOf(r, 3);
        const d = r.asAt;
        const from = addYears(d, -1);
        const direct = r.spells.filter((s) => isSw(s) && isDirect(s));
        const covering = direct.filter((s) => covers(s, d));
        expect(m.inPost.headcount).toBeLessThanOrEqual(covering.length);
        expect(m.inPost.fte).toBeCloseTo(covering.reduce((t, s) => t + s.fte, 0), 9);
        expect(m.agency.headcount).toBeLessThanOrEqual(r.spells.filter((s) => isSw(s) && !isDirect(s) && covers(s, d)).length);
        expect(m.leavers.headcount).toBeLessThanOrEqual(direct.filter((s) => s.end_date !== null && s.end_date > from && s.end_date <= d).length);
        expect(m.starters.headcount).toBeLessThanOrEqual(direct.filter((s) => s.start_date > from && s.start_date <= d).length);
        expect(m.caseload.caseHolders.headcount).toBeLessThanOrEqual(r.spells.filter((s) => isSw(s) && covers(s, d)).length);
        expect(m.caseload.cases).toBeLessThanOrEqual(r.allocations!.filter((a) => covers(a, d)).length);
        // Cases held, by brute force: allocations covering D whose holder has a social-work spell covering D.
        const swAtD = new Set(r.spells.filter((s) => isSw(s) && covers(s, d)).map((s) => s.staff_id));
        const held = r.allocations!.filter((a) => covers(a, d) && swAtD.has(a.staff_id));
        expect(m.caseload.cases).toBe(held.length);
        expect(m.caseload.caseHolders.headcount).toBe(new Set(held.map((a) => a.staff_id)).size);
        for (const n of numbersIn(m)) expect(Number.isFinite(n)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('leavers and starters match a day-by-day reading of the 7-day rule', () => {
    // Oracle: a directly employed social-work spell ending on E leaves unless the same person
    // is working in such a spell on any of the 7 days after E; a spell starting on N starts
    // unless they were working in such a spell on any of the 7 days before N.
    fc.assert(
      fc.property(council, (c) => {
        const r = build(c);
        const m = metricsOf(r);
        const d = r.asAt;
        const from = addYears(d, -1);
        const direct = r.spells.filter((s) => isSw(s) && isDirect(s));
        const workingOn = (staff: string, day: string) => direct.some((t) => t.staff_id === staff && covers(t, day));
        const days = (base: string, offsets: number[]) => offsets.map((k) => addDays(base, k));
        const leaving = direct.filter(
          (s) => s.end_date !== null && s.end_date > from && s.end_date <= d && !days(s.end_date, [1, 2, 3, 4, 5, 6, 7]).some((x) => workingOn(s.staff_id, x)),
        );
        const joining = direct.filter(
          (s) => s.start_date > from && s.start_date <= d && !days(s.start_date, [-1, -2, -3, -4, -5, -6, -7]).some((x) => workingOn(s.staff_id, x)),
        );
        expect(m.leavers.headcount).toBe(new Set(leaving.map((s) => s.staff_id)).size);
        expect(m.leavers.fte).toBeCloseTo(leaving.reduce((t, s) => t + s.fte, 0), 9);
        expect(m.starters.headcount).toBe(new Set(joining.map((s) => s.staff_id)).size);
        expect(m.starters.fte).toBeCloseTo(joining.reduce((t, s) => t + s.fte, 0), 9);
      }),
      { numRuns: 200 },
    );
  });

  it('a council with no leavers has a turnover of 0 (or not applicable with nobody in post)', () => {
    fc.assert(
      fc.property(council, (c) => {
        const m = metricsOf(build(c, 0, true));
        expect(m.leavers).toMatchObject({ headcount: 0, fte: 0 });
        if (m.inPost.headcount > 0) {
          expect(m.turnover).toEqual({ rateFte: 0, rateHeadcount: 0 });
        } else {
          expect(m.turnover).toEqual({ rateFte: null, rateHeadcount: null });
        }
      }),
      { numRuns: 100 },
    );
  });

  it('shifting every date by the same number of days changes no figure at D', () => {
    // Point-in-time measures depend only on which intervals cover D, so any shift must leave
    // them unchanged.
    fc.assert(
      fc.property(council, fc.integer({ min: -2000, max: 2000 }), (c, shift) => {
        const a = metricsOf(build(c));
        const b = metricsOf(build(c, shift));
        expect(b.asAt).toBe(addDays(a.asAt, shift));
        expect(b.inPost).toEqual(a.inPost);
        expect(b.agency).toEqual(a.agency);
        const { byTeam: _a, ...ca } = a.caseload;
        const { byTeam: _b, ...cb } = b.caseload;
        expect(cb).toEqual(ca);
        expect(b.caseload.byTeam).toEqual(a.caseload.byTeam);
      }),
      { numRuns: 100 },
    );
  });

  it('each point of the monthly series (one sweep) equals the measures computed at that date alone', () => {
    fc.assert(
      fc.property(council, (c) => {
        const r = build(c);
        const m = metricsOf(r, 8);
        for (const point of m.series) {
          // With a one-month series there are only two dates (D and a year before), which the
          // engine answers with one index query each instead of the sweep.
          const alone = metricsOf({ ...r, asAt: point.date }, 1);
          expect(alone.series).toHaveLength(1);
          expect(point).toEqual(alone.series[0]);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('shifting every date by a whole calendar cycle (28 years) changes nothing but the dates', () => {
    // "The 12 months to D", month ends, anniversaries and years of service are calendar
    // arithmetic; 28 years (10,227 days) keeps every leap day in place between 1901 and 2099,
    // so every figure, series and year-ago one included, must come out the same.
    const CYCLE = 10_227;
    fc.assert(
      fc.property(council, fc.constantFrom(-CYCLE, CYCLE), (c, shift) => {
        const a = metricsOf(build(c), 14);
        const b = metricsOf(build(c, shift), 14);
        expect(b.asAt).toBe(addDays(a.asAt, shift));
        expect(b.series.map((s) => s.date)).toEqual(a.series.map((s) => addDays(s.date, shift)));
        expect(withoutDates(b)).toEqual(withoutDates(a));
        // Cautions name dates, so they are compared with the dates taken out.
        const undated = (m: Metrics) => m.warnings?.map((w) => w.replace(/\d{1,2} [A-Z][a-z]+ \d{4}/g, 'DATE'));
        expect(undated(b)).toEqual(undated(a));
      }),
      { numRuns: 60 },
    );
  });
});
