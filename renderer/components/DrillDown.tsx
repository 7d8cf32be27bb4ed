// Drill-down: a count on the overview is a button that opens the rows behind it in a dialog ("24
// case holders above the threshold" -> the 24 workers with their caseloads). The list comes from
// the drillDown handler, worked out by the same rules as the count, so its length is the figure.
// A native modal dialog: focus moves into it, Tab stays inside, Escape closes it, and focus goes
// back to the count that opened it.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { DrillCell, DrillColumn, DrillFilter, DrillKind, DrillList } from '../../shared/drill';
import { formatLongDate } from '../../shared/dates';
import { formatCount, formatFte } from '../../shared/format';
import { toCsv } from '../../shared/csv-out';
import { call } from '../api';
import { DataTable, Loading, Notice } from './ui';
import './drill.css';

/** A cell as the screen writes it; a blank is "not recorded", never an empty cell a reader must guess at. */
export function drillCellText(value: DrillCell, column: DrillColumn): string {
  if (value === null || value === '') return 'not recorded';
  if (typeof value === 'number') return column.kind === 'decimal' ? formatFte(value) : formatCount(value);
  return column.kind === 'date' ? formatLongDate(value) : value;
}

/** The list as CSV for a spreadsheet: dates as written in the data, numbers unrounded, text neutralised (shared/csv-out.ts). */
export function drillCsv(list: DrillList): string {
  return toCsv(list.columns.map((c) => c.label), list.rows);
}

export function DrillLink({ what, asAt, filter, label, children }: { what: DrillKind; asAt: string; filter?: DrillFilter; label?: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={opener} type="button" className="drill-link" data-drill={what} aria-haspopup="dialog" aria-label={label} onClick={() => setOpen(true)}>
        {children}
      </button>
      {/* In the body, not here: a count may sit in a paragraph or a table cell, where a dialog may not. */}
      {open ? createPortal(
        <DrillDialog
          what={what}
          asAt={asAt}
          filter={filter}
          onClose={() => {
            setOpen(false);
            opener.current?.focus();
          }}
        />,
        document.body,
      ) : null}
    </>
  );
}

function DrillDialog({ what, asAt, filter, onClose }: { what: DrillKind; asAt: string; filter?: DrillFilter; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const id = useId();
  const [list, setList] = useState<DrillList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    close.current?.focus();
    let live = true;
    call('drillDown', { asAt, what, ...(filter ? { filter } : {}) }).then(
      (l) => live && setList(l),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
    // The filter compared by value: a parent drawing a new but equal object does not reload the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [asAt, what, JSON.stringify(filter ?? null)]);

  // Closed before it leaves the page: focus can only move back to the count once the modal is shut.
  function finish() {
    dialog.current?.close();
    onClose();
  }

  async function save() {
    if (!list) return;
    setSaved(null);
    try {
      const out = await call('saveText', { suggestedName: `${list.title.replace(/[^\w ]+/g, '').trim().replace(/\s+/g, '-').toLowerCase()}.csv`, content: drillCsv(list) });
      if (out) setSaved(`Saved as ${out.name}.`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    // Escape fires "cancel" on a modal dialog: it closes through the same path as the button.
    <dialog
      ref={dialog}
      className="drill-dialog"
      aria-labelledby={id + '-h'}
      onCancel={(e) => {
        e.preventDefault();
        finish();
      }}
    >
      <div className="drill-dialog-inner">
        <h2 id={id + '-h'}>{list?.title ?? 'The rows behind this figure'}</h2>
        {!list && !error ? <Loading what="the list" /> : null}
        {error ? (
          <Notice kind="error" title="The list could not be shown">
            <p>{error}</p>
          </Notice>
        ) : null}
        {list ? (
          <>
            <p>
              {list.kind === 'vacancies'
                ? `${formatFte(list.count)} vacant FTE in ${formatCount(list.rows.length)} ${list.rows.length === 1 ? 'team and role' : 'teams and roles'}.`
                : list.rows.length === 0
                  ? 'Nobody is counted in this figure on this date.'
                  : `One row for each of the ${formatCount(list.rows.length)} counted in the figure.`}
            </p>
            {list.rows.length > 0 ? (
              <DataTable
                caption={list.title}
                columns={list.columns.map((c) => c.label)}
                numeric={list.columns.flatMap((c, i) => (c.kind === 'count' || c.kind === 'decimal' ? [i] : []))}
                rows={list.rows.map((r) => r.map((v, i) => drillCellText(v, list.columns[i]!)))}
              />
            ) : null}
            {list.note ? <p className="hint">{list.note}</p> : null}
          </>
        ) : null}
        <div className="button-row">
          {list && list.rows.length > 0 ? (
            <button type="button" className="button button-secondary" onClick={save}>
              Save the list as CSV
            </button>
          ) : null}
          <button ref={close} type="button" className="button" onClick={finish}>
            Close
          </button>
          {saved ? (
            <p role="status" className="hint">
              {saved}
            </p>
          ) : null}
        </div>
      </div>
    </dialog>
  );
}
