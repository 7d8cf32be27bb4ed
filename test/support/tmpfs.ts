// A small RAM disk for full-disk tests (Linux, as root: mount -t tmpfs). Where mounting is not
// allowed the tests that need it are skipped, and say so.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const mounted: string[] = [];
afterAll(() => {
  for (const dir of mounted) {
    try {
      execFileSync('umount', [dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Left for the system's temporary-file cleaning.
    }
  }
});

/** A folder on a fresh tmpfs of `kb` KB, or null where tmpfs cannot be mounted. */
export function smallDisk(kb: number): string | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutiny-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    return null;
  }
  mounted.push(dir);
  return dir;
}

export const canMountTmpfs = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const dir = smallDisk(64);
  return dir !== null;
})();

/** Fills the disk holding `dir` until at most `leaveBytes` are free. */
export function fillDisk(dir: string, leaveBytes: number): void {
  const s = fs.statfsSync(dir);
  const free = Number(s.bavail) * Number(s.bsize);
  if (free > leaveBytes) fs.writeFileSync(path.join(dir, 'filler.bin'), Buffer.alloc(free - leaveBytes));
}
