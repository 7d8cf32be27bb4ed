// Moving a key deliberately: export it to a file to take to another computer, import it there,
// or start a new one when it is lost for good. Each says in plain words what follows from it.
import fs from 'node:fs';
import type { Db } from '../db/open';
import { caseKeyFor, databaseId, DATABASE_ID, KEY_CHECK, keyStatus, MissingKeyError, newDatabaseId, storedKeyCheck } from './database-key';
import { keyCheck, KeyFileError, newKey, parseKey, serialiseKey } from './key-file';
import { writePrivate, type KeyStore } from './store';

export const EXPORT_WARNING =
  'With this file and the database, anyone can work out the case IDs behind the pseudonyms: keep it as carefully as ' +
  'the case-management system itself, carry it only on encrypted media, and delete it once it has been imported.';

export function exportKey(db: Db, keys: KeyStore, outFile: string): { databaseId: string; message: string } {
  const status = keyStatus(db, keys);
  if (!status.hasKey) {
    throw new KeyFileError('This database has no case key yet (no case allocations have been imported), so there is nothing to export.');
  }
  const key = caseKeyFor(db, keys); // throws MissingKeyError when it is not on this computer
  writePrivate(outFile, Buffer.from(serialiseKey({ databaseId: status.databaseId, key, createdAt: new Date().toISOString() })));
  return {
    databaseId: status.databaseId,
    message: `Exported the case key of this database to ${outFile}. ${EXPORT_WARNING} On the other computer, import it with "scrutiny-pack key import FILE" or in Settings > Case key.`,
  };
}

export function importKey(db: Db, keys: KeyStore, file: string): { databaseId: string; message: string } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new KeyFileError(`The key file ${file} cannot be read. Check the name and that it is on this computer.`);
  }
  const rec = parseKey(bytes, `The file ${file}`);
  const id = databaseId(db);
  if (rec.databaseId !== null && rec.databaseId !== id) {
    throw new KeyFileError(
      `That key belongs to another database (id ${rec.databaseId}), not this one (id ${id}); nothing was changed. Export the key from the computer where this database was made.`,
    );
  }
  const check = storedKeyCheck(db);
  if (check !== null && keyCheck(rec.key) !== check) {
    throw new KeyFileError("That key is not the one this database's case pseudonyms were made with; nothing was changed.");
  }
  keys.save(id, rec.key);
  if (check === null) db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(KEY_CHECK, keyCheck(rec.key));
  return { databaseId: id, message: `Imported the case key for this database. New allocations will be matched to the cases already stored. You can now delete ${file}.` };
}

export const NEW_KEY_CONSEQUENCE =
  'Cases imported from now on get new pseudonyms that never match the ones already stored: an allocations export ' +
  'covering a period already imported counts those cases twice, and stability figures that follow a case across ' +
  'imports break at the change. The figures already imported are not changed.';

/**
 * A new key under a new database id, for when the old key is lost for good. The old key file (if
 * any turns up) still names the old id, so it is never overwritten and can be imported back only
 * into a copy made before this.
 */
export function startNewKey(db: Db, keys: KeyStore): { databaseId: string; message: string } {
  const status = keyStatus(db, keys);
  if (status.source !== null) {
    throw new KeyFileError('This database\'s case key is on this computer, so a new one is not needed; nothing was changed.');
  }
  const id = newDatabaseId();
  const key = newKey();
  keys.save(id, key);
  db.transaction(() => {
    db.prepare('UPDATE meta SET value = ? WHERE key = ?').run(id, DATABASE_ID);
    db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(KEY_CHECK, keyCheck(key));
  })();
  return { databaseId: id, message: `Started a new case key for this database. ${NEW_KEY_CONSEQUENCE}` };
}

export { MissingKeyError };
