// The worker thread's side of convert-thread.ts: runs convertBatches on the job it was started
// with and posts each batch, never more than the importing thread has asked for, so a slow
// writer holds the reading back instead of letting batches pile up in memory.
import { parentPort, workerData } from 'node:worker_threads';
import { convertBatches, type ConvertJob } from './convert-batches';
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

try {
  for await (const batch of convertBatches(workerData as ConvertJob)) {
    while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
    credit--;
    const { values, ...rest } = batch;
    send({ type: 'batch', batch: rest, values: packValues(values) ?? values, count: values.length });
  }
  send({ type: 'done' });
} catch (e) {
  if (e instanceof DateOrderRestart) send({ type: 'date-order', field: e.field, row: e.row });
  else if (e instanceof ImportProblem) send({ type: 'problem', code: e.code, message: e.message });
  else send({ type: 'error', message: (e as Error).message ?? String(e), stack: (e as Error).stack ?? '' });
} finally {
  port.close();
}
