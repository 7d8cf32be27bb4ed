// Run by crash.test.ts and crash-undo.test.ts in a child process: imports a file (reporting
// progress on stdout) or undoes an import (saying when it starts), so the parent can kill it
// part-way through.
import { openDatabase } from '../../electron/db/open';
import { runImport, undoImport } from '../../electron/import/index';

const args = process.argv.slice(2);
if (args[0] === 'undo') {
  const db = openDatabase(args[1]!);
  process.stdout.write('undoing\n');
  undoImport(db, Number(args[2]));
  process.stdout.write('undone\n');
} else {
  const [dbPath, file] = args;
  const db = openDatabase(dbPath!);
  await runImport(db, {
    file: file!,
    dbPath: dbPath!,
    onProgress: (p) => process.stdout.write(`progress ${p.rowsRead}\n`),
  });
  process.stdout.write('finished\n');
}
