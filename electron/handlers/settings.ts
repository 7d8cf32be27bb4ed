// Settings, backup and restore. Backups are SQLite online backups (consistent while the database
// is open) kept in the backups folder beside the database, where the importer keeps its own.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { getSettings, updateSettings } from '../settings';
import type { Db } from '../db/open';
import { checkCouncil } from '../benchmarks/check-council';
import { backupDir } from '../paths';
import { MIGRATIONS } from '../db/migrations';
import type { AppSettings, BackupInfo, SettingsPatch } from '../../shared/api';
import { UserError, type AppContext } from './context';

export function readSettings(ctx: AppContext): AppSettings {
  return getSettings(ctx.db());
}

export function writeSettings(ctx: AppContext, patch: SettingsPatch): AppSettings {
  const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  if (typeof clean.councilName === 'string') clean.councilName = clean.councilName.trim();
  if (typeof clean.laCode === 'string') clean.laCode = councilCode(ctx.db(), clean.laCode);
  return updateSettings(ctx.db(), clean);
}

/**
 * The DfE code to keep for what was typed: the code of the council it matches in the imported
 * DfE file (so "Nottingham" is kept as 892), refused with suggestions when it matches none, and
 * a three-digit code kept as typed while there is no DfE file to check it against.
 */
export function councilCode(db: Db, typed: string): string | null {
  const q = typed.trim();
  if (!q) return null;
  const check = checkCouncil(db, q);
  if (check.status === 'matched') return check.code;
  if (check.status === 'no_dfe_file' && check.looksLikeCode) return q;
  throw new UserError(check.message);
}

function stamp(now = new Date()): string {
  return now.toISOString().slice(0, 23).replace(/[-:]/g, '').replace('T', '-').replace('.', '-');
}

function info(file: string): BackupInfo {
  const st = fs.statSync(file);
  return { id: path.basename(file), name: path.basename(file), createdAt: st.mtime.toISOString(), bytes: st.size };
}

export async function backupDatabase(ctx: AppContext, chooseLocation: boolean): Promise<BackupInfo | null> {
  let dest: string | null;
  if (chooseLocation) {
    dest = await ctx.host.pickSaveFile({
      title: 'Save a backup of the workforce database',
      suggestedName: `scrutiny-pack-backup-${stamp()}.sqlite`,
      filters: [{ name: 'Scrutiny Pack database', extensions: ['sqlite'] }],
    });
    if (!dest) return null;
  } else {
    const dir = backupDir(ctx.dbFile);
    fs.mkdirSync(dir, { recursive: true });
    dest = path.join(dir, `scrutiny-pack-${stamp()}-manual.sqlite`);
    for (let n = 2; fs.existsSync(dest); n++) dest = path.join(dir, `scrutiny-pack-${stamp()}-manual-${n}.sqlite`);
  }
  await ctx.db().backup(dest);
  return info(dest);
}

export function listBackups(ctx: AppContext): BackupInfo[] {
  const dir = backupDir(ctx.dbFile);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite'))
    .map((f) => info(path.join(dir, f)))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Refuses anything that is not a Scrutiny Pack database this version can open. */
function checkBackup(file: string, nativeBinding?: string): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasSpells = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'spell'").get();
    if (!hasSpells || version < 1) throw new UserError('That file is not a Scrutiny Pack database. Choose a backup made by Scrutiny Pack.');
    if (version > MIGRATIONS.length)
      throw new UserError('That backup was made by a newer version of Scrutiny Pack. Install the latest version to restore it.');
    const ok = db.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new UserError('That backup is damaged (the integrity check failed), so it was not restored.');
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError('That file could not be read as a Scrutiny Pack database, so nothing was changed.');
  } finally {
    db?.close();
  }
}

export async function restoreBackup(
  ctx: AppContext,
  args: { backupId?: string; chooseFile: boolean },
): Promise<{ restored: boolean; message: string }> {
  let source: string;
  if (args.chooseFile) {
    const [picked] = await ctx.host.pickFiles({
      multiple: false,
      title: 'Choose a Scrutiny Pack backup to restore',
      filters: [{ name: 'Scrutiny Pack database', extensions: ['sqlite'] }],
    });
    if (!picked) return { restored: false, message: 'Nothing was restored.' };
    source = picked;
  } else {
    const name = args.backupId ?? '';
    // Only a plain file name inside the backups folder: no paths from the screen.
    if (!name || name !== path.basename(name) || !name.endsWith('.sqlite')) throw new UserError('Choose a backup from the list.');
    source = path.join(backupDir(ctx.dbFile), name);
    if (!fs.existsSync(source)) throw new UserError('That backup no longer exists. Refresh the list and choose another.');
  }
  checkBackup(source, ctx.options.nativeBinding);
  // Asked by the main process, not the page: a compromised page could call this handler, but it
  // cannot answer a native dialog.
  const confirmed = await ctx.host.confirm({
    title: 'Restore a backup',
    message: `Replace the workforce database with the backup ${path.basename(source)}?`,
    detail:
      `Everything imported or changed since ${fs.statSync(source).mtime.toLocaleString('en-GB')} will be replaced by the backup. ` +
      'The data as it is now is kept as a new backup first, so this can itself be undone from Settings.',
    confirmLabel: 'Restore',
  });
  if (!confirmed) return { restored: false, message: 'Nothing was restored.' };
  // The current state is kept too, so a restore can itself be undone.
  const safety = await backupDatabase(ctx, false);
  ctx.reopen(() => {
    for (const suffix of ['-wal', '-shm']) fs.rmSync(ctx.dbFile + suffix, { force: true });
    fs.copyFileSync(source, ctx.dbFile);
  });
  return {
    restored: true,
    message: `Restored ${path.basename(source)}. The data as it was just before is kept as ${safety?.name ?? 'a backup'}.`,
  };
}
