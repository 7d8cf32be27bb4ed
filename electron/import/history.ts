// The import history the `imports` command and the app's history screen show.
import type { Db } from '../db/open';
import type { ImportLogEntry, RowProblem } from '../../shared/import-types';
import { blockingImports } from './undo';

interface Row {
  id: number; file_name: string; sha256: string; source: string; layout: string; rows_read: number;
  rows_inserted: number; rows_updated: number; rows_unchanged: number; rows_rejected: number;
  extract_date: string | null; started_at: string; finished_at: string | null; outcome: string;
  message: string | null; undone_at: string | null; batch_id?: string | null;
}

export function listImports(db: Db): ImportLogEntry[] {
  const rows = db.prepare(`SELECT * FROM import_log ORDER BY id`).all() as Row[];
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    sha256: r.sha256,
    source: r.source,
    layout: r.layout,
    rowsRead: r.rows_read,
    inserted: r.rows_inserted,
    updated: r.rows_updated,
    unchanged: r.rows_unchanged,
    rejected: r.rows_rejected,
    extractDate: r.extract_date,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    outcome: r.outcome,
    message: r.message,
    undoneAt: r.undone_at,
    canUndo: ['imported', 'partial', 'no_change'].includes(r.outcome) && blockingImports(db, r.id).length === 0,
    batchId: r.batch_id ?? null,
  }));
}

/** The rejected rows of an --accept-valid import (or the problems of a failed one), as logged. */
export function rejectedRows(db: Db, importId: number): RowProblem[] {
  const row = db.prepare(`SELECT rejected_json FROM import_log WHERE id = ?`).get(importId) as { rejected_json: string | null } | undefined;
  return row?.rejected_json ? (JSON.parse(row.rejected_json) as RowProblem[]) : [];
}
