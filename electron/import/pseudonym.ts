// Case IDs are stored only as HMAC-SHA-256 under a random key generated for each database and
// kept in its meta table: the same case always gets the same key within a database (so later
// exports merge), nobody without the database can reverse or recompute it, and a copied
// database keeps working.
import crypto from 'node:crypto';
import type { Db } from '../db/open';
import { hmacSha256Hex } from './hmac-sha256';

const META_KEY = 'case_id_hmac_key';

/** The database's case-ID key, created on first use. */
export function caseKeySecret(db: Db): Buffer {
  // INSERT OR IGNORE then read back: whoever created the key first, everyone uses that one.
  db.prepare(`INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)`).run(META_KEY, crypto.randomBytes(32).toString('hex'));
  const row = db.prepare(`SELECT value FROM meta WHERE key = ?`).get(META_KEY) as { value: string };
  return Buffer.from(row.value, 'hex');
}

/**
 * Bytes of the HMAC kept as the case key: 16 (32 hex digits). A truncated HMAC-SHA-256 is still a
 * keyed hash nobody without the key can reverse or recompute; 128 bits make an accidental match
 * of two case IDs vanishingly unlikely at any council's scale (about 1 in 10^26 for a million
 * cases), and the shorter key makes every allocation row and its unique index 32 bytes smaller.
 */
export const CASE_KEY_BYTES = 16;

/**
 * A hasher for one import. No cache of recent cases: hashing a case ID (two SHA-256 compressions,
 * about 1 µs) costs less than looking a fresh string up in a map and keeping the map, on the demo
 * allocations the two-generation cache this replaced cost 3-4 µs a row, the plain hash 1.2 µs.
 */
export function caseHasher(secret: Buffer): (caseId: string) => string {
  return hmacSha256Hex(secret, CASE_KEY_BYTES);
}
