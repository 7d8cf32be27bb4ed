// Measures benchmark, on two councils inserted directly (the importer has its own benchmark):
//  1. synthetic rows: 5,000 spells and 1,000,000 case allocations over ten years (the issue's
//     figure; heavy caseloads, so many allocations cover each date);
//  2. the demo generator's council scaled to 1,000,000 allocations (realistic caseloads, about
//     11,000 spells over 17 years);
// then computeMetrics timed at one date (D and the year-ago figures, no series) and with series.
// Run alone: node --import tsx bench/measures.ts   (or npm run bench measures)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../electron/db/open';
import { computeMetrics } from '../electron/measures/index';
import { addDays, toDayNumber, fromDayNumber } from '../shared/dates';
import { generateCouncil } from '../electron/demo';
import { seedRecords } from '../test/support/seed';

const SPELLS = 5_000;
const ALLOCATIONS = 1_000_000;
const FIRST = toDayNumber('2016-01-01');
const LAST = toDayNumber('2025-12-31');
const AS_AT = '2025-09-30';

// Deterministic pseudo-random numbers (mulberry32) so every run measures the same data.
let seed = 20180930;
function rand(): number {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

function build(file: string): void {
  const db = openDatabase(file);
  db.pragma('synchronous = OFF');
  const t0 = performance.now();
  db.transaction(() => {
    db.prepare(`INSERT INTO import_log (id, file_name, sha256, source, layout, started_at, outcome) VALUES (1, 'bench', 'bench', 'workers', 'bench', '2025-01-01', 'imported')`).run();
    const insSpell = db.prepare(
      `INSERT INTO spell (staff_id, role, team, employment_type, fte, start_date, end_date, leaving_reason, qualified_date, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    );
    // 1,250 people with four consecutive spells each (role, team or FTE changes, the odd gap).
    const holders: { staff: string; start: number; end: number }[] = [];
    const teams = ['Assessment', 'Child in need 1', 'Child in need 2', 'Child protection', 'Children in care', 'Care leavers', 'Disabled children'];
    const people = SPELLS / 4;
    for (let p = 0; p < people; p++) {
      const staff = `S${String(p).padStart(5, '0')}`;
      let start = FIRST - 2000 + Math.floor(rand() * (LAST - FIRST));
      const type = rand() < 0.12 ? 'agency' : rand() < 0.1 ? 'fixed_term' : 'permanent';
      const support = rand() < 0.08;
      for (let k = 0; k < 4; k++) {
        const len = 120 + Math.floor(rand() * 900);
        const openEnded = k === 3 && rand() < 0.5;
        const end = start + len;
        const role = support ? 'support_worker' : rand() < 0.75 ? 'case_holder' : pick(['senior_practitioner', 'first_line_manager', 'qualified_no_cases'] as const);
        insSpell.run(staff, role, pick(teams), type, rand() < 0.2 ? 0.6 : 1, fromDayNumber(start), openEnded ? null : fromDayNumber(end), openEnded ? null : 'resignation', fromDayNumber(start - 400), );
        if (role === 'case_holder' || role === 'support_worker') holders.push({ staff, start, end: openEnded ? LAST + 400 : end });
        start = end + 1 + (rand() < 0.2 ? 30 + Math.floor(rand() * 200) : 0);
      }
    }
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
  })();
  console.log(`built ${SPELLS} spells and ${ALLOCATIONS.toLocaleString('en-GB')} allocations in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  db.close();
}

// Wall-clock time is what a user waits; CPU time (user + system of this process) is the work
// itself, which stays meaningful when other processes share the two cores.
function time(label: string, runs: number, fn: () => unknown): void {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(0);
  console.log(`${label}: median ${median(wall)} ms wall, ${median(cpu)} ms CPU; first (cold) ${wall[0]!.toFixed(0)} ms wall (${runs} runs)`);
}

console.log(`load average at start: ${os.loadavg().map((x) => x.toFixed(1)).join(', ')} on ${os.cpus().length} cores`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-measures-'));
try {
  const file = path.join(dir, 'bench.sqlite');
  build(file);
  const db = openDatabase(file, { readonly: true });
  const m = computeMetrics(db, AS_AT, { months: 0 });
  console.log(`at ${AS_AT}: ${m.inPost.headcount} in post, ${m.caseload.cases.toLocaleString('en-GB')} cases held by ${m.caseload.caseHolders.headcount} case holders`);
  time('all measures at one date (D and a year before, no series)', 9, () => computeMetrics(db, AS_AT, { months: 0 }));
  time('all measures with the 24-month series', 5, () => computeMetrics(db, AS_AT));
  time('all measures at a date five years back (2020-09-30), no series', 5, () => computeMetrics(db, addDays('2020-10-01', -1), { months: 0 }));
  time('all measures with a 60-month series', 3, () => computeMetrics(db, AS_AT, { months: 60 }));
  db.close();

  console.log('\n--- the demo council scaled to 1,000,000 allocations ---');
  const demoFile = path.join(dir, 'demo.sqlite');
  const t0 = performance.now();
  const council = generateCouncil({ allocations: ALLOCATIONS, endDate: AS_AT });
  const demoDb = openDatabase(demoFile);
  demoDb.pragma('synchronous = OFF');
  seedRecords(demoDb, { spells: council.spells, asye: council.asye, establishment: council.establishment, allocations: [...council.allocations()] });
  demoDb.close();
  console.log(`built ${council.spells.length.toLocaleString('en-GB')} spells and ${ALLOCATIONS.toLocaleString('en-GB')} allocations in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const demo = openDatabase(demoFile, { readonly: true });
  const dm = computeMetrics(demo, AS_AT, { months: 0 });
  console.log(`at ${AS_AT}: ${dm.inPost.headcount} in post, ${dm.caseload.cases.toLocaleString('en-GB')} cases held by ${dm.caseload.caseHolders.headcount} case holders`);
  time('demo: all measures at one date (no series)', 9, () => computeMetrics(demo, AS_AT, { months: 0 }));
  time('demo: all measures with the 24-month series', 5, () => computeMetrics(demo, AS_AT));
  demo.close();
  console.log(`load average at end: ${os.loadavg().map((x) => x.toFixed(1)).join(', ')}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
