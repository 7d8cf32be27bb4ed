// The one contract between the screens and the data layer: every handler's name, the zod schema
// its arguments must pass before any handler sees them, and its result type. Electron registers
// the handler table under these names (ipcMain.handle), the preload exposes exactly these names
// as window.api, and the browser tests bind the same table. Results always cross as ApiResponse:
// errors are data ({ ok: false, error }) with a message written for the person at the screen.
import { z } from 'zod';
import type { Metrics } from './metrics';
import { ROLE_GROUPS, type FilterChoices } from './filters';
import { EMPLOYMENT_TYPES } from './domain';
import type { ImportSource } from './domain';
import type { ColumnValues, ImportLogEntry as ImportHistoryEntry, ImportResult, RowProblem, ValueRuleInfo } from './import-types';
import { DRILL_KINDS, type DrillList } from './drill';

export type { RowProblem };

// ---- building blocks -------------------------------------------------------------------------

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates must be written as YYYY-MM-DD.');
const id = z.string().min(1).max(100);
const text = (max: number) => z.string().max(max);
const importSource = z.enum(['workers', 'agency', 'allocations', 'asye', 'establishment', 'idmap', 'departments', 'census_la', 'agency_caps', 'benchmark', 'neighbours']);
const none = z.strictObject({});
/** A filter on the measures (shared/filters.ts): each list keeps the spells with one of its values. */
const measureFilter = z.strictObject({
  teams: z.array(z.string().min(1).max(200)).max(500).optional(),
  roleGroups: z.array(z.enum(ROLE_GROUPS)).max(ROLE_GROUPS.length).optional(),
  employment: z.array(z.enum(EMPLOYMENT_TYPES)).max(EMPLOYMENT_TYPES.length).optional(),
});
const batchId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'A batch is named by letters, digits and dashes.');

/** A column mapping: for each column of the file, the canonical field it fills (or nothing). */
export const columnMappingSchema = z.strictObject({
  columns: z.record(text(200), text(100)),
  /** Per field, file value -> canonical value (e.g. role "SW" -> "case_holder"). */
  values: z.record(text(100), z.record(text(200), text(200))).optional(),
  /** Fixed values for fields the file lacks (e.g. every row's employment type). */
  defaults: z.record(text(100), text(200)).optional(),
  /** Day-month order of slash dates; default: decided per column from the data (UK first). */
  dateOrder: z.enum(['dmy', 'mdy']).optional(),
  /** How the FTE column is written (default: decided from its heading and first rows). */
  fteUnit: z.enum(['fraction', 'percent', 'hours']).optional(),
  standardHours: z.number().positive().max(80).optional(),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const settingsPatchSchema = z.strictObject({
  councilName: text(200).optional(),
  laCode: text(50).nullable().optional(),
  caseloadThreshold: z.number().positive().max(1000).optional(),
  asyeCap: z.number().positive().max(1000).optional(),
  agencyAnnualCost: z.number().nonnegative().max(10_000_000).optional(),
  employeeAnnualCost: z.number().nonnegative().max(10_000_000).optional(),
  smallNumberThreshold: z.number().int().min(0).max(100).optional(),
  standardWeeklyHours: z.number().positive().max(80).optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** Paper configuration as the screen edits it; the report module owns its exact meaning. */
// Its values are checked by parsePaperConfig (shared/paper-config.ts), which bounds every text.
const paperConfig = z.record(text(100), z.unknown());

/** A chosen file read as a source (and a workbook's sheet), by a preset or a column mapping. */
const fileAsLayout = {
  fileId: id,
  sheet: text(100).optional(),
  source: importSource,
  preset: text(100).optional(),
  mapping: columnMappingSchema.optional(),
};

// ---- the argument schemas, one per handler ----------------------------------------------------

export const API_ARGS = {
  /** What the first screen needs: is there any data, which database, which modules are present. */
  getStatus: none,
  getSettings: none,
  updateSettings: z.strictObject({ patch: settingsPatchSchema }),
  /** Backs the database up into the backups folder beside it (or a file the user picks). */
  backupDatabase: z.strictObject({ chooseLocation: z.boolean() }),
  listBackups: none,
  /** Replaces the database with a backup (the current one is itself backed up first). */
  restoreBackup: z.strictObject({ backupId: id.optional(), chooseFile: z.boolean() }),
  // The case key, kept outside the database (docs/security.md): where it is, and moving it.
  keyStatus: none,
  exportKey: none,
  importKey: none,

  /** Imports the bundled demo council into the (empty) database. */
  loadDemo: none,

  /** Native open dialog; returns handles, never paths the renderer could forge. */
  pickFiles: z.strictObject({ multiple: z.boolean() }),
  /** A file dropped on the window: its bytes, staged to a private temporary folder. */
  stageFile: z.strictObject({ name: text(260).min(1), base64: z.string().max(200 * 1024 * 1024) }),
  /** sheet: an .xlsx workbook's sheet to read (default: the first). */
  detectFile: z.strictObject({ fileId: id, sheet: text(100).optional() }),
  startImport: z.strictObject({
    ...fileAsLayout,
    saveMappingAs: text(100).optional(),
    acceptValid: z.boolean(),
    dryRun: z.boolean(),
    /** Files chosen together share one, so the history lists them as one import, undone together. */
    batchId: batchId.optional(),
  }),
  importProgress: z.strictObject({ jobId: id }),
  cancelImport: z.strictObject({ jobId: id }),
  listImports: none,
  undoImport: z.strictObject({ importId: z.number().int().positive() }),
  /** Undoes every file of a batch (chosen together) at once, newest first, all or nothing. */
  undoBatch: z.strictObject({ batchId }),
  /** Whether the demo council's made-up data is still in the database (importing on top mixes it in). */
  demoStatus: none,
  /** Removes the demo council's imports in one step (a backup is taken first). */
  removeDemo: none,
  listMappings: none,
  /** The value step: each worded column's distinct values and where they are placed now. */
  fileValues: z.strictObject(fileAsLayout),
  /** The council's own value rules (placed '' removes one, so the default applies again). */
  listValueRules: none,
  saveValueRules: z.strictObject({
    rules: z.array(z.strictObject({ field: z.enum(['role', 'employment_type', 'leaving_reason']), value: text(200).min(1), placed: text(100) })).max(5000),
  }),
  /** The rows an import left out ("import the valid rows"), with the reasons. */
  importProblems: z.strictObject({ importId: z.number().int().positive() }),

  computeMetrics: z.strictObject({ asAt: isoDate, months: z.number().int().min(1).max(60), filter: measureFilter.optional() }),
  /** The teams, role groups and employment types present in the data (what the overview's filters offer). */
  filterChoices: none,
  /** The latest date any data covers (the sensible default as-at date). */
  dataRange: none,
  listQualityIssues: z.strictObject({ asAt: isoDate }),
  /** The one as-at date the screens share, remembered between visits (overview). */
  getUiState: none,
  saveUiState: z.strictObject({ asAt: isoDate.nullable() }),
  benchmarkSummary: z.strictObject({ year: z.number().int().min(2000).max(2100).optional() }),

  getPaperConfig: none,
  savePaperConfig: z.strictObject({ config: paperConfig }),
  previewPaper: z.strictObject({ asAt: isoDate, config: paperConfig }),
  exportPaper: z.strictObject({
    asAt: isoDate,
    config: paperConfig,
    format: z.enum(['pdf', 'html', 'docx']),
    /** Word only: the whole paper (default) or the figures as an appendix to the council's own report. */
    docxMode: z.enum(['paper', 'appendix']).optional(),
  }),
  /** Open a file this session wrote (an exported paper, a saved report) or show it in its folder. */
  openOutput: z.strictObject({ outputId: id, inFolder: z.boolean() }),
  /** Save text (a CSV of validation errors, a data-quality list) where the user chooses. */
  saveText: z.strictObject({ suggestedName: text(200).min(1), content: z.string().max(50 * 1024 * 1024) }),
  /** The rows behind a count the overview shows (shared/drill.ts), for the same date and filter. */
  drillDown: z.strictObject({
    asAt: isoDate,
    what: z.enum(DRILL_KINDS),
    filter: measureFilter.optional(),
  }),
  /** Save a chart drawn on the screen: its SVG as it is, or drawn to a PNG by the main process. */
  saveChart: z.strictObject({ suggestedName: text(200).min(1), svg: z.string().min(1).max(5 * 1024 * 1024), format: z.enum(['svg', 'png']) }),
  /** The council typed in Settings (a DfE code or a name) checked against the imported DfE file. */
  checkCouncil: z.strictObject({ query: text(50).min(1) }),
} as const;

export type ApiName = keyof typeof API_ARGS;
export const API_NAMES = Object.keys(API_ARGS) as ApiName[];
export type ApiArgs<K extends ApiName> = z.input<(typeof API_ARGS)[K]>;

// ---- result types -----------------------------------------------------------------------------

export interface ModuleAvailability {
  import: boolean;
  demo: boolean;
  measures: boolean;
  report: boolean;
  benchmarks: boolean;
}

export interface AppStatus {
  databaseFile: string;
  empty: boolean;
  counts: { spells: number; allocations: number; asye: number; establishment: number; imports: number };
  modules: ModuleAvailability;
  councilName: string;
}

export interface AppSettings {
  councilName: string;
  laCode: string | null;
  caseloadThreshold: number;
  asyeCap: number;
  agencyAnnualCost: number;
  employeeAnnualCost: number;
  smallNumberThreshold: number;
  /** The standard working week, for HR files giving FTE as hours. */
  standardWeeklyHours: number;
}

/** Where this database's case key is on this computer (the key itself never leaves the main process). */
export interface CaseKeyStatus {
  /** Pseudonyms have been made in this database (so a key exists somewhere). */
  hasKey: boolean;
  /** Where it was found here ("key folder", "protected copy", "IT key file"); null when missing or none yet. */
  source: string | null;
  /** What that means, in plain words. */
  message: string;
}

export interface BackupInfo {
  id: string;
  name: string;
  createdAt: string;
  bytes: number;
}

export interface FileRef {
  id: string;
  name: string;
  bytes: number;
}

export interface FieldInfo {
  name: string;
  label: string;
  required: boolean;
}

export interface DetectResult {
  file: FileRef;
  /** The source the file looks like, or null when nothing matched. */
  source: ImportSource | null;
  /** The recognised layout (preset) name, or null when a column mapping is needed. */
  preset: string | null;
  /** Plain-English description, e.g. "HR spells in the DfE census layout". */
  description: string;
  headers: string[];
  /** The first few data rows, as text, for the mapping preview. */
  preview: string[][];
  /** Fields of each source, for the mapping step. */
  fields: Record<string, FieldInfo[]>;
  /** Every source the file's headings fit, with the layout that reads it as that source. */
  presetBySource: Record<string, string>;
  /** A saved mapping whose columns match this file, if any. */
  suggestedMapping: { name: string; source: string; mapping: ColumnMapping } | null;
  /** A file no layout fits: per source, heading -> the field its heading is a known spelling of. */
  suggestedColumns: Record<string, Record<string, string>>;
  /** Why the file is refused unless it is a staff file (a column like a child's name), or null. */
  identityRefusal: string | null;
  /** An .xlsx workbook: the sheet read and all its sheets, in order. */
  sheet?: string;
  sheets?: string[];
}

/** What the screens are told about an import: the importer's result without file-level detail. */
export type ImportSummary = Pick<
  ImportResult,
  'importId' | 'outcome' | 'message' | 'rowsRead' | 'inserted' | 'updated' | 'unchanged' | 'rejected' | 'problems' | 'assumptions' | 'problemsTruncated'
>;

export interface ImportJob {
  jobId: string;
}

export interface ImportProgressInfo {
  jobId: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  rowsRead: number;
  /** 0-1 when the file size is known. */
  fraction: number | null;
  result: ImportSummary | null;
  error: string | null;
}

/** A row of the import history as the Data screen lists it. */
export type ImportLogEntry = Omit<ImportHistoryEntry, 'sha256' | 'extractDate' | 'finishedAt'>;

export interface DemoStatus {
  /** The demo council's files still imported (not undone). */
  files: string[];
}

export interface SavedMappingInfo {
  name: string;
  source: string;
  mapping: ColumnMapping;
  updatedAt: string;
}

export interface DataRange {
  earliest: string | null;
  latest: string | null;
  /** Suggested as-at date: the latest month end the data fully covers, or today. */
  suggestedAsAt: string;
  /**
   * The dates the figures can speak for (overview): staff records complete from `staffFrom`
   * (shared/coverage.ts), case allocations from `casesFrom`, both up to `to` (the latest extract
   * date, or the latest date in the data not after today). Null: no such records.
   */
  covers: { staffFrom: string | null; casesFrom: string | null; to: string | null };
}

/** What the app remembers between visits (overview): the as-at date the user chose, if any. */
export interface UiState {
  asAt: string | null;
}

export interface QualityIssue {
  kind: 'unknown_staff' | 'overlapping_spells' | 'outside_employment' | 'implausible_caseload';
  title: string;
  /** 'nothing_to_check' when the data the check reads has not been imported: not the same as clear. */
  status: 'problems' | 'clear' | 'nothing_to_check';
  /** The result in words: "12 found", "No problems", "Nothing to check yet". */
  verdict: string;
  explanation: string;
  count: number;
  columns: string[];
  rows: Array<Array<string | number | null>>;
  rowsTruncated: boolean;
}

export interface BenchmarkRow {
  measure: string;
  label: string;
  council: number | null;
  england: number | null;
  region: number | null;
  neighboursMean: number | null;
  rank: number | null;
  of: number | null;
}

export interface BenchmarkSummaryResult {
  available: boolean;
  message: string;
  year: number | null;
  source: string | null;
  rows: BenchmarkRow[];
}

export interface PaperPreview {
  html: string;
  /** What the author should fix before the paper is published (never printed in the paper). */
  warnings?: string[];
}

export interface OutputRef {
  outputId: string;
  name: string;
  path: string;
  bytes: number;
}

export interface ApiResults {
  getStatus: AppStatus;
  getSettings: AppSettings;
  updateSettings: AppSettings;
  backupDatabase: BackupInfo | null;
  listBackups: BackupInfo[];
  restoreBackup: { restored: boolean; message: string };
  keyStatus: CaseKeyStatus;
  exportKey: { done: boolean; message: string };
  importKey: { done: boolean; message: string };
  loadDemo: { imports: number; message: string };
  pickFiles: FileRef[];
  stageFile: FileRef;
  detectFile: DetectResult;
  startImport: ImportJob;
  importProgress: ImportProgressInfo;
  cancelImport: { cancelled: boolean };
  listImports: ImportLogEntry[];
  undoImport: { message: string };
  undoBatch: { message: string };
  demoStatus: DemoStatus;
  removeDemo: { message: string };
  listMappings: SavedMappingInfo[];
  fileValues: ColumnValues[];
  listValueRules: ValueRuleInfo[];
  saveValueRules: ValueRuleInfo[];
  importProblems: RowProblem[];
  computeMetrics: Metrics;
  filterChoices: FilterChoices;
  dataRange: DataRange;
  listQualityIssues: QualityIssue[];
  getUiState: UiState;
  saveUiState: UiState;
  benchmarkSummary: BenchmarkSummaryResult;
  getPaperConfig: Record<string, unknown>;
  savePaperConfig: Record<string, unknown>;
  previewPaper: PaperPreview;
  exportPaper: OutputRef | null;
  openOutput: { opened: boolean };
  saveText: OutputRef | null;
  drillDown: DrillList;
  saveChart: OutputRef | null;
  checkCouncil: CouncilCheck;
}

/** Which council a DfE code or name typed in Settings is, or the nearest ones when it is none. */
export type CouncilCheck =
  | { status: 'matched'; code: string; name: string; region: string | null; message: string }
  | { status: 'not_found'; suggestions: Array<{ code: string; name: string }>; message: string }
  | { status: 'no_dfe_file'; looksLikeCode: boolean; message: string };

export type ApiResult<K extends ApiName> = ApiResults[K];

export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: string };

/** What window.api is: one async function per handler name, resolving to an ApiResponse. */
export type Api = { [K in ApiName]: (args: ApiArgs<K>) => Promise<ApiResponse<ApiResult<K>>> };
