// Where the app keeps its database when no --db is given: the same folder Electron's
// app.getPath('userData') returns for productName "Scrutiny Pack", so the command line and the
// desktop app share one database. Computed here because data modules never import electron.
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Scrutiny Pack';
export const DB_FILE_NAME = 'scrutiny-pack.sqlite';

/**
 * An environment variable naming a folder, if it names one absolutely. Empty or relative values
 * are ignored (the XDG specification says so for XDG_CONFIG_HOME): they would put the database
 * wherever the command happened to be run from.
 */
function absoluteDir(value: string | undefined, platform: NodeJS.Platform): string | undefined {
  if (!value) return undefined;
  return (platform === 'win32' ? path.win32 : path.posix).isAbsolute(value) ? value : undefined;
}

export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.SCRUTINY_PACK_HOME) return env.SCRUTINY_PACK_HOME;
  const home = os.homedir();
  if (platform === 'win32') return path.join(absoluteDir(env.APPDATA, platform) ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(absoluteDir(env.XDG_CONFIG_HOME, platform) ?? path.join(home, '.config'), PRODUCT_NAME);
}

export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(userDataDir(env), DB_FILE_NAME);
}

/**
 * Backups sit beside the database so they move with it, in a folder of their own per database
 * (named for the file without its extension): two databases in one folder must not prune, list
 * or restore each other's backups.
 */
export function backupDir(dbFile: string): string {
  return path.join(path.dirname(dbFile), 'backups', path.basename(dbFile, path.extname(dbFile)) || 'database');
}
