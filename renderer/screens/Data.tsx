// The data behind the figures: every import with an undo button, and the data-quality warnings
// HR staff should clear in the source systems before the paper goes out.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { AppStatus, ImportLogEntry, QualityIssue, RowProblem } from '../../shared/api';
import { call } from '../api';
import { useLoad } from '../hooks';
import { fmtDateTime, toCsv } from '../format';
import { formatLongDate } from '../../shared/dates';
import { plural } from '../../shared/summaries';
import { SOURCE_LABEL } from '../import-jobs';
import { DataTable, Loading, Notice, PageHeading } from '../components/ui';
import { AgencyRulesLists } from '../components/AgencyRules';
import { AsAtForm, useAsAt } from '../components/AsAtForm';
import { columnWords, fieldLabel, labelOf } from '../../shared/labels';

const OUTCOME: Record<string, string> = {
  imported: 'Imported',
  partial: 'Valid rows imported',
  no_change: 'No change',
  failed: 'Not imported',
  undone: 'Undone',
};

/** What an undo is about to take away: one file, or the files imported together. */
type Undoing = { kind: 'one'; entry: ImportLogEntry } | { kind: 'batch'; batchId: string; entries: ImportLogEntry[] };

// Plain words for the codes and column names a data check's rows carry: the one label catalogue.
const checkColumnWords = (c: string) => {
  const w = fieldLabel(c);
  return w === c ? c.charAt(0).toUpperCase() + c.slice(1).replace(/_/g, ' ') : w;
};
const cellWords = (v: string | number | null) => (v === null ? '' : typeof v === 'string' ? labelOf(v) : String(v));

/** The history in groups: files imported together share one group, a file imported alone is its own. */
function historyGroups(entries: readonly ImportLogEntry[]): ImportLogEntry[][] {
  const out: ImportLogEntry[][] = [];
  const byBatch = new Map<string, ImportLogEntry[]>();
  for (const e of entries) {
    if (e.batchId === null) out.push([e]);
    else {
      let g = byBatch.get(e.batchId);
      if (!g) {
        byBatch.set(e.batchId, (g = []));
        out.push(g);
      }
      g.push(e);
    }
  }
  return out;
}

export function DataScreen({ refresh }: { refresh: () => Promise<AppStatus | null> }) {
  const imports = useLoad(() => call('listImports', {}), []);
  const { asAt } = useAsAt();
  const quality = useLoad(async () => (asAt ? call('listQualityIssues', { asAt }) : null), [asAt]);
  const [confirm, setConfirm] = useState<Undoing | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const result = useRef<HTMLDivElement | null>(null);
  // The result appears where the confirmation was, and takes the focus: where the user is looking.
  useEffect(() => {
    if (message) result.current?.focus();
  }, [message]);

  function ask(u: Undoing, button: HTMLElement) {
    opener.current = button;
    setMessage(null);
    setConfirm(u);
  }

  function keep() {
    setConfirm(null);
    opener.current?.focus();
  }

  async function undo(u: Undoing) {
    setConfirm(null);
    try {
      const r = u.kind === 'one' ? await call('undoImport', { importId: u.entry.id }) : await call('undoBatch', { batchId: u.batchId });
      setMessage({ kind: 'success', text: r.message });
      imports.reload();
      quality.reload();
      await refresh();
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  }

  return (
    <>
      <PageHeading lead="Everything imported so far, with the checks to clear before the figures go to committee.">Data</PageHeading>
      <h2>Import history</h2>
      {imports.loading ? <Loading what="the import history" /> : null}
      {imports.error ? <Notice kind="error"><p>{imports.error}</p></Notice> : null}
      {imports.data && !imports.data.length ? <p>Nothing has been imported yet. <a href="#/import">Import files</a>.</p> : null}
      {imports.data?.length ? <HistoryTable entries={imports.data} onUndo={ask} /> : null}
      {confirm ? <ConfirmUndo undoing={confirm} onUndo={() => void undo(confirm)} onKeep={keep} /> : null}
      {message ? (
        <div ref={result} tabIndex={-1} className="undo-result">
          <Notice kind={message.kind}>
            <p>{message.text}</p>
          </Notice>
        </div>
      ) : null}
      {imports.data?.some((e) => e.rejected > 0 && !e.undoneAt) ? <LeftOut entries={imports.data.filter((e) => e.rejected > 0 && !e.undoneAt)} /> : null}

      <h2>Data checks{asAt ? ` at ${formatLongDate(asAt)}` : ''}</h2>
      <p>These are problems in the exports themselves. Fix them in the HR or case-management system and import again; the figures will then be right.</p>
      <AsAtForm hint="Caseloads are checked on this day." button="Check again" />
      {quality.loading ? <Loading what="the data checks" /> : null}
      {quality.error ? <Notice kind="error"><p>{quality.error}</p></Notice> : null}
      {quality.data?.map((q) => <QualityCard key={q.kind} issue={q} />)}
      <AgencyRulesLists asAt={asAt} />
    </>
  );
}

function outcomeText(e: ImportLogEntry): ReactNode {
  return (
    <span title={e.message ?? undefined}>
      {OUTCOME[e.outcome] ?? e.outcome}
      {e.undoneAt ? ` on ${formatLongDate(e.undoneAt.slice(0, 10))}` : ''}
    </span>
  );
}

/** The history, most recent first: files imported together under one heading row with one undo for all. */
function HistoryTable({ entries, onUndo }: { entries: ImportLogEntry[]; onUndo: (u: Undoing, button: HTMLElement) => void }) {
  const columns = ['When', 'File', 'What', 'Rows read', 'Added', 'Updated', 'Left out', 'Result', 'Undo'];
  const num = (i: number) => (i >= 3 && i <= 6 ? 'num' : undefined);
  const row = (e: ImportLogEntry, inBatch: boolean) => (
    <tr key={e.id} className={inBatch ? 'batch-member' : undefined}>
      {[
        fmtDateTime(e.startedAt),
        e.fileName,
        SOURCE_LABEL[e.source] ?? e.source,
        e.rowsRead,
        e.inserted,
        e.updated,
        e.rejected,
        outcomeText(e),
        e.canUndo ? (
          <button type="button" className="button button-small button-secondary" onClick={(ev) => onUndo({ kind: 'one', entry: e }, ev.currentTarget)}>
            {inBatch ? 'Undo only this file' : 'Undo'}
            <span className="visually-hidden">{inBatch ? ':' : ''} the import of {e.fileName}</span>
          </button>
        ) : (
          ''
        ),
      ].map((v, j) => (
        <td key={j} className={num(j)}>
          {v}
        </td>
      ))}
    </tr>
  );
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Imports, most recent first">
      <table>
        <caption>Imports, most recent first</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={c} scope="col" className={num(i)}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        {historyGroups(entries).map((g) => {
          const batchId = g[0]!.batchId;
          if (batchId === null || g.length < 2) return <tbody key={g[0]!.id}>{g.map((e) => row(e, false))}</tbody>;
          const active = g.filter((e) => e.outcome !== 'undone' && e.outcome !== 'failed' && e.outcome !== 'already_imported');
          const label = batchId === 'demo' ? 'The demo council' : `${g.length} files imported together`;
          return (
            <tbody key={batchId} className="batch">
              <tr>
                <th scope="rowgroup" colSpan={8}>
                  {label}, {fmtDateTime(g[g.length - 1]!.startedAt)}
                  {active.length === 0 ? ': undone' : active.length < g.length ? ` (${active.length} still imported)` : ''}
                </th>
                <td>
                  {active.length ? (
                    <button type="button" className="button button-small button-secondary" onClick={(ev) => onUndo({ kind: 'batch', batchId, entries: active }, ev.currentTarget)}>
                      Undo all {active.length}
                      <span className="visually-hidden"> files: {active.map((e) => e.fileName).join(', ')}</span>
                    </button>
                  ) : null}
                </td>
              </tr>
              {g.map((e) => row(e, true))}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}

/** The confirmation: the safe choice has the focus, Escape keeps the data, and it says what will go. */
function ConfirmUndo({ undoing, onUndo, onKeep }: { undoing: Undoing; onUndo: () => void; onKeep: () => void }) {
  const entries = undoing.kind === 'one' ? [undoing.entry] : undoing.entries;
  const inserted = entries.reduce((n, e) => n + e.inserted, 0);
  const updated = entries.reduce((n, e) => n + e.updated, 0);
  const what = undoing.kind === 'one' ? `the import of ${undoing.entry.fileName}` : `the ${entries.length} files imported together`;
  return (
    <div
      className="confirm"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby="confirm-h"
      aria-describedby="confirm-d"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onKeep();
        }
      }}
    >
      <h3 id="confirm-h">Undo {what}?</h3>
      <p id="confirm-d">
        {undoing.kind === 'batch' ? `${entries.map((e) => e.fileName).join(', ')}: all are undone together. ` : ''}
        This removes the {plural(inserted, 'row')} {entries.length === 1 ? 'it' : 'they'} added and puts back the {plural(updated, 'row')} {entries.length === 1 ? 'it' : 'they'} changed,
        exactly as they were before. A backup is taken first.
      </p>
      <div className="button-row">
        <button type="button" className="button button-secondary" autoFocus onClick={onKeep}>
          {entries.length === 1 ? 'Keep it' : 'Keep them'}
        </button>
        <button type="button" className="button button-warning" onClick={onUndo}>
          {undoing.kind === 'one' ? 'Yes, undo this import' : `Yes, undo all ${entries.length}`}
        </button>
      </div>
    </div>
  );
}

function QualityCard({ issue }: { issue: QualityIssue }) {
  const [error, setError] = useState<string | null>(null);
  async function download() {
    try {
      await call('saveText', { suggestedName: `${issue.kind.replace(/_/g, '-')}.csv`, content: toCsv(issue.columns, issue.rows) });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }
  const clear = issue.status !== 'problems';
  return (
    <section className={`quality ${issue.status === 'nothing_to_check' ? 'quality-waiting' : clear ? 'quality-clear' : 'quality-warn'}`} aria-labelledby={`q-${issue.kind}`} data-quality={issue.kind}>
      <h3 id={`q-${issue.kind}`}>
        <span className="quality-status">{issue.verdict}: </span>
        {issue.title}
      </h3>
      <p>{issue.explanation}</p>
      {issue.status === 'nothing_to_check' ? <p><a href="#/import">Go to the Import screen</a></p> : null}
      {!clear ? (
        <details>
          <summary>Show the rows behind this warning</summary>
          <DataTable
            caption={`${issue.title}${issue.rowsTruncated ? ` (first ${issue.rows.length})` : ''}`}
            columns={issue.columns.map(checkColumnWords)}
            rows={issue.rows.map((r) => r.map(cellWords))}
          />
          <button type="button" className="button button-secondary" onClick={() => void download()}>
            Download these rows as CSV
          </button>
          {error ? <p className="error-text">{error}</p> : null}
        </details>
      ) : null}
    </section>
  );
}

/** The rows imports left out, with the reasons, for HR staff to correct at source. */
function LeftOut({ entries }: { entries: ImportLogEntry[] }) {
  const [shown, setShown] = useState<{ entry: ImportLogEntry; rows: RowProblem[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function show(entry: ImportLogEntry) {
    try {
      setShown({ entry, rows: await call('importProblems', { importId: entry.id }) });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }
  async function download() {
    if (!shown) return;
    try {
      await call('saveText', {
        suggestedName: shown.entry.fileName.replace(/\.[^.]*$/, '') + '-left-out.csv',
        content: toCsv(['Row', 'Column', 'Value', 'Problem'], shown.rows.map((p) => [p.row, columnWords(p.column), p.value, p.reason])),
      });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }
  return (
    <section aria-labelledby="left-out-h">
      <h3 id="left-out-h">Rows left out of imports</h3>
      <div className="button-row">
        {entries.map((e) => (
          <button key={e.id} type="button" className="button button-secondary button-small" onClick={() => void show(e)}>
            Show the {plural(e.rejected, 'row')} left out of {e.fileName} (import {e.id})
          </button>
        ))}
      </div>
      {error ? <p className="error-text">{error}</p> : null}
      {shown ? (
        <>
          <DataTable
            caption={`Rows left out of ${shown.entry.fileName} (import ${shown.entry.id})`}
            columns={['Row', 'Column', 'Value', 'Problem']}
            numeric={[0]}
            rows={shown.rows.slice(0, 500).map((p) => [p.row, columnWords(p.column), p.value ?? '', p.reason])}
          />
          <button type="button" className="button button-secondary" onClick={() => void download()}>
            Download these rows as CSV
          </button>
        </>
      ) : null}
    </section>
  );
}
