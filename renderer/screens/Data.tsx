// The data behind the figures: every import with an undo button, and the data-quality warnings
// HR staff should clear in the source systems before the paper goes out.
import { useState } from 'react';
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

const OUTCOME: Record<string, string> = {
  imported: 'Imported',
  partial: 'Valid rows imported',
  no_change: 'No change',
  failed: 'Not imported',
  undone: 'Undone',
};

export function DataScreen({ refresh }: { refresh: () => Promise<AppStatus | null> }) {
  const imports = useLoad(() => call('listImports', {}), []);
  const { asAt } = useAsAt();
  const quality = useLoad(async () => (asAt ? call('listQualityIssues', { asAt }) : null), [asAt]);
  const [confirm, setConfirm] = useState<ImportLogEntry | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  async function undo(entry: ImportLogEntry) {
    setConfirm(null);
    try {
      const r = await call('undoImport', { importId: entry.id });
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
      {message ? (
        <Notice kind={message.kind}>
          <p>{message.text}</p>
        </Notice>
      ) : null}
      <h2>Import history</h2>
      {imports.loading ? <Loading what="the import history" /> : null}
      {imports.error ? <Notice kind="error"><p>{imports.error}</p></Notice> : null}
      {imports.data && !imports.data.length ? <p>Nothing has been imported yet. <a href="#/import">Import files</a>.</p> : null}
      {imports.data?.length ? (
        <DataTable
          caption="Imports, most recent first"
          columns={['When', 'File', 'What', 'Rows read', 'Added', 'Updated', 'Left out', 'Result', 'Undo']}
          numeric={[3, 4, 5, 6]}
          rows={imports.data.map((e) => [
            fmtDateTime(e.startedAt),
            e.fileName,
            SOURCE_LABEL[e.source] ?? e.source,
            e.rowsRead,
            e.inserted,
            e.updated,
            e.rejected,
            <span title={e.message ?? undefined}>
              {OUTCOME[e.outcome] ?? e.outcome}
              {e.undoneAt ? ` on ${formatLongDate(e.undoneAt.slice(0, 10))}` : ''}
            </span>,
            e.canUndo ? (
              <button type="button" className="button button-small button-secondary" onClick={() => setConfirm(e)}>
                Undo<span className="visually-hidden"> the import of {e.fileName}</span>
              </button>
            ) : (
              ''
            ),
          ])}
        />
      ) : null}
      {imports.data?.some((e) => e.rejected > 0 && !e.undoneAt) ? <LeftOut entries={imports.data.filter((e) => e.rejected > 0 && !e.undoneAt)} /> : null}
      {confirm ? (
        <div className="confirm" role="alertdialog" aria-labelledby="confirm-h" aria-describedby="confirm-d">
          <h3 id="confirm-h">Undo the import of {confirm.fileName}?</h3>
          <p id="confirm-d">
            This removes the {plural(confirm.inserted, 'row')} it added and puts back the {plural(confirm.updated, 'row')} it changed, exactly as they were before. A backup is taken first.
          </p>
          <div className="button-row">
            <button type="button" className="button button-warning" autoFocus onClick={() => void undo(confirm)}>
              Yes, undo this import
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirm(null)}>
              Keep it
            </button>
          </div>
        </div>
      ) : null}

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
            columns={issue.columns.map((c) => c.replace(/_/g, ' '))}
            rows={issue.rows.map((r) => r.map((v) => (v === null ? '' : String(v))))}
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
        content: toCsv(['Row', 'Column', 'Value', 'Problem'], shown.rows.map((p) => [p.row, p.column, p.value, p.reason])),
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
            rows={shown.rows.slice(0, 500).map((p) => [p.row, p.column ?? '', p.value ?? '', p.reason])}
          />
          <button type="button" className="button button-secondary" onClick={() => void download()}>
            Download these rows as CSV
          </button>
        </>
      ) : null}
    </section>
  );
}
