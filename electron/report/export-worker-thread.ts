// The worker side of export-thread.ts: opens the database read-only, builds the paper's figures
// in one read transaction (one consistent snapshot, even while the app imports), lays the paper
// out and posts the bytes back. Nothing here writes to the database or to the disk.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/open';
import { buildPaperFromDb, renderPaper } from './index';
import type { FromPaperWorker, PaperJob } from './export-messages';

const port = parentPort!;
const send = (m: FromPaperWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
const job = workerData as PaperJob;

async function run(): Promise<void> {
  const db = openDatabase(job.dbFile, { readonly: true, ...(job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}) });
  try {
    const model = db.transaction(() => buildPaperFromDb(db, job.request))();
    const { content, warnings } = await renderPaper(model, job.request);
    if (typeof content === 'string') send({ type: 'done', content, warnings });
    else {
      // A copy the size of the paper, handed over rather than copied again (a Buffer may share a pool).
      const bytes = new Uint8Array(content);
      send({ type: 'done', content: bytes, warnings }, [bytes.buffer as ArrayBuffer]);
    }
  } finally {
    db.close();
  }
}

// A function, not top-level await: the app's bundle of this file is CommonJS.
send({ type: 'started' });
run()
  .catch((e: unknown) => {
    const err = e instanceof Error ? e : new Error(String(e));
    send({ type: 'error', name: err.name, message: err.message, stack: err.stack ?? '' });
  })
  .finally(() => port.close());
