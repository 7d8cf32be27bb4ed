// One as-at date for the whole app (issue 13): the overview, planning, data checks and the paper
// all show figures for the same day. The date the user chooses is saved through the contract
// (saveUiState), so it is still chosen the next time the app opens; until one is chosen, the
// screens follow the latest month end the data covers.
import { createContext, useCallback, useContext, useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import type { AppStatus, DataRange } from '../../shared/api';
import { formatLongDate } from '../../shared/dates';
import { call } from '../api';
import { coverageSentence } from '../overview-model';

export interface AsAtState {
  /** The date every screen shows figures for; null until the data's range is known. */
  asAt: string | null;
  /** Whether the user chose it (else it is the latest month end the data covers). */
  chosen: boolean;
  range: DataRange | null;
  error: string | null;
  setAsAt(date: string | null): Promise<void>;
}

const AsAtContext = createContext<AsAtState | null>(null);

/** The shared date; every screen under <AsAtProvider> reads the same one. */
export function useAsAt(): AsAtState {
  const state = useContext(AsAtContext);
  if (!state) throw new Error('useAsAt needs an AsAtProvider above it');
  return state;
}

export function AsAtProvider({ status, children }: { status: AppStatus | null; children: ReactNode }) {
  const [range, setRange] = useState<DataRange | null>(null);
  const [saved, setSaved] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  // The remembered date is read once; the range again whenever the data may have changed (the
  // app refreshes its status after an import, an undo or a restore).
  useEffect(() => {
    call('getUiState', {}).then((s) => setSaved(s.asAt), (e: unknown) => { setSaved(null); setError(String(e instanceof Error ? e.message : e)); });
  }, []);
  useEffect(() => {
    if (!status) return;
    call('dataRange', {}).then(setRange, (e: unknown) => setError(String(e instanceof Error ? e.message : e)));
  }, [status]);
  const setAsAt = useCallback(async (date: string | null) => {
    setSaved(date);
    try {
      await call('saveUiState', { asAt: date });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);
  const asAt = saved === undefined ? null : (saved ?? range?.suggestedAsAt ?? null);
  return <AsAtContext.Provider value={{ asAt, chosen: !!saved, range, error, setAsAt }}>{children}</AsAtContext.Provider>;
}

/**
 * The date control every screen uses: label, hint (what the data covers), the date and its
 * button side by side, and a way back to the latest month end.
 */
export function AsAtForm({ hint, button = 'Show figures' }: { hint?: string; button?: string }) {
  const { asAt, chosen, range, setAsAt, error } = useAsAt();
  const [draft, setDraft] = useState(asAt ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  useEffect(() => setDraft(asAt ?? ''), [asAt]);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft)) {
      setProblem('Enter a date, for example 30/09/2025.');
      return;
    }
    setProblem(null);
    void setAsAt(draft);
  }
  const covers = coverageSentence(range?.covers);
  const latest = range?.suggestedAsAt;
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  return (
    <form className="as-at-form" onSubmit={submit}>
      <div className={`field${problem ? ' field-error' : ''}`}>
        <label htmlFor="as-at">As-at date</label>
        <p className="hint" id={hintId}>
          {hint ?? 'Figures are for this day; changes compare with the same day a year earlier.'} The same date is used on every screen.
          {covers ? <> <strong>{covers}</strong></> : null}
        </p>
        {problem ? <p className="error-text" id={problemId}><span className="visually-hidden">Error: </span>{problem}</p> : null}
        <div className="as-at-row">
          <input id="as-at" type="date" value={draft} aria-describedby={problem ? `${hintId} ${problemId}` : hintId} aria-invalid={problem ? true : undefined} onChange={(e) => setDraft(e.target.value)} required />
          <button type="submit" className="button">
            {button}
          </button>
          {chosen && latest && latest !== asAt ? (
            <button type="button" className="link-button" onClick={() => void setAsAt(null)}>
              Use the latest month end, {formatLongDate(latest)}
            </button>
          ) : null}
        </div>
      </div>
      {error ? <p className="error-text">{error}</p> : null}
    </form>
  );
}
