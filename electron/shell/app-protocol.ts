// The renderer is served from app://scrutiny/ rather than file://, so the page's origin is its own
// (CSP 'self' means the app's files, not every file on the disk) and the file protocol's extra
// privileges can be turned off (electron-builder.yml's grantFileProtocolExtraPrivileges fuse).
// Pure functions, tested under Node; main.ts only wires them to protocol.handle and webRequest.
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'scrutiny';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const RENDERER_INDEX_URL = `${APP_ORIGIN}/index.html`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/**
 * The file under rootDir an app:// URL names, or null for anything else: another scheme or host,
 * a path that climbs out of the folder (.. in any spelling, encoded or not), a backslash or NUL,
 * or a type the renderer does not ship. "/" is the index page.
 */
export function resolveAppRequest(url: string, rootDir: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username || u.password) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  if (/[\\\0]/.test(rel) || rel.split('/').some((seg) => seg === '..' || seg === '.')) return null;
  const root = path.resolve(rootDir);
  const file = path.resolve(root, '.' + rel);
  const inside = path.relative(root, file);
  if (!inside || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  if (!(path.extname(file).toLowerCase() in CONTENT_TYPES)) return null;
  return file;
}

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Requests the page may make: its own app:// files, data and blob URLs it made, the blank and
 * srcdoc frames of the paper preview, and DevTools. file: is refused (the page has no business
 * reading the disk), as is the network.
 */
export function isAllowedRequest(url: string): boolean {
  if (url === 'about:blank' || url === 'about:srcdoc') return true;
  if (url.startsWith(`${APP_ORIGIN}/`)) return true;
  return url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('devtools:');
}

/** The app's own page, whatever its hash or query: the only sender IPC accepts. */
export function isRendererPage(url: string): boolean {
  try {
    const u = new URL(url);
    u.hash = '';
    u.search = '';
    return u.href === RENDERER_INDEX_URL;
  } catch {
    return false;
  }
}
