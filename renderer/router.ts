// Screens are addressed by the page's hash (#/overview), so the menu, links and the browser's
// back button all work without any navigation the shell would have to allow.
import { useEffect, useState } from 'react';

export const SCREENS = [
  { id: 'overview', label: 'Overview' },
  { id: 'import', label: 'Import' },
  { id: 'data', label: 'Data' },
  { id: 'planning', label: 'Planning' },
  { id: 'paper', label: 'Paper' },
  { id: 'settings', label: 'Settings' },
] as const;
export type ScreenId = (typeof SCREENS)[number]['id'] | 'welcome';

export function parseHash(hash: string): ScreenId | null {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  if (id === 'welcome' || SCREENS.some((s) => s.id === id)) return id as ScreenId;
  return null;
}

export function go(screen: ScreenId): void {
  window.location.hash = `#/${screen}`;
}

export function useRoute(): ScreenId | null {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
