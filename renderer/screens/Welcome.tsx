// First run: the database is empty, so offer the two ways in.
import { useState } from 'react';
import type { AppStatus } from '../../shared/api';
import { call } from '../api';
import { go } from '../router';
import { Notice, PageHeading } from '../components/ui';

export function Welcome({ status, refresh }: { status: AppStatus; refresh: () => Promise<AppStatus | null> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function loadDemo() {
    setBusy(true);
    setError(null);
    try {
      await call('loadDemo', {});
      await refresh();
      go('overview');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading lead="Scrutiny Pack turns your HR and case-management exports into the workforce figures and the committee paper for scrutiny: caseloads, agency staff, turnover and newly qualified social workers, using the DfE’s definitions.">
        Welcome to Scrutiny Pack
      </PageHeading>
      {!status.empty ? (
        <Notice kind="info">
          <p>
            You already have data loaded. <a href="#/overview">Go to the overview</a>.
          </p>
        </Notice>
      ) : null}
      <h2>How would you like to start?</h2>
      <div className="choices">
        <section className="choice" aria-labelledby="choice-own">
          <h3 id="choice-own">Import your own exports</h3>
          <p>Use the CSV files from your HR system, your agency provider and your case-management system (for example iTrent, Liquidlogic or Mosaic). Nothing leaves this computer.</p>
          <button type="button" className="button" onClick={() => go('import')}>
            Import your own exports
          </button>
        </section>
        <section className="choice" aria-labelledby="choice-demo">
          <h3 id="choice-demo">Explore the demo council</h3>
          <p>See every screen and a complete committee paper with made-up data for an imaginary council. You can remove it later from the Data screen.</p>
          <button type="button" className="button button-secondary" onClick={() => void loadDemo()} disabled={busy || !status.modules.demo}>
            {busy ? 'Loading the demo council…' : 'Explore the demo council'}
          </button>
          {!status.modules.demo ? <p className="hint">The demo council is not available in this version yet.</p> : null}
        </section>
      </div>
      {busy ? (
        <p role="status" className="hint">
          Importing the demo council’s files. This takes a few seconds.
        </p>
      ) : null}
      {error ? (
        <Notice kind="error" title="The demo council could not be loaded">
          <p>{error}</p>
        </Notice>
      ) : null}
      <p className="hint">Your data is kept in {status.databaseFile}</p>
    </>
  );
}
