// Disk space in plain words: how much is free where a file is going, and whether an error means
// the disk is full (SQLite says SQLITE_FULL, Node says ENOSPC; issue 16).
import fs from 'node:fs';
import path from 'node:path';

/** Bytes free to this user on the disk holding `target` (a file or folder), or null if unknown. */
export function freeBytes(target: string): number | null {
  let dir = path.resolve(target);
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  try {
    const s = fs.statfsSync(dir);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return null;
  }
}

export function isDiskFull(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL' || /database or disk is full/.test((e as Error)?.message ?? '');
}

/** 1.2 MB, 340 KB, 12 bytes. */
export function sizeInWords(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024).toLocaleString('en-GB')} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

export function freeInWords(target: string): string {
  const free = freeBytes(target);
  return free === null ? 'an unknown amount is free' : `${sizeInWords(free)} ${free === 1 ? 'is' : 'are'} free`;
}
