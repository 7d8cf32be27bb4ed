// What the app remembers between visits about how the user left it (issue 13): the as-at date
// chosen on any screen. Kept in the settings table under its own key, so it travels with
// backups and needs no migration; getSettings never reads it.
import type { Db } from './db/open';
import type { UiState } from '../shared/api';

const KEY = 'ui.asAt';

export function readUiState(db: Db): UiState {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  const asAt = row ? (JSON.parse(row.value) as unknown) : null;
  return { asAt: typeof asAt === 'string' ? asAt : null };
}

/** Saves the chosen date (null forgets it, so the screens follow the data's latest month end again). */
export function writeUiState(db: Db, state: UiState): UiState {
  if (state.asAt === null) db.prepare('DELETE FROM settings WHERE key = ?').run(KEY);
  else db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(state.asAt));
  return readUiState(db);
}
