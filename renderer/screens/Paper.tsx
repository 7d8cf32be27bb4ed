// The committee paper: meeting details, which sections to include, the author's commentary and
// recommendations, the targets; a preview of the pages beside the form; export to PDF, HTML or
// Word. Every edit is saved as the user types (issue 13: commentary was lost on leaving the
// screen), and the preview follows the edits.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppStatus, OutputRef } from '../../shared/api';
import { PAPER_SECTIONS, PAPER_SECTION_TITLE, type PaperConfig, type PaperSectionId } from '../../shared/paper-config';
import { call } from '../api';
import { useLoad } from '../hooks';
import { fmtBytes, fmtTime } from '../format';
import { formatLongDate } from '../../shared/dates';
import { Loading, Notice, PageHeading } from '../components/ui';
import { AsAtForm, useAsAt } from '../components/AsAtForm';

const COMMENTARY_SECTIONS: PaperSectionId[] = ['summary', 'caseloads', 'agency', 'recruitment', 'asye', 'comparison', 'sources'];
/** How long after the last keystroke the details are saved, and the preview is made again. */
export const SAVE_AFTER_MS = 600;
const PREVIEW_AFTER_MS = 1200;

type SaveState = { kind: 'idle' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'failed'; error: string };

/** The configuration as the paper reads it: blank lines between recommendations are typing, not recommendations. */
function forPaper(config: PaperConfig): Record<string, unknown> {
  return { ...config, recommendations: config.recommendations.map((l) => l.trim()).filter(Boolean) } as unknown as Record<string, unknown>;
}

/**
 * Saves the configuration a moment after each change, and at once when the screen is left, so
 * nothing typed is lost; says where it stands in words ("Saving…", "Saved at 14:32").
 */
function useAutosave(config: PaperConfig | null) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const latest = useRef<PaperConfig | null>(null);
  const unsaved = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const first = useRef(true);

  const saveNow = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const config = latest.current;
    if (!config) return true;
    unsaved.current = false;
    setState({ kind: 'saving' });
    try {
      await call('savePaperConfig', { config: forPaper(config) });
      // A newer edit made while saving is saved by its own timer.
      if (!unsaved.current) setState({ kind: 'saved', at: new Date() });
      return true;
    } catch (err) {
      setState({ kind: 'failed', error: err instanceof Error ? err.message : String(err) });
      return false;
    }
  }, []);

  useEffect(() => {
    latest.current = config;
    if (!config) return;
    // The configuration as loaded is already saved.
    if (first.current) {
      first.current = false;
      return;
    }
    unsaved.current = true;
    setState({ kind: 'pending' });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), SAVE_AFTER_MS);
  }, [config, saveNow]);

  // Leaving the screen (or closing the window) saves what is still waiting.
  useEffect(() => {
    const flush = () => {
      if (unsaved.current && latest.current) void call('savePaperConfig', { config: forPaper(latest.current) }).catch(() => undefined);
    };
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('beforeunload', flush);
      if (timer.current) clearTimeout(timer.current);
      flush();
    };
  }, []);

  return { state, saveNow };
}

function SaveStatus({ state }: { state: SaveState }) {
  const text =
    state.kind === 'pending' || state.kind === 'saving'
      ? 'Saving…'
      : state.kind === 'saved'
        ? `Saved at ${fmtTime(state.at)}`
        : state.kind === 'failed'
          ? `Not saved: ${state.error}`
          : 'Your changes are saved as you type.';
  return (
    <p className={`save-status${state.kind === 'failed' ? ' error-text' : ''}`} role="status" aria-live="polite" data-save-state={state.kind}>
      {text}
    </p>
  );
}

export function PaperScreen({ status }: { status: AppStatus }) {
  const loaded = useLoad(async () => ({ config: (await call('getPaperConfig', {})) as unknown as PaperConfig }), []);
  const [config, setConfig] = useState<PaperConfig | null>(null);
  // The app's one as-at date (chosen on any screen): the paper is always for the date shown.
  const asAt = useAsAt().asAt ?? '';
  const [preview, setPreview] = useState<{ html: string; warnings: string[] } | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [output, setOutput] = useState<OutputRef | null>(null);
  const { state: saveState, saveNow } = useAutosave(config);
  const previewSeq = useRef(0);
  const canProduce = status.modules.report && !status.empty && !!asAt;

  useEffect(() => {
    if (loaded.data) {
      setConfig(loaded.data.config);
    }
  }, [loaded.data]);

  const refreshPreview = useCallback(async (forConfig: PaperConfig, forAsAt: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(forAsAt)) return;
    const mine = ++previewSeq.current;
    setPreviewing(true);
    try {
      const p = await call('previewPaper', { asAt: forAsAt, config: forPaper(forConfig) });
      if (mine !== previewSeq.current) return;
      setPreview({ html: p.html, warnings: p.warnings ?? [] });
      setPreviewError(null);
    } catch (err) {
      if (mine === previewSeq.current) setPreviewError(err instanceof Error ? err.message : String(err));
    } finally {
      if (mine === previewSeq.current) setPreviewing(false);
    }
  }, []);

  // The preview follows the form: made again a moment after the last edit or a new date.
  useEffect(() => {
    if (!config || !asAt || !canProduce) return;
    const t = setTimeout(() => void refreshPreview(config, asAt), preview ? PREVIEW_AFTER_MS : 0);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [config, asAt, canProduce, refreshPreview]);

  if (loaded.loading || !config) return (
    <>
      <PageHeading>Committee paper</PageHeading>
      {loaded.error ? <Notice kind="error"><p>{loaded.error}</p></Notice> : <Loading what="the paper settings" />}
    </>
  );

  const set = (patch: Partial<PaperConfig>) => setConfig({ ...config, ...patch });
  const contact = config.contactOfficers[0] ?? { name: '', role: '', email: '' };
  const num = (v: string) => (v.trim() === '' || !Number.isFinite(Number(v)) ? null : Number(v));

  async function act(what: string, fn: () => Promise<void>) {
    setBusy(what);
    setMessage(null);
    try {
      await fn();
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(null);
    }
  }

  const save = () => act('Saving…', async () => {
    if (await saveNow()) setMessage({ kind: 'success', text: 'Paper details saved.' });
  });
  const showPreview = () => act('Preparing the preview…', async () => {
    await saveNow();
    await refreshPreview(config, asAt);
  });
  const exportAs = (format: 'pdf' | 'html' | 'docx', docxMode?: 'paper' | 'appendix') => act(`Writing the ${format === 'docx' ? 'Word document' : format.toUpperCase()}…`, async () => {
    await saveNow();
    const out = await call('exportPaper', { asAt, config: forPaper(config), format, ...(docxMode ? { docxMode } : {}) });
    if (out) {
      setOutput(out);
      setMessage({ kind: 'success', text: `Saved ${out.name} (${fmtBytes(out.bytes)}).` });
    }
  });

  return (
    <>
      <PageHeading lead="Prepare the workforce paper for the scrutiny committee. The figures come from your data; you add the meeting details, your commentary and the recommendations.">
        Committee paper
      </PageHeading>
      {!status.modules.report ? (
        <Notice kind="info" title="Exporting the paper is not available yet">
          <p>Producing the paper is not available in this version of Scrutiny Pack yet. You can still fill in and save its details.</p>
        </Notice>
      ) : null}
      {status.empty ? (
        <Notice kind="info" title="There is no data for the paper yet">
          <p>
            The paper’s figures come from your data. <a href="#/import">Import your exports</a> or <a href="#/welcome">explore the demo council</a>, then come back to preview and export it. You can write the meeting details and your commentary now: they are kept.
          </p>
        </Notice>
      ) : null}
      {message ? (
        <Notice kind={message.kind}>
          <p>{message.text}</p>
        </Notice>
      ) : null}
      <section className="panel" aria-labelledby="paper-produce-h">
        <h2 id="paper-produce-h">Produce the paper</h2>
        <AsAtForm hint="The paper’s figures are for this day, usually the last month end." button="Use this date" />
        {asAt ? <p className="as-at-stamp" data-paper-as-at>This paper is as at {formatLongDate(asAt)}</p> : null}
        <div className="button-row">
          <button type="button" className="button button-secondary" disabled={!!busy || !canProduce} onClick={() => void showPreview()}>
            Update the preview
          </button>
          <button type="button" className="button" disabled={!!busy || !canProduce} onClick={() => void exportAs('pdf')}>
            Export PDF…
          </button>
          <button type="button" className="button" disabled={!!busy || !canProduce} onClick={() => void exportAs('html')}>
            Export HTML…
          </button>
          <button type="button" className="button" disabled={!!busy || !canProduce} onClick={() => void exportAs('docx', 'paper')}>
            Export Word…
          </button>
          <button type="button" className="button button-secondary" disabled={!!busy || !canProduce} onClick={() => void exportAs('docx', 'appendix')}>
            Word appendix for our own report…
          </button>
        </div>
        {busy ? <p role="status">{busy}</p> : null}
        {output ? (
          <div className="button-row" role="group" aria-label="The exported file">
            <button type="button" className="button button-secondary" onClick={() => void act('Opening…', async () => void (await call('openOutput', { outputId: output.outputId, inFolder: false })))}>
              Open {output.name}
            </button>
            <button type="button" className="button button-secondary" onClick={() => void act('Opening…', async () => void (await call('openOutput', { outputId: output.outputId, inFolder: true })))}>
              Show it in its folder
            </button>
          </div>
        ) : null}
      </section>
      <SaveStatus state={saveState} />
      <div className={canProduce ? 'paper-layout with-preview' : 'paper-layout'}>
        <form aria-label="The paper's details"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <h2>Meeting details</h2>
          <TextField id="paper-title" label="Title" value={config.title} onChange={(v) => set({ title: v })} />
          <TextField id="paper-committee" label="Committee" value={config.committee} onChange={(v) => set({ committee: v })} />
          <TextField id="paper-date" label="Meeting date" type="date" value={config.meetingDate} onChange={(v) => set({ meetingDate: v })} />
          <TextField id="paper-council" label="Council name on the paper" hint="Leave blank to use the name in Settings." value={config.councilName} onChange={(v) => set({ councilName: v })} />
          <TextField id="paper-reportof" label="Report of" value={config.reportOf} onChange={(v) => set({ reportOf: v })} />
          <fieldset className="group">
            <legend>Contact officer</legend>
            <TextField id="paper-contact-name" label="Name" value={contact.name} onChange={(v) => set({ contactOfficers: [{ ...contact, name: v }] })} />
            <TextField id="paper-contact-role" label="Job title" value={contact.role} onChange={(v) => set({ contactOfficers: [{ ...contact, role: v }] })} />
            <TextField id="paper-contact-email" label="Email" type="email" value={contact.email} onChange={(v) => set({ contactOfficers: [{ ...contact, email: v }] })} />
          </fieldset>
          <TextField id="paper-wards" label="Wards affected" value={config.wardsAffected} onChange={(v) => set({ wardsAffected: v })} />
          <fieldset className="radios">
            <legend>Status</legend>
            {(['public', 'exempt'] as const).map((s) => (
              <div className="radio" key={s}>
                <input type="radio" id={`status-${s}`} name="status" checked={config.status === s} onChange={() => set({ status: s })} />
                <label htmlFor={`status-${s}`}>{s === 'public' ? 'Public' : 'Exempt (not for publication)'}</label>
              </div>
            ))}
          </fieldset>
  
          <h2>Sections</h2>
          <fieldset className="checkboxes">
            <legend>Include these sections</legend>
            {PAPER_SECTIONS.map((s) => (
              <div className="checkbox" key={s}>
                <input type="checkbox" id={`section-${s}`} checked={config.sections[s]} onChange={(e) => set({ sections: { ...config.sections, [s]: e.target.checked } })} />
                <label htmlFor={`section-${s}`}>{PAPER_SECTION_TITLE[s]}</label>
              </div>
            ))}
          </fieldset>
  
          <h2>Recommendations</h2>
          <TextField
            multiline
            id="paper-recs"
            label="The committee is asked to…"
            hint="One recommendation per line. Leave blank for “note the contents of this report”."
            value={config.recommendations.join('\n')}
            onChange={(v) => set({ recommendations: v.split('\n') })}
          />
          <TextField multiline id="paper-reasons" label="Reasons for the recommendations" value={config.reasonsForRecommendations ?? ''} onChange={(v) => set({ reasonsForRecommendations: v })} />

          <h2>Council report details</h2>
          <p className="hint">Printed in the Word paper, each only when filled in.</p>
          <TextField id="paper-key-decision" label="Key decision" hint="For example “No”, or “Yes: forward plan reference …”." value={config.keyDecision ?? ''} onChange={(v) => set({ keyDecision: v })} />
          <TextField id="paper-report-date" label="Report date" type="date" value={config.reportDate ?? ''} onChange={(v) => set({ reportDate: v })} />
          {(
            [
              ['financial', 'Financial implications'],
              ['legal', 'Legal implications'],
              ['hr', 'Human resources implications'],
              ['equality', 'Equality implications'],
            ] as const
          ).map(([key, label]) => (
            <TextField
              multiline
              key={key}
              id={`paper-implications-${key}`}
              label={label}
              value={config.implications?.[key] ?? ''}
              onChange={(v) => set({ implications: { ...config.implications, [key]: v } })}
            />
          ))}
          <TextField multiline id="paper-background" label="Background papers" hint="One per line." value={(config.backgroundPapers ?? []).join('\n')} onChange={(v) => set({ backgroundPapers: v.split('\n') })} />
          <TextField multiline id="paper-contact-details" label="Contact details" hint="As printed at the end of the report: name, telephone, email." value={config.contact ?? ''} onChange={(v) => set({ contact: v })} />
  
          <h2>Commentary</h2>
          <p className="hint">Your own words for each section, shown at the start of the section. Separate paragraphs with a blank line.</p>
          {COMMENTARY_SECTIONS.filter((s) => config.sections[s]).map((s) => (
            <TextField multiline key={s} id={`commentary-${s}`} label={`Commentary: ${PAPER_SECTION_TITLE[s]}`} value={config.commentary[s] ?? ''} onChange={(v) => set({ commentary: { ...config.commentary, [s]: v } })} />
          ))}
  
          <h2>Targets</h2>
          <p className="hint">Only a target you set here is reported as “target met” or “target not met”; without one, the figure is set beside England and the statistical neighbours. Leave a box blank for no target.</p>
          <TextField id="target-caseload" label="Average caseload (cases per FTE): at most" value={config.targets.caseload?.toString() ?? ''} onChange={(v) => set({ targets: { ...config.targets, caseload: num(v) } })} short />
          <TextField id="target-over" label="Case-holding social workers over the caseload threshold (%): at most" value={config.targets.overThreshold?.toString() ?? ''} onChange={(v) => set({ targets: { ...config.targets, overThreshold: num(v) } })} short />
          <TextField id="target-agency" label="Agency rate (%): at most" value={config.targets.agencyRate?.toString() ?? ''} onChange={(v) => set({ targets: { ...config.targets, agencyRate: num(v) } })} short />
          <TextField id="target-turnover" label="Turnover (%): at most" value={config.targets.turnover?.toString() ?? ''} onChange={(v) => set({ targets: { ...config.targets, turnover: num(v) } })} short />
          <TextField id="target-asye" label="ASYE in programme: at least" value={config.targets.asyeInProgress?.toString() ?? ''} onChange={(v) => set({ targets: { ...config.targets, asyeInProgress: num(v) } })} short />
  
          <button type="submit" className="button button-secondary" disabled={!!busy}>
            Save details
          </button>
          <p className="hint">Everything here is also saved as you type, and kept when you go to another screen.</p>
        </form>
        {canProduce ? (
          <section className="paper-preview" aria-labelledby="preview-h">
            <h2 id="preview-h">Preview</h2>
            <p className="hint" role="status" aria-live="polite">
              {previewing ? 'Updating the preview…' : preview ? `The paper as at ${formatLongDate(asAt)}, with your latest changes.` : ''}
            </p>
            {previewError ? <Notice kind="error" title="The preview could not be made"><p>{previewError}</p></Notice> : null}
            {preview?.warnings.length ? (
              <Notice kind="warning" title="Before you publish this paper">
                <ul>{preview.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
              </Notice>
            ) : null}
            {preview ? <iframe className="preview" title="Preview of the committee paper" sandbox="" srcDoc={preview.html} /> : <Loading what="the preview" />}
          </section>
        ) : null}
      </div>
    </>
  );
}

/** A labelled text box (one line, or four for prose), with its hint read out as its description. */
function TextField(props: { id: string; label: string; hint?: string; value: string; onChange: (v: string) => void; type?: string; short?: boolean; multiline?: boolean }) {
  const { id, label, hint, value, onChange, type = 'text', short, multiline } = props;
  const describedBy = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea id={id} rows={4} value={value} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input id={id} type={type} className={short ? 'input-short' : undefined} value={value} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} />
      )}
    </div>
  );
}
