// What the author should know before the paper goes to the committee, said to the author (command
// line stderr, the Paper screen) and never printed in the paper: placeholders still in it, a
// council name that does not match the council whose DfE figures are compared, a comparison that
// needs a setting.
import type { PaperConfig } from '../../shared/paper-config';
import type { PaperContext } from './context';

/** "Testshire County Council" -> "testshire": the words that name the place, not its kind of council. */
export function placeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\b(the|council|county|city|of|borough|metropolitan|district|royal|london|unitary|authority)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function sameCouncil(a: string, b: string): boolean {
  const x = placeName(a);
  const y = placeName(b);
  return x !== '' && y !== '' && (x === y || x.includes(y) || y.includes(x));
}

export function authorWarnings(config: PaperConfig, context: PaperContext, councilName: string | null): string[] {
  const out: string[] = [];
  if (!councilName) out.push('The council\'s name is not set: the paper says "Council name not set". Enter it in Settings or in the paper\'s details.');
  const compared = context.benchmarks?.council.name;
  if (councilName && compared && !sameCouncil(councilName, compared)) {
    out.push(`The paper is for ${councilName} but compares the DfE figures of ${compared} (DfE code ${context.benchmarks!.council.code}). Check the council's name and its DfE code in Settings.`);
  }
  if (context.benchmarksWarning) out.push(context.benchmarksWarning);
  if (config.sections.cover) {
    if (!config.meetingDate) out.push('The paper says "Date of meeting: To be confirmed". Add the meeting date before it is published.');
    if (!config.contactOfficers.length && !config.contact) out.push('No contact officer is given, so the paper has no contact details. Add a contact officer before it is published.');
  }
  return out;
}
