// Measures benchmark, on two councils inserted directly (the importer has its own benchmark):
//  1. synthetic rows: 5,000 spells and 1,000,000 case allocations over ten years (the issue's
//     figure; heavy caseloads, so many allocations cover each date);
//  2. the demo generator's council scaled to 1,000,000 allocations (realistic caseloads, about
//     11,000 spells over 17 years);
// then computeMetrics timed at one date (D and the year-ago figures, no series) and with series,
// cold (a connection that has computed nothing yet) and with the workforce state kept from an
// earlier call, for the whole council and for one team.
// Run alone: node --import tsx bench/measures.ts   (or npm run bench measures)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../electron/db/open';
import { computeMetrics } from '../electron/measures/index';
import { addDays } from '../shared/dates';
import { generateCouncil } from '../electron/demo';
import { seedRecords } from '../test/support/seed';
import { ALLOCATIONS, AS_AT, benchDatabase, insertAllocations, insertSpells, median, person, sample, seededRandom, spellInsert, type Holder } from './support';

const SPELLS = 5_000;

function build(file: string): void {
  const random = seededRandom(20180930);
  const t0 = performance.now();
  const built = benchDatabase(file, '2025-01-01', (db) => {
    const insSpell = spellInsert(db);
    // 1,250 people with four consecutive spells each; everyone qualified 400 days before each spell.
    const holders: Holder[] = [];
    for (let p = 0; p < SPELLS / 4; p++) {
      insertSpells(insSpell, person(p, random), holders, random, { reason: () => 'resignation', qualifiedDay: (start) => start - 400 });
    }
    insertAllocations(db, holders, random);
  });
  console.log(`built ${SPELLS} spells and ${ALLOCATIONS.toLocaleString('en-GB')} allocations in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  built.close();
}

async function time(label: string, runs: number, fn: () => unknown): Promise<void> {
  const { wall, cpu } = await sample(runs, fn);
  console.log(`${label}: median ${median(wall).toFixed(0)} ms wall, ${median(cpu).toFixed(0)} ms CPU; first ${wall[0]!.toFixed(0)} ms wall, ${cpu[0]!.toFixed(0)} ms CPU (${runs} runs)`);
}

/**
 * A user's first computation on a database just opened (or just changed): nothing kept from an
 * earlier call (electron/measures/state.ts), so the spells are read and classified again. Each
 * run opens its own connection; the opening itself is not timed.
 */
async function timeCold(label: string, file: string, runs: number, fn: (db: Db) => unknown): Promise<void> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const db = openDatabase(file, { readonly: true });
    const r = await sample(1, () => fn(db));
    db.close();
    wall.push(r.wall[0]!);
    cpu.push(r.cpu[0]!);
  }
  console.log(`${label} (cold: a new connection each run): median ${median(wall).toFixed(0)} ms wall, ${median(cpu).toFixed(0)} ms CPU (${runs} runs)`);
}

/** The five timings every council gets: cold and kept, one date and a 24-month series, and a team filter. */
async function timeAll(prefix: string, file: string, db: Db, team: string): Promise<void> {
  const filter = { teams: [team] };
  await timeCold(`${prefix}all measures at one date (D and a year before, no series)`, file, 7, (d) => computeMetrics(d, AS_AT, { months: 0 }));
  await timeCold(`${prefix}all measures with the 24-month series`, file, 5, (d) => computeMetrics(d, AS_AT));
  await time(`${prefix}all measures at one date, state kept from an earlier call`, 9, () => computeMetrics(db, AS_AT, { months: 0 }));
  await time(`${prefix}all measures with the 24-month series, state kept`, 5, () => computeMetrics(db, AS_AT));
  await time(`${prefix}team "${team}" at one date, state kept`, 9, () => computeMetrics(db, AS_AT, { months: 0, filter }));
  await time(`${prefix}team "${team}" with the 24-month series, state kept`, 5, () => computeMetrics(db, AS_AT, { filter }));
  await timeCold(`${prefix}team "${team}" at one date`, file, 5, (d) => computeMetrics(d, AS_AT, { months: 0, filter }));
}

/** The demo generator's council at 1,000,000 allocations, written to a file; nothing of it is kept in memory for the timings. */
function buildDemo(file: string): void {
  const t0 = performance.now();
  const council = generateCouncil({ allocations: ALLOCATIONS, endDate: AS_AT });
  const db = openDatabase(file);
  db.pragma('synchronous = OFF');
  seedRecords(db, { spells: council.spells, asye: council.asye, establishment: council.establishment, allocations: [...council.allocations()] });
  db.close();
  console.log(`built ${council.spells.length.toLocaleString('en-GB')} spells and ${ALLOCATIONS.toLocaleString('en-GB')} allocations in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

console.log(`load average at start: ${os.loadavg().map((x) => x.toFixed(1)).join(', ')} on ${os.cpus().length} cores`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-measures-'));
try {
  const file = path.join(dir, 'bench.sqlite');
  build(file);
  const db = openDatabase(file, { readonly: true });
  const m = computeMetrics(db, AS_AT, { months: 0 });
  console.log(`at ${AS_AT}: ${m.inPost.headcount} in post, ${m.caseload.cases.toLocaleString('en-GB')} cases held by ${m.caseload.caseHolders.headcount} case holders`);
  await timeAll('', file, db, 'Assessment');
  await time('all measures at a date five years back (2020-09-30), no series', 5, () => computeMetrics(db, addDays('2020-10-01', -1), { months: 0 }));
  await time('all measures with a 60-month series', 3, () => computeMetrics(db, AS_AT, { months: 60 }));
  db.close();

  console.log('\n--- the demo council scaled to 1,000,000 allocations ---');
  const demoFile = path.join(dir, 'demo.sqlite');
  buildDemo(demoFile);
  const demo = openDatabase(demoFile, { readonly: true });
  const dm = computeMetrics(demo, AS_AT, { months: 0 });
  console.log(`at ${AS_AT}: ${dm.inPost.headcount} in post, ${dm.caseload.cases.toLocaleString('en-GB')} cases held by ${dm.caseload.caseHolders.headcount} case holders`);
  await timeAll('demo: ', demoFile, demo, 'Children in Care');
  demo.close();
  console.log(`load average at end: ${os.loadavg().map((x) => x.toFixed(1)).join(', ')}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
