// The agency section's compliance table: the DfE's statutory guidance on agency social workers,
// as far as the council's records show it. Counts only: the people behind them are listed on
// internal screens and by `metrics`, never in a published paper.
import { formatLongDate } from '../../../shared/dates';
import type { ChargeRateCheck } from '../../../shared/metrics';
import type { Block } from '../model';
import { count } from '../text';
import type { SectionInput } from './input';

/** Why some covered assignments' charge rates were not compared with a cap, in one sentence. */
function capNotChecked(c: ChargeRateCheck): string {
  const parts = [
    c.rateNotRecorded > 0 ? `${count(c.rateNotRecorded)} with no charge rate recorded` : '',
    c.noCapCount > 0 ? `${count(c.noCapCount)} with no cap for ${c.noCapCount === 1 ? 'its' : 'their'} region and role` : '',
    c.agreedBeforeCaps > 0 ? `${count(c.agreedBeforeCaps)} agreed before the caps applied` : '',
  ].filter((p) => p !== '');
  return `Charge rates not checked: ${parts.join(', ')}.`;
}

export function agencyRulesBlocks(input: SectionInput): Block[] {
  const r = input.metrics.agencyRules;
  if (!r || r.assignments === 0) return [];
  const d = formatLongDate(input.metrics.asAt);
  const checked = r.covered - r.experience.qualificationNotKnown;
  const c = r.chargeRates;
  const capRow = c.capsImported
    ? [`Hourly charge rate within the regional price cap for the role (caps as imported, the first from ${formatLongDate(c.capsFrom!)})`, count(c.checked), count(c.overCount)]
    : ['Hourly charge rate within the regional price cap for the role', 'not checked: no cap table imported', 'not known'];
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
          capRow,
          ['Project teams not used', 'not measurable from the data held', 'not known'],
        ],
        footnotes: [
          ...(r.experience.qualificationNotKnown > 0
            ? [`${count(r.experience.qualificationNotKnown)} covered ${r.experience.qualificationNotKnown === 1 ? 'assignment has' : 'assignments have'} no qualification date recorded and could not be checked.`]
            : []),
          ...(c.capsImported && c.rateNotRecorded + c.noCapCount + c.agreedBeforeCaps > 0 ? [capNotChecked(c)] : []),
          'Returns are matched by Social Work England number, or staff number where the same one is kept; a return to this council is always within the same region. Exemptions allowed by the guidance are not recorded here.',
          c.capsImported
            ? "A charge rate is checked against the cap for the assignment's region and role in force when the rate was agreed; a rate agreed before the caps is held to the first cap from " +
              `${formatLongDate(r.allAssignmentsFrom)}. Whether project teams are used is not recorded in any of the exports this paper is built from.`
            : 'No table of the regional price caps has been imported, so charge rates were not checked. Whether project teams are used is not recorded in any of the exports this paper is built from.',
        ],
      },
    },
  ];
}
