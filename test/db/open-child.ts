// Run by concurrency.test.ts: waits for a shared start time, then opens (creating) a database,
// so several processes race to create it; prints its schema version or the error.
import { openDatabase, schemaVersion } from '../../electron/db/open';

const [file, startAt] = process.argv.slice(2);
while (Date.now() < Number(startAt)) {
  // Spin: a timer's granularity would spread the starts.
}
try {
  // The race under test is the creation itself ("table meta already exists"), not the wait: under
  // a loaded CI machine a commit's fsync can take seconds, so this child waits longer than 5 s.
  const db = openDatabase(file!, { busyTimeoutMs: 30_000 });
  process.stdout.write(`version ${schemaVersion(db)}\n`);
  db.close();
} catch (e) {
  process.stdout.write(`error ${(e as Error).message}\n`);
  process.exitCode = 1;
}
