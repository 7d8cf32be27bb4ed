// The import wizard: choose or drop files; see what each looks like; map the columns of a file
// that was not recognised; check every row before anything is written; import (strictly, or
// only the valid rows) with a progress bar and a cancel button; and a summary of what changed.
import { columnWords } from '../../shared/labels';
import { useRef, useState, type DragEvent } from 'react';
import type { AppStatus, ColumnMapping, DetectResult, FileRef, ImportProgressInfo, ImportSummary, SavedMappingInfo } from '../../shared/api';
import { useLoad } from '../hooks';
import { groupProblems } from '../problem-groups';
import { call } from '../api';
import { fmtBytes, toCsv } from '../format';
import { plural } from '../../shared/summaries';
import { runImportJob, SOURCE_LABEL } from '../import-jobs';
import { DataTable, Notice, PageHeading, ProgressBar } from '../components/ui';
import type { ColumnValues } from '../../shared/import-types';
import { ValueEditor, valuesToShow, type ValueChoices } from './ImportValues';

const DFE_SOURCES = ['benchmark', 'neighbours'];
/** Files about staff: a column like a child's name there is a worker's own detail, dropped unread. */
const STAFF_SOURCES = new Set(['workers', 'agency', 'asye', 'establishment', 'idmap', 'departments']);

type Step = 'choose' | 'map' | 'values' | 'check' | 'import' | 'done';

interface FileState {
  ref: FileRef;
  detect: DetectResult | null;
  error: string | null;
  source: string;
  /** A recognised layout, or null when the file is read through `mapping`. */
  preset: string | null;
  mapping: ColumnMapping | null;
  saveMappingAs: string;
  check: ImportSummary | null;
  result: ImportSummary | null;
  /** The sheet of an .xlsx workbook being read. */
  sheet?: string | undefined;
  /** Its worded columns' values and where they are placed (the value step). */
  values?: ColumnValues[] | undefined;
  /** The user's corrections in the value step: field -> value -> placement. */
  valueChoices?: ValueChoices | undefined;
  /** Why checking or importing this file stopped (the other files carry on). */
  runError?: string | undefined;
}

/** Refused at step 1: a column like a child's name in a file that is not about staff. */
const refused = (f: FileState) => !!f.detect?.identityRefusal && !STAFF_SOURCES.has(f.source);
/** A file the wizard carries on with: read, not refused, and said what it holds. */
const usable = (f: FileState) => !!f.detect && !refused(f) && f.source !== '';
/** Files with the same headings read as the same source share one column mapping. */
const sameHeadings = (f: FileState) => `${f.source}\u0000${f.sheet ?? ''}\u0000${(f.detect?.headers ?? []).join('\u0001')}`;

/** Where the mapping of a file not recognised starts: a saved mapping that fits, or the headings known as fields. */
function startingMapping(d: DetectResult, source: string): ColumnMapping | null {
  if (!source) return null;
  if (d.suggestedMapping && d.suggestedMapping.source === source) return d.suggestedMapping.mapping;
  return { columns: { ...(d.suggestedColumns[source] ?? {}) } };
}

/** Files chosen together are one batch: one import in the history, undone together. */
function newBatchId(): string {
  return `b${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

const STEPS: Array<[Step, string]> = [
  ['choose', 'Choose files'],
  ['map', 'Match columns'],
  ['values', 'Match values'],
  ['check', 'Check rows'],
  ['import', 'Import'],
  ['done', 'Summary'],
];

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error(`${file.name} could not be read.`));
    reader.readAsDataURL(file);
  });
}

export function ImportScreen({ status, refresh }: { status: AppStatus; refresh: () => Promise<AppStatus | null> }) {
  const [step, setStep] = useState<Step>('choose');
  const [files, setFiles] = useState<FileState[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [acceptValid, setAcceptValid] = useState(false);
  const [progress, setProgress] = useState<{ label: string; info: ImportProgressInfo | null } | null>(null);
  const jobRef = useRef<string | null>(null);
  const cancelled = useRef(false);
  const [mappings, setMappings] = useState<SavedMappingInfo[]>([]);
  const [dragging, setDragging] = useState(false);
  const [valuesFocus, setValuesFocus] = useState<string | null>(null);
  const demo = useLoad(() => call('demoStatus', {}), []);
  const [demoMessage, setDemoMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  async function removeDemo() {
    setDemoMessage(null);
    try {
      const r = await call('removeDemo', {});
      setDemoMessage({ kind: 'success', text: r.message });
      demo.reload();
      await refresh();
    } catch (err) {
      setDemoMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  }

  const update = (i: number, patch: Partial<FileState>) => setFiles((fs) => fs.map((f, j) => (j === i ? { ...f, ...patch } : f)));

  async function addFiles(refs: FileRef[]) {
    if (!refs.length) return;
    setBusy('Looking at the files…');
    setError(null);
    const added: FileState[] = [];
    for (const ref of refs) {
      try {
        const d = await call('detectFile', { fileId: ref.id });
        const source = d.source ?? d.suggestedMapping?.source ?? '';
        added.push({
          ref,
          detect: d,
          error: null,
          source,
          preset: d.preset,
          mapping: d.preset ? null : startingMapping(d, source),
          saveMappingAs: d.suggestedMapping?.name ?? '',
          check: null,
          result: null,
        });
      } catch (err) {
        added.push({ ref, detect: null, error: err instanceof Error ? err.message : String(err), source: '', preset: null, mapping: null, saveMappingAs: '', check: null, result: null });
      }
    }
    setFiles((fs) => [...fs, ...added]);
    try {
      setMappings(await call('listMappings', {}));
    } catch {
      /* saved mappings are a convenience */
    }
    setBusy(null);
  }

  /** A workbook's other sheet: looked at afresh, since its columns are its own. */
  async function chooseSheet(i: number, sheet: string) {
    const f = files[i]!;
    try {
      const d = await call('detectFile', { fileId: f.ref.id, sheet });
      const source = d.source ?? d.suggestedMapping?.source ?? '';
      update(i, {
        detect: d,
        sheet,
        source,
        preset: d.preset,
        mapping: d.preset ? null : startingMapping(d, source),
        check: null,
      });
    } catch (err) {
      setError(`${f.ref.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  async function choose() {
    try {
      await addFiles(await call('pickFiles', { multiple: true }));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(null);
    }
  }

  async function drop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    const list = Array.from(e.dataTransfer.files);
    try {
      const refs: FileRef[] = [];
      for (const f of list) refs.push(await call('stageFile', { name: f.name, base64: await readAsBase64(f) }));
      await addFiles(refs);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(null);
    }
  }

  const carried = files.filter(usable);
  const unchosen = files.filter((f) => f.detect && !refused(f) && f.source === '');
  // The DfE's own files are read exactly as published: they never need a column mapping.
  const mappable = (f: FileState) => usable(f) && !f.preset && !DFE_SOURCES.includes(f.source);
  const needsMapping = carried.some(mappable);
  const hasValues = files.some((f) => valuesToShow(f.values ?? []).length > 0);

  function startOver() {
    setFiles([]);
    setValuesFocus(null);
    setStep('choose');
    setError(null);
    setAcceptValid(false);
  }

  function mappingProblems(f: FileState): string[] {
    if (!mappable(f)) return [];
    const fields = f.detect?.fields[f.source] ?? [];
    const used = new Set(Object.values(f.mapping?.columns ?? {}));
    return fields.filter((x) => x.required && !used.has(x.name)).map((x) => x.label);
  }

  // The list is passed when the files were changed in the same event (the state is not yet updated).
  async function runAll(dryRun: boolean, list: FileState[] = files, batchId?: string) {
    cancelled.current = false;
    setError(null);
    const out: Array<ImportSummary | null> = [];
    for (let i = 0; i < list.length; i++) {
      const f = list[i]!;
      // A file refused, not said what it holds, or that could not be checked is left out; the others carry on.
      if (!usable(f) || (!dryRun && (f.runError || !f.check))) {
        out.push(null);
        continue;
      }
      if (cancelled.current) break;
      const label = `${dryRun ? 'Checking' : 'Importing'} ${f.ref.name} (${i + 1} of ${list.length})`;
      setProgress({ label, info: null });
      try {
        const summary = await runImportJob(
          {
            fileId: f.ref.id,
            ...(f.sheet ? { sheet: f.sheet } : {}),
            source: f.source as never,
            ...(f.preset ? { preset: f.preset } : {}),
            ...(!f.preset && f.mapping ? { mapping: f.mapping } : {}),
            ...(!dryRun && !f.preset && f.saveMappingAs.trim() ? { saveMappingAs: f.saveMappingAs.trim() } : {}),
            acceptValid,
            dryRun,
            ...(batchId ? { batchId } : {}),
          },
          (info) => setProgress({ label, info }),
          (jobId) => (jobRef.current = jobId),
        );
        out.push(summary);
        update(i, dryRun ? { check: summary, runError: undefined } : { result: summary });
      } catch (err) {
        update(i, { runError: err instanceof Error ? err.message : String(err) });
        out.push(null);
      }
    }
    jobRef.current = null;
    setProgress(null);
    return out;
  }

  /** Looks at each file's worded columns; the value step is shown when any value is not a code. */
  async function toValues() {
    setError(null);
    setBusy('Reading the values in the files…');
    const next: FileState[] = [];
    try {
      for (const f of files) {
        if (!usable(f) || DFE_SOURCES.includes(f.source)) {
          next.push(f);
          continue;
        }
        const values = await call('fileValues', {
          fileId: f.ref.id,
          source: f.source as never,
          ...(f.sheet ? { sheet: f.sheet } : {}),
          ...(f.preset ? { preset: f.preset } : f.mapping ? { mapping: f.mapping } : {}),
        });
        next.push({ ...f, values });
      }
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(null);
      return;
    }
    setBusy(null);
    setFiles(next);
    if (next.some((f) => valuesToShow(f.values ?? []).length > 0)) setStep('values');
    else await check(next);
  }

  /** The value step's choices: saved as the council's rules, and kept in a file's column mapping. */
  async function applyValues() {
    setError(null);
    const rules = files.flatMap((f) =>
      Object.entries(f.valueChoices ?? {}).flatMap(([field, m]) => Object.entries(m).map(([value, placed]) => ({ field: field as never, value, placed }))),
    );
    try {
      if (rules.length) await call('saveValueRules', { rules });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      return;
    }
    const next = files.map((f) => {
      if (!f.mapping || !f.valueChoices) return f;
      const values: Record<string, Record<string, string>> = { ...(f.mapping.values ?? {}) };
      for (const [field, m] of Object.entries(f.valueChoices)) values[field] = { ...(values[field] ?? {}), ...m };
      return { ...f, mapping: { ...f.mapping, values } };
    });
    setFiles(next);
    await check(next);
  }

  async function check(current?: FileState[]) {
    if (current) setFiles(current);
    setFiles((fs) => fs.map((f) => ({ ...f, check: null, runError: undefined })));
    setStep('check');
    await runAll(true, (current ?? files).map((f) => ({ ...f, runError: undefined })));
  }

  async function doImport() {
    setStep('import');
    const going = files.filter((f) => usable(f) && !f.runError && f.check);
    await runAll(false, files, going.length > 1 ? newBatchId() : undefined);
    await refresh();
    setStep('done');
  }

  async function cancel() {
    cancelled.current = true;
    if (jobRef.current) await call('cancelImport', { jobId: jobRef.current }).catch(() => undefined);
  }

  async function downloadProblems(f: FileState) {
    const s = f.check ?? f.result;
    if (!s) return;
    const csv = toCsv(['Row', 'Column', 'Value', 'Problem'], s.problems.map((p) => [p.row, columnWords(p.column), p.value, p.reason]));
    try {
      await call('saveText', { suggestedName: f.ref.name.replace(/\.[^.]*$/, '') + '-problems.csv', content: csv });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  const totalProblems = files.reduce((n, f) => n + (f.check?.rejected ?? 0), 0);
  const checkCancelled = files.some((f) => f.check?.outcome === 'cancelled');
  const checked = !checkCancelled && carried.every((f) => f.check || f.runError);
  const importable = carried.filter((f) => f.check && !f.runError);
  const leftOut = files.filter((f) => !usable(f));

  /** The check's "choose what these values are": back to the value step, at that column. */
  function fixValues(f: FileState, field: string) {
    setValuesFocus(`${f.ref.id}\u0000${field}`);
    setStep('values');
  }

  return (
    <>
      <PageHeading lead="Bring in the CSV or Excel exports from your HR, agency and case-management systems. Every row is checked before anything is saved, and any import can be undone from the Data screen.">
        Import files
      </PageHeading>
      {!status.modules.import ? (
        <Notice kind="info" title="Importing is not available yet">
          <p>Importing files is not available in this version of Scrutiny Pack yet.</p>
        </Notice>
      ) : null}
      <ol className="steps" aria-label="Steps">
        {STEPS.map(([id, label], i) => (
          <li key={id} aria-current={step === id ? 'step' : undefined} className={step === id ? 'current' : undefined}>
            <span className="step-number">{i + 1}</span> {label}
          </li>
        ))}
      </ol>
      {error ? (
        <Notice kind="error" title="There is a problem">
          <p>{error}</p>
        </Notice>
      ) : null}

      {demo.data?.files.length && (step === 'choose' || step === 'map') ? (
        <Notice kind="warning" title="The demo council is still loaded">
          <p>
            Its made-up figures ({demo.data.files.join(', ')}) are in this database: importing your own files on top of them would mix the two in every
            figure and in the paper. Remove the demo council first. A backup is taken before, so you can restore it in Settings if you change your mind.
          </p>
          <button type="button" className="button button-warning" onClick={() => void removeDemo()}>
            Remove the demo council
          </button>
        </Notice>
      ) : null}
      {demoMessage ? (
        <Notice kind={demoMessage.kind}>
          <p>{demoMessage.text}</p>
        </Notice>
      ) : null}

      {step === 'choose' ? (
        <section aria-labelledby="choose-h">
          <h2 id="choose-h">1. Choose the files</h2>
          <div
            className={`drop-zone${dragging ? ' dragging' : ''}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => void drop(e)}
          >
            <p>Drag CSV or Excel (.xlsx) files here, or</p>
            <button type="button" className="button" onClick={() => void choose()} disabled={!!busy || !status.modules.import}>
              Choose files…
            </button>
          </div>
          {busy ? <p role="status">{busy}</p> : null}
          {files.length ? (
            <>
              <DataTable
                caption="Files to import"
                columns={['File', 'Size', 'What it looks like', 'Import it as', 'Remove']}
                rows={files.map((f, i) => [
                  f.ref.name,
                  fmtBytes(f.ref.bytes),
                  <>
                    {f.error ? (
                      <span className="error-text">{f.error}</span>
                    ) : refused(f) ? (
                      <span className="error-text">
                        <strong>Refused, not imported:</strong> {f.detect?.identityRefusal} The other files carry on without it.
                      </span>
                    ) : f.preset ? (
                      f.detect?.description
                    ) : f.source === '' ? (
                      <span>{f.detect?.description || 'Not recognised'}. Choose what it holds: Scrutiny Pack will not guess.</span>
                    ) : (
                      <span>{f.detect?.description || 'Not recognised'}: you will match its columns next</span>
                    )}
                    {f.detect?.sheets && f.detect.sheets.length > 1 ? (
                      <div className="field sheet-choice">
                        <label htmlFor={`sheet-${i}`}>Sheet of the workbook to read</label>
                        <select id={`sheet-${i}`} value={f.detect.sheet ?? ''} onChange={(e) => void chooseSheet(i, e.target.value)}>
                          {f.detect.sheets.map((n) => (
                            <option key={n} value={n}>
                              {n}
                            </option>
                          ))}
                        </select>
                      </div>
                    ) : null}
                  </>,
                  f.detect ? (
                    <select
                      aria-label={`Import ${f.ref.name} as`}
                      value={f.source}
                      aria-invalid={f.source === '' ? true : undefined}
                      onChange={(e) => {
                        const source = e.target.value;
                        const preset = f.detect?.presetBySource[source] ?? null;
                        update(i, { source, preset, mapping: preset ? null : startingMapping(f.detect!, source), check: null });
                      }}
                    >
                      {f.source === '' ? <option value="">Choose what it holds…</option> : null}
                      {Object.entries(SOURCE_LABEL).map(([v, l]) => (
                        <option key={v} value={v}>
                          {l}
                        </option>
                      ))}
                    </select>
                  ) : (
                    '—'
                  ),
                  <button type="button" className="link-button" onClick={() => setFiles((fs) => fs.filter((_, j) => j !== i))}>
                    Remove<span className="visually-hidden"> {f.ref.name}</span>
                  </button>,
                ])}
              />
              <div className="button-row">
                <button
                  type="button"
                  className="button"
                  disabled={!!busy}
                  onClick={() => {
                    if (unchosen.length) setError(`Choose what ${unchosen.map((f) => f.ref.name).join(', ')} ${unchosen.length === 1 ? 'holds' : 'hold'} (or remove ${unchosen.length === 1 ? 'it' : 'them'}): ${unchosen.length === 1 ? 'it was' : 'they were'} not recognised.`);
                    else if (!carried.length) setError('None of these files can be imported: remove them and choose others.');
                    else {
                      setError(null);
                      if (needsMapping) setStep('map');
                      else void toValues();
                    }
                  }}
                >
                  Continue
                </button>
                <button type="button" className="button button-secondary" onClick={startOver}>
                  Start again
                </button>
              </div>
            </>
          ) : null}
        </section>
      ) : null}

      {step === 'map' ? (
        <section aria-labelledby="map-h">
          <h2 id="map-h">2. Match the columns</h2>
          <p>These files were not recognised. For each column, choose what it holds. Columns you do not need can be left as “Not used”.</p>
          {mappingGroups(files, mappable).map((group) => {
            const f = files[group[0]!]!;
            return (
              <MappingEditor
                key={f.ref.id}
                file={f}
                alsoFor={group.slice(1).map((j) => files[j]!.ref.name)}
                saved={mappings.filter((m) => m.source === f.source)}
                onChange={(patch) => {
                  // One mapping for every file with the same headings.
                  setFiles((fs) => fs.map((x, j) => (group.includes(j) ? { ...x, ...patch } : x)));
                  // The banner described the mapping as it was; a change makes it stale.
                  setError(null);
                }}
                missing={mappingProblems(f)}
              />
            );
          })}
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={() => {
                const bad = files.filter((f) => f.detect && mappingProblems(f).length);
                if (bad.length) setError(`Match every required field first: ${bad.map((f) => `${f.ref.name} needs ${mappingProblems(f).join(', ')}`).join('; ')}.`);
                else void toValues();
              }}
            >
              Check the rows
            </button>
            <button type="button" className="button button-secondary" onClick={() => setStep('choose')}>
              Back
            </button>
          </div>
        </section>
      ) : null}

      {step === 'values' ? (
        <section aria-labelledby="values-h">
          <h2 id="values-h">3. Match the values</h2>
          <p>
            These columns hold values in your council’s own words. Check how each is counted: choose a role or contract type, or “not counted” for
            posts that are not social work (those rows are left out and counted in the summary, not treated as errors). Your choices are saved for
            this council and used for every later import.
          </p>
          {busy ? <p role="status">{busy}</p> : null}
          {files.map((f, i) =>
            f.values && valuesToShow(f.values).length ? (
              <ValueEditor
                key={f.ref.id}
                fileName={f.ref.name}
                columns={f.values}
                choices={f.valueChoices ?? {}}
                focusField={valuesFocus?.startsWith(`${f.ref.id}\u0000`) ? valuesFocus.slice(f.ref.id.length + 1) : null}
                onChoose={(field, value, placed) =>
                  update(i, { valueChoices: { ...(f.valueChoices ?? {}), [field]: { ...(f.valueChoices?.[field] ?? {}), [value]: placed } }, check: null })
                }
              />
            ) : null,
          )}
          <div className="button-row">
            <button type="button" className="button" onClick={() => void applyValues()}>
              Check the rows
            </button>
            <button type="button" className="button button-secondary" onClick={() => setStep(needsMapping ? 'map' : 'choose')}>
              Back
            </button>
          </div>
        </section>
      ) : null}

      {step === 'check' ? (
        <section aria-labelledby="check-h">
          <h2 id="check-h">4. Check the rows</h2>
          {progress ? (
            <JobProgress progress={progress} onCancel={() => void cancel()} />
          ) : null}
          {files.map((f) =>
            f.check && f.check.outcome !== 'cancelled' ? (
              <CheckResult key={f.ref.id} file={f} summary={f.check} onDownload={() => void downloadProblems(f)} onFixValues={(field) => fixValues(f, field)} />
            ) : f.runError ? (
              <section key={f.ref.id} className="check-result" aria-label={`Check of ${f.ref.name}`}>
                <h3>{f.ref.name}</h3>
                <p className="error-text">Could not be checked, so it will not be imported: {f.runError}</p>
              </section>
            ) : null,
          )}
          {leftOut.length && !progress ? (
            <Notice kind="warning" title={`${plural(leftOut.length, 'file')} left out`}>
              <ul>
                {leftOut.map((f) => (
                  <li key={f.ref.id}>
                    {f.ref.name}: {f.error ?? (refused(f) ? "refused (a column like a child's name or date of birth)" : 'not said what it holds')}
                  </li>
                ))}
              </ul>
            </Notice>
          ) : null}
          {checkCancelled && !progress ? (
            <>
              <Notice kind="info" title="Checking was cancelled">
                <p>Nothing has been imported. Check the files again when you are ready.</p>
              </Notice>
              <div className="button-row">
                <button type="button" className="button" onClick={() => void check()}>
                  Check again
                </button>
                <button type="button" className="button button-secondary" onClick={startOver}>
                  Start again
                </button>
              </div>
            </>
          ) : null}
          {checked && !progress ? (
            <>
              <fieldset className="radios">
                <legend>What should happen to rows with problems?</legend>
                <div className="radio">
                  <input type="radio" id="mode-strict" name="mode" checked={!acceptValid} onChange={() => setAcceptValid(false)} />
                  <label htmlFor="mode-strict">Import nothing until every row is right (recommended: fix the rows in the source system and export again)</label>
                </div>
                <div className="radio">
                  <input type="radio" id="mode-valid" name="mode" checked={acceptValid} onChange={() => setAcceptValid(true)} />
                  <label htmlFor="mode-valid">Import the valid rows and leave out the rows with problems (they are listed in the import history)</label>
                </div>
              </fieldset>
              {!acceptValid && totalProblems > 0 ? (
                <Notice kind="warning">
                  <p>
                    {plural(totalProblems, 'row has', 'rows have')} problems, so nothing can be imported strictly. Fix them and choose the files again, or choose to import the valid rows.
                  </p>
                </Notice>
              ) : null}
              {!importable.length ? (
                <Notice kind="warning">
                  <p>None of the files can be imported as they are. Go back to change how they are read, or start again with other files.</p>
                </Notice>
              ) : null}
            </>
          ) : null}
          {!progress && !checkCancelled ? (
            <div className="button-row">
              {checked ? (
                <button type="button" className="button" disabled={!importable.length || (!acceptValid && totalProblems > 0)} onClick={() => void doImport()}>
                  Import
                </button>
              ) : null}
              <button type="button" className="button button-secondary" onClick={() => setStep(hasValues ? 'values' : needsMapping ? 'map' : 'choose')}>
                Back
              </button>
              <button type="button" className="button button-secondary" onClick={startOver}>
                Start again
              </button>
            </div>
          ) : null}
        </section>
      ) : null}

      {step === 'import' ? (
        <section aria-labelledby="import-h">
          <h2 id="import-h">5. Importing</h2>
          {progress ? (
            <JobProgress progress={progress} onCancel={() => void cancel()} />
          ) : (
            <p role="status">Finishing…</p>
          )}
        </section>
      ) : null}

      {step === 'done' ? (
        <section aria-labelledby="done-h">
          <h2 id="done-h">6. What changed</h2>
          <DataTable
            caption="Import summary"
            columns={['File', 'Result', 'Rows read', 'Added', 'Updated', 'Unchanged', 'Left out']}
            numeric={[2, 3, 4, 5, 6]}
            rows={files
              .filter((f) => f.result)
              .map((f) => [f.ref.name, f.result!.message, f.result!.rowsRead, f.result!.inserted, f.result!.updated, f.result!.unchanged, f.result!.rejected])}
          />
          {files.some((f) => !f.result) ? (
            <Notice kind="warning" title="Not imported">
              <p>Nothing from these files was saved:</p>
              <ul>
                {files
                  .filter((f) => !f.result)
                  .map((f) => (
                    <li key={f.ref.id}>
                      {f.ref.name}: {f.runError ?? f.error ?? (refused(f) ? "refused (a column like a child's name or date of birth)" : f.source === '' ? 'not said what it holds' : 'cancelled, or left out because of its check')}
                    </li>
                  ))}
              </ul>
            </Notice>
          ) : null}
          <div className="button-row">
            <a className="button" href="#/overview">
              See the overview
            </a>
            <a className="button button-secondary" href="#/data">
              Import history and data checks
            </a>
            <button type="button" className="button button-secondary" onClick={startOver}>
              Import more files
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
}

/** A running check or import: how far it has got, and the way to stop it. */
function JobProgress({ progress, onCancel }: { progress: { label: string; info: ImportProgressInfo | null }; onCancel: () => void }) {
  return (
    <>
      <ProgressBar label={progress.label} fraction={progress.info?.fraction ?? null} detail={`${plural(progress.info?.rowsRead ?? 0, 'row')} read`} />
      <button type="button" className="button button-warning" onClick={onCancel}>
        Cancel
      </button>
    </>
  );
}

/** Indexes of the files sharing one column mapping (same source and headings), in order. */
function mappingGroups(files: readonly FileState[], mappable: (f: FileState) => boolean): number[][] {
  const groups = new Map<string, number[]>();
  files.forEach((f, i) => {
    if (!mappable(f)) return;
    const key = sameHeadings(f);
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  return [...groups.values()];
}

function CheckResult({ file, summary, onDownload, onFixValues }: { file: FileState; summary: ImportSummary; onDownload: () => void; onFixValues: (field: string) => void }) {
  const ok = summary.rejected === 0 && summary.outcome !== 'failed';
  const groups = groupProblems(summary.problems);
  const valueColumns = valuesToShow(file.values ?? []);
  return (
    <section className="check-result" aria-label={`Check of ${file.ref.name}`}>
      <h3>{file.ref.name}</h3>
      <p>{summary.message}</p>
      <ul className="counts">
        <li>{plural(summary.rowsRead, 'row')} read</li>
        <li>{plural(summary.inserted, 'row')} would be added</li>
        <li>{plural(summary.updated, 'row')} would be updated</li>
        <li>{plural(summary.unchanged, 'row')} already up to date</li>
        <li className={summary.rejected ? 'error-text' : undefined}>{plural(summary.rejected, 'row')} with problems</li>
      </ul>
      {summary.assumptions.length ? (
        <>
          <p className="hint">Because the file leaves some things out, Scrutiny Pack assumed:</p>
          <ul>
            {summary.assumptions.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ul>
        </>
      ) : null}
      {ok ? null : summary.problems.length ? (
        <>
          <h4>
            What is wrong{summary.problemsTruncated ? ` (in the first ${summary.problems.length.toLocaleString('en-GB')} problems)` : ''}
          </h4>
          <ul className="problem-groups" aria-label={`Problems in ${file.ref.name}, grouped`}>
            {groups.map((g, gi) => {
              const fix = g.column !== null ? valueColumns.find((c) => c.column === g.column) : undefined;
              const many = g.values.length;
              return (
                <li key={gi}>
                  <strong>{g.column === null ? 'Whole row' : columnWords(g.column)}</strong>: {plural(g.rows, 'row')}
                  {g.unrecognised ? `, ${many === 1 ? 'a value' : `${many} different values`} not recognised` : `: ${g.reason}`}
                  {many ? (
                    <>
                      {' '}
                      ({g.values.slice(0, 8).map((v) => `“${v.value}”${g.rows > 1 ? ` ${plural(v.rows, 'row')}` : ''}`).join(', ')}
                      {many > 8 ? ` and ${many - 8} more` : ''})
                    </>
                  ) : null}
                  {'. '}
                  {g.rows === 1 ? `Row ${g.firstRow}.` : `First on row ${g.firstRow}.`}
                  {fix ? (
                    <>
                      {' '}
                      <button type="button" className="link-button" onClick={() => onFixValues(fix.field)}>
                        Choose what {many === 1 ? 'this value is' : `these ${many} values are`}
                        <span className="visually-hidden"> in the column “{columnWords(g.column)}” of {file.ref.name}</span>
                      </button>
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
          <details>
            <summary>Show every row with a problem ({summary.problems.length.toLocaleString('en-GB')})</summary>
            <DataTable
              caption={`Problems in ${file.ref.name}${summary.problemsTruncated ? ` (first ${summary.problems.length})` : ''}`}
              columns={['Row', 'Column', 'Value', 'Problem']}
              numeric={[0]}
              rows={summary.problems.slice(0, 200).map((p) => [p.row, columnWords(p.column), p.value ?? '', p.reason])}
            />
          </details>
          <button type="button" className="button button-secondary" onClick={onDownload}>
            Download the problems as CSV<span className="visually-hidden"> for {file.ref.name}</span>
          </button>
        </>
      ) : null}
    </section>
  );
}

function MappingEditor({
  file,
  alsoFor,
  saved,
  onChange,
  missing,
}: {
  file: FileState;
  alsoFor: string[];
  saved: SavedMappingInfo[];
  onChange: (patch: Partial<FileState>) => void;
  missing: string[];
}) {
  const d = file.detect!;
  const fields = d.fields[file.source] ?? [];
  const columns = file.mapping?.columns ?? {};
  const setColumn = (header: string, field: string) => {
    const next = { ...columns };
    if (field) next[header] = field;
    else delete next[header];
    onChange({ mapping: { ...(file.mapping ?? {}), columns: next }, check: null });
  };
  const safeId = file.ref.id.replace(/[^a-zA-Z0-9_-]/g, '');
  return (
    <section className="mapping" aria-labelledby={`map-${safeId}`}>
      <h3 id={`map-${safeId}`}>
        {file.ref.name}
        {alsoFor.length ? ` and ${alsoFor.join(', ')}` : ''}: {SOURCE_LABEL[file.source]}
      </h3>
      {alsoFor.length ? <p className="hint">These files have the same headings, so one matching is used for all of them.</p> : null}
      {Object.keys(columns).length ? <p className="hint">Columns whose headings Scrutiny Pack knows are matched already: check them.</p> : null}
      {saved.length ? (
        <div className="field">
          <label htmlFor={`saved-${safeId}`}>Use a saved mapping</label>
          <select
            id={`saved-${safeId}`}
            defaultValue=""
            onChange={(e) => {
              const m = saved.find((s) => s.name === e.target.value);
              if (m) onChange({ mapping: m.mapping, saveMappingAs: m.name, check: null });
            }}
          >
            <option value="">Choose a saved mapping…</option>
            {saved.map((m) => (
              <option key={m.name} value={m.name}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="table-wrap" tabIndex={0} role="region" aria-label={`Columns of ${file.ref.name}`}>
        <table className="mapping-table">
          <caption>Columns of {file.ref.name}, with the first rows of data</caption>
          <thead>
            <tr>
              <th scope="col">Column in the file</th>
              <th scope="col">What it holds</th>
              <th scope="col">First rows</th>
            </tr>
          </thead>
          <tbody>
            {d.headers.map((h, ci) => (
              <tr key={ci}>
                <th scope="row">{h || `(column ${ci + 1} has no heading)`}</th>
                <td>
                  <select aria-label={`What the column “${h}” holds`} value={columns[h] ?? ''} onChange={(e) => setColumn(h, e.target.value)}>
                    <option value="">Not used</option>
                    {fields.map((f) => (
                      <option key={f.name} value={f.name}>
                        {f.label}
                        {f.required ? ' (required)' : ''}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="preview-cell">{d.preview.slice(0, 3).map((r) => r[ci] ?? '').join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {missing.length ? <p className="hint error-text">Still to match: {missing.join(', ')}.</p> : <p className="hint">Every required field is matched.</p>}
      <div className="field">
        <label htmlFor={`save-${safeId}`}>Save this mapping as (optional)</label>
        <p className="hint" id={`save-hint-${safeId}`}>
          Give it a name, for example “Mosaic allocations”, and it will be offered next time.
        </p>
        <input id={`save-${safeId}`} type="text" value={file.saveMappingAs} aria-describedby={`save-hint-${safeId}`} onChange={(e) => onChange({ saveMappingAs: e.target.value })} />
      </div>
    </section>
  );
}
