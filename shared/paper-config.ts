// The committee paper's configuration: meeting details, which sections appear, the author's
// commentary and recommendations, and the targets the headline tiles are judged against. Stored
// as JSON: the command line reads it (--config FILE) and the app edits it. Every field has a
// default, so `{}` is a valid configuration and a paper can be produced before anyone writes one.
import { z } from 'zod';
import { DEFAULT_WHAT_IF, WHAT_IF_LIMITS } from './what-if';

/** Sections an author switches on (the projections are optional: a paper about facts by default). */
const OFF_BY_DEFAULT: ReadonlySet<string> = new Set(['whatif']);

/** The paper's sections, in the order they appear (issue 5). */
export const PAPER_SECTIONS = [
  'cover',
  'summary',
  'recommendations',
  'caseloads',
  'agency',
  'recruitment',
  'children',
  'asye',
  'comparison',
  'whatif',
  'implications',
  'sources',
  'backgroundPapers',
  'appendix',
] as const;
export type PaperSectionId = (typeof PAPER_SECTIONS)[number];

export const PAPER_SECTION_TITLE: Record<PaperSectionId, string> = {
  cover: 'Report details',
  summary: 'Purpose and summary',
  recommendations: 'Recommendations',
  caseloads: 'Caseloads',
  agency: 'Agency staffing',
  recruitment: 'Recruitment and retention',
  children: 'Stability for children',
  asye: 'Newly qualified social workers (ASYE cohorts)',
  comparison: 'Comparison with England, region and statistical neighbours',
  whatif: 'What if: projections',
  implications: 'Implications',
  sources: 'Data sources and definitions',
  backgroundPapers: 'Background papers',
  appendix: 'Appendix: the data behind each chart',
};

const text = z.string().trim();
// Every text has a ceiling (issue 16: a 1 MB team name or an 80,000-word commentary made papers
// of hundreds of megabytes and minutes of layout), and so a pasted document cannot swell the paper
// unseen: a line (names, a date, "No") or a passage (paragraphs separated by blank lines).
// Generous for real use; each message names the field and its limit.
export const PAPER_LIMITS = {
  line: 300,
  commentary: 20_000,
  recommendation: 2_000,
  recommendations: 30,
  contacts: 10,
  /** A passage of the report's furniture: implications, reasons for the recommendations. */
  passage: 6_000,
  backgroundPapers: 30,
} as const;
const line = (what: string) =>
  text.max(PAPER_LIMITS.line, `${what} can be at most ${PAPER_LIMITS.line} characters; shorten it`);
const commentaryText = text.max(
  PAPER_LIMITS.commentary,
  `a section's commentary can be at most ${PAPER_LIMITS.commentary.toLocaleString('en-GB')} characters (about 3,000 words); shorten it, or put the detail in a separate document`,
);
const passage = (what: string) =>
  text.max(
    PAPER_LIMITS.passage,
    `${what} can be at most ${PAPER_LIMITS.passage.toLocaleString('en-GB')} characters; shorten it, or put the detail in a separate document`,
  );
/** A what-if assumption: a number within the limits the Planning screen and the whatif command use. */
const assumption = (what: string, { min, max }: { min: number; max: number }) => {
  const message = `${what} must be a number from ${min.toLocaleString('en-GB')} to ${max.toLocaleString('en-GB')}`;
  return z.number({ error: message }).min(min, message).max(max, message);
};
const optionalNumber = z.number().finite().nullable();

// Targets are the council's own: a tile says "target met" or "not met" only against a target the
// author has set here; with none it sets the figure beside England and the statistical neighbours.
export const targetsSchema = z.strictObject({
  /** Average caseload (cases per FTE, the DfE measure) at or below this is "met"; null: no target. */
  caseload: optionalNumber.default(null),
  /** Share (%) of case-holding social workers over the caseload threshold at or below this is "met"; null: no target. */
  overThreshold: optionalNumber.default(null),
  /** Agency rate (FTE, %) at or below this is "met"; null: no target. */
  agencyRate: optionalNumber.default(null),
  /** Turnover rate (FTE, %) at or below this is "met"; null: no target. */
  turnover: optionalNumber.default(null),
  /** ASYE workers in the programme: at least this many is "met" (workforce planning); null: no target. */
  asyeInProgress: optionalNumber.default(null),
});

// Strict objects throughout: an unknown key is almost always a typo ("sections.recomendations"),
// and ignoring it would silently leave the section the author meant to switch off in the paper.
export const paperConfigSchema = z.strictObject({
  title: line('the title').default('Social work caseloads, recruitment and retention'),
  committee: line("the committee's name").default("Children and Young People's Scrutiny Committee"),
  /** ISO date of the meeting; blank when not yet fixed. */
  meetingDate: text.regex(/^(\d{4}-\d{2}-\d{2})?$/, 'Use the form YYYY-MM-DD for the meeting date').default(''),
  /** Overrides the council name from the settings when given. */
  councilName: line("the council's name").default(''),
  reportOf: line('"report of"').default("Director of Children's Services"),
  contactOfficers: z
    .array(z.strictObject({ name: line("a contact officer's name"), role: line("a contact officer's role").default(''), email: line("a contact officer's email").default('') }))
    .max(PAPER_LIMITS.contacts, `a paper can list at most ${PAPER_LIMITS.contacts} contact officers`)
    .default([]),
  wardsAffected: line('"wards affected"').default('All'),
  /** Whether the report asks for a key decision ("No", "Yes: ..."); blank leaves it off the cover. */
  keyDecision: line('"key decision"').default(''),
  /** ISO date of the report (shown on the cover); blank leaves it off. */
  reportDate: text.regex(/^(\d{4}-\d{2}-\d{2})?$/, 'Use the form YYYY-MM-DD for the report date').default(''),
  /** Contact details for the report (name, role, telephone, email) as the council prints them; blank leaves it off. */
  contact: line('the contact details').default(''),
  /** Why the committee is asked to agree the recommendations; blank leaves it off. */
  reasonsForRecommendations: passage('the reasons for the recommendations').default(''),
  /** The implications sections councils' templates require; each is printed only when written. */
  implications: z
    .strictObject({
      financial: passage('the financial implications').default(''),
      legal: passage('the legal implications').default(''),
      hr: passage('the human resources implications').default(''),
      equality: passage('the equality implications').default(''),
    })
    .default({ financial: '', legal: '', hr: '', equality: '' }),
  /** Documents relied on in writing the report (Local Government Act 1972, s.100D), one per entry. */
  backgroundPapers: z
    .array(line('a background paper'))
    .max(PAPER_LIMITS.backgroundPapers, `a paper can list at most ${PAPER_LIMITS.backgroundPapers} background papers`)
    .default([]),
  status: z.enum(['public', 'exempt']).default('public'),
  /** Months in the trend charts (the measures' series length). */
  months: z.number().int().min(3).max(60).default(24),
  sections: z
    .strictObject(Object.fromEntries(PAPER_SECTIONS.map((s) => [s, z.boolean().default(!OFF_BY_DEFAULT.has(s))])) as Record<PaperSectionId, z.ZodDefault<z.ZodBoolean>>)
    .default(Object.fromEntries(PAPER_SECTIONS.map((s) => [s, !OFF_BY_DEFAULT.has(s)])) as Record<PaperSectionId, boolean>),
  /** The assumptions of the optional "What if" section (shared/what-if.ts). */
  whatIf: z
    .strictObject({
      supportShare: assumption('the share of child-in-need cases support workers take (%)', WHAT_IF_LIMITS.supportShare).default(DEFAULT_WHAT_IF.supportShare),
      supportCaseload: assumption('the cases per support worker', WHAT_IF_LIMITS.supportCaseload).default(DEFAULT_WHAT_IF.supportCaseload),
      convertAgencyFte: assumption('the agency FTE made permanent', WHAT_IF_LIMITS.convertAgencyFte).default(DEFAULT_WHAT_IF.convertAgencyFte),
      fullCaseload: assumption('the caseload after the ASYE', WHAT_IF_LIMITS.fullCaseload).nullable().default(DEFAULT_WHAT_IF.fullCaseload),
    })
    .default({ ...DEFAULT_WHAT_IF }),
  /** The author's commentary per section: paragraphs separated by blank lines. */
  commentary: z.partialRecord(z.enum(PAPER_SECTIONS), commentaryText).default({}),
  /** The recommendations, one per entry (the committee is asked to ...). */
  recommendations: z
    .array(text.max(PAPER_LIMITS.recommendation, `a recommendation can be at most ${PAPER_LIMITS.recommendation.toLocaleString('en-GB')} characters`))
    .max(PAPER_LIMITS.recommendations, `a paper can make at most ${PAPER_LIMITS.recommendations} recommendations`)
    .default([]),
  targets: targetsSchema.default({ caseload: null, overThreshold: null, agencyRate: null, turnover: null, asyeInProgress: null }),
});

export type PaperConfig = z.infer<typeof paperConfigSchema>;
export type PaperConfigInput = z.input<typeof paperConfigSchema>;
export type PaperTargets = z.infer<typeof targetsSchema>;

export const DEFAULT_PAPER_CONFIG: PaperConfig = paperConfigSchema.parse({});

/** Parses a configuration (e.g. JSON read from a file), with plain-English errors for HR staff. */
export function parsePaperConfig(input: unknown): PaperConfig {
  const result = paperConfigSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => {
    const where = i.path.length ? i.path.join('.') : 'the configuration';
    if (i.code === 'unrecognized_keys') {
      const names = i.keys.map((k) => (i.path.length ? `${where}.${k}` : k));
      return `${names.map((n) => `"${n}"`).join(', ')}: not a setting the paper knows (check the spelling)` +
        (i.path[0] === 'sections' ? `; the sections are ${PAPER_SECTIONS.join(', ')}` : '');
    }
    return `${where}: ${i.message}`;
  });
  throw new Error(`The paper configuration is not valid:\n- ${problems.join('\n- ')}`);
}
