// Settings: the council, the thresholds and costs the measures use, the small-number threshold
// for published tables, backup and restore, and the case key kept outside the database.
import { useEffect, useState, type FormEvent } from 'react';
import type { AppSettings, AppStatus, BackupInfo, CouncilCheck } from '../../shared/api';
import { call } from '../api';
import { useLoad } from '../hooks';
import { fmtBytes, fmtDateTime } from '../format';
import { DataTable, Loading, Notice, PageHeading } from '../components/ui';

type Draft = Record<keyof AppSettings, string>;

const NUMBER_FIELDS: Array<[keyof AppSettings, string, string]> = [
  ['caseloadThreshold', 'Caseload threshold', 'Case holders with more cases than this are counted as over the threshold (cases per worker).'],
  ['asyeCap', 'ASYE caseload cap', 'Newly qualified social workers in their ASYE should hold no more cases than this.'],
  ['agencyAnnualCost', 'Annual cost of an agency social worker (£)', 'Full-time cost a year, used for the agency cost premium.'],
  ['employeeAnnualCost', 'Annual cost of an employed social worker (£)', 'Full-time cost a year including on-costs.'],
  ['smallNumberThreshold', 'Small-number threshold', 'In published tables, counts from 1 up to this number are shown as “c” so no one can be identified.'],
  ['standardWeeklyHours', 'Standard working week (hours)', 'For HR files that give hours worked instead of FTE: 37 hours of a 37-hour week is 1 FTE.'],
];

function toDraft(s: AppSettings): Draft {
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v === null ? '' : String(v)])) as Draft;
}

export function SettingsScreen({ refresh }: { refresh: () => Promise<AppStatus | null> }) {
  const settings = useLoad(() => call('getSettings', {}), []);
  const backups = useLoad(() => call('listBackups', {}), []);
  const caseKey = useLoad(() => call('keyStatus', {}), []);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Partial<Record<keyof AppSettings, string>>>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [chosenBackup, setChosenBackup] = useState('');

  useEffect(() => {
    if (settings.data) setDraft(toDraft(settings.data));
  }, [settings.data]);

  // The council is checked as it is typed (a moment after the last key), so the user sees which
  // council the DfE's file knows it as, or the nearest ones, before saving.
  const laCode = draft?.laCode.trim() ?? '';
  const [council, setCouncil] = useState<{ query: string; check: CouncilCheck } | null>(null);
  useEffect(() => {
    if (!laCode) return setCouncil(null);
    let live = true;
    const t = setTimeout(() => {
      call('checkCouncil', { query: laCode }).then(
        (check) => live && setCouncil({ query: laCode, check }),
        () => live && setCouncil(null),
      );
    }, 400);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [laCode]);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!draft) return;
    const errs: typeof errors = {};
    const patch: Record<string, unknown> = { councilName: draft.councilName.trim(), laCode: draft.laCode.trim() || null };
    for (const [key, label] of NUMBER_FIELDS) {
      const n = Number(draft[key].replace(/[£,\s]/g, ''));
      if (draft[key].trim() === '' || !Number.isFinite(n) || n < 0) errs[key] = `Enter ${label.toLowerCase()} as a number, for example ${key === 'smallNumberThreshold' ? '4' : '20'}`;
      else if (key === 'smallNumberThreshold' && !Number.isInteger(n)) errs[key] = 'Enter a whole number';
      else if ((key === 'caseloadThreshold' || key === 'asyeCap' || key === 'standardWeeklyHours') && n === 0) errs[key] = 'Enter a number above 0';
      else if (key === 'standardWeeklyHours' && n > 80) errs[key] = 'Enter the hours of a full-time week, at most 80';
      else patch[key] = n;
    }
    const typedCouncil = draft.laCode.trim();
    if (typedCouncil) {
      const check = await call('checkCouncil', { query: typedCouncil }).catch(() => null);
      if (check && (check.status === 'not_found' || (check.status === 'no_dfe_file' && !check.looksLikeCode))) errs.laCode = check.message;
    }
    setErrors(errs);
    if (Object.keys(errs).length) {
      setMessage({ kind: 'error', text: 'Some settings need correcting: see the messages beside them.' });
      // Take the user to the first thing to fix.
      document.getElementById(Object.keys(errs)[0]!)?.focus();
      return;
    }
    try {
      const saved = await call('updateSettings', { patch });
      setDraft(toDraft(saved));
      setMessage({ kind: 'success', text: 'Settings saved.' });
      await refresh();
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  }

  async function backup(chooseLocation: boolean) {
    try {
      const b = await call('backupDatabase', { chooseLocation });
      if (b) setMessage({ kind: 'success', text: `Backup saved: ${b.name} (${fmtBytes(b.bytes)}).` });
      backups.reload();
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  }

  async function restore(chooseFile: boolean) {
    try {
      const r = await call('restoreBackup', chooseFile ? { chooseFile: true } : { chooseFile: false, backupId: chosenBackup });
      setMessage({ kind: r.restored ? 'success' : 'error', text: r.message });
      backups.reload();
      settings.reload();
      await refresh();
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  }

  async function moveKey(action: 'exportKey' | 'importKey') {
    try {
      const r = await call(action, {});
      setMessage({ kind: r.done ? 'success' : 'error', text: r.message });
      caseKey.reload();
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  }

  return (
    <>
      <PageHeading lead="Your council’s details and the numbers the figures are judged against.">Settings</PageHeading>
      {message ? (
        <Notice kind={message.kind}>
          <p>{message.text}</p>
        </Notice>
      ) : null}
      {settings.loading ? <Loading what="the settings" /> : null}
      {draft ? (
        <form onSubmit={(e) => void save(e)} noValidate>
          <h2>Your council</h2>
          <Field id="councilName" label="Council name" hint="As it should appear on the paper, for example “Nottingham City Council”." value={draft.councilName} error={errors.councilName} onChange={(v) => setDraft({ ...draft, councilName: v })} />
          <Field id="laCode" label="DfE local authority code" hint="The three-digit code the DfE uses (for example 892 for Nottingham), or the council’s name: it is checked against the DfE’s published figures and used to compare with them." value={draft.laCode} error={errors.laCode} onChange={(v) => { setDraft({ ...draft, laCode: v }); setErrors({ ...errors, laCode: undefined }); }} width="short" />
          {council && council.query === laCode ? (
            <CouncilFound check={council.check} repeatsError={!!errors.laCode} onChoose={(code) => { setDraft({ ...draft, laCode: code }); setErrors({ ...errors, laCode: undefined }); }} />
          ) : null}
          <h2>Thresholds and costs</h2>
          {NUMBER_FIELDS.map(([key, label, hint]) => (
            <Field key={key} id={key} label={label} hint={hint} value={draft[key]} error={errors[key]} onChange={(v) => setDraft({ ...draft, [key]: v })} width="short" inputMode="decimal" />
          ))}
          <button type="submit" className="button">
            Save settings
          </button>
        </form>
      ) : null}

      <h2>Backup and restore</h2>
      <p>A backup is also taken automatically before every import and every undo.</p>
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => void backup(false)}>
          Back up now
        </button>
        <button type="button" className="button button-secondary" onClick={() => void backup(true)}>
          Save a backup to a file…
        </button>
      </div>
      {backups.data && !backups.data.length ? <p>There are no backups yet. One is taken before every import and every undo, or use <strong>Back up now</strong>.</p> : null}
      {backups.data?.length ? (
        <>
          <DataTable
            caption="Backups kept beside the database, newest first"
            columns={['Backup', 'Made', 'Size']}
            rows={backups.data.map((b: BackupInfo) => [b.name, fmtDateTime(b.createdAt), fmtBytes(b.bytes)])}
          />
          <div className="field">
            <label htmlFor="restore-choice">Restore a backup</label>
            <p className="hint" id="restore-hint">
              The data as it is now is backed up first, so a restore can itself be undone.
            </p>
            <select id="restore-choice" aria-describedby="restore-hint" value={chosenBackup} onChange={(e) => setChosenBackup(e.target.value)}>
              <option value="">Choose a backup…</option>
              {backups.data.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
        </>
      ) : null}
      <div className="button-row">
        <button type="button" className="button button-warning" disabled={!chosenBackup} onClick={() => void restore(false)}>
          Restore the chosen backup
        </button>
        <button type="button" className="button button-secondary" onClick={() => void restore(true)}>
          Restore from a file…
        </button>
      </div>

      <h2>Case key</h2>
      <p>
        Case IDs are stored only as pseudonyms made with a secret key. The key is kept on this computer, outside the
        database, so a copy of the database or a backup cannot be used to work out case IDs.
      </p>
      {caseKey.data ? <p>{caseKey.data.message}</p> : null}
      <p className="hint" id="key-hint">
        To use the database on another computer, export the key here and import it there. Without the key, the figures,
        the paper and undo still work, but new case allocations cannot be matched to the cases already stored, so they
        cannot be imported. Anyone with both the key and the database can work out case IDs: keep the exported file as
        carefully as the case-management system, and delete it once it has been imported.
      </p>
      <div className="button-row">
        <button type="button" className="button button-secondary" aria-describedby="key-hint" disabled={!caseKey.data?.source} onClick={() => void moveKey('exportKey')}>
          Export the key…
        </button>
        <button type="button" className="button button-secondary" aria-describedby="key-hint" onClick={() => void moveKey('importKey')}>
          Import a key…
        </button>
      </div>
    </>
  );
}

function Field(props: {
  id: string;
  label: string;
  hint: string;
  value: string;
  error: string | undefined;
  onChange: (v: string) => void;
  width?: 'short';
  inputMode?: 'decimal';
}) {
  const { id, label, hint, value, error, onChange, width, inputMode } = props;
  return (
    <div className={`field${error ? ' field-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error ? (
        <p className="error-text" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        type="text"
        className={width === 'short' ? 'input-short' : undefined}
        value={value}
        inputMode={inputMode}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/** Which council the DfE's file knows the typed code or name as; the nearest ones when none. */
function CouncilFound({ check, repeatsError, onChoose }: { check: CouncilCheck; repeatsError: boolean; onChoose: (code: string) => void }) {
  return (
    <div className={`council-check council-${check.status}`} role="status" aria-live="polite">
      {/* After a refused save the message is the field's error already; the choices stay. */}
      {repeatsError ? null : <p>{check.message}</p>}
      {check.status === 'not_found' && check.suggestions.length ? (
        <div className="button-row">
          {check.suggestions.map((c) => (
            <button key={c.code} type="button" className="button button-secondary button-small" onClick={() => onChoose(c.code)}>
              Use {c.name} ({c.code})
            </button>
          ))}
        </div>
      ) : null}
      {check.status === 'no_dfe_file' ? (
        <p>
          <a href="#/import">Go to the Import screen</a>
        </p>
      ) : null}
    </div>
  );
}
