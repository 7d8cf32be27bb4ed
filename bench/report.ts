// Committee paper benchmark: a council with 5,000 spells, an ASYE register and 1,000,000 case
// allocations over ten years (inserted directly; the importer has its own benchmark), then the
// whole paper timed end to end: measures with the 24-month series, the extra breakdowns, the
// model, the charts and the PDF (or HTML) written to a file. Target: under 3 s.
// Run alone: node --import tsx bench/report.ts   (or npm run bench report)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../electron/db/open';
import { updateSettings } from '../electron/settings';
import { producePaper } from '../electron/report/index';
import { addMonths, fromDayNumber, toDayNumber } from '../shared/dates';
import { ALLOCATIONS, AS_AT, FIRST, benchDatabase, insertAllocations, insertSpells, median, person, sample, seededRandom, spellInsert, worst, type Holder } from './support';

const PEOPLE = 1_250;

function build(file: string): void {
  const random = seededRandom(20180717);
  const { rand, pick } = random;
  const t0 = performance.now();
  const built = benchDatabase(file, '2025-10-01', (db) => {
    const insSpell = spellInsert(db);
    const insAsye = db.prepare(
      `INSERT INTO asye (staff_id, cohort, start_date, planned_end_date, outcome, outcome_date, import_id) VALUES (?, ?, ?, ?, ?, NULL, 1)`,
    );
    const holders: Holder[] = [];
    const reasons = ['resignation', 'resignation', 'resignation', 'retired', 'dismissed', 'other', 'moved_within_council'];
    for (let p = 0; p < PEOPLE; p++) {
      const who = person(p, random);
      const qualified = who.start - Math.floor(rand() * 3000);
      // Those who started within 200 days of qualifying are on the ASYE register.
      if (!who.support && who.type !== 'agency' && who.start - qualified < 200 && who.start > FIRST) {
        const s = fromDayNumber(who.start);
        insAsye.run(who.staff, s.slice(0, 7), s, addMonths(s, 12), who.start + 365 < toDayNumber(AS_AT) ? 'passed' : 'in_progress');
      }
      insertSpells(insSpell, who, holders, random, { reason: () => pick(reasons), qualifiedDay: () => qualified });
    }
    insertAllocations(db, holders, random);
  });
  updateSettings(built, { councilName: 'Benchmark Borough Council' });
  console.log(`built ${PEOPLE * 4} spells and ${ALLOCATIONS.toLocaleString('en-GB')} allocations in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  built.close();
}

// CPU time is shown beside the wall clock because on a shared machine the wall clock also
// measures everyone else's work.
async function time(label: string, runs: number, fn: () => Promise<unknown>): Promise<number> {
  const { wall, cpu } = await sample(runs, fn);
  console.log(
    `${label}: first ${wall[0]!.toFixed(0)} ms (CPU ${cpu[0]!.toFixed(0)} ms), median ${median(wall).toFixed(0)} ms ` +
      `(CPU ${median(cpu).toFixed(0)} ms), worst ${worst(wall).toFixed(0)} ms (${runs} runs)`,
  );
  return wall[0]!;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-report-'));
try {
  const file = path.join(dir, 'bench.sqlite');
  build(file);
  const out = path.join(dir, 'paper');
  // Open, compute, lay out and write, each run from the database file, as the command line does.
  const paper = async (format: 'pdf' | 'html') => {
    const db = openDatabase(file, { readonly: true });
    try {
      const result = format === 'pdf' ? await producePaper(db, { asAt: AS_AT, format }) : await producePaper(db, { asAt: AS_AT, format });
      fs.writeFileSync(`${out}.${format}`, result);
    } finally {
      db.close();
    }
  };
  const first = await time('full PDF paper, database to file (24-month series)', 5, () => paper('pdf'));
  await time('full HTML paper, database to file (24-month series)', 5, () => paper('html'));
  console.log(`PDF: ${fs.statSync(`${out}.pdf`).size.toLocaleString('en-GB')} bytes; first run ${first < 3000 ? 'within' : 'OVER'} the 3 s target`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
