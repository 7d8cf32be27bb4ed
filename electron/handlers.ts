// The handler table: one async function per name in the API contract, over the plain Node
// modules. Electron registers exactly this table with ipcMain.handle; the browser tests bind the
// same table to the page. invokeHandler is the single door: it validates the arguments against
// the contract's zod schema and turns every failure into { ok: false, error } with a message the
// person at the screen can act on.
import type { z } from 'zod';
import { API_ARGS, type ApiName, type ApiResponse, type ApiResult, type ModuleAvailability } from '../shared/api';
import { UserError, type AppContext } from './handlers/context';
import { backupDatabase, listBackups, readSettings, restoreBackup, writeSettings } from './handlers/settings';
import { exportCaseKey, importCaseKey, caseKeyStatus } from './handlers/keys';
import { openOutput, pickFiles, saveText, stageFile } from './handlers/files';
import { dataRange, getStatus } from './handlers/status';
import { demoAvailable, demoStatus, loadDemo, removeDemo } from './handlers/demo';
import { exportPaper, paperHtml, savePaper } from './handlers/paper';
import { loadPaperConfig } from './report';
import { listQualityIssues } from './quality';
import { cancelImport, detect, history, importProgress, mappings, startImport, undo, undoTogether } from './handlers/import';
import { fileValues, saveRules, valueRules } from './handlers/values';
import { benchmarkSummary } from './handlers/benchmarks';
import { backupBeforeImport, rejectedRows } from './import';
import { computeMetrics, MeasuresInputError } from './measures';
import { drillDown } from './drill';
import { saveChart } from './handlers/charts';
import { readUiState, writeUiState } from './ui-state';
import { filterChoices } from './measures/filter';
import { plainBenchmarks, plainDetect, plainProblem, plainProgress } from './handlers/plain-words';
import { inPlainWords } from '../shared/labels';
import { checkCouncil } from './benchmarks/check-council';

export { AppContext, UserError } from './handlers/context';
export type { Host, FileFilter } from './handlers/context';

export type Handlers = {
  [K in ApiName]: (args: z.output<(typeof API_ARGS)[K]>) => Promise<ApiResult<K>>;
};

export const MODULES: ModuleAvailability = {
  import: true,
  demo: true,
  measures: true,
  report: true,
  benchmarks: true,
};

export function createHandlers(ctx: AppContext): Handlers {
  return {
    getStatus: async () => getStatus(ctx, { ...MODULES, demo: demoAvailable(ctx.options.fixturesDir) }),
    getSettings: async () => readSettings(ctx),
    updateSettings: async ({ patch }) => writeSettings(ctx, patch),
    backupDatabase: async ({ chooseLocation }) => backupDatabase(ctx, chooseLocation),
    listBackups: async () => listBackups(ctx),
    restoreBackup: async (args) => restoreBackup(ctx, args),
    keyStatus: async () => caseKeyStatus(ctx),
    exportKey: async () => exportCaseKey(ctx),
    importKey: async () => importCaseKey(ctx),

    loadDemo: async () => loadDemo(ctx),

    pickFiles: async ({ multiple }) => pickFiles(ctx, multiple),
    stageFile: async ({ name, base64 }) => stageFile(ctx, name, base64),
    detectFile: async ({ fileId, sheet }) => plainDetect(await detect(ctx, fileId, sheet)),
    startImport: async (args) => startImport(ctx, args),
    importProgress: async ({ jobId }) => plainProgress(importProgress(jobId)),
    cancelImport: async ({ jobId }) => cancelImport(jobId),
    listImports: async () => history(ctx),
    undoImport: async ({ importId }) => {
      // Undo is as reversible as an import: the state before it is backed up too.
      await backupBeforeImport(ctx.db(), ctx.dbFile);
      return undo(ctx, importId);
    },
    undoBatch: async ({ batchId }) => {
      await backupBeforeImport(ctx.db(), ctx.dbFile);
      return undoTogether(ctx, batchId);
    },
    demoStatus: async () => demoStatus(ctx),
    removeDemo: async () => removeDemo(ctx),
    listMappings: async () => mappings(ctx),
    fileValues: async (args) => fileValues(ctx, args),
    listValueRules: async () => valueRules(ctx),
    saveValueRules: async ({ rules }) => saveRules(ctx, rules),
    importProblems: async ({ importId }) => rejectedRows(ctx.db(), importId).map(plainProblem),

    computeMetrics: async ({ asAt, months, filter }) => {
      try {
        return computeMetrics(ctx.db(), asAt, { months, filter });
      } catch (err) {
        if (err instanceof MeasuresInputError) throw new UserError(err.message);
        throw err;
      }
    },
    filterChoices: async () => filterChoices(ctx.db()),
    dataRange: async () => dataRange(ctx),
    listQualityIssues: async ({ asAt }) => {
      const { caseloadThreshold } = readSettings(ctx);
      return listQualityIssues(ctx.db(), asAt, { implausibleCaseload: Math.max(40, 2 * caseloadThreshold) });
    },
    getUiState: async () => readUiState(ctx.db()),
    saveUiState: async ({ asAt }) => writeUiState(ctx.db(), { asAt }),
    benchmarkSummary: async ({ year }) => plainBenchmarks(benchmarkSummary(ctx, year)),

    getPaperConfig: async () => loadPaperConfig(ctx.db()) as unknown as Record<string, unknown>,
    savePaperConfig: async ({ config }) => savePaper(ctx, config),
    previewPaper: async ({ asAt, config }) => paperHtml(ctx, asAt, config),
    exportPaper: async ({ asAt, config, format, docxMode }) => exportPaper(ctx, asAt, config, format, docxMode),
    openOutput: async ({ outputId, inFolder }) => openOutput(ctx, outputId, inFolder),
    saveText: async ({ suggestedName, content }) => saveText(ctx, suggestedName, content),
    drillDown: async ({ asAt, what, filter }) => {
      try {
        return drillDown(ctx.db(), asAt, what, filter);
      } catch (err) {
        if (err instanceof MeasuresInputError) throw new UserError(err.message);
        throw err;
      }
    },
    saveChart: async ({ suggestedName, svg, format }) => saveChart(ctx, suggestedName, svg, format),
    checkCouncil: async ({ query }) => checkCouncil(ctx.db(), query),
  };
}

export function isApiName(name: unknown): name is ApiName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(API_ARGS, name);
}

/** Validates, runs and wraps one call. Never throws. */
export async function invokeHandler(handlers: Handlers, name: unknown, rawArgs: unknown): Promise<ApiResponse<unknown>> {
  if (!isApiName(name)) return { ok: false, error: 'The app asked for something this version does not know how to do.' };
  const parsed = API_ARGS[name].safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? ` (${first.path.join('.')})` : '';
    return { ok: false, error: `That request could not be accepted${where}: ${first?.message ?? 'invalid input'}` };
  }
  try {
    const fn = handlers[name] as (args: unknown) => Promise<unknown>;
    return { ok: true, value: await fn(parsed.data) };
  } catch (err) {
    return { ok: false, error: inPlainWords(userMessage(err)) };
  }
}

/** Errors from the data modules are written for users already; anything else gets a plain frame. */
export function userMessage(err: unknown): string {
  if (err instanceof UserError) return err.message;
  if (err instanceof Error) {
    if (err.name === 'SqliteError' && /SQLITE_BUSY|database is locked/i.test(err.message))
      return 'The database is busy (perhaps the command line is using it). Wait a moment and try again.';
    if (err.name === 'SqliteError')
      return `The database reported a problem: ${err.message}. Your data has not been changed by this step; try again, or restore a backup from Settings.`;
    return err.message || 'Something went wrong. Try again; if it keeps happening, restart Scrutiny Pack.';
  }
  return 'Something went wrong. Try again; if it keeps happening, restart Scrutiny Pack.';
}
