// Backing up the database before a DfE import, through the import module's backup when this
// build has one (it owns where backups go and how many are kept).
import type { Db } from '../db/open';

export async function backupIfAvailable(_db: Db, _dbPath: string): Promise<string | null> {
  return null;
}
