// Section: purpose and summary, with the four headline tiles. Each tile gives the figure, its
// change on a year ago and whether that is better or worse, a "met" / "not met" verdict only
// against a target the council has set, and England's and the neighbours' figures for the same
// measure when the DfE benchmarks are loaded.
import { formatLongDate } from '../../../shared/dates';
import type { BenchmarkMeasureKey } from '../../../shared/benchmarks';
import { plural, targetStatus } from '../../../shared/summaries';
import type { Block, Tile } from '../model';
import { changeLine, count, one, pct, paragraphs } from '../text';
import { roundHalfAway } from '../../../shared/format';
import { inProgramme } from './asye';
import { isCovered } from '../../../shared/coverage';
import { warningBlocks, type SectionInput } from './input';

/**
 * The same measure as the DfE publishes it for England and, when the council is known, the
 * average of its statistical neighbours: set only beside a figure of the same definition.
 */
function comparators(input: SectionInput, key: BenchmarkMeasureKey, show: (v: number) => string): string[] {
  // England's row does not depend on the council, so it is quoted even when the council's DfE
  // code is not set or not found.
  const b = input.context.benchmarks ?? input.context.england ?? null;
  const m = b?.measures.find((x) => x.measure === key);
  if (!b || !m) return [];
  const out: string[] = [];
  if (m.england.value !== null) out.push(`England: ${show(m.england.value)} (DfE, 30 September ${b.year})`);
  const c = input.context.benchmarks?.measures.find((x) => x.measure === key);
  if (c && c.neighbours.total > 0) {
    const n = c.neighbours;
    out.push(n.mean === null
      ? `Statistical neighbours: no figures published for ${input.context.benchmarks!.year}`
      : `Statistical neighbours' average: ${show(n.mean)}` + (n.withValue < n.total ? ` (${n.withValue} of the ${n.total} have a figure)` : ''));
  }
  return out;
}

/**
 * The year-ago figures with those the imported records do not cover set to null, so a tile says
 * "no comparable figure a year ago" rather than comparing with an artefact of the export's start.
 */
export function yearAgoCovered(m: SectionInput['metrics']): SectionInput['metrics']['yearAgo'] {
  const ya = m.yearAgo;
  const history = isCovered(ya.asAt, 'history', m.coverage);
  const staff = isCovered(ya.asAt, 'staff', m.coverage);
  const cases = isCovered(ya.asAt, 'cases', m.coverage);
  const none = { headcount: 0, fte: 0 };
  return {
    ...ya,
    turnover: history ? ya.turnover : { rateFte: null, rateHeadcount: null },
    stabilityIndex: history ? ya.stabilityIndex : null,
    agency: staff ? ya.agency : { ...ya.agency, rateFte: null },
    caseload: cases ? ya.caseload : { ...ya.caseload, averageFte: null, averagePerWorker: null, caseHolders: none,
      groups: { ...ya.caseload.groups, excludingAsye: { ...ya.caseload.groups.excludingAsye, averagePerWorker: null, averageFte: null } } },
  };
}

/** Whether the change on a year ago is for the better, judged on the printed (rounded) figures. */
export function changeVerdict(now: number | null, before: number | null, decimals: number, lowerIsBetter: boolean | null): string {
  if (now === null || before === null || lowerIsBetter === null) return '';
  const a = roundHalfAway(before, decimals);
  const b = roundHalfAway(now, decimals);
  if (a === b) return ': no change';
  return (b < a) === lowerIsBetter ? ': better' : ': worse';
}

function targetLine(value: number | null, target: number | null, higherIsWorse: boolean, words: (t: string) => string, decimals: number): { line: string | null; status: Tile['target'] } {
  if (target === null) return { line: null, status: null };
  const s = targetStatus(value, { value: target, name: 'the target', higherIsWorse }, { decimals });
  if (s === 'not applicable') return { line: `Target: ${words(String(target))}; not applicable this year`, status: null };
  return { line: `Council's target: ${words(target.toLocaleString('en-GB'))}. Target ${s}.`, status: s };
}

/** The worse of two verdicts, so a tile with two targets is "met" only when both are. */
function both(a: Tile['target'], b: Tile['target']): Tile['target'] {
  if (a === 'not met' || b === 'not met') return 'not met';
  return a ?? b;
}

export function headlineTiles(input: SectionInput): Tile[] {
  const { metrics: m, config, context } = input;
  // A year-ago figure (or today's) the imported records do not cover is no figure at all.
  const ya = yearAgoCovered(m);
  const tiles: Tile[] = [];
  const line = (...parts: Array<string | null>) => parts.filter((x): x is string => !!x);

  // The big figure is the DfE measure (cases per FTE), so England and the neighbours beside it are
  // the same measure; the per-worker figure councils quote is given, with nothing national beside it.
  const cl = m.caseload.averageFte;
  const clBefore = ya.caseload.averageFte;
  const threshold = context.settings.caseloadThreshold;
  const holders = m.caseload.caseHolders.headcount;
  const over = m.caseload.overThreshold;
  const share = holders > 0 ? (over / holders) * 100 : null;
  const shareBefore = ya.caseload.caseHolders.headcount > 0 ? (ya.caseload.overThreshold / ya.caseload.caseHolders.headcount) * 100 : null;
  const clTarget = targetLine(cl, config.targets.caseload, true, (t) => `${t} cases per FTE or fewer`, 1);
  const overTarget = targetLine(share, config.targets.overThreshold, true, (t) => `${t}% or fewer over ${threshold} cases`, 1);
  tiles.push({
    label: 'Average caseload',
    value: one(cl),
    caption: 'cases per full-time equivalent (FTE) social worker holding cases (the DfE measure)',
    details: line(
      changeLine(cl, clBefore, 'average', one(clBefore)) + changeVerdict(cl, clBefore, 1, true),
      clTarget.line,
      holders > 0
        ? `${count(over)} of the ${count(holders)} social workers holding cases (${pct(share)}) held more than ${threshold} cases; a year earlier ${pct(shareBefore)}${changeVerdict(share, shareBefore, 1, true)}`
        : null,
      overTarget.line,
      `Per worker (social workers holding cases, excluding ASYE): ${one(m.caseload.groups.excludingAsye.averagePerWorker)} cases`,
      ...comparators(input, 'caseload', (v) => `${one(v)} cases per FTE`),
    ),
    target: both(clTarget.status, overTarget.status),
  });

  const ag = m.agency.rateFte;
  const agTarget = targetLine(ag, config.targets.agencyRate, true, (t) => `${t}% or lower`, 1);
  tiles.push({
    label: 'Agency social workers',
    value: pct(ag),
    caption: `of social worker FTE; ${plural(m.agency.headcount, 'agency worker')} (${one(m.agency.fte)} FTE)`,
    details: line(
      changeLine(ag, ya.agency.rateFte, 'rate', `${pct(ya.agency.rateFte)}, ${plural(ya.agency.headcount, 'worker')}`) + changeVerdict(ag, ya.agency.rateFte, 1, true),
      agTarget.line,
      ...comparators(input, 'agencyRate', pct),
    ),
    target: agTarget.status,
  });

  const toCovered = isCovered(m.asAt, 'history', m.coverage);
  const to = toCovered ? m.turnover.rateFte : null;
  const toTarget = targetLine(to, config.targets.turnover, true, (t) => `${t}% or lower`, 1);
  tiles.push({
    label: 'Turnover',
    value: toCovered ? pct(to) : 'not available',
    caption: `${plural(m.leavers.headcount, 'leaver')} (${one(m.leavers.fte)} FTE) in the 12 months to ${formatLongDate(m.asAt)}`,
    details: line(
      changeLine(to, ya.turnover.rateFte, 'rate', pct(ya.turnover.rateFte)) + changeVerdict(to, ya.turnover.rateFte, 1, true),
      toTarget.line,
      ...comparators(input, 'turnover', pct),
    ),
    target: toTarget.status,
  });

  const asye = m.asye.cohorts.reduce((s, c) => s + inProgramme(c), 0);
  const asTarget = targetLine(asye, config.targets.asyeInProgress, false, (t) => `at least ${t}`, 0);
  tiles.push({
    label: 'ASYE in programme',
    value: count(asye),
    caption: 'newly qualified social workers in their assessed and supported year',
    // More or fewer newly qualified workers is neither better nor worse in itself.
    details: line(changeLine(asye, ya.asyeInProgress, 'count', count(ya.asyeInProgress)), asTarget.line),
    target: asTarget.status,
  });
  return tiles;
}

export function summarySection(input: SectionInput): Block[] {
  const { metrics: m, context, config } = input;
  const council = config.councilName || context.councilName || 'the council';
  // The author's commentary opens its section (docs/paper.md), before the figures.
  const c = paragraphs(config.commentary.summary);
  return [
    ...(c.length ? [{ type: 'commentary' as const, paragraphs: c }] : []),
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
}

export function recommendationsSection(input: SectionInput): Block[] {
  const recs = input.config.recommendations;
  const blocks: Block[] = [];
  const c = paragraphs(input.config.commentary.recommendations);
  if (c.length) blocks.push({ type: 'commentary', paragraphs: c });
  if (recs.length) {
    blocks.push({ type: 'paragraph', text: 'The committee is asked to:' });
    blocks.push({ type: 'list', ordered: true, items: recs });
  } else {
    blocks.push({ type: 'paragraph', text: 'The committee is asked to note the contents of this report.' });
  }
  const reasons = paragraphs(input.config.reasonsForRecommendations);
  if (reasons.length) {
    blocks.push({ type: 'subheading', text: 'Reasons for the recommendations' });
    blocks.push(...reasons.map((text): Block => ({ type: 'paragraph', text })));
  }
  return blocks;
}
