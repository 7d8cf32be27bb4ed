// Run by crash.test.ts in a child process: imports a file and reports progress on stdout so the
// parent can kill it part-way through.
import { openDatabase } from '../../electron/db/open';
import { runImport } from '../../electron/import/index';

const [dbPath, file] = process.argv.slice(2);
const db = openDatabase(dbPath!);
await runImport(db, {
  file: file!,
  dbPath: dbPath!,
  onProgress: (p) => process.stdout.write(`progress ${p.rowsRead}\n`),
});
process.stdout.write('finished\n');
