import { describe, expect, it } from 'vitest';
import { DateColumn, DateOrderRestart } from '../../electron/import/date-column';
import { csv, rows, setup } from './helpers';

function readAll(values: string[], order: 'dmy' | 'mdy' = 'dmy') {
  const col = new DateColumn('start_date', order);
  return values.map((v, i) => col.read(v, i + 2));
}

describe('date formats', () => {
  it('an ISO column refuses a value with a tab or space inside it, not only at its ends', () => {
    // Found by the property test: "2019-01-\t1" passed the ISO fast path and hit the table's CHECK.
    const r = readAll(['2019-01-01', '2019-01-\t1', '2019-01- 1', '2019- 1-01']);
    expect(r[0]).toEqual({ ok: true, date: '2019-01-01' });
    for (const bad of r.slice(1)) expect(bad.ok).toBe(false);
  });

  it('once a column mixes day-first and month-first dates, even a text that read well before is refused', () => {
    // Found in review: the memo of the last date read let the repeat of row 2's text through.
    const r = readAll(['13/02/2018', '02/13/2018', '13/02/2018', '13/02/2018']);
    expect(r[0]).toEqual({ ok: true, date: '2018-02-13' });
    for (const later of r.slice(1)) expect(later).toMatchObject({ ok: false, reason: expect.stringMatching(/mixes day-first and month-first/) });
  });

  it('a repeated date reads the same as the first time', () => {
    expect(readAll(['2018-03-31', '2018-03-31', '31/03/2018'])).toEqual([
      { ok: true, date: '2018-03-31' }, { ok: true, date: '2018-03-31' },
      { ok: false, reason: expect.stringMatching(/mixes date formats/) },
    ]);
  });

  it('ISO, UK numeric, day-month-name and Excel serials all give the same date', () => {
    expect(readAll(['2018-03-31'])).toEqual([{ ok: true, date: '2018-03-31' }]);
    expect(readAll(['31/03/2018', '1/4/2018', '01.05.2018'])).toEqual([
      { ok: true, date: '2018-03-31' }, { ok: true, date: '2018-04-01' }, { ok: true, date: '2018-05-01' },
    ]);
    expect(readAll(['31-Mar-2018', '1 April 2018', '30-Sep-18'])).toEqual([
      { ok: true, date: '2018-03-31' }, { ok: true, date: '2018-04-01' }, { ok: true, date: '2018-09-30' },
    ]);
    // Excel: 43190 is 31 March 2018 (1 January 1900 is serial 1; serial 60 is Excel's phantom 29 Feb 1900, so 367 is 1 January 1901).
    expect(readAll(['43190', '43191.0', '367'])).toEqual([
      { ok: true, date: '2018-03-31' }, { ok: true, date: '2018-04-01' }, { ok: true, date: '1901-01-01' },
    ]);
  });

  it('ignores a midnight time that spreadsheets append', () => {
    expect(readAll(['31/03/2018 00:00', '01/04/2018 00:00:00'])).toEqual([
      { ok: true, date: '2018-03-31' }, { ok: true, date: '2018-04-01' },
    ]);
    expect(readAll(['2018-03-31T00:00:00'])).toEqual([{ ok: true, date: '2018-03-31' }]);
  });

  it('an impossible date is an error', () => {
    const [a] = readAll(['31/02/2018']);
    expect(a).toEqual({ ok: false, reason: 'is not a real calendar date' });
    expect(readAll(['2019-02-29'])[0]).toMatchObject({ ok: false });
    expect(readAll(['2020-02-29'])[0]).toEqual({ ok: true, date: '2020-02-29' });
    expect(readAll(['yesterday'])[0]).toMatchObject({ ok: false, reason: expect.stringMatching(/not a date/) });
  });

  it('a column that mixes formats is an error from the first row that breaks the pattern', () => {
    const r = readAll(['31/03/2018', '2018-04-01', '02/04/2018']);
    expect(r[0]).toEqual({ ok: true, date: '2018-03-31' });
    expect(r[1]).toMatchObject({ ok: false, reason: expect.stringMatching(/mixes date formats/) });
    expect(r[2]).toEqual({ ok: true, date: '2018-04-02' });
  });

  it('numeric dates are day first unless the column proves month first', () => {
    expect(readAll(['05/03/2018'])).toEqual([{ ok: true, date: '2018-03-05' }]);
    const col = new DateColumn('start_date');
    expect(col.read('05/03/2018', 2)).toEqual({ ok: true, date: '2018-03-05' });
    expect(() => col.read('03/25/2018', 3)).toThrow(DateOrderRestart);
    expect(readAll(['05/03/2018', '03/25/2018'], 'mdy')).toEqual([{ ok: true, date: '2018-05-03' }, { ok: true, date: '2018-03-25' }]);
    const both = readAll(['25/03/2018', '03/25/2018']);
    expect(both[1]).toMatchObject({ ok: false, reason: expect.stringMatching(/mixes day-first and month-first/) });
  });
});

describe('dates through an import', () => {
  const H = 'case_id,case_type,staff_id,team,start_date,end_date';

  it('a US-ordered column is re-read month first; the other columns keep their own order', async () => {
    const t = setup();
    // (A row whose end date could only be day first, 20/06/2018, would now be refused: one row
    // cannot be written in both orders; test/import/rules.test.ts.)
    const f = t.file('us.csv', csv(H, 'C1,CIN,S1,T,05/03/2018,06/07/2018', 'C2,CIN,S1,T,03/25/2018,'));
    const r = await t.run(f);
    expect(r.outcome).toBe('imported');
    expect(rows(t.db, `SELECT start_date, end_date FROM allocation ORDER BY start_date`)).toEqual([
      { start_date: '2018-03-25', end_date: null },
      { start_date: '2018-05-03', end_date: '2018-07-06' },
    ]);
    expect(r.assumptions).toEqual([
      'The dates in column "start_date" were read month first (US order: 03/25/2018 is 25 March 2018), because row 3 has a date that can only be month first; check the file was saved that way.',
    ]);
  });

  it('a mapping can fix the order; Excel serials and month names import', async () => {
    const t = setup();
    const f = t.file('serial.csv', csv(H, 'C1,CP,S1,T,43190,31-Mar-2019', 'C2,CLA,S2,T,43191,'));
    const r = await t.run(f);
    expect(r.outcome).toBe('imported');
    expect(rows(t.db, `SELECT start_date, end_date FROM allocation ORDER BY start_date`)).toEqual([
      { start_date: '2018-03-31', end_date: '2019-03-31' },
      { start_date: '2018-04-01', end_date: null },
    ]);
  });
});
