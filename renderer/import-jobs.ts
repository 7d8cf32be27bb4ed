// Runs one import (or dry run) as a job in the main process and follows it to the end by polling
// its progress, so a long file shows a moving bar and can be cancelled.
import type { ApiArgs, ImportProgressInfo, ImportSummary } from '../shared/api';
import { call } from './api';
import { IMPORT_SOURCE_LABEL } from '../shared/labels';

export async function runImportJob(
  args: ApiArgs<'startImport'>,
  onProgress: (p: ImportProgressInfo) => void,
  onJob: (jobId: string) => void,
): Promise<ImportSummary> {
  const { jobId } = await call('startImport', args);
  onJob(jobId);
  for (;;) {
    const p = await call('importProgress', { jobId });
    onProgress(p);
    if (p.state === 'done' && p.result) return p.result;
    if (p.state === 'cancelled') return p.result ?? cancelledSummary();
    if (p.state === 'failed') throw new Error(p.error ?? 'The import failed.');
    await new Promise((r) => setTimeout(r, 150));
  }
}

function cancelledSummary(): ImportSummary {
  return {
    importId: null,
    outcome: 'cancelled',
    message: 'Cancelled: nothing was written.',
    rowsRead: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    problems: [],
    assumptions: [],
    problemsTruncated: false,
  };
}

// The screens' names for each kind of file, shared with the messages the handlers word for the screen.
export { SOURCE_LABEL } from '../shared/labels';
