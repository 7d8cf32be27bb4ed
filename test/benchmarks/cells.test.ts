import { describe, expect, it } from 'vitest';
import { parsePublishedCell } from '../../electron/benchmarks/indicator-columns';
import { formatPublished } from '../../shared/benchmarks';

describe('a published cell', () => {
  it('is a number only when written as a plain decimal', () => {
    expect(parsePublishedCell('15')).toEqual({ value: 15, symbol: null });
    expect(parsePublishedCell(' 18.8 ')).toEqual({ value: 18.8, symbol: null });
    expect(parsePublishedCell('0')).toEqual({ value: 0, symbol: null });
  });

  it('keeps symbols and anything else as text, never as a number or zero', () => {
    for (const s of ['c', 'x', 'z', 'u', 'low', 'X', '940 / 941', '1,234', '-', '12%']) {
      expect(parsePublishedCell(s)).toEqual({ value: null, symbol: s });
    }
    expect(parsePublishedCell('')).toEqual({ value: null, symbol: null });
    expect(parsePublishedCell(undefined)).toEqual({ value: null, symbol: null });
  });

  it('is shown with the meaning of its symbol', () => {
    expect(formatPublished({ value: 15, symbol: null }, 'percent')).toBe('15.0%');
    expect(formatPublished({ value: 29464.9, symbol: null }, 'FTE')).toBe('29,464.9 FTE');
    expect(formatPublished({ value: null, symbol: 'low' }, 'percent')).toBe('low (rounds to zero)');
    expect(formatPublished({ value: null, symbol: 'X' }, 'percent')).toBe('X (unavailable)');
    expect(formatPublished({ value: null, symbol: '-' }, 'percent')).toBe('"-" (not a number)');
    expect(formatPublished({ value: null, symbol: null }, 'percent')).toBe('not published');
  });
});
