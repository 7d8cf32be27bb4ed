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
    // The report's furniture (paperfmt) and the what-if assumptions (churn), bounded the same way.
    ['key decision', { keyDecision: 'k'.repeat(301) }, /keyDecision: "key decision" can be at most 300 characters/],
    ['financial implications', { implications: { financial: 'f'.repeat(6_001) } }, /implications\.financial: the financial implications can be at most 6,000 characters/],
    ['equality implications', { implications: { equality: 'e'.repeat(6_001) } }, /implications\.equality: the equality implications can be at most 6,000 characters/],
    ['a background paper', { backgroundPapers: ['b'.repeat(301)] }, /backgroundPapers\.0: a background paper can be at most 300 characters/],
    ['background papers', { backgroundPapers: Array.from({ length: 31 }, () => 'b') }, /backgroundPapers: a paper can list at most 30 background papers/],
    ['reasons', { reasonsForRecommendations: 'r'.repeat(6_001) }, /reasonsForRecommendations: the reasons for the recommendations can be at most 6,000/],
    ['contact', { contact: 'c'.repeat(301) }, /contact: the contact details can be at most 300 characters/],
    ['support share', { whatIf: { supportShare: 101 } }, /whatIf\.supportShare: the share of child-in-need cases support workers take \(%\) must be a number from 0 to 100/],
    ['support caseload', { whatIf: { supportCaseload: 0 } }, /whatIf\.supportCaseload: the cases per support worker must be a number from 1 to 60/],
    ['agency FTE', { whatIf: { convertAgencyFte: 1e9 } }, /whatIf\.convertAgencyFte: the agency FTE made permanent must be a number from 0 to 10,000/],
    ['full caseload as text', { whatIf: { fullCaseload: 'twenty' } }, /whatIf\.fullCaseload: the caseload after the ASYE must be a number from 1 to 60/],
  ])('%s', (_name, input, message) => {
    expect(() => parsePaperConfig(input)).toThrow(message);
  });

  it('the furniture and the what-if assumptions at their limits are accepted', () => {
    const c = parsePaperConfig({
      keyDecision: 'k'.repeat(PAPER_LIMITS.line),
      implications: { financial: 'f'.repeat(PAPER_LIMITS.passage), legal: '', hr: '', equality: '' },
      backgroundPapers: Array.from({ length: PAPER_LIMITS.backgroundPapers }, () => 'b'.repeat(PAPER_LIMITS.line)),
      contact: 'c'.repeat(PAPER_LIMITS.line),
      whatIf: { supportShare: 100, supportCaseload: 60, convertAgencyFte: 10_000, fullCaseload: null },
    });
    expect([c.keyDecision.length, c.implications.financial.length, c.backgroundPapers.length, c.contact.length]).toEqual([300, 6_000, 30, 300]);
    expect(c.whatIf).toEqual({ supportShare: 100, supportCaseload: 60, convertAgencyFte: 10_000, fullCaseload: null });
  });
});
