// The read behind stability for children: the allocations come back from SQLite as one packed
// string read by position (child-stability-read.ts). These tests hold it to the definition of what
// must be read, worked out from every allocation in plain JavaScript, and to the row-by-row read
// it falls back to when an ID holds one of the separators.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayNumberAt, readChildAllocations, typeAt } from '../../electron/measures/child-stability-read';
import { OPEN_DAY, type ChildAllocations } from '../../electron/measures/child-allocations';
import { addDays, addYears, fromDayNumber, toDayNumber, type IsoDate } from '../../shared/dates';
import { CASE_TYPES } from '../../shared/domain';
import { allocation, seedRecords } from '../support/seed';
import { tempDb } from '../support/tmp';

describe('reading a packed allocation by position', () => {
  it('reads every date from 1900 to 9999 as toDayNumber does', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('1900-01-01'), max: OPEN_DAY }), (day) => {
        const iso = fromDayNumber(day);
        expect(dayNumberAt(`x${iso}y`, 1)).toBe(toDayNumber(iso));
      }),
      { numRuns: 2000 },
    );
    for (const iso of ['2024-02-29', '2000-02-29', '1900-02-28', '2100-03-01', '9999-12-31']) expect(dayNumberAt(iso, 0)).toBe(toDayNumber(iso));
  });

  it('reads each case type', () => {
    CASE_TYPES.forEach((t, i) => expect(typeAt(`\x1f${t}\x1f`, 1)).toBe(i));
  });
});

/** The allocations as sorted text lines, to compare two reads whatever their order. */
function lines(a: ChildAllocations): string[] {
  const out: string[] = [];
  for (let i = 0; i < a.n; i++) {
    out.push([a.caseKeys[a.child[i]!], CASE_TYPES[a.type[i]!], a.workers[a.worker[i]!], fromDayNumber(a.start[i]!), a.end[i] === OPEN_DAY ? 'open' : fromDayNumber(a.end[i]!)].join(' | '));
  }
  return out.sort();
}

type Alloc = ReturnType<typeof allocation>;

/** What must be read, from the definition: children with an allocation in [first, last]; their allocations overlapping [first - 1 year + 1 day, last]. */
function expected(all: readonly Alloc[], dates: readonly IsoDate[]): string[] {
  const sorted = [...dates].sort();
  const [first, last] = [sorted[0]!, sorted[sorted.length - 1]!];
  const from = addDays(addYears(first, -1), 1);
  const overlaps = (a: Alloc, lo: IsoDate, hi: IsoDate) => a.start_date <= hi && (a.end_date === null || a.end_date >= lo);
  const children = new Set(all.filter((a) => overlaps(a, first, last)).map((a) => a.case_id));
  return all
    .filter((a) => children.has(a.case_id) && overlaps(a, from, last))
    .map((a) => [a.case_id, a.case_type, a.staff_id, a.start_date, a.end_date ?? 'open'].join(' | '))
    .sort();
}

const BASE: IsoDate = '2023-01-01';
const councils = fc.array(
  fc.record({
    child: fc.integer({ min: 0, max: 12 }),
    worker: fc.integer({ min: 0, max: 6 }),
    start: fc.integer({ min: 0, max: 900 }),
    length: fc.integer({ min: 0, max: 500 }),
    open: fc.boolean(),
    type: fc.constantFrom(...CASE_TYPES),
  }),
  { maxLength: 40 },
);

describe('readChildAllocations', () => {
  it('reads exactly the allocations the measure needs, for one date and for a series', () => {
    fc.assert(
      fc.property(councils, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 12 }), (rs, at, months) => {
        const seen = new Set<string>();
        const all = rs
          .map((r) => allocation(`case ${r.child}`, `worker ${r.worker}`, addDays(BASE, r.start), r.open ? null : addDays(BASE, r.start + r.length), { case_type: r.type }))
          .filter((a) => !seen.has(`${a.case_id}/${a.staff_id}/${a.start_date}`) && seen.add(`${a.case_id}/${a.staff_id}/${a.start_date}`));
        const { db } = tempDb();
        seedRecords(db, { allocations: all });
        const d = addDays(BASE, at);
        const dates = [d, ...Array.from({ length: months }, (_, i) => addDays(d, -30 * (i + 1)))];
        expect(lines(readChildAllocations(db, dates))).toEqual(expected(all, dates));
        db.close();
      }),
      { numRuns: 60 },
    );
  });

  // Each case defeats one of the checks on its own: a case key holding the unit separator (found
  // where the dates should be), and a staff ID holding a record separator followed by a whole
  // well-formed record (found only by counting the records against SQLite's count).
  const separatorCases: [string, Alloc[]][] = [
    ['a case key holding the unit separator', [
      allocation('key\x1fwith unit separator', 'B', '2025-02-01', '2025-06-30'),
      allocation('key\x1fwith unit separator', 'C', '2025-07-01'),
      allocation('plain', 'A', '2025-01-01'),
    ]],
    ['a staff ID ending in a record separator, in the last record', [
      allocation('plain', 'A', '2025-01-01'),
      allocation('other', 'Z\x1e', '2025-03-01'),
    ]],
    ['a staff ID holding a record', [
      allocation('plain', 'A', '2025-01-01'),
      allocation('other', 'X\x1eplain\x1fCIN\x1f2025-01-01\x1f9999-12-31\x1fZ', '2025-03-01'),
    ]],
    ['separators in both and in an allocation that ended in the year before', [
      allocation('old', 'D\x1fin staff ID', '2024-11-01', '2025-01-31', { case_type: 'care_leaver' }),
      allocation('old', 'E', '2025-02-01', null, { case_type: 'CLA' }),
      allocation('k\x1e', 'F\x1e', '2024-12-01', '2025-01-31'),
      allocation('k\x1e', 'G', '2025-02-01'),
      allocation('closed before', 'A', '2024-01-01', '2024-12-31'),
    ]],
  ];
  it.each(separatorCases)('reads %s correctly, through the row-by-row read', (_, all) => {
    const { db } = tempDb();
    seedRecords(db, { allocations: all });
    expect(lines(readChildAllocations(db, ['2025-09-30']))).toEqual(expected(all, ['2025-09-30']));
  });

  it('reads nothing for no dates, and children and workers are numbered once each', () => {
    const { db } = tempDb();
    seedRecords(db, { allocations: [allocation('k1', 'A', '2025-01-01', '2025-03-31'), allocation('k1', 'B', '2025-04-01'), allocation('k2', 'A', '2025-02-01')] });
    expect(readChildAllocations(db, []).n).toBe(0);
    const a = readChildAllocations(db, ['2025-09-30']);
    expect([...a.caseKeys].sort()).toEqual(['k1', 'k2']);
    expect([...a.workers].sort()).toEqual(['A', 'B']);
    // Child k1's two allocations are found together through the index by child.
    const k1 = a.caseKeys.indexOf('k1');
    expect(a.first[k1 + 1]! - a.first[k1]!).toBe(2);
  });
});

describe('readChildAllocations on a span too long for one string', () => {
  it('reads the rows one by one when SQLite refuses the string', () => {
    const tooBig = () => Object.assign(new Error('string or blob too big'), { code: 'SQLITE_TOOBIG' });
    const { db } = tempDb();
    const all = [allocation('k1', 'A', '2024-11-01', '2025-01-31'), allocation('k1', 'B', '2025-02-01'), allocation('k2', 'A', '2025-03-01')];
    seedRecords(db, { allocations: all });
    // The packed read is the only statement using group_concat: it fails as it would on a huge span.
    const prepare = db.prepare.bind(db);
    const refusing = new Proxy(db, {
      get: (target, key) =>
        key === 'prepare'
          ? (sql: string) => {
              if (sql.includes('group_concat')) throw tooBig();
              return prepare(sql);
            }
          : Reflect.get(target, key),
    });
    expect(lines(readChildAllocations(refusing, ['2025-09-30']))).toEqual(expected(all, ['2025-09-30']));
  });
});
