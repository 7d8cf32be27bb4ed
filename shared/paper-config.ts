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
  title: text.default('Social work caseloads, recruitment and retention'),
  committee: text.default("Children and Young People's Scrutiny Committee"),
  /** ISO date of the meeting; blank when not yet fixed. */
  meetingDate: text.regex(/^(\d{4}-\d{2}-\d{2})?$/, 'Use the form YYYY-MM-DD for the meeting date').default(''),
  /** Overrides the council name from the settings when given. */
  councilName: text.default(''),
  reportOf: text.default("Director of Children's Services"),
  contactOfficers: z.array(z.strictObject({ name: text, role: text.default(''), email: text.default('') })).default([]),
  wardsAffected: text.default('All'),
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
  targets: targetsSchema.default({ caseload: null, agencyRate: 15, turnover: 15, asyeInProgress: null }),
  // The council report's usual furniture (issue 14): the author's words, each left out of the
  // paper when empty. Bounded so a pasted document cannot swell the stored configuration.
  /** "Yes" / "No" and the forward plan reference, as the council writes it. */
  keyDecision: text.max(300).default(''),
  implications: z
    .strictObject({
      financial: text.max(4000).default(''),
      legal: text.max(4000).default(''),
      hr: text.max(4000).default(''),
      equality: text.max(4000).default(''),
    })
    .default({ financial: '', legal: '', hr: '', equality: '' }),
  /** Background papers, one per line (or "None"). */
  backgroundPapers: text.max(4000).default(''),
  reasonsForRecommendations: text.max(4000).default(''),
  /** Contact details for the report (name, telephone, email), as printed. */
  contact: text.max(1000).default(''),
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
