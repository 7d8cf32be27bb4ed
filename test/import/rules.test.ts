// One test per rule of the import catalogue (electron/import/rules.ts), by id: each refuses what
// it says, in its own words, and lets the nearest good input through.
import { describe, expect, it } from 'vitest';
import { ImportProblem } from '../../electron/import/index';
import { RULES, shown } from '../../electron/import/rules';
import { csv, rows, setup } from './helpers';

const A = 'case_id,case_type,staff_id,team,start_date,end_date';
const W = 'staff_id,swe_number,role,team,employment_type,fte,start_date,end_date,leaving_reason,qualified_date';
const E = 'team,role,funded_fte,start_date,end_date';

async function outcome(content: string | Buffer, name = 'f.csv') {
  const t = setup();
  try {
    const r = await t.run(t.file(name, content), { extractDate: '2024-03-31' });
    return { result: r, problems: r.problems, count: rows<{ n: number }>(t.db, 'SELECT COUNT(*) AS n FROM allocation')[0]!.n };
  } catch (e) {
    if (!(e instanceof ImportProblem)) throw e;
    return { refused: e };
  }
}

describe('import rules catalogue', () => {
  it('every rule has a distinct id and says what it refuses', () => {
    const ids = Object.values(RULES).map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of Object.values(RULES)) expect(r.refuses.length).toBeGreaterThan(20);
  });

  it(`${RULES.extraValues.id}: more values than headings is refused; trailing empty cells are not`, async () => {
    const bad = await outcome(csv(A, 'C1,CIN,S1,North,2019-01-01,2019-02-01,x'));
    expect(bad.problems).toEqual([{ row: 2, column: null, value: null, reason: expect.stringContaining('has 7 values but the heading row has 6 columns') }]);
    expect((await outcome(csv(A, 'C1,CIN,S1,North,2019-01-01,,,,'))).result?.outcome).toBe('imported');
  });

  it(`${RULES.quoteSpansLines.id}: an unbalanced quote that swallowed rows names the row it opened in; a team typed over two lines is still read`, async () => {
    const bad = await outcome(csv(A, 'C1,CIN,S1,"North,2019-01-01,', 'C2,CIN,S2,North,2019-01-01,', 'C3,CIN,S3,North",2019-01-01,'));
    expect(bad.result?.outcome).toBe('failed');
    expect(bad.problems![0]).toMatchObject({ row: 2, column: 'team', reason: expect.stringContaining('a quote mark opened in row 2 is closed 2 lines further down') });
    const good = await outcome(csv(A, 'C1,CIN,S1,"Children\'s Disability', 'Team",2019-01-01,'));
    expect(good.result).toMatchObject({ outcome: 'imported', inserted: 1 });
  });

  it(`${RULES.controlCharacter.id}: a NUL is refused and shown as U+0000, never as the byte`, async () => {
    const bad = await outcome(csv(A, 'C1,CIN,S\u00001,North,2019-01-01,'));
    expect(bad.problems![0]).toMatchObject({ row: 2, column: 'staff_id', value: 'S[U+0000]1', reason: expect.stringContaining('control character (U+0000)') });
  });

  it(`${RULES.tooLong.id}: a 1,000,000-character staff ID is refused with its length, not echoed`, async () => {
    const bad = await outcome(csv(W, `${'S'.repeat(1_000_000)},,case_holder,North,permanent,1,2019-01-01,,,`));
    expect(bad.problems![0]!.reason).toBe('is 1,000,000 characters long; a Staff ID is at most 64 characters (is this the right column?)');
    expect(bad.problems![0]!.value!.length).toBeLessThan(100);
    expect((await outcome(csv(W, `${'S'.repeat(64)},,case_holder,North,permanent,1,2019-01-01,,,`))).result?.outcome).toBe('imported');
  });

  it(`${RULES.duplicateHeading.id}: two columns called staff_id are refused, naming both`, async () => {
    const bad = await outcome(csv(`${W},staff_id`, 'S1,,case_holder,North,permanent,1,2019-01-01,,,,S2'));
    expect(bad.refused?.message).toMatch(/^Two columns are called "staff_id" \(columns 1 and 11\)/);
  });

  it(`${RULES.longHeading.id}: a 3 MB heading is named for what it is`, async () => {
    const bad = await outcome('a,'.repeat(1_500_000) + 'b\n1,2\n');
    expect(bad.refused?.message).toMatch(/does not start with a heading row: its first line is more than 256 KB long, far longer than any export/);
  });

  it(`${RULES.notText.id}: a workbook, a PDF and binary are named; UTF-16 without a byte-order mark is read`, async () => {
    // A zip is read as an .xlsx workbook since the xlsx merge; a damaged one is named as such.
    expect((await outcome(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]))).refused?.message).toMatch(/cannot be read as an \.xlsx file.*Open it in Excel and save it again/);
    expect((await outcome(Buffer.from('%PDF-1.4\n'))).refused?.message).toContain('this is a PDF document');
    expect((await outcome(Buffer.alloc(100, 1))).refused?.message).toContain('this is not a text file');
    const utf16 = await outcome(Buffer.from(csv(A, 'C1,CIN,S1,Children\u2019s,2019-01-01,'), 'utf16le'));
    expect(utf16.result).toMatchObject({ outcome: 'imported', inserted: 1, encoding: 'utf-16le' });
  });

  it(`${RULES.mixedEncoding.id}: one stray byte in a UTF-8 file is refused, not read as Windows-1252; a real Windows-1252 file is read`, async () => {
    const stray = Buffer.concat([Buffer.from(csv(A, 'C1,CIN,S1,Children\u2019s,2019-01-01,')), Buffer.from([0x92, 0x0a])]);
    expect((await outcome(stray)).refused?.message).toMatch(/UTF-8 text with one or more bytes that are not UTF-8 \(the first at byte \d+, line 3\)/);
    const cp1252 = Buffer.from(csv(A, 'C1,CIN,S1,Children\u0092s,2019-01-01,'), 'latin1');
    expect((await outcome(cp1252)).result).toMatchObject({ outcome: 'imported', encoding: 'windows-1252' });
  });

  it(`${RULES.numberTooLarge.id}: 400 nines are not stored as infinity`, async () => {
    const t = setup();
    const r = await t.run(t.file('e.csv', csv(E, `North,case_holder,${'9'.repeat(400)},2019-01-01,`, 'South,case_holder,20000,2019-01-01,', 'East,case_holder,12.5,2019-01-01,')), { acceptValid: true });
    expect(r.problems.map((p) => [p.row, p.reason])).toEqual([
      [2, 'is larger than a number can be (at most 9,007,199,254,740,991)'],
      [3, "is larger than one team's funded FTE can be (at most 10,000)"],
    ]);
    expect(rows(t.db, 'SELECT funded_fte FROM establishment')).toEqual([{ funded_fte: 12.5 }]);
  });

  it(`${RULES.fteTooSmall.id}: an FTE of 1e-21 is refused; 0.01 is accepted`, async () => {
    const t = setup();
    const line = (fte: string, id: string) => `${id},,case_holder,North,permanent,${fte},2019-01-01,,,`;
    const r = await t.run(t.file('w.csv', csv(W, line('0.000000000000000000001', 'S1'), line('0.01', 'S2'))), { acceptValid: true });
    expect(r.problems).toEqual([{ row: 2, column: 'fte', value: '0.000000000000000000001', reason: expect.stringContaining('is less than 0.01 FTE') }]);
    expect(r.inserted).toBe(1);
  });

  it(`${RULES.impossibleTime.id}: 25:00 and 12:61 are refused; 23:59 and 12:00 PM are ignored as before`, async () => {
    const t = setup();
    const r = await t.run(
      t.file('a.csv', csv(A, 'C1,CIN,S1,N,2019-01-01 25:00,', 'C2,CIN,S1,N,2019-01-01 12:61,', 'C3,CIN,S1,N,2019-01-01 23:59,', 'C4,CIN,S1,N,2019-01-01 12:00 PM,')),
      { acceptValid: true },
    );
    expect(r.problems.map((p) => [p.row, p.reason])).toEqual([
      [2, 'has the time of day "25:00", which no clock shows; check the column'],
      [3, 'has the time of day "12:61", which no clock shows; check the column'],
    ]);
    expect(r.inserted).toBe(2);
  });

  it(`${RULES.notMoney.id}: a charge rate that is not hourly pounds is refused naming row and column; £45.50, 45.5, and "per hour" are read`, async () => {
    const t = setup();
    const head = 'staff_id,role,employment_type,fte,start_date,charge_rate';
    const r = await t.run(
      t.file('a.csv', csv(head, 'A1,case_holder,agency,1,2024-01-01,forty', 'A2,case_holder,agency,1,2024-01-01,350 per day', 'A3,case_holder,agency,1,2024-01-01,40-45',
        'A4,case_holder,agency,1,2024-01-01,€40', 'A5,case_holder,agency,1,2024-01-01,0', 'A6,case_holder,agency,1,2024-01-01,"1,500"',
        'A7,case_holder,agency,1,2024-01-01,£45.50', 'A8,case_holder,agency,1,2024-01-01,45.5 per hour', 'A9,case_holder,agency,1,2024-01-01,')),
      { acceptValid: true, extractDate: '2024-03-31' },
    );
    expect(r.problems.map((p) => [p.row, p.column, p.value, p.reason])).toEqual([
      [2, 'charge_rate', 'forty', 'is not an hourly amount in pounds (write it as 45.50 or £45.50)'],
      [3, 'charge_rate', '350 per day', 'is not an hourly amount in pounds (write it as 45.50 or £45.50): this looks like a rate for a longer period than an hour; give the hourly rate'],
      [4, 'charge_rate', '40-45', 'is not an hourly amount in pounds (write it as 45.50 or £45.50): a range is not one rate; give the rate agreed'],
      [5, 'charge_rate', '€40', 'is not an hourly amount in pounds (write it as 45.50 or £45.50): only pounds sterling are read'],
      [6, 'charge_rate', '0', 'is not more than £0: an hourly rate must be more than nothing'],
      [7, 'charge_rate', '1,500', 'is larger than an hourly rate in pounds can be (at most 1,000)'],
    ]);
    expect(rows(t.db, 'SELECT staff_id, charge_rate FROM spell ORDER BY staff_id')).toEqual([
      { staff_id: 'A7', charge_rate: 45.5 },
      { staff_id: 'A8', charge_rate: 45.5 },
      { staff_id: 'A9', charge_rate: null },
    ]);
  });

  it(`${RULES.rateNotAgency.id}: a charge rate on a permanent row is refused; on an agency row of the same file it is kept`, async () => {
    const t = setup();
    const r = await t.run(
      t.file('w.csv', csv('staff_id,role,employment_type,fte,start_date,charge_rate', 'P1,case_holder,permanent,1,2024-01-01,38', 'A1,case_holder,agency,1,2024-01-01,48', 'P2,case_holder,permanent,1,2024-01-01,')),
      { acceptValid: true, extractDate: '2024-03-31' },
    );
    expect(r.problems).toEqual([
      { row: 2, column: 'charge_rate', value: '38', reason: 'is a charge rate, but this row is a permanent spell, not an agency assignment: charge rates are for agency workers only, so leave the cell blank or check the employment type' },
    ]);
    expect(rows(t.db, 'SELECT staff_id, charge_rate FROM spell ORDER BY staff_id')).toEqual([
      { staff_id: 'A1', charge_rate: 48 },
      { staff_id: 'P2', charge_rate: null },
    ]);
  });

  it('mixed line endings (a Windows heading over Unix rows) are read row by row', async () => {
    const r = await outcome(`${A}\r\nC1,CIN,S1,North,2019-01-01,\nC2,CP,S2,North,2019-01-01,2019-03-01\n`);
    expect(r.result).toMatchObject({ outcome: 'imported', inserted: 2, rowsRead: 2 });
  });

  it('shown(): control characters as U+XXXX and at most 60 characters of a value', () => {
    expect(shown('a\u0000b\u001b[31m')).toBe('a[U+0000]b[U+001B][31m');
    expect(shown('x'.repeat(5_000_000))).toBe(`${'x'.repeat(60)}… (5,000,000 characters)`);
  });
});

describe('one row in both date orders', () => {
  it('a day-first start and a month-first end in the same row are refused on that row; other rows are read', async () => {
    const t = setup();
    const r = await t.run(
      t.file('w.csv', csv(W, 'S1,,case_holder,N,permanent,1,25/01/2019,03/28/2019,other,', 'S2,,case_holder,N,permanent,1,01/02/2019,03/29/2019,other,')),
      { acceptValid: true, extractDate: '2024-03-31' },
    );
    expect(r.problems).toEqual([
      {
        row: 2,
        column: 'end_date',
        value: '03/28/2019',
        reason: "was read month first, as the rest of its column is, but this row's start_date (25/01/2019) can only be day first; one row cannot be written in both orders, so check how the file was saved",
      },
    ]);
    expect(r.assumptions.join(' ')).toMatch(/column "end_date" were read month first/);
    expect(rows(t.db, 'SELECT staff_id, start_date, end_date FROM spell')).toEqual([{ staff_id: 'S2', start_date: '2019-02-01', end_date: '2019-03-29' }]);
  });
});
