// `scrutiny-pack whatif --as-at D [--support-share P] [--support-caseload N] [--convert-agency-fte F]
// [--full-caseload N] [--json]`: projections from the measured state at D, every assumption
// printed beside its result (shared/what-if.ts, docs/measures.md "What if").
import { UsageError, type Command } from '../command';
import { computeMetrics } from '../../measures/index';
import { getSettings } from '../../settings';
import { isoDateOption } from '../date-option';
import { formatLongDate, formatMonthShort } from '../../../shared/dates';
import { formatAverage, formatCount, formatFte, formatMoney, formatRate } from '../../../shared/format';
import { DEFAULT_WHAT_IF, WHAT_IF_LIMITS, whatIf, type WhatIfAssumptions, type WhatIfResult } from '../../../shared/what-if';

function numberOption(name: string, raw: unknown, limits: { min: number; max: number }): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(n) || n < limits.min || n > limits.max) {
    throw new UsageError(`--${name} must be a number from ${limits.min} to ${limits.max} (got "${String(raw)}").`);
  }
  return n;
}

export const whatifCommand: Command = {
  name: 'whatif',
  readsOnly: true,
  summary: 'Project what would change: support workers taking cases, agency posts made permanent, the ASYE pipeline',
  usage:
    'whatif --as-at YYYY-MM-DD [--support-share P] [--support-caseload N] [--convert-agency-fte F] [--full-caseload N] [--json]\n\n' +
    '  --as-at               the measured state to project from\n' +
    `  --support-share       % of the child-in-need cases social workers hold that support workers take on (default ${DEFAULT_WHAT_IF.supportShare})\n` +
    `  --support-caseload    cases per support worker (default ${DEFAULT_WHAT_IF.supportCaseload})\n` +
    `  --convert-agency-fte  agency FTE made permanent (default ${DEFAULT_WHAT_IF.convertAgencyFte})\n` +
    '  --full-caseload       caseload after the ASYE (default: today\'s average excluding ASYE)\n' +
    '  --json                the projections unrounded, as one JSON document',
  options: {
    'as-at': { type: 'string' },
    'support-share': { type: 'string' },
    'support-caseload': { type: 'string' },
    'convert-agency-fte': { type: 'string' },
    'full-caseload': { type: 'string' },
  },
  run(ctx) {
    const asAt = ctx.values['as-at'];
    if (typeof asAt !== 'string') throw new UsageError('Give the date to project from with --as-at, for example --as-at 2025-09-30.');
    isoDateOption('as-at', asAt);
    const v = ctx.values;
    const assumptions: WhatIfAssumptions = {
      supportShare: numberOption('support-share', v['support-share'], WHAT_IF_LIMITS.supportShare) ?? DEFAULT_WHAT_IF.supportShare,
      supportCaseload: numberOption('support-caseload', v['support-caseload'], WHAT_IF_LIMITS.supportCaseload) ?? DEFAULT_WHAT_IF.supportCaseload,
      convertAgencyFte: numberOption('convert-agency-fte', v['convert-agency-fte'], WHAT_IF_LIMITS.convertAgencyFte) ?? DEFAULT_WHAT_IF.convertAgencyFte,
      fullCaseload: numberOption('full-caseload', v['full-caseload'], WHAT_IF_LIMITS.fullCaseload) ?? null,
    };
    const db = ctx.db();
    const result = whatIf(computeMetrics(db, asAt, { months: 0 }), getSettings(db), assumptions);
    ctx.out(ctx.json ? JSON.stringify({ projection: true, ...result }, null, 2) : renderWhatIf(result));
    return 0;
  },
};

export function renderWhatIf(r: WhatIfResult): string {
  const a = r.assumptions;
  const s = r.support;
  const g = r.agency;
  const lines = [
    `PROJECTIONS from the measured figures at ${formatLongDate(r.asAt)}: what would follow if the assumptions held. Not measured figures.`,
    '',
    `1. Support workers take ${formatRate(a.supportShare)} of the child-in-need cases social workers hold, ${formatAverage(a.supportCaseload)} cases each`,
    `   Child-in-need cases held by social workers: ${formatCount(s.cinHeldBySocialWorkers)}; moved: ${formatCount(s.casesMoved)}; support workers needed: ${formatCount(s.supportWorkersNeeded)}`,
    `   Social workers' cases ${formatCount(s.casesBefore)} -> ${formatCount(s.casesAfter)} among ${formatCount(s.caseHolders)} case holders (${formatFte(s.caseHolderFte)} FTE)`,
    `   Average per worker ${formatAverage(s.perWorkerBefore)} -> ${formatAverage(s.perWorkerAfter)}; per FTE (DfE) ${formatAverage(s.perFteBefore)} -> ${formatAverage(s.perFteAfter)}`,
    '',
    `2. ${formatFte(a.convertAgencyFte)} agency FTE made permanent (agency ${formatMoney(a.agencyAnnualCost)}, employee ${formatMoney(a.employeeAnnualCost)} a year)`,
    `   Converted: ${formatFte(g.fteConverted)} of ${formatFte(g.agencyFte)} agency FTE; premium saved ${formatMoney(g.annualSaving)} a year; agency rate ${formatRate(g.rateBefore)} -> ${formatRate(g.rateAfter)}`,
    '',
    `3. The ASYE pipeline: ${formatCount(r.asye.inProgress)} in their ASYE now; after it each takes ${a.fullCaseloadUsed === null ? 'the full caseload (not known: no case holders)' : `${formatAverage(a.fullCaseloadUsed)} cases`}`,
    '   Month end   Finished   Extra cases   As FTE',
    ...r.asye.months.map(
      (m) => `   ${formatMonthShort(m.monthEnd).padEnd(10)}  ${formatCount(m.finished).padStart(8)}  ${formatCount(Math.round(m.extraCases)).padStart(12)}  ${formatFte(m.extraFte).padStart(7)}`,
    ),
    '',
    'Assumes no other change: no leavers, no recruitment, the same cases. docs/measures.md ("What if") explains each projection.',
  ];
  return lines.join('\n');
}
