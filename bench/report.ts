// Committee paper benchmark: a council with 5,000 spells, an ASYE register and 1,000,000 case
// allocations over ten years (inserted directly; the importer has its own benchmark), then the
// whole paper timed end to end: measures with the 24-month series, the extra breakdowns, the
// model, the charts and the PDF, HTML or Word file written. Target: under 3 s each.
// Then the same through the command line as a user runs it: a new process per paper
// (`scrutiny-pack report`), which adds Node's start, the bundle load and the libraries' load.
// Run alone: node --import tsx bench/report.ts   (or npm run bench report)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../electron/db/open';
import { updateSettings } from '../electron/settings';
import { buildPaperFromDb, producePaper } from '../electron/report/index';
import { renderTaggedPdf } from '../electron/report/render-pdf';
import { pageLayoutProblems, tableRowPagesOf } from '../test/report/page-layout';
import { addMonths, fromDayNumber, toDayNumber } from '../shared/dates';
import type { PaperFormat } from '../electron/report/index';
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
  const paper = async (format: PaperFormat) => {
    const db = openDatabase(file, { readonly: true });
    try {
      fs.writeFileSync(`${out}.${format}`, await producePaper(db, { asAt: AS_AT, format }));
    } finally {
      db.close();
    }
  };
  const first = await time('full PDF paper, database to file (24-month series)', 5, () => paper('pdf'));
  await time('full HTML paper, database to file (24-month series)', 5, () => paper('html'));
  await time('full Word paper, database to file (24-month series)', 5, () => paper('docx'));
  console.log(`PDF: ${fs.statSync(`${out}.pdf`).size.toLocaleString('en-GB')} bytes; first run ${first < 3000 ? 'within' : 'OVER'} the 3 s target`);

  // The same paper's pages, checked as the layout tests check the demo council's (poppler).
  {
    const db = openDatabase(file, { readonly: true });
    const model = buildPaperFromDb(db, { asAt: AS_AT });
    db.close();
    const laidOut = await renderTaggedPdf(model);
    fs.writeFileSync(`${out}-layout.pdf`, laidOut.pdf);
    const pages = pageLayoutProblems(`${out}-layout.pdf`, model, tableRowPagesOf(laidOut.definition as { content: unknown }));
    const fitted = [...laidOut.fit.chartHeights.keys(), ...laidOut.fit.split].join(', ') || 'none';
    console.log(
      `PDF layout: ${pages.pages} pages; fitted to the pages: ${fitted}; ` +
        (pages.problems.length
          ? `PROBLEMS:\n  ${pages.problems.join('\n  ')}`
          : "no heading at a page foot, no table row alone on a page, no page over a third empty but a section's last"),
    );
  }

  // As a user runs it: one new process per paper. bash's `times` gives the child's CPU time.
  const cli = path.resolve(import.meta.dirname, '..', 'bin', 'scrutiny-pack.mjs');
  const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;
  const seconds = (t: string) => Number(/(\d+)m([\d.]+)s/.exec(t)![1]) * 60 + Number(/(\d+)m([\d.]+)s/.exec(t)![2]);
  for (const format of ['pdf', 'html', 'docx'] as const) {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let run = 0; run < 3; run++) {
      const args = [process.execPath, cli, 'report', '--db', file, '--as-at', AS_AT, '--format', format, '--out', `${out}-cli.${format}`];
      const t0 = performance.now();
      const r = spawnSync('bash', ['-c', `${args.map(quote).join(' ')} >/dev/null && times`], { encoding: 'utf8' });
      wall.push(performance.now() - t0);
      if (r.status !== 0) throw new Error(`The command line failed: ${r.stderr}`);
      // `times` prints the shell's own times, then its children's: "0m1.234s 0m0.120s".
      const children = r.stdout.trim().split('\n').pop()!.split(/\s+/);
      cpu.push((seconds(children[0]!) + seconds(children[1]!)) * 1000);
    }
    console.log(
      `command line, ${format.toUpperCase()} (new process): first ${wall[0]!.toFixed(0)} ms (CPU ${cpu[0]!.toFixed(0)} ms), ` +
        `median ${median(wall).toFixed(0)} ms (CPU ${median(cpu).toFixed(0)} ms); ${median(wall) < 3000 ? 'within' : 'OVER'} the 3 s target`,
    );
  }
  console.log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(', ')}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
