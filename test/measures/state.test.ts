// The workforce state kept between computations (electron/measures/state.ts) is used only while
// the data is unchanged: a write on the same connection, or a commit by another one (the command
// line beside the app), is seen by the next computation.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open';
import { computeMetrics } from '../../electron/measures/index';
import { measureState } from '../../electron/measures/state';
import { seedRecords, spell } from '../support/seed';
import { tempDb } from '../support/tmp';

const D = '2024-09-30';

describe('measures: the state kept between computations', () => {
  it('is reused while nothing changes, and read again after a write on the same connection', () => {
    const db = openDatabase(':memory:');
    try {
      seedRecords(db, { spells: [spell('P1', '2020-01-01')] });
      const first = measureState(db);
      expect(measureState(db)).toBe(first);
      expect(computeMetrics(db, D, { months: 0 }).inPost.headcount).toBe(1);
      db.prepare(`UPDATE spell SET end_date = '2024-06-30' WHERE staff_id = 'P1'`).run();
      expect(measureState(db)).not.toBe(first);
      const m = computeMetrics(db, D, { months: 0 });
      expect(m.inPost.headcount).toBe(0);
      expect(m.leavers.headcount).toBe(1);
    } finally {
      db.close();
    }
  });

  it('sees a commit by another connection to the same file', () => {
    const { db: writer, file } = tempDb();
    seedRecords(writer, { spells: [spell('P1', '2020-01-01')] });
    const reader = openDatabase(file, { readonly: true });
    try {
      expect(computeMetrics(reader, D, { months: 0 }).inPost.headcount).toBe(1);
      seedRecords(writer, { spells: [spell('P2', '2021-01-01')] }, 'second');
      expect(computeMetrics(reader, D, { months: 0 }).inPost.headcount).toBe(2);
    } finally {
      reader.close();
      writer.close();
    }
  });
});
