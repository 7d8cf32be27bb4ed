import { describe, expect, it } from 'vitest';
import { describeChange, formatAverage, formatCount, formatFte, formatMoney, formatRate, roundHalfAway } from '../../shared/format';

describe('presentation of measures', () => {
  it('rounds half away from zero, even where binary fractions fall short', () => {
    expect(roundHalfAway(8.25, 1)).toBe(8.3); // 8.25 is exact in binary
    expect(roundHalfAway(1.05, 1)).toBe(1.1); // 1.05 is stored as 1.04999...
    expect(roundHalfAway(-1.05, 1)).toBe(-1.1);
    expect(roundHalfAway(35.8 / 238 * 100, 1)).toBe(15); // Nottingham 2018: 15.04...
  });

  it('rates, FTE and averages to one decimal place; counts whole with thousands separators', () => {
    expect(formatRate(8.8235)).toBe('8.8%');
    expect(formatRate(0)).toBe('0.0%');
    expect(formatFte(238)).toBe('238.0');
    expect(formatFte(1234.56)).toBe('1,234.6');
    expect(formatAverage(2639 / 140.2)).toBe('18.8');
    expect(formatCount(2639)).toBe('2,639');
    expect(formatMoney(23 * 19_500)).toBe('£448,500');
    expect(formatMoney(-12.4)).toBe('-£12');
  });

  it('a null (zero denominator) is "not applicable", never 0 or NaN', () => {
    for (const f of [formatRate, formatFte, formatAverage, formatCount, formatMoney]) {
      expect(f(null)).toBe('not applicable');
      expect(f(Number.NaN)).toBe('not applicable');
    }
  });

  it('describes the change on a year ago on the rounded figures', () => {
    // 15.0 and 13.0 as printed: the text says 2.0, not the unrounded 2.08.
    expect(describeChange(15.04, 12.96, 'rate')).toBe('up 2.0 percentage points on a year ago');
    expect(describeChange(12.0, 13.0, 'rate')).toBe('down 1.0 percentage point on a year ago');
    expect(describeChange(253, 260, 'count')).toBe('down 7 on a year ago');
    expect(describeChange(238.04, 237.96, 'fte')).toBe('the same as a year ago');
    expect(describeChange(18.8, null, 'average')).toBe('no comparable figure a year ago');
  });
});
