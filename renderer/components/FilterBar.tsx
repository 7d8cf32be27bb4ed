// The overview's filters: teams, role groups and employment types as labelled checkbox groups
// (only what the data holds), "Clear filters", and the current filter in words. Every figure
// below follows it: the screen passes the filter to computeMetrics.
import { useId } from 'react';
import type { EmploymentType } from '../../shared/domain';
import { describeFilter, EMPLOYMENT_LABEL, normaliseFilter, ROLE_GROUP_LABEL, type MeasureFilter, type RoleGroup } from '../../shared/filters';
import { call } from '../api';
import { useLoad } from '../hooks';

export function FilterBar({ value, onChange }: { value: MeasureFilter; onChange: (f: MeasureFilter) => void }) {
  const choices = useLoad(() => call('filterChoices', {}), []);
  const id = useId();
  const c = choices.data;
  if (!c) return null;
  const active = normaliseFilter(value) !== null;
  const toggle = <K extends keyof MeasureFilter>(key: K, item: NonNullable<MeasureFilter[K]>[number], on: boolean) => {
    const list = (value[key] ?? []) as string[];
    const next = on ? [...list, item] : list.filter((x) => x !== item);
    onChange({ ...value, [key]: next });
  };
  const group = <K extends keyof MeasureFilter>(key: K, legend: string, items: readonly string[], label: (x: string) => string) =>
    items.length > 1 ? (
      <fieldset className="checkboxes">
        <legend>{legend}</legend>
        {items.map((x, i) => (
          <div className="checkbox" key={x}>
            <input
              type="checkbox"
              id={`${id}-${key}-${i}`}
              checked={((value[key] ?? []) as string[]).includes(x)}
              onChange={(e) => toggle(key, x as NonNullable<MeasureFilter[K]>[number], e.target.checked)}
            />
            <label htmlFor={`${id}-${key}-${i}`}>{label(x)}</label>
          </div>
        ))}
      </fieldset>
    ) : null;
  return (
    <section className="filter-bar" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="filter-heading">Filter the figures</h2>
      <p className="hint">Tick teams, roles or contracts to see the figures for that part of the workforce only. Nothing ticked in a group means all of it. The DfE comparison is always for the whole council.</p>
      <div className="filter-groups">
        {group('teams', 'Team', c.teams, (t) => t)}
        {group('roleGroups', 'Role', c.roleGroups, (g) => ROLE_GROUP_LABEL[g as RoleGroup])}
        {group('employment', 'Contract', c.employment, (t) => EMPLOYMENT_LABEL[t as EmploymentType])}
      </div>
      <div className="button-row filter-status">
        <p className="filter-showing" aria-live="polite">
          <strong>Showing:</strong> {describeFilter(value)}
        </p>
        {active ? (
          <button type="button" className="button button-secondary button-small" onClick={() => onChange({})}>
            Clear filters
          </button>
        ) : null}
      </div>
    </section>
  );
}
