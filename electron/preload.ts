// The preload: exposes exactly the API contract's handler names as window.api, each forwarding
// its argument object to the main process. Nothing else from Electron or Node reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiName } from '../shared/api';

// Listed here (not imported) so the sandboxed preload bundle carries no zod; the type checks
// below fail the build if this list and the contract ever differ.
const NAMES = [
  'getStatus', 'getSettings', 'updateSettings', 'backupDatabase', 'listBackups', 'restoreBackup',
  'loadDemo', 'pickFiles', 'stageFile', 'detectFile', 'startImport', 'importProgress', 'cancelImport',
  'listImports', 'undoImport', 'listMappings', 'fileValues', 'listValueRules', 'saveValueRules', 'importProblems', 'computeMetrics', 'filterChoices', 'dataRange', 'listQualityIssues',
  'benchmarkSummary', 'getPaperConfig', 'savePaperConfig', 'previewPaper', 'exportPaper', 'openOutput',
  'saveText', 'keyStatus', 'exportKey', 'importKey',
  'drillDown', 'saveChart',
  'getUiState', 'saveUiState',
  // words (issue 13): the council typed in Settings, checked against the DfE's file
  'checkCouncil',
  'undoBatch', 'demoStatus', 'removeDemo',
] as const satisfies readonly ApiName[];
type Missing = Exclude<ApiName, (typeof NAMES)[number]>;
const everyNameListed: [Missing] extends [never] ? true : Missing = true;
void everyNameListed;

const api = Object.freeze(
  Object.fromEntries(NAMES.map((name) => [name, (args: unknown) => ipcRenderer.invoke(`api:${name}`, args ?? {})])),
);

contextBridge.exposeInMainWorld('api', api);
