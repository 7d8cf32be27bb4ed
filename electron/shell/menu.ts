// The application menu: the usual File, Edit, View and Window menus plus "Go to" for each screen
// (with keyboard shortcuts) and Help. Screens are reached by setting the page's hash, which the
// renderer's router follows; the strings are constants, never user input.
import { app, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

const SCREENS: Array<[label: string, hash: string, key: string]> = [
  ['Overview', '#/overview', '1'],
  ['Import', '#/import', '2'],
  ['Data', '#/data', '3'],
  ['Paper', '#/paper', '4'],
  ['Settings', '#/settings', '5'],
];

export function buildMenu(getWindow: () => BrowserWindow | null, dbFile: string): Menu {
  const go = (hash: string) => () => {
    const win = getWindow();
    if (win) void win.webContents.executeJavaScript(`location.hash = ${JSON.stringify(hash)}`);
  };
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Import files…', accelerator: 'CmdOrCtrl+O', click: go('#/import') },
        { label: 'Prepare the paper…', accelerator: 'CmdOrCtrl+P', click: go('#/paper') },
        { type: 'separator' },
        { label: 'Show the data folder', click: () => shell.showItemInFolder(dbFile) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&Go to',
      submenu: SCREENS.map(([label, hash, key]) => ({ label, accelerator: `CmdOrCtrl+${key}`, click: go(hash) })),
    },
    {
      label: '&View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ role: 'about' }, { label: 'Show the data folder', click: () => shell.showItemInFolder(dbFile) }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
