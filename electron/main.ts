// The desktop shell, and only wiring: one window, the database in the user's data folder, the
// handler table registered with ipcMain.handle (sender checked, arguments validated by
// invokeHandler), native dialogs and the application menu. Everything else is plain Node modules.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu } from 'electron';
import { API_NAMES } from '../shared/api';
import { AppContext, createHandlers, invokeHandler } from './handlers';
import { defaultDatabasePath, PRODUCT_NAME } from './paths';
import { hardenSession, hardenWebContents, isTrustedSender, registerAppScheme, serveRenderer } from './shell/security';
import { RENDERER_INDEX_URL } from './shell/app-protocol';
import { checkUnpackedFiles } from './shell/integrity';
import { safeStorageProtector } from './shell/safe-storage';
import { KeyStore } from './keys';
import { electronHost } from './shell/host';
import { buildMenu } from './shell/menu';
import { electronNativeBinding } from './shell/native-binding';

let win: BrowserWindow | null = null;
let ctx: AppContext | null = null;

app.setName(PRODUCT_NAME);
// UK councils: date fields read day/month/year whatever the machine's display language.
app.commandLine.appendSwitch('lang', 'en-GB');
app.enableSandbox();
registerAppScheme();
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.whenReady().then(start, (err: unknown) => fail(err));
}

function start(): void {
  try {
    // The paper's embedded fonts: shipped as extraResources when packaged, in assets/ otherwise.
    process.env.SCRUTINY_FONTS_DIR ??= app.isPackaged ? path.join(process.resourcesPath, 'fonts') : path.join(app.getAppPath(), 'assets', 'fonts');
    // The worker and the engine live outside the asar: checked before either is used.
    const tampered = checkUnpackedFiles(__dirname, app.isPackaged);
    if (tampered) throw new Error(tampered);
    hardenSession();
    serveRenderer();
    const dbFile = defaultDatabasePath();
    ctx = new AppContext(dbFile, electronHost(() => win), {
      nativeBinding: electronNativeBinding(__dirname),
      fixturesDir: path.join(app.getAppPath(), 'fixtures', 'demo'),
      // The key folder the command line also uses, plus a copy protected by the operating system.
      keys: KeyStore.fromEnv(process.env, safeStorageProtector()),
    });
    const handlers = createHandlers(ctx);
    for (const name of API_NAMES) {
      ipcMain.handle(`api:${name}`, (event, args: unknown) => {
        if (!isTrustedSender(event, win)) return { ok: false, error: 'Request refused: it did not come from the Scrutiny Pack window.' };
        return invokeHandler(handlers, name, args);
      });
    }
    Menu.setApplicationMenu(buildMenu(() => win, dbFile));
    createWindow();
  } catch (err) {
    fail(err);
  }
}

function createWindow(): void {
  win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 640,
    minHeight: 480,
    title: PRODUCT_NAME,
    backgroundColor: '#ffffff',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => {
    win = null;
  });
  void win.loadURL(RENDERER_INDEX_URL);
}

function fail(err: unknown): void {
  dialog.showErrorBox('Scrutiny Pack could not start', err instanceof Error ? err.message : String(err));
  app.exit(1);
}

app.on('window-all-closed', () => {
  ctx?.close();
  ctx = null;
  app.quit();
});
