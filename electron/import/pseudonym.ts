// Case IDs are stored only as HMAC-SHA-256 under a random key made for each database: the same
// case always gets the same pseudonym within a database (so later exports merge), and nobody
// without the key can reverse or recompute it. The key is kept outside the database, in the key
// store (electron/keys), so the database file and its backups alone give nothing away.
import { hmacSha256Hex } from './hmac-sha256';

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
