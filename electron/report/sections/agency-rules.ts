// The agency section's compliance table: the DfE's statutory guidance on agency social workers,
// as far as the council's records show it. Counts only: the people behind them are listed on
// internal screens and by `metrics`, never in a published paper.
import { formatLongDate } from '../../../shared/dates';
import type { Block } from '../model';
import { count } from '../text';
import type { SectionInput } from './input';

export function agencyRulesBlocks(input: SectionInput): Block[] {
  const r = input.metrics.agencyRules;
  if (!r || r.assignments === 0) return [];
  const d = formatLongDate(input.metrics.asAt);
  const checked = r.covered - r.experience.qualificationNotKnown;
  return [
    { type: 'subheading', text: 'The national rules on agency social workers' },
    {
      type: 'paragraph',
      text:
        `The DfE's statutory guidance on agency social workers in children's services applies to assignments starting on or after ` +
        `${formatLongDate(r.newAssignmentsFrom)} and to every assignment from ${formatLongDate(r.allAssignmentsFrom)}. ` +
        `At ${d}, ${count(r.covered)} of the ${count(r.assignments)} agency assignments were covered by it.`,
    },
    {
      type: 'table',
      table: {
        id: 'agency-rules',
        caption: `Agency assignments against the DfE's statutory guidance at ${d}`,
        columns: [
          { header: 'Rule', align: 'left' },
          { header: 'Assignments checked', align: 'right' },
          { header: 'Not meeting the rule', align: 'right' },
        ],
        rows: [
          ['At least three years since qualifying when the assignment started', count(checked), count(r.experience.underCount)],
          ['No return as an agency worker within three months of leaving a post here (assignments starting in the 12 months)', count(r.returners.checked), count(r.returners.count)],
        ],
        footnotes: [
          ...(r.experience.qualificationNotKnown > 0
            ? [`${count(r.experience.qualificationNotKnown)} covered ${r.experience.qualificationNotKnown === 1 ? 'assignment has' : 'assignments have'} no qualification date recorded and could not be checked.`]
            : []),
          'Returns are matched by Social Work England number, or staff number where the same one is kept; a return to this council is always within the same region. Exemptions allowed by the guidance are not recorded here. Charge rates against the regional price caps are not checked: they are held by the agency supplier.',
        ],
      },
    },
  ];
}
