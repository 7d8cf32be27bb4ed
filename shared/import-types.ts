// What the importer reports to its callers (the command line and the desktop app's import
// screen): detection, results, row problems and history. Plain data, so it crosses IPC as is.
import type { ImportSource } from './domain';

/** The sources the CSV importer handles itself (benchmark and neighbours go to the DfE importer). */
export const CSV_SOURCES = ['workers', 'agency', 'allocations', 'asye', 'establishment', 'idmap', 'departments', 'census_la', 'agency_caps'] as const;
export type CsvSource = (typeof CSV_SOURCES)[number];

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** One problem with one row, as a spreadsheet user would find it (header is row 1). */
export interface RowProblem {
  row: number;
  /** The column heading as written in the file, or null for a problem with the whole row. */
  column: string | null;
  value: string | null;
  reason: string;
}

/** A layout the file could be read as, and how well its headings fit. */
export interface LayoutCandidate {
  source: CsvSource;
  /** 'canonical', 'census', 'ssd', or 'mapping:<name>'. */
  preset: string;
  /** e.g. "allocations file (case-management export, Standard Safeguarding Dataset layout)". */
  description: string;
  /** Fields found in the file. */
  matched: string[];
  /** Required fields with no column. */
  missing: string[];
}

export interface FileDetection {
  file: string;
  bytes: number;
  encoding: TextEncodingName;
  delimiter: ',' | ';' | '\t';
  headers: string[];
  /** The first few data rows, as text. */
  preview: string[][];
  /** Best fit, or null when no layout fits (a column mapping is needed). */
  best: LayoutCandidate | null;
  /** Every layout whose required fields are all present, best first. */
  candidates: LayoutCandidate[];
  /** Columns refused because they look like a child's name or date of birth. */
  identityColumns: string[];
  /** An .xlsx workbook: the sheet read, and every sheet in it (in order). */
  sheet?: string;
  sheets?: string[];
}

export type ImportOutcome =
  /** Every row written. */
  | 'imported'
  /** --accept-valid: the valid rows written, the rest rejected and logged. */
  | 'partial'
  /** Rows read, but every one was already in the database unchanged. */
  | 'no_change'
  /** The same file (by SHA-256) was already imported and is still active: nothing done. */
  | 'already_imported'
  /** Strict mode and some rows were invalid: nothing written. */
  | 'failed'
  /** Dry run: the import ran and was rolled back; the counts say what it would do. */
  | 'checked'
  /** Stopped by the caller's AbortSignal: nothing written. */
  | 'cancelled';

export interface ImportResult {
  /** The import_log id, or null when nothing was logged (dry run, cancel, already imported). */
  importId: number | null;
  outcome: ImportOutcome;
  /** One or two plain-English sentences for the person at the screen. */
  message: string;
  file: string;
  sha256: string;
  source: CsvSource;
  preset: string;
  encoding: TextEncodingName;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  problems: RowProblem[];
  /** True when there were more problems than `problems` lists. */
  problemsTruncated: boolean;
  /** What the importer assumed because the layout lacks a field (said plainly). */
  assumptions: string[];
  /** Dates after this are refused (the import day unless an extract date was given). */
  extractDate: string;
  /** The backup taken before the import, when one was. */
  backupFile: string | null;
  /** For 'already_imported': the earlier import of the same file. */
  previousImportId: number | null;
  /**
   * Rows left out on purpose (not errors), by reason: the layout's rules (an IRO's involvement, a
   * department-level involvement with no worker...) and the value rules (a job title or contract
   * type not counted: business support, a student, zero hours...).
   */
  skipped?: SkippedRows[];
  /** After an import of allocations, workers or IDs: how many allocations now link to a worker, and which worker IDs do not. */
  links?: WorkerLinkSummary | null;
}

export interface SkippedRows {
  reason: string;
  /** The value that decided it, when there is one (the involvement role "IRO"). */
  detail: string | null;
  rows: number;
}

/** A worker ID of the allocations that links to no worker. */
export interface UnlinkedWorkerId {
  id: string;
  allocations: number;
  openAllocations: number;
  /** unknown: no worker has this ID; ambiguous: it is one worker's staff number and another's case-system ID or SWE number. */
  why: 'unknown' | 'ambiguous';
  candidates: string[];
}

/** One worker, three identifiers: how the allocations link to workers (docs/import.md). */
export interface WorkerLinkSummary {
  allocations: number;
  linked: number;
  unlinked: number;
  /** Linked directly by staff ID, through a case-system worker ID, or through an SWE number. */
  linkedVia: { staff: number; cms: number; swe: number };
  /** The unlinked worker IDs, most allocations first (at most 50 here; unlinkedIdCount says how many). */
  unlinkedIds: UnlinkedWorkerId[];
  unlinkedIdCount: number;
}

export interface ImportProgress {
  rowsRead: number;
  bytesRead: number;
  bytesTotal: number;
}

/** Why a file was refused before any row was read. */
export type ImportProblemCode =
  | 'file_not_found'
  | 'unreadable'
  | 'wrong_source'
  | 'unknown_layout'
  | 'child_identity'
  | 'bad_mapping'
  | 'missing_extract_date'
  | 'not_available'
  | 'cannot_undo'
  /** Another import is running on the same database connection. */
  | 'busy'
  /** The disk holding the database (or its backups) is full; nothing was written. */
  | 'disk_full'
  /** The database's case key is not on this computer (allocations cannot be matched). */
  | 'missing_case_key';

export interface ImportLogEntry {
  id: number;
  fileName: string;
  sha256: string;
  source: string;
  layout: string;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  extractDate: string | null;
  startedAt: string;
  finishedAt: string | null;
  outcome: string;
  message: string | null;
  undoneAt: string | null;
  /** True when undo would be allowed now (not undone, and no later active import changed its rows). */
  canUndo: boolean;
  /** The files chosen together share one (undone together); null for a file imported alone. */
  batchId: string | null;
}

export interface UndoResult {
  importId: number;
  deleted: number;
  restored: number;
  message: string;
}

/** A saved column mapping as stored (JSON validated by the importer's schema). */
export interface SavedMapping {
  name: string;
  source: CsvSource;
  mapping: ColumnMappingSpec;
  updatedAt: string;
}

/**
 * A column mapping: for each column of the file, the canonical field it fills; per field, file
 * value -> canonical value; fixed values for fields the file lacks. Compatible with
 * shared/api.ts ColumnMapping (columns + values), which it extends.
 */
export interface ColumnMappingSpec {
  name?: string;
  source?: CsvSource;
  columns: Record<string, string>;
  values?: Record<string, Record<string, string>>;
  defaults?: Record<string, string>;
  /** Day-month order of slash dates; default: decided per column from the data (UK first). */
  dateOrder?: 'dmy' | 'mdy';
  /** How the FTE column is written; default: decided from its heading and first rows. */
  fteUnit?: 'fraction' | 'percent' | 'hours';
  /** The standard week for FTE given as hours (default: the setting, 37). */
  standardHours?: number;
}

/** Fields whose values are words placed in codes (job titles, contract types, leaving reasons). */
export type WordedFieldName = 'role' | 'employment_type' | 'leaving_reason';

/** One distinct value of a worded column, and where it is placed now (the wizard's value step). */
export interface ColumnValue {
  value: string;
  rows: number;
  /** The code it is placed as ('not_counted' leaves the row out), or null when nothing places it. */
  placed: string | null;
  /** What placed it: an exact code, the column mapping, the council's saved rules, the default rules. */
  by: 'code' | 'mapping' | 'council' | 'default' | null;
}

export interface ColumnValues {
  field: WordedFieldName;
  fieldLabel: string;
  /** The file's heading of the column. */
  column: string;
  choices: Array<{ value: string; label: string }>;
  values: ColumnValue[];
  /** More distinct values than are listed (the most frequent are). */
  truncated: boolean;
}

/** A council's saved correction of the default placement of a value. */
export interface ValueRuleInfo {
  field: WordedFieldName;
  value: string;
  placed: string;
  updatedAt: string;
}
