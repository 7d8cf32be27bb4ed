// The import worker and the native database engine sit outside app.asar (native code and worker
// threads must be real files), so Electron's asar integrity check does not cover them, and in a
// per-user install the user (or anything running as the user) can replace them. Their SHA-256
// hashes are written at build time into integrity.json, which is inside the asar and so covered;
// the app checks them at start and refuses to run if either differs. Plain Node, tested directly.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const INTEGRITY_MANIFEST = 'integrity.json';
/** The unpacked files, relative to dist-electron. */
export const UNPACKED_FILES = ['convert-worker.mjs', 'native/better_sqlite3.node'] as const;

export interface IntegrityManifest {
  algorithm: 'sha256';
  files: Record<string, string>;
}

export function sha256OfFile(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Where an unpacked file really is: beside the asar, in app.asar.unpacked, once packaged. */
export function unpackedPath(mainDir: string, rel: string): string {
  return path.join(mainDir, rel).replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

/**
 * Null when every unpacked file matches the manifest; otherwise the message to show. Only the
 * packaged app checks: in development scripts/start.mjs rebuilds the engine after the manifest is
 * written, and nothing is installed for anyone else to replace.
 */
export function checkUnpackedFiles(mainDir: string, packaged: boolean): string | null {
  if (!packaged) return null;
  const manifestFile = path.join(mainDir, INTEGRITY_MANIFEST);
  const reinstall = 'Scrutiny Pack has not been started, to keep your data safe. Reinstall Scrutiny Pack from the copy your IT team provides; if this happens again, tell them.';
  let manifest: IntegrityManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as IntegrityManifest;
  } catch {
    return `The list of checked program files (${INTEGRITY_MANIFEST}) is missing or damaged. ${reinstall}`;
  }
  for (const rel of UNPACKED_FILES) {
    const expected = manifest.files?.[rel];
    const file = unpackedPath(mainDir, rel);
    if (!expected) return `The program file ${rel} is not in the list of checked files. ${reinstall}`;
    let actual: string;
    try {
      actual = sha256OfFile(file);
    } catch {
      return `The program file ${file} is missing. ${reinstall}`;
    }
    if (actual !== expected) return `The program file ${file} has been changed since Scrutiny Pack was installed. ${reinstall}`;
  }
  return null;
}
