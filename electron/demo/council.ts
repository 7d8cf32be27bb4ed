// generateCouncil: the synthetic council as records. Spells, the ASYE register and the
// establishment are small and returned as arrays; allocations can run to millions, so they come
// as an iterable that re-runs the (seeded, deterministic) case simulation each time it is read.
import { addMonths, fromDayNumber, toDayNumber } from '../../shared/dates';
import type { AllocationRecord, AsyeRecord, EstablishmentRecord, SpellRecord } from '../../shared/records';
import type { Role } from '../../shared/domain';
import { calibrate } from './calibrate';
import { simulateCaseload } from './caseload';
import { resolveOptions, type DemoOptions, type ResolvedOptions } from './options';
import { IdIssuer, type Person } from './people';
import { createRng, deriveSeed } from './prng';
import { defaultPlan, simulateWorkforce } from './workforce';

export interface Council {
  options: ResolvedOptions;
  spells: SpellRecord[];
  asye: AsyeRecord[];
  establishment: EstablishmentRecord[];
  /** Every allocation, streamed: the same rows in the same order each time it is iterated. */
  allocations(): Iterable<AllocationRecord>;
}

export function generateCouncil(options: DemoOptions = {}): Council {
  const opts = resolveOptions(options);
  const ids = new IdIssuer(opts.seed);
  const rng = createRng(deriveSeed(opts.seed, 'workforce'));
  const plan = defaultPlan(opts, rng);
  const { people, posts } = simulateWorkforce(opts, plan, rng, ids);
  if (opts.targets) calibrate(people, opts.targets, opts, createRng(deriveSeed(opts.seed, 'calibrate')), ids);

  const spells = people.flatMap((p) => p.spells);
  const asye = asyeRegister(people, opts);
  const establishment = establishmentOf(posts, opts);
  const protectedPeriods = new Map(
    asye.map((a) => [a.staff_id, { start: toDayNumber(a.start_date), end: toDayNumber(a.planned_end_date ?? addMonths(a.start_date, 12)) }]),
  );
  const pin = opts.targets ? { day: toDayNumber(opts.targets.asAt), cases: opts.targets.cases } : null;
  let durationScale = 1;
  const simulate = () =>
    simulateCaseload({
      seed: opts.seed, startDate: opts.startDate, endDate: opts.endDate, spells, asye: protectedPeriods, ids: new IdIssuer(opts.seed), pin,
      durationScale,
    });
  let total: number | null = null;
  return {
    options: opts,
    spells,
    asye,
    establishment,
    allocations: () => ({
      [Symbol.iterator]: () => {
        if (opts.allocations === null) return simulate();
        // Exactly the number asked for: count a first run, then keep rows by selection sampling
        // (each kept with probability still-needed / still-to-come), which spreads the few
        // dropped rows evenly over the history and never holds more than one row.
        // A small council may fall short: then allocations are made a little shorter (so there are
        // more of them) until there are enough to thin.
        for (let attempt = 0; total === null || (total < opts.allocations && attempt < 8); attempt++) {
          if (total !== null) durationScale *= (total / opts.allocations) * 0.95;
          total = 0;
          for (const _ of simulate()) total++;
        }
        return thin(simulate(), total, opts.allocations, opts.seed);
      },
    }),
  };
}

function* thin<T>(rows: Iterable<T>, total: number, wanted: number, seed: number): Generator<T> {
  const rng = createRng(deriveSeed(seed, 'thin'));
  let seen = 0;
  let kept = 0;
  for (const row of rows) {
    if (kept < wanted && rng.next() * (total - seen) < wanted - kept) {
      kept++;
      yield row;
    }
    seen++;
  }
}

function asyeRegister(people: readonly Person[], opts: ResolvedOptions): AsyeRecord[] {
  const endDay = toDayNumber(opts.endDate);
  const out: AsyeRecord[] = [];
  for (const p of people) {
    const a = p.asye;
    if (!a) continue;
    const start = fromDayNumber(a.start);
    const rec: AsyeRecord = {
      staff_id: p.staffId,
      cohort: start.slice(0, 7),
      start_date: start,
      planned_end_date: fromDayNumber(a.plannedEnd),
      outcome: 'in_progress',
      outcome_date: null,
    };
    const left = p.spells.find((s) => s.end_date !== null && s.leaving_reason !== null && toDayNumber(s.end_date) >= a.start);
    if (left && toDayNumber(left.end_date!) <= a.plannedEnd) {
      rec.outcome = 'withdrawn';
      rec.outcome_date = left.end_date;
    } else if (a.plannedEnd <= endDay) {
      rec.outcome = a.fate;
      rec.outcome_date = rec.planned_end_date;
      // An extension moves the planned end on by six months.
      if (a.fate === 'extended') rec.planned_end_date = addMonths(start, 18);
    }
    out.push(rec);
  }
  return out;
}

/** One funded row per team and role, from the start of the financial year the history opens in. */
function establishmentOf(posts: readonly { role: Role; team: string }[], opts: ResolvedOptions): EstablishmentRecord[] {
  const counts = new Map<string, EstablishmentRecord>();
  const y = Number(opts.startDate.slice(0, 4));
  const fyStart = opts.startDate.slice(5) >= '04-01' ? `${y}-04-01` : `${y - 1}-04-01`;
  for (const p of posts) {
    const key = `${p.team}\u0000${p.role}`;
    const row = counts.get(key);
    if (row) row.funded_fte += 1;
    else counts.set(key, { team: p.team, role: p.role, funded_fte: 1, start_date: fyStart, end_date: null });
  }
  return [...counts.values()];
}
