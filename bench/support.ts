// What the measures and paper benchmarks share: a council of synthetic rows over ten years
// (deterministic, so every run measures the same data), inserted directly because the importer
// has its own benchmark, and the timing of repeated runs.
import type { Statement } from 'better-sqlite3';
import { openDatabase, type Db } from '../electron/db/open';
import { fromDayNumber, toDayNumber } from '../shared/dates';

export const ALLOCATIONS = 1_000_000;
export const FIRST = toDayNumber('2016-01-01');
export const LAST = toDayNumber('2025-12-31');
export const AS_AT = '2025-09-30';
const TEAMS = ['Assessment', 'Child in need 1', 'Child in need 2', 'Child protection', 'Children in care', 'Care leavers', 'Disabled children'];

export interface Random {
  rand(): number;
  pick<T>(xs: readonly T[]): T;
}

/** Deterministic pseudo-random numbers (mulberry32). */
export function seededRandom(initial: number): Random {
  let seed = initial;
  const rand = (): number => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { rand, pick: <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]! };
}

/** A new database whose rows `fill` inserts in one transaction, all under import 1. Left open. */
export function benchDatabase(file: string, importedOn: string, fill: (db: Db) => void): Db {
  const db = openDatabase(file);
  db.pragma('synchronous = OFF');
  db.transaction(() => {
    db.prepare(`INSERT INTO import_log (id, file_name, sha256, source, layout, started_at, outcome) VALUES (1, 'bench', 'bench', 'workers', 'bench', ?, 'imported')`).run(importedOn);
    fill(db);
  })();
  return db;
}

export interface Person {
  staff: string;
  start: number;
  type: 'agency' | 'fixed_term' | 'permanent';
  support: boolean;
}

/** The p-th person: staff id, first day, employment type and whether a support worker. */
export function person(p: number, { rand }: Random): Person {
  const staff = `S${String(p).padStart(5, '0')}`;
  const start = FIRST - 2000 + Math.floor(rand() * (LAST - FIRST));
  const type = rand() < 0.12 ? 'agency' : rand() < 0.1 ? 'fixed_term' : 'permanent';
  const support = rand() < 0.08;
  return { staff, start, type, support };
}

/** A stretch of case holding that allocations can fall in. */
export interface Holder {
  staff: string;
  start: number;
  end: number;
}

export function spellInsert(db: Db): Statement {
  return db.prepare(
    `INSERT INTO spell (staff_id, role, team, employment_type, fte, start_date, end_date, leaving_reason, qualified_date, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  );
}

/**
 * Four consecutive spells for one person (role, team or FTE changes, the odd gap), the last open
 * half the time; the case-holding ones are added to `holders`.
 */
export function insertSpells(
  insert: Statement,
  who: Person,
  holders: Holder[],
  { rand, pick }: Random,
  leaving: { reason(): string; qualifiedDay(spellStart: number): number },
): void {
  let start = who.start;
  for (let k = 0; k < 4; k++) {
    const len = 120 + Math.floor(rand() * 900);
    const openEnded = k === 3 && rand() < 0.5;
    const end = start + len;
    const role = who.support ? 'support_worker' : rand() < 0.75 ? 'case_holder' : pick(['senior_practitioner', 'first_line_manager', 'qualified_no_cases'] as const);
    insert.run(who.staff, role, pick(TEAMS), who.type, rand() < 0.2 ? 0.6 : 1, fromDayNumber(start), openEnded ? null : fromDayNumber(end), openEnded ? null : leaving.reason(), fromDayNumber(leaving.qualifiedDay(start)));
    if (role === 'case_holder' || role === 'support_worker') holders.push({ staff: who.staff, start, end: openEnded ? LAST + 400 : end });
    start = end + 1 + (rand() < 0.2 ? 30 + Math.floor(rand() * 200) : 0);
  }
}

/** ALLOCATIONS cases, each held within one holder's stretch, lasting about 90 days on average. */
export function insertAllocations(db: Db, holders: Holder[], { rand, pick }: Random): void {
  const insAlloc = db.prepare(`INSERT INTO allocation (case_key, case_type, staff_id, team, start_date, end_date, import_id) VALUES (?, ?, ?, NULL, ?, ?, 1)`);
  const types = ['CIN', 'CIN', 'CP', 'CLA', 'care_leaver', 'other'] as const;
  const inRange = holders.filter((h) => h.end >= FIRST && h.start <= LAST);
  for (let i = 0; i < ALLOCATIONS; i++) {
    const h = inRange[Math.floor(rand() * inRange.length)]!;
    const lo = Math.max(h.start, FIRST);
    const hi = Math.min(h.end, LAST);
    const start = lo + Math.floor(rand() * (hi - lo + 1));
    const end = Math.min(start + Math.floor(-Math.log(1 - rand()) * 90), h.end);
    insAlloc.run(`K${i}`, pick(types), h.staff, fromDayNumber(start), end > LAST ? null : fromDayNumber(end));
  }
}

/**
 * Runs `fn` `runs` times. Wall-clock time is what a user waits; CPU time (user + system of this
 * process) is the work itself, which stays meaningful when other processes share the two cores.
 */
export async function sample(runs: number, fn: () => unknown): Promise<{ wall: number[]; cpu: number[] }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return { wall, cpu };
}

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const worst = (xs: number[]): number => Math.max(...xs);
