// Writing the committee paper in a worker thread, so the app's main process (which answers every
// click and draws nothing itself, but must answer the page's calls) stays responsive during an
// export: laying out a long paper takes seconds, and in the main process's event loop it froze
// the window for all of them (issue 16). The worker opens the database read-only on its own
// connection; the bytes come back to be written here, atomically, where the user chose.
// If the worker cannot start at all (say a packaged app whose worker file cannot be loaded), the
// paper is made in this thread as before: slower to answer, never lost. The command line, which
// has no window to freeze, calls producePaper directly.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MeasuresInputError } from '../measures/index';
import type { FromPaperWorker, PaperJob } from './export-messages';

export type { PaperJob } from './export-messages';
export type PaperThreadMode = 'worker' | 'inline' | 'inline-after-worker-failed';

export interface PaperResult {
  content: Buffer | string;
  warnings: string[];
}

export interface PaperThreadOptions {
  /** Aborting stops the worker at once; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Told how the paper is being made (tests check the worker really ran). */
  onMode?: (mode: PaperThreadMode) => void;
  /** Another worker script (tests of a worker that cannot start). */
  workerFile?: string;
}

/**
 * The worker script beside this module: export-worker.cjs, compiled, beside main.cjs in the app's
 * bundle (inside app.asar: Electron starts worker threads from the archive since version 18,
 * electron/electron#33216, so asar integrity covers it); export-worker.mjs, which loads the
 * TypeScript through tsx, in the sources. null when neither is there.
 */
export function exportWorkerFile(): string | null {
  for (const name of ['./export-worker.cjs', './export-worker.mjs']) {
    try {
      const file = fileURLToPath(new URL(name, import.meta.url));
      if (fs.existsSync(file)) return file;
    } catch {
      return null;
    }
  }
  return null;
}

/** The paper made in a worker thread; `inline` makes it in this thread if no worker can start. */
export function producePaperOffThread(job: PaperJob, inline: () => Promise<PaperResult>, options: PaperThreadOptions = {}): Promise<PaperResult> {
  const { signal, onMode } = options;
  signal?.throwIfAborted();
  const file = options.workerFile ?? exportWorkerFile();
  if (!file) {
    onMode?.('inline');
    return inline();
  }
  return new Promise<PaperResult>((resolve, reject) => {
    const worker = new Worker(file, { workerData: job satisfies PaperJob });
    let started = false;
    let settled = false;
    const finish = (then: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      then();
    };
    const fallBack = () => {
      onMode?.('inline-after-worker-failed');
      inline().then(resolve, reject);
    };
    const onAbort = () => finish(() => reject(signal!.reason));
    signal?.addEventListener('abort', onAbort);
    worker.on('message', (m: FromPaperWorker) => {
      if (m.type === 'started') {
        started = true;
        onMode?.('worker');
      } else if (m.type === 'done') {
        const content = typeof m.content === 'string' ? m.content : Buffer.from(m.content.buffer, m.content.byteOffset, m.content.byteLength);
        finish(() => resolve({ content, warnings: m.warnings }));
      } else if (m.type === 'error') finish(() => reject(rebuildError(m)));
    });
    worker.on('error', (e: Error) => finish(() => (started ? reject(e) : fallBack())));
    worker.on('exit', (code) => finish(() => (started ? reject(new Error(`the thread writing the paper stopped before it finished (exit code ${code})`)) : fallBack())));
  });
}

/** The worker's error as this thread would have thrown it, so callers tell the user the same words. */
function rebuildError(m: Extract<FromPaperWorker, { type: 'error' }>): Error {
  const e = m.name === 'MeasuresInputError' ? new MeasuresInputError(m.message) : new Error(m.message);
  e.name = m.name;
  e.stack = m.stack;
  return e;
}
