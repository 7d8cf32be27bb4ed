// The paper configuration the app edits, kept in the database's settings table under one key
// (so it travels with the data and its backups). The command line reads a JSON file instead.
import type { Db } from '../db/open';
import { parsePaperConfig, type PaperConfig } from '../../shared/paper-config';

const KEY = 'paperConfig';

export function loadPaperConfig(db: Db): PaperConfig {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  return parsePaperConfig(row ? JSON.parse(row.value) : {});
}

/** Validates and saves; returns the configuration with defaults filled in. */
export function savePaperConfig(db: Db, input: unknown): PaperConfig {
  const config = parsePaperConfig(input);
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(config));
  return config;
}
