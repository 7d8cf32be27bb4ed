// Loads the bundled dist-electron/main.cjs and preload.cjs with the stub electron module, drives
// them the way Electron would, and prints what happened as JSON (run by main-bundle.test.ts).
const Module = require('node:module');
const path = require('node:path');
const stub = require('./electron-stub.cjs');
const originalLoad = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'electron') return stub;
  return originalLoad.call(this, request, parent, isMain);
};
const [mainFile, preloadFile] = process.argv.slice(2);
const rec = stub.__rec;

(async () => {
  // The renderer's folder, and a file beside it that the app:// handler must never serve.
  const appDir = process.env.STUB_APP_DIR;
  require('node:fs').mkdirSync(path.join(appDir, 'dist', 'renderer'), { recursive: true });
  require('node:fs').writeFileSync(path.join(appDir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Scrutiny Pack</title>');
  require('node:fs').writeFileSync(path.join(appDir, 'dist', 'secret.html'), 'not for the page');
  // Packaged, Electron sets resourcesPath (the fonts are found there).
  if (process.env.STUB_PACKAGED === '1') process.resourcesPath = appDir;
  require(mainFile);
  for (let i = 0; i < 20 && rec.windows.length === 0 && rec.errors.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
  const win = rec.windows[0];
  const out = { errors: rec.errors, sandboxEnabled: rec.sandboxEnabled, switches: rec.switches, channels: [...rec.channels.keys()], loaded: rec.loaded };
  if (win) {
    out.webPreferences = { ...win.options.webPreferences, preload: path.basename(win.options.webPreferences.preload) };
    const wc = win.webContents;
    const trusted = { sender: wc, senderFrame: wc.mainFrame };
    const stranger = { sender: wc, senderFrame: { url: 'https://evil.example/' } };
    const getStatus = rec.channels.get('api:getStatus');
    out.trustedCall = await getStatus(trusted, {});
    out.strangerCall = await getStatus(stranger, {});
    out.badArgs = await rec.channels.get('api:computeMetrics')(trusted, { asAt: 'yesterday', months: 3 });
    let prevented = 0;
    for (const ev of ['will-navigate', 'will-redirect', 'will-attach-webview']) wc.events.get(ev)?.({ preventDefault: () => prevented++ });
    out.navigationPrevented = prevented;
    out.windowOpen = wc.openHandler?.({ url: 'https://example.org' });
    out.permission = await new Promise((r) => rec.permissionRequest({}, 'media', r));
    out.permissionCheck = rec.permissionCheck({}, 'notifications');
    out.csp = await new Promise((r) => rec.headersHook({ responseHeaders: {} }, (x) => r(x.responseHeaders['Content-Security-Policy'])));
    out.remoteRequest = await new Promise((r) => rec.requestHook({ url: 'https://fonts.example/x.woff2' }, r));
    out.localRequest = await new Promise((r) => rec.requestHook({ url: 'app://scrutiny/assets/index.js' }, r));
    out.menu = rec.menu.map((m) => m.label ?? m.role);
    out.schemes = rec.schemes;
    const serve = rec.protocolHandlers.get('app');
    const fetchApp = async (url) => { const r = await serve({ url }); return { status: r.status, type: r.headers.get('content-type'), text: await r.text() }; };
    out.servedIndex = await fetchApp('app://scrutiny/index.html');
    out.traversal = [];
    for (const url of ['app://scrutiny/../secret.html', 'app://scrutiny/%2e%2e/secret.html', 'app://scrutiny/..%2fsecret.html', 'app://scrutiny/%2E%2E%5Csecret.html', 'app://other/index.html']) out.traversal.push((await fetchApp(url)).status);
    out.fileRequest = await new Promise((r) => rec.requestHook({ url: 'file:///etc/passwd' }, r));
    let downloadPrevented = false;
    rec.sessionEvents.get('will-download')?.({ preventDefault: () => { downloadPrevented = true; } }, {}, wc);
    out.downloadPrevented = downloadPrevented;
  }
  if (process.env.STUB_PACKAGED === '1') {
    process.stdout.write(JSON.stringify(out));
    return;
  }
  require(preloadFile);
  out.exposedKeys = Object.keys(rec.exposed.api ?? {});
  out.exposedFrozen = Object.isFrozen(rec.exposed.api);
  await rec.exposed.api.getStatus();
  out.invoked = rec.invoked;
  for (const fn of rec.appEvents.get('window-all-closed') ?? []) fn();
  process.stdout.write(JSON.stringify(out));
})().catch((err) => {
  process.stdout.write(JSON.stringify({ crash: String(err && err.stack || err) }));
});
