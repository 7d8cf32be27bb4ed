// Section (optional, off by default): "What if". Projections from the measured figures at the
// paper's date under the author's assumptions (paper config `whatIf`), every assumption printed
// beside its result and every figure called a projection, never mixed with measured ones.
import { formatLongDate, formatMonthShort } from '../../../shared/dates';
import { formatAverage, formatFte, formatMoney, formatRate } from '../../../shared/format';
import { whatIf } from '../../../shared/what-if';
import type { Block } from '../model';
import { count, paragraphs } from '../text';
import type { SectionInput } from './input';

export function whatIfSection(input: SectionInput): Block[] {
  const { metrics: m, config, context } = input;
  const r = whatIf(m, context.settings, config.whatIf);
  const a = r.assumptions;
  const s = r.support;
  const g = r.agency;
  const blocks: Block[] = [];
  const commentary = paragraphs(config.commentary.whatif);
  if (commentary.length) blocks.push({ type: 'commentary', paragraphs: commentary });
  blocks.push({
    type: 'paragraph',
    text:
      `The figures in this section are projections, not measurements: they start from the measured figures at ${formatLongDate(m.asAt)} ` +
      'and show what would follow if the assumptions stated held and nothing else changed (no leavers, no recruitment, the same cases).',
  });
  blocks.push({ type: 'subheading', text: 'Support workers holding child-in-need cases' });
  blocks.push({
    type: 'paragraph',
    text:
      `Assumption: support workers take ${formatRate(a.supportShare)} of the ${count(s.cinHeldBySocialWorkers)} child-in-need cases social workers hold, ` +
      `${formatAverage(a.supportCaseload)} cases each. Projection: ${count(s.casesMoved)} cases move, needing ${count(s.supportWorkersNeeded)} support ` +
      `${s.supportWorkersNeeded === 1 ? 'worker' : 'workers'}; the average caseload of social workers holding cases would go from ${formatAverage(s.perWorkerBefore)} ` +
      `to ${formatAverage(s.perWorkerAfter)} per worker (${formatAverage(s.perFteBefore)} to ${formatAverage(s.perFteAfter)} per FTE, the DfE measure).`,
  });
  if (g.agencyFte > 0 && a.convertAgencyFte > 0) {
    blocks.push({ type: 'subheading', text: 'Agency posts made permanent' });
    blocks.push({
      type: 'paragraph',
      text:
        `Assumption: ${formatFte(g.fteConverted)} of the ${formatFte(g.agencyFte)} agency FTE become permanent posts, at ${formatMoney(a.agencyAnnualCost)} a year for an agency ` +
        `worker and ${formatMoney(a.employeeAnnualCost)} for an employee. Projection: ${formatMoney(g.annualSaving)} a year less in agency premium, and an agency rate ` +
        `of ${formatRate(g.rateAfter)} instead of ${formatRate(g.rateBefore)}.`,
    });
  }
  if (r.asye.inProgress > 0 && a.fullCaseloadUsed !== null) {
    blocks.push({ type: 'subheading', text: 'Newly qualified social workers finishing their ASYE' });
    blocks.push({
      type: 'paragraph',
      text:
        `Assumption: after their ASYE, each of the ${count(r.asye.inProgress)} social workers in the programme at ${formatLongDate(m.asAt)} takes ${formatAverage(a.fullCaseloadUsed)} cases ` +
        '(their protected caseload rises to the full level). Projection by month end:',
    });
    blocks.push({
      type: 'table',
      table: {
        id: 'whatif-asye',
        caption: `Projected effect of the ASYE pipeline in the 12 months after ${formatLongDate(m.asAt)}`,
        columns: [
          { header: 'Month end', align: 'left' },
          { header: 'Finished their ASYE', align: 'right' },
          { header: 'Extra cases they can hold', align: 'right' },
          { header: 'As full-time social workers (FTE)', align: 'right' },
        ],
        rows: r.asye.months.map((x) => [formatMonthShort(x.monthEnd), count(x.finished), count(Math.round(x.extraCases)), formatFte(x.extraFte)]),
        footnotes: ['Projection. Cumulative: each month includes the workers who finished earlier. FTE: the extra cases divided by the cases per FTE of social workers excluding ASYE today.'],
      },
    });
  }
  return blocks;
}
