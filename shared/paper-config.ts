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
  'sources',
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
  sources: 'Data sources and definitions',
  appendix: 'Appendix: the data behind each chart',
};

const text = z.string().trim();
// Every text has a ceiling (issue 16: a 1 MB team name or an 80,000-word commentary made papers
// of hundreds of megabytes and minutes of layout). Generous for real use, each says why.
export const PAPER_LIMITS = {
  line: 300,
  commentary: 20_000,
  recommendation: 2_000,
  recommendations: 30,
  contacts: 10,
  /** A block of the report's furniture: implications, background papers, reasons (issue 14). */
  block: 4_000,
  /** The report's printed contact details (name, telephone, email). */
  contact: 1_000,
} as const;
const line = (what: string) =>
  text.max(PAPER_LIMITS.line, `${what} can be at most ${PAPER_LIMITS.line} characters; shorten it`);
const commentaryText = text.max(
  PAPER_LIMITS.commentary,
  `a section's commentary can be at most ${PAPER_LIMITS.commentary.toLocaleString('en-GB')} characters (about 3,000 words); shorten it, or put the detail in a separate document`,
);
/** A text of several lines with its own ceiling (the report's furniture). */
const block = (what: string, max: number = PAPER_LIMITS.block) =>
  text.max(max, `${what} can be at most ${max.toLocaleString('en-GB')} characters; shorten it, or put the detail in a separate document`);
/** A what-if assumption: a number within the limits the Planning screen and the whatif command use. */
const assumption = (what: string, { min, max }: { min: number; max: number }) => {
  const message = `${what} must be a number from ${min.toLocaleString('en-GB')} to ${max.toLocaleString('en-GB')}`;
  return z.number({ error: message }).min(min, message).max(max, message);
};
const optionalNumber = z.number().finite().nullable();

export const targetsSchema = z.strictObject({
  /** Average caseload per worker (social workers excluding ASYE) at or below this is "met"; null: the caseload threshold setting. */
  caseload: optionalNumber.default(null),
  /** Agency rate (FTE, %) at or below this is "met". */
  agencyRate: optionalNumber.default(15),
  /** Turnover rate (FTE, %) at or below this is "met". */
  turnover: optionalNumber.default(15),
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
  targets: targetsSchema.default({ caseload: null, agencyRate: 15, turnover: 15, asyeInProgress: null }),
  // The council report's usual furniture (issue 14): the author's words, each left out of the
  // paper when empty. Bounded so a pasted document cannot swell the stored configuration.
  /** "Yes" / "No" and the forward plan reference, as the council writes it. */
  keyDecision: line('"key decision"').default(''),
  implications: z
    .strictObject({
      financial: block('the financial implications').default(''),
      legal: block('the legal implications').default(''),
      hr: block('the human resources implications').default(''),
      equality: block('the equality implications').default(''),
    })
    .default({ financial: '', legal: '', hr: '', equality: '' }),
  /** Background papers, one per line (or "None"). */
  backgroundPapers: block('the background papers').default(''),
  reasonsForRecommendations: block('the reasons for the recommendations').default(''),
  /** Contact details for the report (name, telephone, email), as printed. */
  contact: block('the contact details', PAPER_LIMITS.contact).default(''),
  /** ISO date the report is dated; blank when not given. */
  reportDate: text.regex(/^(\d{4}-\d{2}-\d{2})?$/, 'Use the form YYYY-MM-DD for the report date').default(''),
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
