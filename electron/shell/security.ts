// The Electron security checklist, in one place: sandboxed renderers without Node, a strict
// Content-Security-Policy, no navigation or new windows, every permission refused, and IPC
// accepted only from the app's own page.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, session, type BrowserWindow, type IpcMainInvokeEvent, type WebContents } from 'electron';

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

export function rendererIndexFile(): string {
  return path.join(app.getAppPath(), 'dist', 'renderer', 'index.html');
}

export function rendererIndexUrl(): string {
  return pathToFileURL(rendererIndexFile()).href;
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
  // Nothing in the app fetches from the network; refuse anything that tries.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const ok = details.url.startsWith('file:') || details.url.startsWith('devtools:') || details.url.startsWith('data:') || details.url.startsWith('blob:') || details.url === 'about:blank' || details.url === 'about:srcdoc';
    callback({ cancel: !ok });
  });
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
  try {
    const url = new URL(frame.url);
    url.hash = '';
    url.search = '';
    return url.href === rendererIndexUrl();
  } catch {
    return false;
  }
}
