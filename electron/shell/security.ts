// The Electron security checklist, in one place: sandboxed renderers without Node, a strict
// Content-Security-Policy, the page served from app:// with file: refused, no navigation, new
// windows or downloads, every permission refused, and IPC accepted only from the app's own page.
// (docs/security.md goes through the checklist item by item.)
import fs from 'node:fs';
import path from 'node:path';
import { app, protocol, session, type BrowserWindow, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { APP_SCHEME, contentTypeFor, isAllowedRequest, isRendererPage, resolveAppRequest } from './app-protocol';

/**
 * No eval, no remote origins, nothing but the app's own files. Inline style attributes are
 * allowed (charts set positions through them; the paper preview carries its own stylesheet in a
 * script-less sandboxed frame); scripts are never inline.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "frame-src 'self' about:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function rendererDir(): string {
  return path.join(app.getAppPath(), 'dist', 'renderer');
}

/** Before the app is ready: app:// is a standard, secure scheme (an origin of its own for 'self'). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
}

/** Serves the renderer's built files, and nothing outside its folder, on app://scrutiny/. */
export function serveRenderer(): void {
  const root = rendererDir();
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppRequest(request.url, root);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      // A link inside the folder that points outside it is refused too.
      const real = await fs.promises.realpath(file);
      const realRoot = await fs.promises.realpath(root);
      if (path.relative(realRoot, real).startsWith('..')) return new Response('Not found', { status: 404 });
      return new Response(await fs.promises.readFile(real), { headers: { 'content-type': contentTypeFor(real) } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

/** Session-wide rules: CSP on every response and every permission request refused. */
export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // Nothing in the app fetches from the network or reads the disk through the page: only its own
  // app:// files pass (file: included, refused).
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
  // The app never downloads anything; a page that tries gets nothing written.
  ses.on('will-download', (event) => event.preventDefault());
}

/** Applied to every web contents the app creates: no navigation away, no pop-ups, no webviews. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** True only for calls from the main frame of our own window showing our own page. */
export function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  if (!win || win.isDestroyed() || !frame) return false;
  if (event.sender !== win.webContents || frame !== win.webContents.mainFrame) return false;
  return isRendererPage(frame.url);
}
