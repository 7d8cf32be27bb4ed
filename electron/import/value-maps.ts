// Placing a value written in the council's own words (a job title, a contract type, a leaving
// reason) in the importer's codes, and saying by what: the file's column mapping ("values"),
// the council's own rules (saved in the database, value-rules.ts), or the default rule lists
// (formats/job-titles.ts, formats/value-words.ts). Exact codes and census numbers are read by
// codes.ts before any of this; what is placed here is listed in the import summary.
import { EMPLOYMENT_TYPES, LEAVING_REASONS, ROLES, ROLE_LABEL } from '../../shared/domain';
import { JOB_TITLE_RULES, NOT_COUNTED } from './formats/job-titles';
import { CONTRACT_TYPE_WORDS, LEAVING_REASON_WORDS } from './formats/value-words';
import { lookup, norm } from './normalise';


/** The fields whose values are words placed in codes. */
export const WORDED_FIELDS = ['role', 'employment_type', 'leaving_reason'] as const;
export type WordedField = (typeof WORDED_FIELDS)[number];

/** What each worded field may be placed as (the value step's choices). */
export const PLACEMENTS: Record<WordedField, readonly string[]> = {
  role: [...ROLES, NOT_COUNTED],
  employment_type: [...EMPLOYMENT_TYPES, NOT_COUNTED],
  leaving_reason: [...LEAVING_REASONS],
};

export type PlacedBy = 'mapping' | 'council' | 'default';

export interface Placed {
  to: string;
  by: PlacedBy;
  /** The default rule's reason, for the summary. */
  why?: string;
}

/** field -> (normalised value -> placement), as plain data (crosses to the worker thread). */
export type ValueRuleSet = Record<string, Record<string, string>>;

const CONTRACTS = lookup(CONTRACT_TYPE_WORDS as Record<string, readonly string[]>);
const REASONS = lookup(LEAVING_REASON_WORDS);

/** Words of a title with single spaces round them, so phrases match whole words only. */
function words(text: string): string {
  return ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;
}
const TITLE_PHRASES = JOB_TITLE_RULES.map((r) => ({ ...r, phrases: r.phrases.map((p) => words(p)) }));

/** The default rules' placement of a value, or undefined when none places it. */
export function defaultPlacement(field: string, value: string): Placed | undefined {
  if (field === 'role') {
    const w = words(value);
    const rule = TITLE_PHRASES.find((r) => r.phrases.some((p) => w.includes(p)));
    return rule ? { to: rule.placed, by: 'default', why: rule.why } : undefined;
  }
  const table = field === 'employment_type' ? CONTRACTS : field === 'leaving_reason' ? REASONS : undefined;
  const to = table?.get(norm(value));
  return to === undefined ? undefined : { to, by: 'default' };
}

/**
 * A placer for one import: the mapping's value maps first (the most particular), then the
 * council's rules, then the defaults.
 */
export function makePlacer(mapping: Record<string, Map<string, string>>, council: ValueRuleSet) {
  return (field: string, value: string): Placed | undefined => {
    const key = norm(value);
    const m = mapping[field]?.get(key);
    if (m !== undefined) return { to: m, by: 'mapping' };
    const c = council[field]?.[key];
    if (c !== undefined) return { to: c, by: 'council' };
    return defaultPlacement(field, value);
  };
}

/** A placement in the words of the summary and the value step. */
export function placementLabel(field: string, to: string): string {
  if (to === NOT_COUNTED) return 'not counted';
  if (field === 'role') return ROLE_LABEL[to as keyof typeof ROLE_LABEL] ?? to;
  return to.replace(/_/g, ' ');
}
