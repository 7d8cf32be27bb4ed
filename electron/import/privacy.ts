// No child's name or date of birth is ever stored, and no worker's own personal details either
// (DOMAIN.md). Two different answers, because the two kinds of file differ:
//  - a case file (allocations) with a column that looks like a child's name or date of birth is
//    refused outright, so an export with children's identities is fixed at its source rather
//    than kept on disk;
//  - a staff file (HR, agency, census, ASYE, establishment) may carry the worker's own date of
//    birth, gender, ethnicity or name (the DfE census does, to de-duplicate): those columns are
//    dropped unread and the import says so ("PersonBirthDate, GenderCurrent, Ethnicity: not stored").
// In both, a personal column that a layout or a mapping would read into a field is refused: a
// "Child Names" column mapped to team is still children's names. Headings are folded first
// (fold-heading.ts) so look-alike letters do not slip past.
import { foldHeading } from './fold-heading';
import {
  IDENTITY_HEADINGS, IDENTITY_PARTS, NOT_A_CHILD_BEFORE_NAME, STAFF_NAME_BEFORE_NAME, STAFF_PERSONAL_HEADINGS,
} from './personal-headings';
import { COMMON_FORENAMES, TEAM_WORDS } from './person-names';

const IDENTITY = new Set(IDENTITY_HEADINGS);
const STAFF_PERSONAL = new Set(STAFF_PERSONAL_HEADINGS);
const STAFF_NAME = new Set(STAFF_NAME_BEFORE_NAME);

/** Folded heading without a trailing number ("Name 1", "Child Name 2"). */
function base(heading: string): string {
  return foldHeading(heading).replace(/\d+$/, '');
}

/** Whose name "<before>name" is: a safe word exactly, or (4 letters or more) at its end. */
function namesSomethingElse(before: string, words: readonly string[]): boolean {
  return words.some((w) => before === w || (w.length >= 4 && before.endsWith(w)));
}

/** The part before "name"/"names" when the heading is "<something> name", else null. */
function beforeName(h: string): string | null {
  const m = /^(.*?)names?$/.exec(h);
  return m ? m[1]! : null;
}

/** True when a heading looks like a child's name or date of birth. */
export function isIdentityHeading(heading: string): boolean {
  const h = base(heading);
  if (h === '') return false;
  if (IDENTITY.has(h)) return true;
  if (IDENTITY_PARTS.some((p) => h.includes(p))) return true;
  const before = beforeName(h);
  if (before !== null) return before === '' || !namesSomethingElse(before, NOT_A_CHILD_BEFORE_NAME);
  if (h.startsWith('nameof')) return !namesSomethingElse(h.slice(6), NOT_A_CHILD_BEFORE_NAME);
  return false;
}

/** True when a heading in a staff file is a worker's own personal detail (or anyone's identity). */
export function isPersonalHeading(heading: string): boolean {
  if (isIdentityHeading(heading)) return true;
  const h = base(heading);
  if (STAFF_PERSONAL.has(h)) return true;
  if (/(gender|ethnicity|ethnicorigin|dateofbirth|sexualorientation|religion)$/.test(h)) return true;
  const before = beforeName(h);
  return before !== null && namesSomethingElse(before, [...STAFF_NAME]);
}

export function identityColumns(headers: readonly string[]): string[] {
  return headers.filter(isIdentityHeading);
}

export function personalColumns(headers: readonly string[]): string[] {
  return headers.filter(isPersonalHeading);
}

/**
 * Sources about staff, not children: personal columns there are the worker's own, dropped unread.
 * An ID map (ssd_professionals) and a departments file name workers and teams, never children.
 */
export const STAFF_SOURCES: ReadonlySet<string> = new Set(['workers', 'agency', 'asye', 'establishment', 'idmap', 'departments', 'agency_caps']);

/** What the import summary says about the columns it dropped. */
export function notStoredNote(columns: readonly string[]): string {
  return `${columns.join(', ')}: not stored (a worker's own personal details are not needed for any figure, so ${columns.length === 1 ? 'this column was' : 'these columns were'} not read).`;
}

export function identityRefusal(columns: readonly string[]): string {
  const list = columns.map((c) => `"${c}"`).join(', ');
  const one = columns.length === 1;
  return (
    `This file has ${one ? 'a column' : 'columns'} (${list}) that look${one ? 's' : ''} like a child's name or date of birth. ` +
    `Scrutiny Pack never stores children's identities, so the whole file has been refused and nothing was stored. ` +
    `Remove ${one ? 'that column' : 'those columns'} from the export and import it again.`
  );
}

/** A personal column that a layout or mapping would read into a field. */
export function mappedPersonalRefusal(columns: readonly { heading: string; field: string }[]): string {
  const list = columns.map((c) => `"${c.heading}" (used as ${c.field})`).join(', ');
  const one = columns.length === 1;
  return (
    `The column${one ? '' : 's'} ${list} look${one ? 's' : ''} like a person's name or date of birth, which Scrutiny Pack never stores, ` +
    `so the file has been refused and nothing was stored. Map ${one ? 'it' : 'them'} to "Not used" and choose the right column for ` +
    `${one ? 'that field' : 'those fields'}.`
  );
}

const NAME_TOKEN = /^[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*$/;
const FORENAMES = new Set(COMMON_FORENAMES);
const TEAMISH = new Set(TEAM_WORDS);

/** "Jane Smith", "Smith, Jane", "Mary-Jane O'Neil": a common forename and a surname, and no team word. */
export function looksLikePersonName(value: string): boolean {
  const v = value.trim();
  const comma = /^([^,]+),\s*([^,]+)$/.exec(v);
  const tokens = (comma ? `${comma[2]} ${comma[1]}` : v).split(/\s+/);
  if (tokens.length < 2 || tokens.length > 3) return false;
  if (!tokens.every((t) => NAME_TOKEN.test(t))) return false;
  if (tokens.some((t) => TEAMISH.has(t.toLowerCase()))) return false;
  return FORENAMES.has(tokens[0]!.toLowerCase());
}

/**
 * A team column whose values are mostly people's names (a column of children's or workers'
 * names mapped, or exported, as the team): refused with the values' row numbers left out.
 */
export function namesInTeamColumn(values: readonly string[]): boolean {
  const distinct = [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
  if (distinct.length < 3) return false;
  const names = distinct.filter(looksLikePersonName).length;
  return names * 2 >= distinct.length;
}

export function teamNamesRefusal(heading: string): string {
  return (
    `The column "${heading}", read as the team, holds what look like people's names rather than team names. ` +
    `Scrutiny Pack never stores names, so the file has been refused and nothing was stored: check which column holds the team ` +
    `(or map this one to "Not used") and import it again.`
  );
}
