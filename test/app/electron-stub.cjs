// A stand-in for the 'electron' module, so the bundled main process and preload can be loaded
// and exercised under plain Node (the Electron binary cannot be downloaded here). Records what
// the shell asked Electron to do; the test inspects it.
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const rec = {
  sandboxEnabled: false,
  channels: new Map(),
  windows: [],
  loaded: [],
  permissionRequest: null,
  permissionCheck: null,
  headersHook: null,
  requestHook: null,
  appEvents: new Map(),
  errors: [],
  exposed: {},
  invoked: [],
  menu: null,
  schemes: null,
  protocolHandlers: new Map(),
  sessionEvents: new Map(),
};
const appDir = process.env.STUB_APP_DIR;

class WebContents {
  constructor() {
    this.events = new Map();
    this.mainFrame = { url: 'app://scrutiny/index.html#/overview' };
    this.openHandler = null;
  }
  on(ev, fn) { this.events.set(ev, fn); }
  setWindowOpenHandler(fn) { this.openHandler = fn; }
  executeJavaScript() { return Promise.resolve(); }
}

class BrowserWindow {
  constructor(options) {
    this.options = options;
    this.webContents = new WebContents();
    rec.windows.push(this);
    for (const fn of rec.appEvents.get('web-contents-created') ?? []) fn({}, this.webContents);
  }
  once() {}
  on() {}
  show() {}
  isDestroyed() { return false; }
  isMinimized() { return false; }
  loadFile(file) { rec.loaded.push(file); return Promise.resolve(); }
  loadURL(url) { rec.loaded.push(url); return Promise.resolve(); }
}

module.exports = {
  __rec: rec,
  app: {
    isPackaged: process.env.STUB_PACKAGED === '1',
    setName() {},
    commandLine: { appendSwitch(name, value) { rec.switches = { ...(rec.switches ?? {}), [name]: value }; } },
    enableSandbox() { rec.sandboxEnabled = true; },
    on(ev, fn) { rec.appEvents.set(ev, [...(rec.appEvents.get(ev) ?? []), fn]); },
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    getAppPath: () => appDir,
    getVersion: () => '0.0.0',
    quit() {},
    exit(code) { rec.errors.push(`exit ${code}`); },
  },
  BrowserWindow,
  ipcMain: { handle(channel, fn) { rec.channels.set(channel, fn); } },
  session: {
    defaultSession: {
      webRequest: {
        onHeadersReceived(fn) { rec.headersHook = fn; },
        onBeforeRequest(fn) { rec.requestHook = fn; },
      },
      setPermissionRequestHandler(fn) { rec.permissionRequest = fn; },
      setPermissionCheckHandler(fn) { rec.permissionCheck = fn; },
      setDevicePermissionHandler() {},
      on(ev, fn) { rec.sessionEvents.set(ev, fn); },
    },
  },
  protocol: {
    registerSchemesAsPrivileged(schemes) { rec.schemes = schemes; },
    handle(scheme, fn) { rec.protocolHandlers.set(scheme, fn); },
  },
  safeStorage: {
    isEncryptionAvailable: () => false,
    encryptString() { throw new Error('not available'); },
    decryptString() { throw new Error('not available'); },
  },
  Menu: { buildFromTemplate: (t) => t, setApplicationMenu(m) { rec.menu = m; } },
  dialog: {
    showErrorBox(title, message) { rec.errors.push(`${title}: ${message}`); },
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showSaveDialog: async () => ({ canceled: true }),
    showMessageBox: async () => ({ response: 1 }),
  },
  shell: { openPath: async () => '', showItemInFolder() {} },
  contextBridge: { exposeInMainWorld(key, value) { rec.exposed[key] = value; } },
  ipcRenderer: { invoke(channel, args) { rec.invoked.push([channel, args]); return Promise.resolve({ ok: true, value: null }); } },
};
