// Backing up the database before a DfE import with the import module's backup, which owns where
// backups go (beside the database) and how many are kept.
import type { Db } from '../db/open';
import { backupBeforeImport } from '../import/backup';

export async function backupIfAvailable(db: Db, dbPath: string): Promise<string | null> {
  return backupBeforeImport(db, dbPath);
}
