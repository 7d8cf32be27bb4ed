// Case IDs are stored only as HMAC-SHA-256 under a random key generated for each database and
// kept in its meta table: the same case always gets the same key within a database (so later
// exports merge), nobody without the database can reverse or recompute it, and a copied
// database keeps working.
import crypto from 'node:crypto';
import type { Db } from '../db/open';

const META_KEY = 'case_id_hmac_key';
/** Bounds the cache so memory stays flat however many distinct cases a file has. */
const CACHE_LIMIT = 100_000;

/** The database's case-ID key, created on first use. */
export function caseKeySecret(db: Db): Buffer {
  const row = db.prepare(`SELECT value FROM meta WHERE key = ?`).get(META_KEY) as { value: string } | undefined;
  if (row) return Buffer.from(row.value, 'hex');
  const secret = crypto.randomBytes(32);
  db.prepare(`INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)`).run(META_KEY, secret.toString('hex'));
  return caseKeySecretExisting(db);
}

function caseKeySecretExisting(db: Db): Buffer {
  const row = db.prepare(`SELECT value FROM meta WHERE key = ?`).get(META_KEY) as { value: string };
  return Buffer.from(row.value, 'hex');
}

/** A hasher for one import: rows of the same case (co-working, re-allocation) hash once. */
export function caseHasher(secret: Buffer): (caseId: string) => string {
  const cache = new Map<string, string>();
  return (caseId) => {
    let h = cache.get(caseId);
    if (h === undefined) {
      h = crypto.createHmac('sha256', secret).update(caseId, 'utf8').digest('hex');
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(caseId, h);
    }
    return h;
  };
}
