// The national agency rules, person by person, for HR and the agency lead (an internal screen:
// staff IDs are shown here, never in the paper). Three lists from the measures at the date: agency
// workers under three years qualified at the assignment start, permanent leavers back as agency
// within three months, and charge rates over the regional price cap the council imported.
import type { AgencyRules } from '../../shared/metrics';
import { formatLongDate } from '../../shared/dates';
import { formatCount } from '../../shared/format';
import { call } from '../api';
import { useLoad } from '../hooks';
import { ROLE_LABEL } from '../../shared/domain';
import { DataTable, Loading, Notice } from './ui';

const pounds = (n: number) => `£${n.toFixed(2)}`;

export function AgencyRulesLists({ asAt }: { asAt: string | null }) {
  const rules = useLoad(async () => (asAt ? (await call('computeMetrics', { asAt, months: 1 })).agencyRules ?? null : null), [asAt]);
  if (!asAt) return null;
  return (
    <section aria-labelledby="agency-rules-heading">
      <h2 id="agency-rules-heading">Agency rules at {formatLongDate(asAt)}</h2>
      {rules.loading ? <Loading what="the agency rules" /> : null}
      {rules.error ? (
        <Notice kind="error">
          <p>{rules.error}</p>
        </Notice>
      ) : null}
      {rules.data ? <Lists r={rules.data} /> : null}
    </section>
  );
}

function Lists({ r }: { r: AgencyRules }) {
  if (r.assignments === 0) return <p>No agency social worker was on assignment at this date.</p>;
  const c = r.chargeRates;
  return (
    <>
      <p>
        The DfE’s statutory guidance on agency social workers covers assignments starting on or after {formatLongDate(r.newAssignmentsFrom)}, and every
        assignment from {formatLongDate(r.allAssignmentsFrom)}: {formatCount(r.covered)} of the {formatCount(r.assignments)} assignments running at this date
        are covered. The lists name staff for follow-up; the paper shows counts only.
      </p>
      <h3>Less than three years qualified when the assignment started ({formatCount(r.experience.underCount)})</h3>
      {r.experience.qualificationNotKnown > 0 ? (
        <p className="hint">{formatCount(r.experience.qualificationNotKnown)} covered assignments have no qualification date, so they could not be checked.</p>
      ) : null}
      {r.experience.under.length > 0 ? (
        <DataTable
          caption="Agency workers under three years qualified at the assignment start"
          columns={['Staff ID', 'Assignment started', 'Qualified']}
          rows={r.experience.under.map((u) => [u.staffId, formatLongDate(u.assignmentStart), formatLongDate(u.qualified)])}
        />
      ) : (
        <p>None.</p>
      )}
      <h3>Back as agency within three months of leaving a post here ({formatCount(r.returners.count)})</h3>
      {r.returners.list.length > 0 ? (
        <DataTable
          caption="Agency assignments starting within three months of the same person leaving a directly employed post"
          columns={['Staff ID', 'SWE number', 'Left the post', 'Agency assignment started']}
          rows={r.returners.list.map((x) => [x.staffId, x.sweNumber ?? 'not recorded', formatLongDate(x.leftPost), formatLongDate(x.agencyStart)])}
        />
      ) : (
        <p>None.</p>
      )}
      <h3>Charged more than the regional price cap{c.capsImported ? ` (${formatCount(c.overCount)})` : ''}</h3>
      {!c.capsImported ? (
        <p>
          Not checked: no price cap table has been imported. <a href="#/import">Import your region’s agency price caps</a> (region, role, maximum hourly
          rate, date it applies from), and agency files with a charge rate and region.
        </p>
      ) : (
        <>
          <p className="hint">
            {formatCount(c.checked)} covered assignments compared with a cap
            {c.rateNotRecorded > 0 ? `; ${formatCount(c.rateNotRecorded)} with no charge rate recorded` : ''}
            {c.agreedBeforeCaps > 0 ? `; ${formatCount(c.agreedBeforeCaps)} agreed before the caps applied` : ''}
            {c.noCapCount > 0 ? `; ${formatCount(c.noCapCount)} with no cap for their region and role (listed below)` : ''}.
          </p>
          {c.over.length > 0 ? (
            <DataTable
              caption="Agency assignments charged more than the price cap for their region and role"
              columns={['Staff ID', 'Assignment reference', 'Region', 'Role', 'Hourly charge rate', 'Cap', 'Cap role and date', 'Rate agreed']}
              numeric={[4, 5]}
              rows={c.over.map((o) => [
                o.staffId,
                o.assignmentRef ?? 'not recorded',
                o.region,
                ROLE_LABEL[o.role],
                pounds(o.chargeRate),
                pounds(o.cap),
                `${o.capRole}, from ${formatLongDate(o.capFrom)}`,
                formatLongDate(o.rateFrom),
              ])}
            />
          ) : (
            <p>None.</p>
          )}
          {c.noCap.length > 0 ? (
            <DataTable
              caption="Agency assignments with a charge rate but no cap for their region and role"
              columns={['Staff ID', 'Assignment reference', 'Region', 'Role', 'Hourly charge rate']}
              numeric={[4]}
              rows={c.noCap.map((o) => [o.staffId, o.assignmentRef ?? 'not recorded', o.region ?? 'not recorded', ROLE_LABEL[o.role], pounds(o.chargeRate)])}
            />
          ) : null}
        </>
      )}
      <h3>Project teams</h3>
      <p>Not measurable from the data held: none of the exports records whether an agency worker came as part of a project team.</p>
    </>
  );
}
