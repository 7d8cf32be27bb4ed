// `scrutiny-pack metrics --as-at YYYY-MM-DD [--months N] [--json]`: every measure at one date.
// The table is rounded by the DfE convention (shared/format.ts); --json prints the Metrics
// document unrounded, for councils' own scripts.
import { UsageError, type Command } from '../command';
import { LEAVER_DESTINATION, NOT_RECORDED, START_ORIGIN } from '../../../shared/census-codes';
import { computeMetrics, DEFAULT_SERIES_MONTHS, MAX_SERIES_MONTHS } from '../../measures/index';
import { linkReport } from '../../measures/worker-links';
import { formatLongDate } from '../../../shared/dates';
import { isoDateOption } from '../date-option';
import { LEAVING_REASON_LABEL, type LeavingReason } from '../../../shared/domain';
import { describeChange, formatAverage, formatCount, formatFte, formatMoney, formatRate } from '../../../shared/format';
import type { CaseloadGroup, Metrics } from '../../../shared/metrics';
import { hasSnapshotCaution } from '../../measures/cautions';
import { filterChoices } from '../../measures/filter';
import { describeFilter } from '../../../shared/filters';
import { FILTER_OPTIONS, FILTER_USAGE, parseFilterOptions } from '../filter-options';

export const metricsCommand: Command = {
  name: 'metrics',
  readsOnly: true,
  summary: 'Show the workforce measures (DfE definitions) at a date',
  usage:
    'metrics --as-at YYYY-MM-DD [--months N] [--team T]... [--role-group G]... [--employment E]... [--json]\n\n' +
    '  --as-at   the date to measure at, e.g. 2018-09-30 (the DfE census date is 30 September)\n' +
    `  --months  months in the monthly series, ending with the as-at month (default ${DEFAULT_SERIES_MONTHS}; 0 for none)\n` +
    '  --json    the figures unrounded, as one JSON document (rates are percentages; null = not applicable)\n' +
    FILTER_USAGE,
  options: {
    'as-at': { type: 'string' },
    months: { type: 'string' },
    ...FILTER_OPTIONS,
  },
  run(ctx) {
    const asAt = ctx.values['as-at'];
    if (typeof asAt !== 'string') throw new UsageError('Give the date to measure at with --as-at, for example --as-at 2018-09-30.');
    isoDateOption('as-at', asAt);
    let months = DEFAULT_SERIES_MONTHS;
    const raw = ctx.values.months;
    if (typeof raw === 'string') {
      months = Number(raw);
      if (!/^\d+$/.test(raw) || months > MAX_SERIES_MONTHS) {
        throw new UsageError(`--months must be a whole number from 0 to ${MAX_SERIES_MONTHS} (got "${raw}").`);
      }
    }
    const filter = parseFilterOptions(ctx.values, () => filterChoices(ctx.db()));
    const metrics = computeMetrics(ctx.db(), asAt, { months, filter });
    // How the allocations reach workers (one worker, three identifiers): every allocation is linked or listed.
    const workerLinks = linkReport(ctx.db());
    if (ctx.json) ctx.out(JSON.stringify({ ...metrics, workerLinks }, null, 2));
    else {
      ctx.out(renderTable(metrics));
      if (workerLinks.unlinked > 0) {
        ctx.out(`\n${workerLinks.unlinked.toLocaleString('en-GB')} of ${workerLinks.allocations.toLocaleString('en-GB')} allocations are linked to no worker and are in no caseload (worker IDs: ${workerLinks.unlinkedIds.slice(0, 10).map((u) => u.id).join(', ')}${workerLinks.unlinkedIdCount > 10 ? ', ...' : ''}); --json lists them all.`);
      }
    }
    return 0;
  },
};

type Row = [string, string, string?];

function table(title: string, rows: Row[]): string {
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  return [title, ...rows.map(([a, b, c]) => `  ${a.padEnd(w0)}  ${b.padStart(w1)}${c ? `  (${c})` : ''}`)].join('\n');
}

/** A table with a header row; the first column left-aligned, the rest right-aligned. */
function grid(title: string, header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => '  ' + r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [title, line(header), ...rows.map(line)].join('\n');
}

const people = (n: number) => `${formatCount(n)} ${n === 1 ? 'person' : 'people'}`;

function groupRows(label: string, g: CaseloadGroup): Row[] {
  return [
    [`${label}: cases held`, formatCount(g.cases)],
    [`${label}: case holders`, `${people(g.caseHolders.headcount)}, ${formatFte(g.caseHolders.fte)} FTE`],
    [`${label}: average caseload (per FTE, DfE)`, formatAverage(g.averageFte)],
    [`${label}: average caseload (per worker)`, formatAverage(g.averagePerWorker)],
  ];
}

export function renderTable(m: Metrics): string {
  const y = m.yearAgo;
  const c = m.caseload;
  // With snapshot spells, a missing turnover or stability figure cannot be given (DfE: "not
  // available"), which is not the same as a zero denominator ("not applicable").
  const history = (v: number | null) => (v === null && hasSnapshotCaution(m.warnings) ? 'not available' : formatRate(v));
  const parts: string[] = [];
  // Cautions come first: a reader must see them before any figure they qualify.
  if (m.warnings?.length) parts.push(['Cautions:', ...m.warnings.map((w) => `  - ${w}`), ''].join('\n'));
  parts.push(`Workforce measures at ${formatLongDate(m.asAt)} (DfE definitions; a year earlier: ${formatLongDate(y.asAt)})`);
  if (m.filter) parts.push(`Showing: ${describeFilter(m.filter)}`);
  parts.push(
    table('\nWorkforce', [
      ['Social workers in post (headcount)', formatCount(m.inPost.headcount), describeChange(m.inPost.headcount, y.inPost.headcount, 'count')],
      ['Social workers in post (FTE)', formatFte(m.inPost.fte), describeChange(m.inPost.fte, y.inPost.fte, 'fte')],
      ['Agency social workers (headcount)', formatCount(m.agency.headcount)],
      ['Agency social workers (FTE)', formatFte(m.agency.fte), describeChange(m.agency.fte, y.agency.fte, 'fte')],
      ['Agency rate (FTE)', formatRate(m.agency.rateFte), describeChange(m.agency.rateFte, y.agency.rateFte, 'rate')],
      ['Agency cost premium a year', formatMoney(m.agency.costPremium)],
      ['Starters in the 12 months (headcount)', formatCount(m.starters.headcount)],
      ['Starters in the 12 months (FTE)', formatFte(m.starters.fte)],
      ['Leavers in the 12 months (headcount)', formatCount(m.leavers.headcount)],
      ['Leavers in the 12 months (FTE)', formatFte(m.leavers.fte)],
      ['Turnover rate (FTE)', history(m.turnover.rateFte), describeChange(m.turnover.rateFte, y.turnover.rateFte, 'rate')],
      ['Turnover rate (headcount)', history(m.turnover.rateHeadcount)],
      ['Stability index', history(m.stabilityIndex), describeChange(m.stabilityIndex, y.stabilityIndex, 'rate')],
      ['Vacancy rate', m.vacancy ? formatRate(m.vacancy.rate) : 'no establishment loaded', m.vacancy ? `${formatFte(m.vacancy.fte)} FTE vacant` : undefined],
    ]),
  );
  parts.push(
    table('\nCaseloads (social workers in post or agency)', [
      ...groupRows('All', c),
      ...groupRows('ASYE', c.groups.asye),
      ...groupRows('Excluding ASYE', c.groups.excludingAsye),
      ...groupRows('Support workers', c.groups.supportWorkers),
      ['Case holders above the caseload threshold', formatCount(c.overThreshold)],
      ['ASYE workers above the ASYE cap', formatCount(c.asyeOverCap)],
      ['Share of CIN cases held by support workers', formatRate(c.supportWorkerCinShare)],
      ...((c.casesNotCounted ?? 0) > 0
        ? ([['Cases not counted (held by nobody in post at the date)', formatCount(c.casesNotCounted)]] as Row[])
        : []),
    ]),
  );
  if (c.byTeam.length) {
    parts.push(
      grid(
        '\nCaseloads by team (social workers)',
        ['Team', 'Cases', 'Case holders', 'FTE', 'Per FTE', 'Per worker'],
        c.byTeam.map((t) => [
          t.team,
          formatCount(t.cases),
          formatCount(t.caseHolders.headcount),
          formatFte(t.caseHolders.fte),
          formatAverage(t.averageFte),
          formatAverage(t.averagePerWorker),
        ]),
      ),
    );
  }
  const ar = m.agencyRules;
  if (ar && ar.assignments > 0) {
    parts.push(
      table(`\nAgency rules (DfE statutory guidance: new assignments from ${ar.newAssignmentsFrom}, all from ${ar.allAssignmentsFrom})`, [
        ['Agency social-work assignments running', formatCount(ar.assignments)],
        ['  of which covered by the guidance at the date', formatCount(ar.covered)],
        ['Covered assignments: worker under 3 years qualified at the start', formatCount(ar.experience.underCount)],
        ['Covered assignments: qualification date not recorded', formatCount(ar.experience.qualificationNotKnown)],
        ['Agency starts in the 12 months within 3 months of leaving a post here', formatCount(ar.returners.count)],
        ...(ar.chargeRates.capsImported
          ? [
              ['Covered assignments: charge rate checked against a price cap', formatCount(ar.chargeRates.checked)],
              ['  of which charged more than the cap', formatCount(ar.chargeRates.overCount)],
              ['Covered assignments: no charge rate recorded', formatCount(ar.chargeRates.rateNotRecorded)],
              ['Covered assignments: no cap for their region and role', formatCount(ar.chargeRates.noCapCount)],
            ] as [string, string][]
          : [['Charge rates against the price caps', 'not checked: no price caps imported'] as [string, string]]),
      ]),
    );
    const who = [
      ...ar.experience.under.map((u) => [u.staffId, 'under 3 years qualified', `assignment from ${u.assignmentStart}, qualified ${u.qualified}`]),
      ...ar.returners.list.map((r) => [r.staffId, 'returned as agency within 3 months', `left ${r.leftPost}, agency from ${r.agencyStart}${r.sweNumber ? `, SWE ${r.sweNumber}` : ''}`]),
      ...ar.chargeRates.over.map((o) => [
        o.staffId,
        'charged more than the price cap',
        `£${o.chargeRate.toFixed(2)} an hour from ${o.rateFrom} against £${o.cap.toFixed(2)} (${o.capRole}, ${o.region}, from ${o.capFrom})${o.assignmentRef ? `, assignment ${o.assignmentRef}` : ''}`,
      ]),
    ];
    if (who.length) parts.push(grid('', ['Staff ID', 'Check', 'Dates'], who));
  }
  const cs = m.childStability;
  if (cs && cs.children > 0) {
    const group = (label: string, g: { children: number; one: number; two: number; threePlus: number; threePlusShare: number | null }) => [
      label,
      formatCount(g.children),
      formatCount(g.one),
      formatCount(g.two),
      formatCount(g.threePlus),
      formatRate(g.threePlusShare),
    ];
    const types: [string, keyof typeof cs.byCaseType][] = [['Children in care', 'CLA'], ['Child protection plan', 'CP'], ['Children in need', 'CIN'], ['Care leavers', 'care_leaver'], ['Other', 'other']];
    parts.push(
      grid(
        `\nStability for children: different workers allocated from ${cs.windowStart} to ${m.asAt}`,
        ['Children open at the date', 'Children', '1 worker', '2 workers', '3 or more', '3 or more (%)'],
        [group('All', cs), ...types.filter(([, t]) => cs.byCaseType[t].children > 0).map(([label, t]) => group(label, cs.byCaseType[t]))],
      ),
    );
    parts.push(
      table('', [
        ['Changes of worker in the 12 months', formatCount(cs.changes.total)],
        ['  of which the worker had left the council', formatCount(cs.changes.afterLeaver)],
        ["  of which an agency worker's assignment had ended", formatCount(cs.changes.afterAgencyEnd)],
        ['Share of changes that followed a departure', formatRate(cs.changes.departureShare)],
      ]),
    );
  }
  const reasons = Object.entries(m.leavers.byReason).filter(([, n]) => n > 0);
  if (reasons.length) {
    parts.push(table('\nLeavers by reason', reasons.map(([r, n]) => [LEAVING_REASON_LABEL[r as LeavingReason] ?? r, formatCount(n)])));
    parts.push(table('\nLeavers by length of service (years)', Object.entries(m.leavers.byServiceBand).map(([b, n]) => [b, formatCount(n)])));
    parts.push(table('\nLeavers by years since qualifying', Object.entries(m.leavers.byYearsQualified).map(([b, n]) => [b, formatCount(n)])));
  }
  const recorded = (by: Record<string, number> | undefined) => Object.entries(by ?? {}).filter(([k, n]) => n > 0 && k !== NOT_RECORDED).length > 0;
  const byCode = (by: Record<string, number>, labels: Readonly<Record<string, string>>) =>
    Object.entries(by).filter(([, n]) => n > 0).map(([k, n]) => [labels[k] ?? 'Not recorded', formatCount(n)] as [string, string]);
  if (recorded(m.leavers.byDestination)) parts.push(table('\nWhere leavers went (census)', byCode(m.leavers.byDestination!, LEAVER_DESTINATION)));
  if (recorded(m.starters.byOrigin)) parts.push(table('\nWhere starters came from (census)', byCode(m.starters.byOrigin!, START_ORIGIN)));
  if (m.agencyCover) {
    parts.push(table('\nAgency workers covering vacancies (census)', [
      ['FTE', formatFte(m.agencyCover.fte)],
      ['Headcount', formatCount(m.agencyCover.headcount)],
      ['Share of agency FTE', formatRate(m.agencyCover.rateOfAgencyFte)],
      ['Share of vacancies covered', formatRate(m.agencyCover.rateOfVacancies)],
    ]));
  }
  if (m.asye.cohorts.length) {
    const retained = (v: number | null) => (v === null ? 'not yet' : formatRate(v));
    parts.push(
      grid(
        '\nASYE cohorts',
        ['Cohort', 'Size', 'In progress', 'Passed', 'Failed', 'Extended', 'Withdrawn', 'Retained 12m', 'Retained 24m', 'Over cap'],
        m.asye.cohorts.map((k) => [
          k.cohort,
          ...[k.size, k.inProgress, k.passed, k.failed, k.extended, k.withdrawn].map(formatCount),
          retained(k.retained12m),
          retained(k.retained24m),
          formatCount(k.overCap ?? 0),
        ]),
      ),
    );
  }
  if (m.series.length) {
    parts.push(
      grid(
        '\nMonthly series',
        ['Date', 'In post FTE', 'Agency rate', 'Turnover', 'Cases', 'Per FTE', 'Per worker'],
        m.series.map((s) => [
          s.date,
          formatFte(s.inPost.fte),
          formatRate(s.agency.rateFte),
          formatRate(s.turnover.rateFte),
          formatCount(s.caseload.cases),
          formatAverage(s.caseload.averageFte),
          formatAverage(s.caseload.averagePerWorker),
        ]),
      ),
    );
  }
  return parts.join('\n');
}
