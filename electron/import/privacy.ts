// No child's name or date of birth is ever stored (DOMAIN.md). The importer only reads the
// columns it maps, but a file that carries such a column is refused outright, so an export
// with children's identities is noticed and fixed at its source rather than kept on disk.
import { norm } from './normalise';

const ALWAYS_PERSONAL = /forename|surname|firstname|lastname|givenname|familyname|middlename|fullname|preferredname|birth|dob/;
// Names of people or things that are not children: a worker's or a team's name is fine.
const SAFE_NAME_PREFIX = /^(team|worker|staff|employee|professional|prof|manager|agency|service|job|department|role|file|user|socialworker|practitioner|provider|organisation|org|la|localauthority|council|school|establishment|unit|cohort|invoprofessional|profprofessional|deptteam|deptteamparent)$/;

/** True when a heading looks like a child's name or date of birth. */
export function isIdentityHeading(heading: string): boolean {
  const h = norm(heading);
  if (ALWAYS_PERSONAL.test(h)) return true;
  if (h.endsWith('name')) {
    const before = h.slice(0, -4);
    return !SAFE_NAME_PREFIX.test(before);
  }
  return false;
}

export function identityColumns(headers: readonly string[]): string[] {
  return headers.filter(isIdentityHeading);
}

/** Sources about staff, not children: a name column there is a worker's, so it is worded so. */
export const STAFF_SOURCES: ReadonlySet<string> = new Set(['workers', 'agency', 'asye', 'establishment', 'idmap', 'departments']);

export function identityRefusal(columns: readonly string[], source?: string): string {
  const list = columns.map((c) => `"${c}"`).join(', ');
  const one = columns.length === 1;
  if (source !== undefined && STAFF_SOURCES.has(source)) {
    return (
      `This file has ${one ? 'a column' : 'columns'} (${list}) that look${one ? 's' : ''} like a person's name or date of birth. ` +
      `Scrutiny Pack stores no names or dates of birth, so the file has been refused and nothing was stored: ` +
      `remove ${one ? 'the column' : 'those columns'} from the export, or map ${one ? 'it' : 'them'} to "Not used" in a column mapping, and import it again.`
    );
  }
  return (
    `This file has ${columns.length === 1 ? 'a column' : 'columns'} (${list}) that look${columns.length === 1 ? 's' : ''} like a child's name or date of birth. ` +
    `Scrutiny Pack never stores children's identities, so the whole file has been refused and nothing was stored. ` +
    `Remove ${columns.length === 1 ? 'that column' : 'those columns'} from the export and import it again.`
  );
}
