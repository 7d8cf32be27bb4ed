// Every text in the paper configuration has a ceiling with a plain message (issue 16).
import { describe, expect, it } from 'vitest';
import { PAPER_LIMITS, parsePaperConfig } from '../../shared/paper-config';

describe('paper configuration bounds', () => {
  it('an 80,000-word commentary is refused, naming the section and the limit; 20,000 characters are accepted', () => {
    const long = 'word '.repeat(80_000);
    expect(() => parsePaperConfig({ commentary: { summary: long } })).toThrow(
      /commentary\.summary: a section's commentary can be at most 20,000 characters \(about 3,000 words\)/,
    );
    expect(parsePaperConfig({ commentary: { summary: 'x'.repeat(PAPER_LIMITS.commentary) } }).commentary.summary).toHaveLength(PAPER_LIMITS.commentary);
  });

  it.each([
    ['title', { title: 't'.repeat(1_000_000) }, /title: the title can be at most 300 characters/],
    ['committee', { committee: 'c'.repeat(301) }, /committee: the committee's name can be at most 300/],
    ['council name', { councilName: 'n'.repeat(301) }, /councilName: the council's name can be at most 300/],
    ['report of', { reportOf: 'r'.repeat(301) }, /reportOf: "report of" can be at most 300/],
    ['wards', { wardsAffected: 'w'.repeat(301) }, /wardsAffected: "wards affected" can be at most 300/],
    ['contact name', { contactOfficers: [{ name: 'n'.repeat(301) }] }, /contactOfficers\.0\.name: a contact officer's name can be at most 300/],
    ['contacts', { contactOfficers: Array.from({ length: 11 }, () => ({ name: 'A' })) }, /at most 10 contact officers/],
    ['recommendation', { recommendations: ['r'.repeat(2_001)] }, /recommendations\.0: a recommendation can be at most 2,000 characters/],
    ['recommendations', { recommendations: Array.from({ length: 31 }, () => 'r') }, /at most 30 recommendations/],
  ])('%s', (_name, input, message) => {
    expect(() => parsePaperConfig(input)).toThrow(message);
  });
});
