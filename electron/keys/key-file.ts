// The one text format for a case key outside the database: the key files in the user's key
// folder, an export made to move a database to another computer, and a key the council's IT
// supplies. JSON so a person opening it can see what it is; the database id says which database
// the key belongs to, so importing the wrong file is refused instead of silently mismatching.
import crypto from 'node:crypto';

export const KEY_FILE_FORMAT = 'scrutiny-pack-case-key';
export const KEY_BYTES = 32;
/** Longest key file read: a real one is about 300 bytes; anything far larger is not a key file. */
const MAX_KEY_FILE_BYTES = 64 * 1024;

export interface KeyRecord {
  /** The database the key belongs to; null for a key the council's IT issues for every database. */
  databaseId: string | null;
  key: Buffer;
  createdAt: string;
}

export class KeyFileError extends Error {
  override name = 'KeyFileError';
}

export function serialiseKey(record: KeyRecord): string {
  return (
    JSON.stringify(
      {
        format: KEY_FILE_FORMAT,
        version: 1,
        note: 'The secret that turns case IDs into pseudonyms in one Scrutiny Pack database. Anyone holding it and the database can work out case IDs: keep it as carefully as the case-management system itself.',
        databaseId: record.databaseId,
        key: record.key.toString('base64'),
        createdAt: record.createdAt,
      },
      null,
      2,
    ) + '\n'
  );
}

export function parseKey(bytes: Buffer, where: string): KeyRecord {
  if (bytes.length > MAX_KEY_FILE_BYTES) throw new KeyFileError(`${where} is not a Scrutiny Pack key file (it is far too large to be one).`);
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new KeyFileError(`${where} is not a Scrutiny Pack key file (it is not the text a key export writes).`);
  }
  const o = data as Record<string, unknown>;
  if (!o || typeof o !== 'object' || o.format !== KEY_FILE_FORMAT) throw new KeyFileError(`${where} is not a Scrutiny Pack key file.`);
  const key = typeof o.key === 'string' ? Buffer.from(o.key, 'base64') : Buffer.alloc(0);
  if (key.length !== KEY_BYTES) throw new KeyFileError(`${where} is damaged: the key in it is not ${KEY_BYTES} bytes long.`);
  const databaseId = o.databaseId === null || o.databaseId === undefined ? null : String(o.databaseId);
  if (databaseId !== null && !isDatabaseId(databaseId)) throw new KeyFileError(`${where} is damaged: its database id is not one Scrutiny Pack writes.`);
  return { databaseId, key, createdAt: typeof o.createdAt === 'string' ? o.createdAt : '' };
}

/** 32 lower-case hex digits: the database id migration 8 writes (not secret; it names the key). */
export function isDatabaseId(text: string): boolean {
  return /^[0-9a-f]{32}$/.test(text);
}

/**
 * A short value that tells whether a key is the one a database was hashed with, kept in the
 * database's meta. It is an HMAC of a fixed label under the key, so it reveals nothing of a
 * 256-bit random key, and it never equals a case pseudonym (the label is not a case ID).
 */
export function keyCheck(key: Buffer): string {
  return crypto.createHmac('sha256', key).update('scrutiny-pack: which key is this').digest('hex').slice(0, 16);
}

export function newKey(): Buffer {
  return crypto.randomBytes(KEY_BYTES);
}
