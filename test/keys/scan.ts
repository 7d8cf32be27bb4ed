// What someone holding only the files can do: look for the key's bytes in every form it might be
// written (raw, hex, base64), and try every key-shaped string in the files against the case
// pseudonyms, as the brute-force reversal of issue 16 did.
import fs from 'node:fs';
import { hmacSha256Hex } from '../../electron/import/hmac-sha256';
import type { Db } from '../../electron/db/open';

/** Every form of the key a file might hold. */
export function keyForms(key: Buffer): Buffer[] {
  return [key, Buffer.from(key.toString('hex')), Buffer.from(key.toString('hex').toUpperCase()), Buffer.from(key.toString('base64')), Buffer.from(key.toString('base64url'))];
}

/** Files (of those given that exist) holding the key in any form. */
export function filesHoldingKey(files: string[], key: Buffer): string[] {
  return files.filter((f) => fs.existsSync(f)).filter((f) => {
    const bytes = fs.readFileSync(f);
    return keyForms(key).some((form) => bytes.includes(form));
  });
}

/** Key-shaped strings in a file: 64 hex digits, or 43-44 base64 characters. */
export function keyCandidates(file: string): Buffer[] {
  const text = fs.readFileSync(file).toString('latin1');
  const out = new Map<string, Buffer>();
  // Whole tokens only: SQLite packs a row's fields next to each other, so any 43 letters inside a
  // longer run (a pseudonym followed by "CIN" and a staff ID) would be tried for nothing.
  for (const m of text.matchAll(/(?<![0-9a-fA-F])[0-9a-fA-F]{64}(?![0-9a-fA-F])/g)) out.set(m[0].toLowerCase(), Buffer.from(m[0], 'hex'));
  for (const m of text.matchAll(/(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{43}(=|(?![A-Za-z0-9+/=_-]))/g)) {
    const b = Buffer.from(m[0], m[0].includes('-') || m[0].includes('_') ? 'base64url' : 'base64');
    if (b.length === 32) out.set(b.toString('hex'), b);
  }
  return [...out.values()];
}

/** How many stored pseudonyms a key reverses by trying case IDs 1..maxId (numeric, as councils number cases). */
export function reversed(db: Db, key: Buffer, maxId: number): number {
  const stored = new Set((db.prepare('SELECT DISTINCT case_key FROM allocation').all() as { case_key: string }[]).map((r) => r.case_key));
  const hash = hmacSha256Hex(key, 16);
  let found = 0;
  for (let id = 1; id <= maxId; id++) if (stored.has(hash(String(id)))) found++;
  return found;
}
