// Section: purpose and summary, with the four headline tiles. Each tile gives the figure, its
// change on a year ago, its target written as "met" or "not met", and England's figure when the
// DfE benchmarks are loaded.
import { formatLongDate } from '../../../shared/dates';
import type { BenchmarkMeasureKey } from '../../../shared/benchmarks';
import { plural, targetStatus } from '../../../shared/summaries';
import type { Block, Tile } from '../model';
import { changeLine, count, one, pct, paragraphs } from '../text';
import { warningBlocks, type SectionInput } from './input';

function england(input: SectionInput, key: BenchmarkMeasureKey, unit: '' | '%', suffix = ''): string | null {
  // England's row does not depend on the council, so it is quoted even when the council's DfE
  // code is not set or not found.
  const b = input.context.benchmarks ?? input.context.england ?? null;
  const m = b?.measures.find((x) => x.measure === key);
  if (!b || !m || m.england.value === null) return null;
  const v = unit === '%' ? pct(m.england.value) : one(m.england.value);
  return `England: ${v}${suffix} (DfE, 30 September ${b.year})`;
}

function targetLine(value: number | null, target: number | null, higherIsWorse: boolean, words: (t: string) => string, decimals: number): { line: string | null; status: Tile['target'] } {
  if (target === null) return { line: null, status: null };
  const s = targetStatus(value, { value: target, name: 'the target', higherIsWorse }, { decimals });
  if (s === 'not applicable') return { line: `Target: ${words(String(target))}; not applicable this year`, status: null };
  return { line: `Target: ${words(target.toLocaleString('en-GB'))}. Target ${s}.`, status: s };
}

export function headlineTiles(input: SectionInput): Tile[] {
  const { metrics: m, config, context } = input;
  const ya = m.yearAgo;
  const tiles: Tile[] = [];

  const cl = m.caseload.groups.excludingAsye.averagePerWorker;
  const clBefore = ya.caseload.groups.excludingAsye.averagePerWorker;
  const clTarget = targetLine(cl, config.targets.caseload ?? context.settings.caseloadThreshold, true, (t) => `${t} cases or fewer`, 1);
  tiles.push({
    label: 'Average caseload',
    value: one(cl),
    caption: 'cases per social worker holding cases, excluding ASYE',
    details: [
      changeLine(cl, clBefore, 'average', one(clBefore)),
      ...(clTarget.line ? [clTarget.line] : []),
      `DfE measure (cases per FTE, all social workers): ${one(m.caseload.averageFte)}`,
      ...[england(input, 'caseload', '', ' per FTE')].filter((x): x is string => !!x),
    ],
    target: clTarget.status,
  });

  const ag = m.agency.rateFte;
  const agTarget = targetLine(ag, config.targets.agencyRate, true, (t) => `${t}% or lower`, 1);
  tiles.push({
    label: 'Agency social workers',
    value: pct(ag),
    caption: `of social worker FTE; ${plural(m.agency.headcount, 'agency worker')} (${one(m.agency.fte)} FTE)`,
    details: [
      changeLine(ag, ya.agency.rateFte, 'rate', `${pct(ya.agency.rateFte)}, ${plural(ya.agency.headcount, 'worker')}`),
      ...(agTarget.line ? [agTarget.line] : []),
      ...[england(input, 'agencyRate', '%')].filter((x): x is string => !!x),
    ],
    target: agTarget.status,
  });

  const to = m.turnover.rateFte;
  const toTarget = targetLine(to, config.targets.turnover, true, (t) => `${t}% or lower`, 1);
  tiles.push({
    label: 'Turnover',
    value: pct(to),
    caption: `${plural(m.leavers.headcount, 'leaver')} (${one(m.leavers.fte)} FTE) in the 12 months to ${formatLongDate(m.asAt)}`,
    details: [
      changeLine(to, ya.turnover.rateFte, 'rate', pct(ya.turnover.rateFte)),
      ...(toTarget.line ? [toTarget.line] : []),
      ...[england(input, 'turnover', '%')].filter((x): x is string => !!x),
    ],
    target: toTarget.status,
  });

  const asye = m.asye.cohorts.reduce((s, c) => s + c.inProgress, 0);
  const asTarget = targetLine(asye, config.targets.asyeInProgress, false, (t) => `at least ${t}`, 0);
  tiles.push({
    label: 'ASYE in programme',
    value: count(asye),
    caption: 'newly qualified social workers in their assessed and supported year',
    details: [
      changeLine(asye, ya.asyeInProgress, 'count', count(ya.asyeInProgress)),
      ...(asTarget.line ? [asTarget.line] : []),
    ],
    target: asTarget.status,
  });
  return tiles;
}

export function summarySection(input: SectionInput): Block[] {
  const { metrics: m, context, config } = input;
  const council = config.councilName || context.councilName || 'the council';
  const blocks: Block[] = [
    {
      type: 'paragraph',
      text:
        `This report updates the committee on social work caseloads, agency staffing, recruitment and retention ` +
        `in ${council}'s children's social care, at ${formatLongDate(m.asAt)}, compared with a year earlier. ` +
        `Figures follow the Department for Education's definitions for its annual children's social work workforce statistics.`,
    },
    { type: 'tiles', tiles: headlineTiles(input) },
    ...warningBlocks(m),
  ];
  const c = paragraphs(config.commentary.summary);
  if (c.length) blocks.push({ type: 'commentary', paragraphs: c });
  return blocks;
}

export function recommendationsSection(input: SectionInput): Block[] {
  const recs = input.config.recommendations;
  const blocks: Block[] = [];
  if (recs.length) {
    blocks.push({ type: 'paragraph', text: 'The committee is asked to:' });
    blocks.push({ type: 'list', ordered: true, items: recs });
  } else {
    blocks.push({ type: 'paragraph', text: 'The committee is asked to note the contents of this report.' });
  }
  const c = paragraphs(input.config.commentary.recommendations);
  if (c.length) blocks.push({ type: 'commentary', paragraphs: c });
  return blocks;
}
