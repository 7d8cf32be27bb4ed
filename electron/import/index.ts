// The importer's public API, for the command line and the desktop app's handlers.
export { runImport, type RunImportOptions } from './run-import';
export { detectFile } from './detect';
export { listImports, rejectedRows } from './history';
export { undoImport } from './undo';
export { saveMapping, listMappings, mappingSchema } from './mapping';
export { backupBeforeImport, BACKUPS_KEPT } from './backup';
export { ImportProblem } from './problem';
export { SOURCE_FIELDS } from './fields';
