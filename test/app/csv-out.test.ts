// CSV the product writes never runs as a formula in Excel (issue 16), whatever the locale.
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvCell, neutralised, toCsv } from '../../shared/csv-out';

describe('CSV formula neutralisation', () => {
  const openers = ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', ' =1', '  +1', '\n=1', '\r\n-1', '\u3000=1', '＝1+1', '＋1', '－1', '＠SUM(A1)', '=HYPERLINK("http://x","y")'];
  it.each(openers)('neutralises %j', (text) => {
    expect(neutralised(text)).toBe(`'${text}`);
  });

  it('leaves ordinary text and computed numbers alone', () => {
    for (const t of ['North team', 'S-123', 'a=b', 'Children’s', '']) expect(neutralised(t)).toBe(t);
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(null)).toBe('');
  });

  it('round-trips through a CSV reader in comma and semicolon locales: every value back, every formula neutralised', () => {
    const rows = [['=1;2', 'a;b', 'x,y', 'q"uote', 'line\nbreak', ' @me', 3]];
    for (const delimiter of [',', ';'] as const) {
      const text = toCsv(['a', 'b', 'c', 'd', 'e', 'f', 'g'], rows, delimiter);
      const parsed = Papa.parse<string[]>(text.trimEnd(), { delimiter }).data;
      expect(parsed[1]).toEqual(["'=1;2", 'a;b', 'x,y', 'q"uote', 'line\nbreak', "' @me", '3']);
    }
  });
});
