// The frame every screen sits in: a skip link, the header with the council's name, the
// navigation, and the current screen. On first run (an empty database) it opens the welcome
// screen; afterwards the overview. Focus moves to the new screen's heading on every change so
// keyboard and screen-reader users know where they are. Every screen shares one as-at date
// (AsAtProvider), remembered between visits.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppStatus } from '../shared/api';
import { call } from './api';
import { go, SCREENS, useRoute, type ScreenId } from './router';
import { Notice, Loading } from './components/ui';
import { ErrorBoundary } from './components/ErrorBoundary';
import { AsAtProvider } from './components/AsAtForm';
import { Welcome } from './screens/Welcome';
import { Overview } from './screens/Overview';
import { ImportScreen } from './screens/Import';
import { DataScreen } from './screens/Data';
import { PaperScreen } from './screens/Paper';
import { PlanningScreen } from './screens/Planning';
import { SettingsScreen } from './screens/Settings';

export function App() {
  const route = useRoute();
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const s = await call('getStatus', {});
      setStatus(s);
      setError(null);
      return s;
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      return null;
    }
  }, []);

  useEffect(() => {
    void refresh().then((s) => {
      if (s && !route) go(s.empty ? 'welcome' : 'overview');
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const screen: ScreenId = route ?? (status?.empty ? 'welcome' : 'overview');

  // On a change of screen (not on first load, where the skip link should come first), move focus
  // to the new screen's heading.
  const shownBefore = useRef<ScreenId | null>(null);
  useEffect(() => {
    const title = screen === 'welcome' ? 'Welcome' : (SCREENS.find((s) => s.id === screen)?.label ?? '');
    document.title = `${title} – Scrutiny Pack`;
    if (!status) return;
    if (shownBefore.current !== null && shownBefore.current !== screen) document.getElementById('page-heading')?.focus();
    shownBefore.current = screen;
  }, [screen, status]);

  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('page-heading')?.focus(); }}>
        Skip to main content
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <a className="brand" href="#/overview">
            Scrutiny Pack
          </a>
          <span className="council">{status?.councilName || 'Children’s social work workforce'}</span>
        </div>
        <nav aria-label="Screens" className="app-nav">
          <ul>
            {SCREENS.map((s) => (
              <li key={s.id}>
                <a href={`#/${s.id}`} aria-current={screen === s.id ? 'page' : undefined}>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="app-main">
        {error ? <Notice kind="error" title="Scrutiny Pack could not read its database">{<p>{error}</p>}</Notice> : null}
        {!status && !error ? <Loading what="your data" /> : null}
        <AsAtProvider status={status}>
          {status ? (
            <ErrorBoundary resetKey={screen}>
              <Screen id={screen} status={status} refresh={refresh} />
            </ErrorBoundary>
          ) : null}
        </AsAtProvider>
      </main>
    </>
  );
}

function Screen({ id, status, refresh }: { id: ScreenId; status: AppStatus; refresh: () => Promise<AppStatus | null> }) {
  switch (id) {
    case 'welcome':
      return <Welcome status={status} refresh={refresh} />;
    case 'overview':
      return <Overview status={status} />;
    case 'import':
      return <ImportScreen status={status} refresh={refresh} />;
    case 'data':
      return <DataScreen refresh={refresh} />;
    case 'planning':
      return <PlanningScreen status={status} />;
    case 'paper':
      return <PaperScreen status={status} />;
    case 'settings':
      return <SettingsScreen refresh={refresh} />;
  }
}
