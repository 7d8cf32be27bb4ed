// Case IDs are stored only as HMAC-SHA-256 under a random key generated for each database and
// kept in its meta table: the same case always gets the same key within a database (so later
// exports merge), nobody without the database can reverse or recompute it, and a copied
// database keeps working.
import crypto from 'node:crypto';
import type { Db } from '../db/open';

const META_KEY = 'case_id_hmac_key';
/**
 * Bounds the cache so memory stays flat however many distinct cases a file has. Kept small on
 * purpose: a large cache's entries outlive the young generation and pile up as old-generation
 * garbage each time it is emptied, which cost 50 MB of peak memory on a million rows.
 */
const GENERATION_SIZE = 10_000;

/** The database's case-ID key, created on first use. */
export function caseKeySecret(db: Db): Buffer {
  // INSERT OR IGNORE then read back: whoever created the key first, everyone uses that one.
  db.prepare(`INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)`).run(META_KEY, crypto.randomBytes(32).toString('hex'));
  const row = db.prepare(`SELECT value FROM meta WHERE key = ?`).get(META_KEY) as { value: string };
  return Buffer.from(row.value, 'hex');
}

/**
 * A hasher for one import: rows of the same case (co-working, re-allocation) hash once. Two
 * generations of cache: when the newer fills, it becomes the older and the oldest is dropped, so
 * a recently seen case is still found just after a turnover.
 */
export function caseHasher(secret: Buffer): (caseId: string) => string {
  let young = new Map<string, string>();
  let old = new Map<string, string>();
  return (caseId) => {
    let h = young.get(caseId);
    if (h !== undefined) return h;
    h = old.get(caseId) ?? crypto.createHmac('sha256', secret).update(caseId, 'utf8').digest('hex');
    if (young.size >= GENERATION_SIZE) {
      old = young;
      young = new Map();
    }
    young.set(caseId, h);
    return h;
  };
}
