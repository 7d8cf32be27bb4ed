// What the importing thread and its conversion worker say to each other.
import type { ImportProblemCode } from '../../shared/import-types';
import type { ConvertedBatch } from './convert-batches';

export type ToWorker = { type: 'more'; batches: number };

export type FromWorker =
  /**
   * values: the batch's values packed by packValues (or the array itself when they cannot be);
   * caseIdsLeft: its case IDs are as in the file, for the importing thread to hash.
   */
  | { type: 'batch'; batch: Omit<ConvertedBatch, 'values'>; values: string | ConvertedBatch['values']; count: number; caseIdsLeft: boolean }
  | { type: 'done' }
  /** A date column proved month first: the import starts again reading it that way. */
  | { type: 'date-order'; field: string; row: number }
  /** The file cannot be read (an ImportProblem in the worker). */
  | { type: 'problem'; code: ImportProblemCode; message: string }
  | { type: 'error'; message: string; stack: string };
