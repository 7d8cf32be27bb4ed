// Who holds a lock on a database file, as far as the system tells (issue 16: "database is
// locked" alone leaves a council officer nowhere). Linux lists every POSIX lock in /proc/locks
// with the holding process; elsewhere nothing is knowable and the message says what usually is.
import fs from 'node:fs';

export interface LockHolder {
  pid: number;
  /** The program's name, when the system gives it. */
  program: string | null;
}

/** Processes other than this one holding a lock on the file, its -wal or -shm (Linux only). */
export function lockHolders(file: string): LockHolder[] {
  let table: string;
  try {
    table = fs.readFileSync('/proc/locks', 'utf8');
  } catch {
    return [];
  }
  const inodes = new Set<string>();
  for (const f of [file, `${file}-shm`, `${file}-wal`, `${file}-journal`]) {
    try {
      inodes.add(String(fs.statSync(f).ino));
    } catch {
      // Not there: nothing can lock it.
    }
  }
  const pids = new Set<number>();
  for (const line of table.split('\n')) {
    // "1: POSIX  ADVISORY  WRITE 12345 08:01:123456 128 128"
    const m = /^\d+:\s+(?:->\s+)?\S+\s+\S+\s+\S+\s+(\d+)\s+[0-9a-f]+:[0-9a-f]+:(\d+)\s/.exec(line);
    if (m && inodes.has(m[2]!) && Number(m[1]) !== process.pid) pids.add(Number(m[1]));
  }
  return [...pids].map((pid) => {
    let program: string | null = null;
    try {
      program = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() || null;
    } catch {
      // Gone, or not ours to see.
    }
    return { pid, program };
  });
}

/** "program sqlite3 (process 1234)" / "another program", for a message. */
export function describeHolders(holders: readonly LockHolder[]): string {
  if (holders.length === 0) return 'another program';
  return holders.map((h) => (h.program ? `the program "${h.program}" (process ${h.pid})` : `process ${h.pid}`)).join(' and ');
}
