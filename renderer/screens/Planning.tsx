// Planning: "what if" projections from the measured figures at a date. The user changes an
// assumption and the projection follows at once (shared/what-if.ts runs here, on figures already
// fetched); every result sits beside its assumption and is called a projection. "Use in the
// paper" saves the assumptions to the paper configuration and switches its optional section on.
import { useEffect, useState } from 'react';
import type { AppStatus } from '../../shared/api';
import type { Metrics } from '../../shared/metrics';
import { call } from '../api';
import { useLoad } from '../hooks';
import { formatLongDate, formatMonthShort } from '../../shared/dates';
import { formatAverage, formatCount, formatFte, formatMoney, formatRate } from '../../shared/format';
import { DEFAULT_WHAT_IF, WHAT_IF_LIMITS, whatIf, type WhatIfAssumptions } from '../../shared/what-if';
import { DataTable, Loading, Notice, PageHeading } from '../components/ui';
import { AsAtForm, useAsAt } from '../components/AsAtForm';

interface Loaded {
  metrics: Metrics;
  costs: { agencyAnnualCost: number; employeeAnnualCost: number };
  config: Record<string, unknown>;
}

type Field = 'supportShare' | 'supportCaseload' | 'convertAgencyFte' | 'fullCaseload';

const FIELDS: Array<{ id: Field; label: string; hint: string; step: string }> = [
  { id: 'supportShare', label: 'Share of child-in-need cases support workers take on (%)', hint: 'Peterborough’s support workers held about 40%.', step: '1' },
  { id: 'supportCaseload', label: 'Cases per support worker', hint: 'How many cases each support worker would hold.', step: '1' },
  { id: 'convertAgencyFte', label: 'Agency FTE made permanent', hint: 'Full-time equivalents moved from agency to permanent posts.', step: '0.1' },
  { id: 'fullCaseload', label: 'Caseload after the ASYE', hint: 'Leave blank for today’s average of social workers excluding ASYE.', step: '1' },
];

function assumptionsFrom(config: Record<string, unknown>): WhatIfAssumptions {
  const w = (config.whatIf ?? {}) as Partial<WhatIfAssumptions>;
  return { ...DEFAULT_WHAT_IF, ...w };
}

export function PlanningScreen({ status }: { status: AppStatus }) {
  const { asAt } = useAsAt();
  const [text, setText] = useState<Record<Field, string> | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const data = useLoad<Loaded | null>(async () => {
    if (!asAt || status.empty) return null;
    const [metrics, settings, config] = await Promise.all([call('computeMetrics', { asAt, months: 1 }), call('getSettings', {}), call('getPaperConfig', {})]);
    return { metrics, costs: { agencyAnnualCost: settings.agencyAnnualCost, employeeAnnualCost: settings.employeeAnnualCost }, config: config ?? {} };
  }, [asAt, status.empty]);

  useEffect(() => {
    if (data.data && text === null) {
      const a = assumptionsFrom(data.data.config);
      setText({
        supportShare: String(a.supportShare),
        supportCaseload: String(a.supportCaseload),
        convertAgencyFte: String(a.convertAgencyFte),
        fullCaseload: a.fullCaseload === null ? '' : String(a.fullCaseload),
      });
    }
  }, [data.data, text]);

  // Each field: a number inside its limits, or (the full caseload only) blank.
  const problems: Partial<Record<Field, string>> = {};
  const values: Partial<WhatIfAssumptions> = {};
  if (text) {
    for (const f of FIELDS) {
      const raw = text[f.id].trim();
      const { min, max } = WHAT_IF_LIMITS[f.id];
      if (f.id === 'fullCaseload' && raw === '') {
        values.fullCaseload = null;
        continue;
      }
      const n = Number(raw);
      if (raw === '' || !Number.isFinite(n) || n < min || n > max) problems[f.id] = `Enter a number from ${min} to ${formatCount(max)}.`;
      else values[f.id] = n;
    }
  }
  const ok = text !== null && Object.keys(problems).length === 0;
  const assumptions = ok ? (values as WhatIfAssumptions) : null;
  const result = data.data && assumptions ? whatIf(data.data.metrics, data.data.costs, assumptions) : null;

  async function useInPaper() {
    if (!data.data || !assumptions) return;
    const config = data.data.config;
    const sections = { ...((config.sections ?? {}) as Record<string, boolean>), whatif: true };
    await call('savePaperConfig', { config: { ...config, sections, whatIf: assumptions } });
    setSaved('Saved: the paper’s “What if: projections” section is switched on with these assumptions.');
  }

  return (
    <>
      <PageHeading lead="Projections from your measured figures: change an assumption and see what would follow. These are not measured figures.">Planning</PageHeading>
      {status.empty ? (
        <Notice kind="info" title="There is no data yet">
          <p>
            <a href="#/import">Import your exports</a> to plan from your own figures.
          </p>
        </Notice>
      ) : (
        <AsAtForm hint="The projections start from the figures measured on this day." button="Use this date" />
      )}
      {data.loading && asAt ? <Loading what="the figures" /> : null}
      {data.error ? (
        <Notice kind="error" title="The figures could not be worked out">
          <p>{data.error}</p>
        </Notice>
      ) : null}
      {data.data && text ? (
        <div className="planning">
          <h2>Assumptions</h2>
          <div className="planning-fields">
            {FIELDS.map((f) => (
              <div className={`field${problems[f.id] ? ' field-error' : ''}`} key={f.id}>
                <label htmlFor={`plan-${f.id}`}>{f.label}</label>
                <p className="hint" id={`plan-${f.id}-hint`}>
                  {f.hint}
                </p>
                {problems[f.id] ? (
                  <p className="error-text" id={`plan-${f.id}-error`}>
                    <span className="visually-hidden">Error: </span>
                    {problems[f.id]}
                  </p>
                ) : null}
                <input
                  id={`plan-${f.id}`}
                  type="text"
                  className="input-short"
                  inputMode="decimal"
                  value={text[f.id]}
                  aria-invalid={problems[f.id] ? true : undefined}
                  aria-describedby={`plan-${f.id}-hint${problems[f.id] ? ` plan-${f.id}-error` : ''}`}
                  onChange={(e) => {
                    setSaved(null);
                    setText({ ...text, [f.id]: e.target.value });
                  }}
                />
              </div>
            ))}
          </div>
          {result ? <Projections result={result} /> : <p>Correct the assumptions above to see the projections.</p>}
          {result ? (
            <p>
              <button type="button" className="button button-secondary" onClick={() => void useInPaper()}>
                Use these assumptions in the paper
              </button>
            </p>
          ) : null}
          {saved ? (
            <div role="status">
              <Notice kind="success">
                <p>{saved}</p>
              </Notice>
            </div>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

function Projections({ result: r }: { result: ReturnType<typeof whatIf> }) {
  const s = r.support;
  const g = r.agency;
  return (
    <section aria-labelledby="projections-heading">
      <h2 id="projections-heading">Projections from the figures at {formatLongDate(r.asAt)}</h2>
      <p className="hint">Each assumes nothing else changes: no leavers, no recruitment, the same cases.</p>
      <DataTable
        caption="Support workers holding child-in-need cases (projection)"
        columns={['Figure', 'Measured now', 'Projected']}
        numeric={[1, 2]}
        rows={[
          ['Child-in-need cases moved to support workers', '', formatCount(s.casesMoved)],
          ['Support workers needed', '', formatCount(s.supportWorkersNeeded)],
          ['Cases held by social workers', formatCount(s.casesBefore), formatCount(s.casesAfter)],
          ['Average caseload per worker', formatAverage(s.perWorkerBefore), formatAverage(s.perWorkerAfter)],
          ['Average caseload per FTE (DfE measure)', formatAverage(s.perFteBefore), formatAverage(s.perFteAfter)],
        ]}
      />
      <DataTable
        caption={`Agency posts made permanent (projection; agency ${formatMoney(r.assumptions.agencyAnnualCost)}, employee ${formatMoney(r.assumptions.employeeAnnualCost)} a year)`}
        columns={['Figure', 'Measured now', 'Projected']}
        numeric={[1, 2]}
        rows={[
          ['Agency FTE', formatFte(g.agencyFte), formatFte(g.agencyFte - g.fteConverted)],
          ['Agency rate', formatRate(g.rateBefore), formatRate(g.rateAfter)],
          ['Agency premium saved a year', '', formatMoney(g.annualSaving)],
        ]}
      />
      {r.asye.inProgress > 0 ? (
        <DataTable
          caption={`The ASYE pipeline (projection): ${formatCount(r.asye.inProgress)} in their ASYE now, each then taking ${formatAverage(r.assumptions.fullCaseloadUsed)} cases`}
          columns={['Month end', 'Finished their ASYE', 'Extra cases they can hold', 'As full-time social workers (FTE)']}
          numeric={[1, 2, 3]}
          rows={r.asye.months.map((m) => [formatMonthShort(m.monthEnd), formatCount(m.finished), formatCount(Math.round(m.extraCases)), formatFte(m.extraFte)])}
        />
      ) : (
        <p>Nobody is in their ASYE at this date, so there is no pipeline to project.</p>
      )}
    </section>
  );
}
