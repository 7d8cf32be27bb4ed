// Reading a large file in a worker thread while the importing thread writes: parsing, validating
// and hashing take as long as SQLite's inserts, so on a two-core machine running them side by
// side takes about a third off a million-row import. The worker gets the ConvertJob (plain data)
// and posts ConvertedBatches; the importing thread sees the same batches, errors and
// cancellation as from convertBatches() itself, which small files still use directly.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { caseIdHasherFor, convertBatches, type ConvertedBatch, type ConvertJob } from './convert-batches';
import type { FromWorker, ToWorker } from './convert-messages';
import { DateOrderRestart } from './date-column';
import { ImportProblem } from './problem';
import { unpackValues } from './pack-values';

/** Below this size a file is read in the importing thread: starting a worker costs more. */
export const WORKER_MIN_BYTES = 4 * 1024 * 1024;
/** Batches (one per 256 KB of the file) the worker may run ahead of the writing: memory stays flat. */
const WINDOW = 4;

export type ConvertMode = 'worker' | 'inline' | 'inline-after-worker-failed';

export interface ConvertOptions {
  signal?: AbortSignal;
  /** true/false forces the choice (tests); by default, a worker for files of WORKER_MIN_BYTES and more. */
  worker?: boolean;
  /** Told how the file is being read (tests check the worker really ran). */
  onMode?: (mode: ConvertMode) => void;
  /** Another worker script (tests of a worker that cannot start). */
  workerFile?: string;
  /** Which thread hashes case IDs in a worker read (tests pin it; by default the one behind). */
  caseIdHashing?: 'balanced' | 'importer' | 'here';
}

/**
 * The worker script beside this module: the compiled convert-worker.mjs in a bundle, or the
 * source's convert-worker.mjs (which loads the TypeScript through tsx). null when absent.
 */
export function convertWorkerFile(): string | null {
  try {
    let file = fileURLToPath(new URL('./convert-worker.mjs', import.meta.url));
    // In the packaged app the worker is unpacked beside the asar archive (electron-builder.yml):
    // a worker thread is started from a real file.
    file = file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
    return fs.existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

export function convertedBatches(job: ConvertJob, options: ConvertOptions = {}): AsyncGenerator<ConvertedBatch> {
  const wanted = options.worker ?? job.sniffed.bytes >= WORKER_MIN_BYTES;
  const file = wanted ? (options.workerFile ?? convertWorkerFile()) : null;
  if (file) return convertInWorker(file, job, options);
  options.onMode?.('inline');
  return convertBatches(job, options.signal);
}

async function* convertInWorker(file: string, job: ConvertJob, options: ConvertOptions): AsyncGenerator<ConvertedBatch> {
  const { signal } = options;
  // Hashing case IDs (a quarter of the reading's work) is done by whichever thread is behind:
  // the worker leaves a batch's IDs to this thread when this one is keeping up (see
  // convert-worker-thread.ts), which balances the two: about a second off a million-row import.
  const hashCaseIds = caseIdHasherFor(job);
  const worker = new Worker(file, { workerData: { ...job, caseIdHashing: options.caseIdHashing ?? 'balanced' } satisfies ConvertJob });
  const queue: FromWorker[] = [];
  let failure: Error | null = null;
  let exited = false;
  let heardFrom = false;
  let notify: (() => void) | null = null;
  const wakeUp = () => {
    notify?.();
    notify = null;
  };
  worker.on('message', (m: FromWorker) => {
    if (!heardFrom) {
      heardFrom = true;
      options.onMode?.('worker');
    }
    queue.push(m);
    wakeUp();
  });
  worker.on('error', (e: Error) => {
    failure ??= e;
    wakeUp();
  });
  worker.on('exit', (code) => {
    exited = true;
    if (code !== 0) failure ??= new Error(`the thread reading the file stopped (exit code ${code})`);
    wakeUp();
  });
  signal?.addEventListener('abort', wakeUp);
  const ask = (batches: number) => worker.postMessage({ type: 'more', batches } satisfies ToWorker);
  ask(WINDOW);
  try {
    for (;;) {
      signal?.throwIfAborted();
      const m = queue.shift();
      if (m === undefined) {
        if (failure && !heardFrom) {
          // The worker could not start (say, a packaged app whose worker file cannot be loaded):
          // the import still works, reading the file in this thread.
          options.onMode?.('inline-after-worker-failed');
          yield* convertBatches(job, signal);
          return;
        }
        if (failure) throw failure;
        if (exited) throw new Error('the thread reading the file stopped before the end of the file');
        await new Promise<void>((resolve) => (notify = resolve));
        continue;
      }
      switch (m.type) {
        case 'batch':
          ask(1);
          const values = typeof m.values === 'string' ? unpackValues(m.values, m.count) : m.values;
          if (m.caseIdsLeft) hashCaseIds?.(values);
          yield { ...m.batch, values };
          // Let the event loop turn before the next batch: a worker that keeps up refills the
          // port's queue as fast as it is read, and Node delivers a port's messages in one go, so
          // without this a whole import ran without a timer firing or an IPC call (the app's
          // progress and Cancel) being answered.
          await new Promise<void>((resolve) => setImmediate(resolve));
          break;
        case 'done':
          return;
        case 'date-order':
          throw new DateOrderRestart(m.field, m.row);
        case 'problem':
          throw new ImportProblem(m.code, m.message);
        case 'error': {
          const e = new Error(m.message);
          e.stack = m.stack;
          throw e;
        }
      }
    }
  } finally {
    signal?.removeEventListener('abort', wakeUp);
    await worker.terminate();
  }
}
