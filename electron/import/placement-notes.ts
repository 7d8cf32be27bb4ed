// What the import summary says about values placed by rules rather than written as codes, so
// nothing is placed silently: the default rules' placements (to be checked), the council's own
// rules used, and the values not counted (each with its number of rows) and how to count them.
import { plural } from '../../shared/summaries';
import type { PlacementUse } from './convert';
import { NOT_COUNTED } from './formats/job-titles';
import { placementLabel } from './value-maps';

const FIELD_WORDS: Record<string, string> = { role: 'Job titles', employment_type: 'Contract types', leaving_reason: 'Leaving reasons' };
const SHOWN = 12;

function list(uses: PlacementUse[], withPlacement: boolean): string {
  const sorted = [...uses].sort((a, b) => b.rows - a.rows || a.value.localeCompare(b.value));
  const items = sorted.slice(0, SHOWN).map((u) => `"${u.value}"${withPlacement ? ` as ${placementLabel(u.field, u.to)}` : ''} (${plural(u.rows, 'row')})`);
  if (sorted.length > SHOWN) items.push(`and ${sorted.length - SHOWN} more`);
  return items.join(', ');
}

export function placementNotes(placed: readonly PlacementUse[]): string[] {
  const notes: string[] = [];
  const used = placed.filter((u) => u.rows > 0);
  for (const field of Object.keys(FIELD_WORDS)) {
    const byDefault = used.filter((u) => u.field === field && u.by === 'default' && u.to !== NOT_COUNTED);
    if (byDefault.length) notes.push(`${FIELD_WORDS[field]} placed by the default rules (check them; correct any in the value step or the mapping's "values"): ${list(byDefault, true)}.`);
    const byCouncil = used.filter((u) => u.field === field && u.by === 'council' && u.to !== NOT_COUNTED);
    if (byCouncil.length) notes.push(`${FIELD_WORDS[field]} placed by your council's saved rules: ${list(byCouncil, true)}.`);
  }
  // The rows themselves are counted, by reason and value, with every other row left out on
  // purpose (the import's "skipped" list); this says how to count them instead.
  const left = used.filter((u) => u.to === NOT_COUNTED);
  if (left.length) {
    notes.push(
      `Not counted by the value rules (not social work posts or contracts, so not errors): ${list(left, false)}. ` +
        'If any should count, place the value in a role or contract type in the value step or the mapping\'s "values".',
    );
  }
  return notes;
}
