// The import wizard's value step: for each column holding values in the council's own words (job
// titles, contract types, leaving reasons), every distinct value that is not already a code, how
// many rows have it, and where it will be placed, with a dropdown to correct it. Nothing is
// placed silently: values the rules place are shown with the rule that placed them, and a value
// nothing places must be chosen before the rows can be checked cleanly.
import { useEffect, useRef } from 'react';
import type { ColumnValues } from '../../shared/import-types';
import { plural } from '../../shared/summaries';

const BY_LABEL: Record<string, string> = {
  mapping: 'Column mapping',
  council: "Your council's rule",
  default: 'Default rule',
};

export type ValueChoices = Record<string, Record<string, string>>;

/** The values a user should see: those placed by a rule or by nothing (exact codes need no say). */
export function valuesToShow(columns: readonly ColumnValues[]): ColumnValues[] {
  return columns.map((c) => ({ ...c, values: c.values.filter((v) => v.by !== 'code') })).filter((c) => c.values.length > 0);
}

export function ValueEditor({
  fileName,
  columns,
  choices,
  onChoose,
  focusField = null,
}: {
  fileName: string;
  columns: ColumnValues[];
  choices: ValueChoices;
  onChoose: (field: string, value: string, placed: string) => void;
  /** The column the check's "choose what these values are" came back for: shown and focused. */
  focusField?: string | null;
}) {
  const shown = valuesToShow(columns);
  const focusRef = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (!focusField || !focusRef.current) return;
    focusRef.current.scrollIntoView({ block: 'start' });
    focusRef.current.focus();
  }, [focusField]);
  return (
    <section className="mapping" aria-label={`Values of ${fileName}`}>
      <h3>{fileName}</h3>
      {shown.map((c) => {
        const unplaced = c.values.filter((v) => (choices[c.field]?.[v.value] ?? v.placed) === null).length;
        return (
          <div
            key={c.field}
            ref={c.field === focusField ? focusRef : undefined}
            className={`table-wrap${c.field === focusField ? ' focused-column' : ''}`}
            tabIndex={0}
            role="region"
            aria-label={`Values of the column “${c.column}”`}
          >
            <table className="mapping-table">
              <caption>
                Column “{c.column}” ({c.fieldLabel}): {plural(c.values.length, 'value')} in the file’s own words
                {c.truncated ? ' (the most frequent are listed)' : ''}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Value in the file</th>
                  <th scope="col">Rows</th>
                  <th scope="col">Counted as</th>
                  <th scope="col">Placed by</th>
                </tr>
              </thead>
              <tbody>
                {c.values.map((v) => {
                  const chosen = choices[c.field]?.[v.value];
                  const current = chosen ?? v.placed ?? '';
                  return (
                    <tr key={v.value}>
                      <th scope="row">{v.value}</th>
                      <td className="numeric">{v.rows.toLocaleString('en-GB')}</td>
                      <td>
                        <select aria-label={`Count “${v.value}” (${c.column}) as`} value={current} onChange={(e) => onChoose(c.field, v.value, e.target.value)}>
                          {current === '' ? <option value="">Choose…</option> : null}
                          {c.choices.map((o) => (
                            <option key={o.value} value={o.value}>
                              {o.label}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td className={current === '' ? 'error-text' : undefined}>
                        {chosen !== undefined ? 'Your choice (saved for this council)' : v.by ? BY_LABEL[v.by] : 'Nothing: choose one'}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {unplaced > 0 ? <p className="hint error-text">{plural(unplaced, 'value is', 'values are')} not placed yet: rows with {unplaced === 1 ? 'it' : 'them'} will be listed as problems.</p> : null}
          </div>
        );
      })}
    </section>
  );
}
