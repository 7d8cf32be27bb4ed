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
// Author text is bounded so a pasted document cannot swell the paper unseen: a line (names, a
// date, "No") or a passage (paragraphs separated by blank lines).
const line = z.string().trim().max(300, 'Keep this to 300 characters or fewer');
const passage = z.string().trim().max(6000, 'Keep this to 6,000 characters or fewer');
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
  title: text.default('Social work caseloads, recruitment and retention'),
  committee: text.default("Children and Young People's Scrutiny Committee"),
  /** ISO date of the meeting; blank when not yet fixed. */
  meetingDate: text.regex(/^(\d{4}-\d{2}-\d{2})?$/, 'Use the form YYYY-MM-DD for the meeting date').default(''),
  /** Overrides the council name from the settings when given. */
  councilName: text.default(''),
  reportOf: text.default("Director of Children's Services"),
  contactOfficers: z.array(z.strictObject({ name: text, role: text.default(''), email: text.default('') })).default([]),
  wardsAffected: line.default('All'),
  /** Whether the report asks for a key decision ("No", "Yes: ..."); blank leaves it off the cover. */
  keyDecision: line.default(''),
  /** ISO date of the report (shown on the cover); blank leaves it off. */
  reportDate: text.regex(/^(\d{4}-\d{2}-\d{2})?$/, 'Use the form YYYY-MM-DD for the report date').default(''),
  /** Contact details for the report (name, role, telephone, email) as the council prints them; blank leaves it off. */
  contact: line.default(''),
  /** Why the committee is asked to agree the recommendations; blank leaves it off. */
  reasonsForRecommendations: passage.default(''),
  /** The implications sections councils' templates require; each is printed only when written. */
  implications: z
    .strictObject({ financial: passage.default(''), legal: passage.default(''), hr: passage.default(''), equality: passage.default('') })
    .default({ financial: '', legal: '', hr: '', equality: '' }),
  /** Documents relied on in writing the report (Local Government Act 1972, s.100D), one per entry. */
  backgroundPapers: z.array(line).max(30, 'List 30 background papers or fewer').default([]),
  status: z.enum(['public', 'exempt']).default('public'),
  /** Months in the trend charts (the measures' series length). */
  months: z.number().int().min(3).max(60).default(24),
  sections: z
    .strictObject(Object.fromEntries(PAPER_SECTIONS.map((s) => [s, z.boolean().default(!OFF_BY_DEFAULT.has(s))])) as Record<PaperSectionId, z.ZodDefault<z.ZodBoolean>>)
    .default(Object.fromEntries(PAPER_SECTIONS.map((s) => [s, !OFF_BY_DEFAULT.has(s)])) as Record<PaperSectionId, boolean>),
  /** The assumptions of the optional "What if" section (shared/what-if.ts). */
  whatIf: z
    .strictObject({
      supportShare: z.number().min(WHAT_IF_LIMITS.supportShare.min).max(WHAT_IF_LIMITS.supportShare.max).default(DEFAULT_WHAT_IF.supportShare),
      supportCaseload: z.number().min(WHAT_IF_LIMITS.supportCaseload.min).max(WHAT_IF_LIMITS.supportCaseload.max).default(DEFAULT_WHAT_IF.supportCaseload),
      convertAgencyFte: z.number().min(WHAT_IF_LIMITS.convertAgencyFte.min).max(WHAT_IF_LIMITS.convertAgencyFte.max).default(DEFAULT_WHAT_IF.convertAgencyFte),
      fullCaseload: z.number().min(WHAT_IF_LIMITS.fullCaseload.min).max(WHAT_IF_LIMITS.fullCaseload.max).nullable().default(DEFAULT_WHAT_IF.fullCaseload),
    })
    .default({ ...DEFAULT_WHAT_IF }),
  /** The author's commentary per section: paragraphs separated by blank lines. */
  commentary: z.partialRecord(z.enum(PAPER_SECTIONS), text).default({}),
  /** The recommendations, one per entry (the committee is asked to ...). */
  recommendations: z.array(text).default([]),
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
