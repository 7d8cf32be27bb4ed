// The handler table's Host, done with Electron's native dialogs and shell.
import { dialog, shell, type BrowserWindow } from 'electron';
import type { Host } from '../handlers';

export function electronHost(getWindow: () => BrowserWindow | null): Host {
  return {
    async pickFiles({ multiple, title, filters }) {
      const win = getWindow();
      const options: Electron.OpenDialogOptions = {
        title,
        filters,
        properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async pickSaveFile({ title, suggestedName, filters }) {
      const win = getWindow();
      const options: Electron.SaveDialogOptions = { title, defaultPath: suggestedName, filters };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async openPath(file) {
      const problem = await shell.openPath(file);
      if (problem) throw new Error(`The file was saved but could not be opened: ${problem}`);
    },
    showInFolder(file) {
      shell.showItemInFolder(file);
    },
    async confirm({ title, message, detail, confirmLabel }) {
      const win = getWindow();
      // Cancel is the default and the Escape answer: only a deliberate click replaces data.
      const options: Electron.MessageBoxOptions = { type: 'warning', title, message, detail, buttons: [confirmLabel, 'Cancel'], defaultId: 1, cancelId: 1, noLink: true };
      const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
      return response === 0;
    },
  };
}
