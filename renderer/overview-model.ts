// What the overview shows, worked out from the Metrics JSON: the headline tiles (the same four
// the paper leads with, plus staff in post) and the trend charts as chart specs, drawn by the
// same shared chart components the paper uses.
import type { Metrics } from '../shared/metrics';
import type { BarChartSpec, LineChartSpec } from '../shared/charts/spec';
import { LEAVING_REASONS, LEAVING_REASON_LABEL } from '../shared/domain';
import { YEARS_QUALIFIED_BANDS } from '../shared/metrics';
import { describeChange, formatAverage, formatCount, formatFte, formatRate, roundHalfAway, type ChangeKind } from '../shared/format';
import { formatLongDate } from '../shared/dates';
import { firstCoveredIndex, type CoverageNeed } from '../shared/coverage';

export interface Targets {
  caseload: number | null;
  agencyRate: number | null;
  turnover: number | null;
  asyeInProgress: number | null;
}

export interface TileModel {
  id: string;
  label: string;
  value: string;
  caption: string;
  change: string;
  target: { status: 'met' | 'not met'; text: string } | { status: 'none'; text: string };
}

const round = roundHalfAway;

/** "Up 1.2 percentage points on a year ago (16.3%)": words, not just an arrow or a colour. */
export function changeText(now: number | null, before: number | null, kind: ChangeKind, fmt: (v: number | null) => string): string {
  const words = describeChange(now, before, kind);
  const sentence = words.charAt(0).toUpperCase() + words.slice(1);
  return before === null ? sentence : `${sentence} (${fmt(before)})`;
}

function judge(value: number | null, target: number | null, higherIsWorse: boolean, decimals: number, words: string): TileModel['target'] {
  if (target === null) return { status: 'none', text: 'No target set' };
  if (value === null) return { status: 'none', text: `Target ${words}: not applicable` };
  const v = round(value, decimals);
  const t = round(target, decimals);
  const met = higherIsWorse ? v <= t : v >= t;
  return { status: met ? 'met' : 'not met', text: `Target ${met ? 'met' : 'not met'}: ${words}` };
}

export function headlineTiles(m: Metrics, targets: Targets, caseloadThreshold: number): TileModel[] {
  const ya = m.yearAgo;
  const cl = m.caseload.groups.excludingAsye.averagePerWorker;
  // A verdict only against a target the council set (the paper's rule): the caseload target is
  // cases per FTE, so it is judged on the DfE per-FTE figure, not the per-worker one shown large.
  void caseloadThreshold;
  const asye = m.asye.cohorts.reduce((s, c) => s + (c.inProgramme ?? c.inProgress), 0);
  return [
    {
      id: 'caseload',
      label: 'Average caseload',
      value: formatAverage(cl),
      caption: `cases per social worker holding cases, excluding ASYE (DfE per FTE: ${formatAverage(m.caseload.averageFte)})`,
      change: changeText(cl, ya.caseload.groups.excludingAsye.averagePerWorker, 'average', formatAverage),
      target: judge(m.caseload.averageFte, targets.caseload, true, 1, `${formatCount(targets.caseload ?? 0)} cases per FTE or fewer`),
    },
    {
      id: 'agency',
      label: 'Agency social workers',
      value: formatRate(m.agency.rateFte),
      caption: `of social worker FTE; ${formatCount(m.agency.headcount)} agency workers (${formatFte(m.agency.fte)} FTE)`,
      change: changeText(m.agency.rateFte, ya.agency.rateFte, 'rate', formatRate),
      target: judge(m.agency.rateFte, targets.agencyRate, true, 1, `${formatCount(targets.agencyRate)}% or lower`),
    },
    {
      id: 'turnover',
      label: 'Turnover',
      value: formatRate(m.turnover.rateFte),
      caption: `${formatCount(m.leavers.headcount)} leavers (${formatFte(m.leavers.fte)} FTE) in the 12 months to ${formatLongDate(m.asAt)}`,
      change: changeText(m.turnover.rateFte, ya.turnover.rateFte, 'rate', formatRate),
      target: judge(m.turnover.rateFte, targets.turnover, true, 1, `${formatCount(targets.turnover)}% or lower`),
    },
    {
      id: 'asye',
      label: 'ASYE in programme',
      value: formatCount(asye),
      caption: 'newly qualified social workers in their assessed and supported year',
      change: changeText(asye, ya.asyeInProgress, 'count', formatCount),
      target: judge(asye, targets.asyeInProgress, false, 0, `at least ${formatCount(targets.asyeInProgress)}`),
    },
    {
      id: 'inpost',
      label: 'Social workers in post',
      value: formatFte(m.inPost.fte),
      caption: `FTE employed directly; ${formatCount(m.inPost.headcount)} people`,
      change: changeText(m.inPost.fte, ya.inPost.fte, 'fte', formatFte),
      target: { status: 'none', text: `Stability index: ${formatRate(m.stabilityIndex)} still in post after a year` },
    },
    ...childrenTile(m),
  ];
}

/** Stability for children: the share of children with open cases who had 3 or more workers in the year. */
export function childrenTile(m: Metrics): TileModel[] {
  const cs = m.childStability;
  if (!cs || cs.children === 0) return [];
  const before = cs.series.find((p) => p.date === m.yearAgo.asAt);
  if (!cs.covered) {
    return [{
      id: 'children',
      label: 'Children with 3 or more workers',
      value: 'Not yet',
      caption: 'the case allocations do not go back a full year before this date',
      change: '',
      target: { status: 'none', text: 'Import allocations going back a year or more' },
    }];
  }
  return [{
    id: 'children',
    label: 'Children with 3 or more workers',
    value: formatRate(cs.threePlusShare),
    caption: `of ${formatCount(cs.children)} children with open cases, in the 12 months to this date (children in care: ${formatRate(cs.byCaseType.CLA.threePlusShare)})`,
    change: before?.covered ? changeText(cs.threePlusShare, before.threePlusShare, 'rate', formatRate) : 'No figure for a year ago',
    target: {
      status: 'none',
      text:
        cs.changes.total === 0
          ? 'No changes of worker in the 12 months'
          : `${formatRate(cs.changes.departureShare)} of ${formatCount(cs.changes.total)} changes of worker followed a leaver or an agency assignment ending`,
    },
  }];
}

const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function monthLabel(iso: string): string {
  return `${MONTHS_SHORT[Number(iso.slice(5, 7)) - 1]} ${iso.slice(2, 4)}`;
}

function first(values: Array<number | null>): number | null {
  return values.find((v) => v !== null) ?? null;
}
function last(values: Array<number | null>): number | null {
  return [...values].reverse().find((v) => v !== null) ?? null;
}

function trendWords(name: string, values: Array<number | null>, labels: string[], decimals: number, unit = ''): string {
  const a = first(values);
  const b = last(values);
  if (a === null || b === null) return `${name}: not enough data for a trend.`;
  const figure = decimals === 0 ? formatCount : formatAverage;
  const fa = figure(a) + unit;
  const fb = figure(b) + unit;
  const verb = round(b, decimals) > round(a, decimals) ? 'rose' : round(b, decimals) < round(a, decimals) ? 'fell' : 'stayed';
  return verb === 'stayed'
    ? `${name} stayed at ${fb} between ${labels[0]} and ${labels[labels.length - 1]}.`
    : `${name} ${verb} from ${fa} to ${fb} between ${labels[0]} and ${labels[labels.length - 1]}.`;
}

export function overviewCharts(m: Metrics, caseloadThreshold: number): LineChartSpec[] {
  // Each chart starts at the first month the imported records cover fully (the paper's rule,
  // shared/coverage.ts); one with fewer than two such months is not drawn.
  const covered = (need: CoverageNeed) => {
    const points = m.series.slice(firstCoveredIndex(m.series.map((p) => p.date), need, m.coverage));
    return { s: points, labels: points.map((p) => monthLabel(p.date)), enough: points.length > 1 };
  };
  const cases = covered('cases');
  const staff = covered('staff');
  const history = covered('history');
  const caseSeries = [
    { name: 'Social workers (excl. ASYE)', values: cases.s.map((p) => p.caseload.groups.excludingAsye.averagePerWorker) },
    { name: 'ASYE', values: cases.s.map((p) => p.caseload.groups.asye.averagePerWorker) },
    { name: 'Support workers', values: cases.s.map((p) => p.caseload.groups.supportWorkers.averagePerWorker) },
  ];
  const agency = staff.s.map((p) => p.agency.rateFte);
  const turnover = history.s.map((p) => p.turnover.rateFte);
  const inPost = staff.s.map((p) => p.inPost.fte);
  const agencyFte = staff.s.map((p) => p.agency.fte);
  const charts: Array<LineChartSpec | null> = [
    cases.enough ? {
      kind: 'line',
      id: 'overview-caseload',
      title: 'Average caseload by month',
      summary: trendWords('Average caseload of social workers (excluding ASYE)', caseSeries[0]!.values, cases.labels, 1) + ` The threshold is ${caseloadThreshold}.`,
      valueLabel: 'Cases per worker',
      decimals: 1,
      xTitle: 'Month end',
      xLabels: cases.labels,
      series: caseSeries,
      reference: { value: caseloadThreshold, label: `Threshold ${caseloadThreshold}` },
      counts: [
        { name: 'Cases held (excl. ASYE)', values: cases.s.map((p) => p.caseload.groups.excludingAsye.cases), decimals: 0 },
        { name: 'Case holders (excl. ASYE)', values: cases.s.map((p) => p.caseload.groups.excludingAsye.caseHolders.headcount), decimals: 0 },
      ],
    } : null,
    staff.enough ? {
      kind: 'line',
      id: 'overview-agency',
      title: 'Agency rate by month',
      summary: trendWords('The agency rate', agency, staff.labels, 1, '%'),
      valueLabel: 'Agency FTE as % of social worker FTE',
      decimals: 1,
      unit: '%',
      xTitle: 'Month end',
      xLabels: staff.labels,
      series: [{ name: 'Agency rate', values: agency }],
      counts: [
        { name: 'Agency FTE', values: agencyFte, decimals: 1 },
        { name: 'All social worker FTE', values: staff.s.map((p) => p.agency.fte + p.inPost.fte), decimals: 1 },
      ],
    } : null,
    history.enough ? {
      kind: 'line',
      id: 'overview-turnover',
      title: 'Turnover rate (12 months to each month end)',
      summary: trendWords('Turnover', turnover, history.labels, 1, '%'),
      valueLabel: 'Leavers FTE as % of FTE in post',
      decimals: 1,
      unit: '%',
      xTitle: 'Month end',
      xLabels: history.labels,
      series: [{ name: 'Turnover', values: turnover }],
      counts: [
        { name: 'Leavers (FTE)', values: history.s.map((p) => p.leavers.fte), decimals: 1 },
        { name: 'Leavers (people)', values: history.s.map((p) => p.leavers.headcount), decimals: 0 },
        { name: 'In post (FTE)', values: history.s.map((p) => p.inPost.fte), decimals: 1 },
      ],
    } : null,
    staff.enough ? {
      kind: 'line',
      id: 'overview-staffing',
      title: 'Social workers in post and agency (FTE)',
      summary: trendWords('Directly employed social workers in post', inPost, staff.labels, 1, ' FTE') + ' ' + trendWords('Agency social workers', agencyFte, staff.labels, 1, ' FTE'),
      valueLabel: 'FTE',
      decimals: 1,
      xTitle: 'Month end',
      xLabels: staff.labels,
      series: [
        { name: 'In post (FTE)', values: inPost },
        { name: 'Agency (FTE)', values: agencyFte },
      ],
      counts: [
        { name: 'In post (people)', values: staff.s.map((p) => p.inPost.headcount), decimals: 0 },
        { name: 'Agency (people)', values: staff.s.map((p) => p.agency.headcount), decimals: 0 },
      ],
    } : null,
  ];
  return charts.filter((c): c is LineChartSpec => c !== null);
}

const YEARS_QUALIFIED_LABEL: Record<string, string> = {
  '<1': 'Under 1 year',
  '1-2': '1 to 2 years',
  '2-3': '2 to 3 years',
  '3-5': '3 to 5 years',
  '5+': '5 years or more',
};

/**
 * Who left in the 12 months to the date: by reason, and by years since qualifying. The screen is
 * internal, so small numbers are shown (the published paper suppresses them).
 */
export function leaverCharts(m: Metrics): BarChartSpec[] {
  const period = `the 12 months to ${formatLongDate(m.asAt)}`;
  const reasons = LEAVING_REASONS.filter((r) => (m.leavers.byReason[r] ?? 0) > 0);
  const yq = YEARS_QUALIFIED_BANDS.map((b) => m.leavers.byYearsQualified[b] ?? 0);
  const topBand = YEARS_QUALIFIED_BANDS[yq.indexOf(Math.max(...yq))];
  return [
    {
      kind: 'bar',
      id: 'overview-leavers-reason',
      title: 'Leavers by reason',
      summary: reasons.length
        ? `${formatCount(m.leavers.headcount)} social workers left in ${period}; the most common reason was ${LEAVING_REASON_LABEL[[...reasons].sort((a, b) => (m.leavers.byReason[b] ?? 0) - (m.leavers.byReason[a] ?? 0))[0]!].toLowerCase()}.`
        : `No social workers left in ${period}.`,
      valueLabel: 'Leavers',
      decimals: 0,
      xTitle: 'Reason for leaving',
      categories: reasons.map((r) => LEAVING_REASON_LABEL[r]),
      series: [{ name: 'Leavers', values: reasons.map((r) => m.leavers.byReason[r] ?? 0) }],
    },
    {
      kind: 'bar',
      id: 'overview-leavers-qualified',
      title: 'Leavers by years since qualifying',
      summary:
        m.leavers.headcount > 0 && topBand
          ? `Of the leavers in ${period}, the largest group had been qualified for ${YEARS_QUALIFIED_LABEL[topBand]!.toLowerCase()}.`
          : `No social workers left in ${period}.`,
      valueLabel: 'Leavers',
      decimals: 0,
      xTitle: 'Years since qualifying',
      categories: YEARS_QUALIFIED_BANDS.map((b) => YEARS_QUALIFIED_LABEL[b] ?? b),
      series: [{ name: 'Leavers', values: yq }],
    },
  ];
}
