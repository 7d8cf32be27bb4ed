// Settings stored in the database as JSON values, with defaults in code so that adding a setting
// needs no migration. The council's identity sits beside the measure thresholds because the
// paper, the benchmarks and the screens all read it.
import type { Db } from './db/open';
import { DEFAULT_MEASURE_SETTINGS, type MeasureSettings } from '../shared/metrics';

export interface Settings extends MeasureSettings {
  /** The council's name as it should appear on the paper, e.g. "Nottingham City Council". */
  councilName: string;
  /** DfE local-authority code (old_la_code, e.g. "892") or name, matched against the DfE files. */
  laCode: string | null;
  /** The standard working week, for HR files that give FTE as hours worked (37 of 37 is 1 FTE). */
  standardWeeklyHours: number;
}

export const DEFAULT_SETTINGS: Settings = {
  ...DEFAULT_MEASURE_SETTINGS,
  councilName: '',
  laCode: null,
  standardWeeklyHours: 37,
};

export function getSettings(db: Db): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored: Record<string, unknown> = {};
  for (const r of rows) stored[r.key] = JSON.parse(r.value);
  const out = { ...DEFAULT_SETTINGS } as Record<string, unknown>;
  for (const key of Object.keys(DEFAULT_SETTINGS)) if (key in stored) out[key] = stored[key];
  return out as unknown as Settings;
}

/** Saves the given settings (unknown keys are refused, so a typo cannot be silently kept). */
export function updateSettings(db: Db, patch: Partial<Settings>): Settings {
  const unknown = Object.keys(patch).filter((k) => !(k in DEFAULT_SETTINGS));
  if (unknown.length) throw new Error(`Unknown setting${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) put.run(k, JSON.stringify(v));
  })();
  return getSettings(db);
}
