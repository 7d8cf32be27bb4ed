// The worker thread's side of convert-thread.ts: runs convertBatches on the job it was started
// with and posts each batch, never more than the importing thread has asked for, so a slow
// writer holds the reading back instead of letting batches pile up in memory.
// Case IDs may be sent unhashed (caseIdsLeft; see ConvertJob.caseIdHashing): the importing thread hashes those.
import { parentPort, workerData } from 'node:worker_threads';
import { caseIdHasherFor, convertBatches, type ConvertJob } from './convert-batches';
import { DateOrderRestart } from './date-column';
import { ImportProblem } from './problem';
import type { FromWorker, ToWorker } from './convert-messages';
import { packValues } from './pack-values';

const port = parentPort!;
let credit = 0;
let wake: (() => void) | null = null;
port.on('message', (m: ToWorker) => {
  if (m.type === 'more') {
    credit += m.batches;
    wake?.();
    wake = null;
  }
});
const send = (m: FromWorker) => port.postMessage(m);

const job = workerData as ConvertJob;
const hashCaseIds = job.caseIdHashing === 'balanced' ? caseIdHasherFor(job) : null;
const idsLeft = job.caseKeySecret !== null && (job.caseIdHashing ?? 'here') !== 'here';

try {
  for await (const batch of convertBatches(job)) {
    const { values, ...rest } = batch;
    // Hashing the case IDs goes to whichever thread is behind: when the importing thread has
    // batches waiting (little credit left), this one hashes them; otherwise that one does.
    const hashHere = hashCaseIds !== null && credit <= 1;
    if (hashHere) hashCaseIds(values);
    while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
    credit--;
    send({ type: 'batch', batch: rest, values: packValues(values) ?? values, count: values.length, caseIdsLeft: idsLeft && !hashHere });
  }
  send({ type: 'done' });
} catch (e) {
  if (e instanceof DateOrderRestart) send({ type: 'date-order', field: e.field, row: e.row });
  else if (e instanceof ImportProblem) send({ type: 'problem', code: e.code, message: e.message });
  else send({ type: 'error', message: (e as Error).message ?? String(e), stack: (e as Error).stack ?? '' });
} finally {
  port.close();
}
