// Random and mutated CSV: the importer never crashes (it imports, or reports row problems, or
// refuses the file with an ImportProblem) and never leaves a partial import behind.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ImportProblem } from '../../electron/import/index';
import { dump, setup } from './helpers';

const HEADERS = [
  'case_id,case_type,staff_id,team,start_date,end_date',
  'staff_id,swe_number,role,team,employment_type,fte,start_date,end_date,leaving_reason,qualified_date',
  'staff_id,cohort,start_date,planned_end_date,outcome,outcome_date',
  'team,role,funded_fte,start_date,end_date',
];

const cell = fc.oneof(
  fc.constantFrom('', 'S1', 'S2', 'C1', 'CIN', 'cp', 'case_holder', 'support worker', 'permanent', 'agency', '1', '0.5', '0', '1.5',
    '2019-01-01', '31/03/2018', '03/25/2018', '31-Mar-2018', '43190', '2019-02-30', 'passed', 'North', 'Y', 'resignation'),
  fc.string({ maxLength: 8 }),
);
const randomRow = fc.array(cell, { minLength: 0, maxLength: 11 });
// Valid allocation rows, so that whole files import too (keys repeat, so duplicates occur).
const allocationRow = fc.tuple(fc.constantFrom('C1', 'C2', 'C3', 'C4'), fc.constantFrom('CIN', 'CP', 'cla'), fc.constantFrom('S1', 'S2'), fc.constant('T'),
  fc.constantFrom('2019-01-01', '2019-02-01', '2019-03-01'), fc.constantFrom('', '2019-04-01'));
const row = fc.oneof({ arbitrary: randomRow, weight: 1 }, { arbitrary: allocationRow, weight: 3 });
const mutation = fc.record({ at: fc.nat(), insert: fc.constantFrom('"', '\n', '\r\n', ',', ';', '\t', '""', '\u00a3', '\uFEFF', '\0', '') , cut: fc.nat({ max: 3 }) });

const generated = fc.record({
  header: fc.oneof({ arbitrary: fc.constantFrom(...HEADERS), weight: 4 }, { arbitrary: fc.array(fc.string({ maxLength: 10 }), { maxLength: 6 }).map((h) => h.join(',')), weight: 1 }),
  rows: fc.array(row, { maxLength: 12 }),
  delimiter: fc.constantFrom(',', ';', '\t'),
  mutations: fc.array(mutation, { maxLength: 4 }),
  encoding: fc.constantFrom('utf8', 'latin1', 'utf16le'),
  acceptValid: fc.boolean(),
});

describe('property: random and mutated CSV', () => {
  it('never crashes and never leaves a partial import', async () => {
    const t = setup();
    let n = 0;
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(generated, async (g) => {
        const header = g.delimiter === ',' ? g.header : g.header.replaceAll(',', g.delimiter);
        let text = [header, ...g.rows.map((r) => r.join(g.delimiter))].join('\n') + '\n';
        for (const m of g.mutations) {
          const at = m.at % (text.length + 1);
          text = text.slice(0, at) + m.insert + text.slice(at + m.cut);
        }
        const bytes = g.encoding === 'utf16le' ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) : Buffer.from(text, g.encoding as BufferEncoding);
        const file = t.file(`p${n++}.csv`, bytes);
        const before = dump(t.db);
        const logBefore = t.db.prepare('SELECT COUNT(*) AS n FROM import_log').get() as { n: number };
        let outcome: string;
        try {
          const r = await t.run(file, { acceptValid: g.acceptValid, extractDate: '2024-03-31' });
          outcome = r.outcome;
          const after = dump(t.db);
          if (r.outcome === 'imported' || r.outcome === 'partial' || r.outcome === 'no_change') {
            const grew = Object.keys(before).filter((k) => k !== 'import_change' && k !== 'meta').reduce((s, k) => s + after[k]!.length - before[k]!.length, 0);
            expect(grew).toBe(r.inserted);
            expect(after.import_change!.length - before.import_change!.length).toBe(r.updated);
            expect(r.rowsRead).toBe(r.inserted + r.updated + r.unchanged + r.rejected);
          } else {
            // failed / already imported: the data is exactly as before.
            const { meta: _a, ...restAfter } = after;
            const { meta: _b, ...restBefore } = before;
            expect(restAfter).toEqual(restBefore);
            if (r.outcome === 'failed') expect(r.rejected).toBeGreaterThan(0);
          }
        } catch (e) {
          if (!(e instanceof ImportProblem)) throw e;
          outcome = `refused:${e.code}`;
          expect(dump(t.db)).toEqual(before);
          expect(t.db.prepare('SELECT COUNT(*) AS n FROM import_log').get()).toEqual(logBefore);
        }
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }),
      { numRuns: 150 },
    );
    if (process.env.SHOW_OUTCOMES) console.log(outcomes);
    // The generator reaches both sides: some files import, some are refused or fail.
    expect([...outcomes.keys()].some((o) => o === 'imported' || o === 'partial')).toBe(true);
    expect([...outcomes.keys()].some((o) => o === 'failed' || o.startsWith('refused'))).toBe(true);
    expect(t.db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 120_000);
});
