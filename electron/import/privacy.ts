// No child's name or date of birth is ever stored (DOMAIN.md). The importer only reads the
// columns it maps, but a file that carries such a column is refused outright, so an export
// with children's identities is noticed and fixed at its source rather than kept on disk.
import { norm } from './normalise';

const ALWAYS_PERSONAL = /forename|surname|firstname|lastname|givenname|familyname|middlename|fullname|preferredname|birth|dob/;
// Names of people or things that are not children: a worker's or a team's name is fine.
const SAFE_NAME_PREFIX = /^(team|worker|staff|employee|professional|prof|manager|agency|service|job|department|role|file|user|socialworker|practitioner|provider|organisation|org|la|localauthority|council|school|establishment|unit|cohort|invoprofessional)$/;

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

export function identityRefusal(columns: readonly string[]): string {
  const list = columns.map((c) => `"${c}"`).join(', ');
  return (
    `This file has ${columns.length === 1 ? 'a column' : 'columns'} (${list}) that look${columns.length === 1 ? 's' : ''} like a child's name or date of birth. ` +
    `Scrutiny Pack never stores children's identities, so the whole file has been refused and nothing was stored. ` +
    `Remove ${columns.length === 1 ? 'that column' : 'those columns'} from the export and import it again.`
  );
}
