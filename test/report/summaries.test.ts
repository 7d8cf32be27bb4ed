import { describe, expect, it } from 'vitest';
import { breakdownSummary, changeSentence, targetStatus, trendSummary } from '../../shared/summaries';

describe('automatic chart summaries', () => {
  it('writes the issue\'s example sentence', () => {
    expect(changeSentence('Average caseload', 19.4, 17.1, '2018-06-30', { decimals: 1 }, { limit: { value: 20, name: 'the threshold', higherIsWorse: true } }))
      .toBe('Average caseload fell from 19.4 to 17.1 in the 12 months to 30 June 2018, below the threshold of 20.');
  });

  it('compares the rounded figures, so a change too small to print "stayed"', () => {
    expect(changeSentence('Turnover', 12.04, 11.96, '2018-09-30', { decimals: 1, unit: '%' })).toBe('Turnover stayed at 12.0% in the 12 months to 30 September 2018.');
  });

  it('says when a figure cannot be calculated or has no year-earlier comparison', () => {
    expect(changeSentence('Turnover', 10, null, '2018-09-30', { decimals: 1, unit: '%' })).toMatch(/cannot be calculated at 30 September 2018/);
    expect(changeSentence('The ASYE average', null, 10, '2018-09-30', { decimals: 1 })).toBe('The ASYE average was 10.0 at 30 September 2018; there is no comparable figure 12 months earlier.');
  });

  it('compares the last month of a monthly series with the same month a year before', () => {
    const values = [30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15];
    // Last value 15, twelve points earlier 27.
    expect(trendSummary([{ name: 'Agency workers', values }], '2018-04-30', { decimals: 0 })).toBe('Agency workers fell from 27 to 15 in the 12 months to 30 April 2018.');
  });

  it('judges targets on the printed (rounded) value, in words', () => {
    const target = { value: 15, name: 'the target', higherIsWorse: true };
    expect(targetStatus(15.04, target, { decimals: 1 })).toBe('met');
    expect(targetStatus(15.06, target, { decimals: 1 })).toBe('not met');
    expect(targetStatus(null, target, { decimals: 1 })).toBe('not applicable');
  });

  it('never names a suppressed group with a number', () => {
    expect(breakdownSummary(['leaver', 'leavers'], 20, ['Resignation', 'Retired'], [17, null], { suppressed: true }))
      .toBe('Of the 20 leavers, the largest group was resignation (17, 85%). Some small numbers are not shown, to protect individuals.');
    expect(breakdownSummary(['leaver', 'leavers'], 1, ['Resignation'], [null])).toBe('Of the 1 leaver, the number in each group is not published, to protect individuals.');
  });
});
