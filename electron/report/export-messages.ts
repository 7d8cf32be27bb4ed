// What the paper export thread (export-thread.ts) and its worker (export-worker-thread.ts) say to
// each other: plain data only, so it survives structured cloning.
import type { IsoDate } from '../../shared/dates';
import type { DocxMode } from './docx/index';
import type { PaperFormat } from './index';

export interface PaperJob {
  dbFile: string;
  /** The better_sqlite3.node the app runs on (Electron's own build); the package's when absent. */
  nativeBinding?: string;
  request: {
    asAt: IsoDate;
    config?: Record<string, unknown>;
    format: PaperFormat;
    generatedOn?: IsoDate;
    docx?: { mode?: DocxMode };
  };
}

export type FromPaperWorker =
  | { type: 'started' }
  | { type: 'done'; content: Uint8Array | string; warnings: string[] }
  | { type: 'error'; name: string; message: string; stack: string };
