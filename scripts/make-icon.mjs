// Draws the installers' icon (build-resources/icon.png, 512 x 512; electron-builder makes the
// Windows .ico and macOS .icns from it) from the SVG below, so the icon can be changed by editing
// text. Run `node scripts/make-icon.mjs` after changing it, and commit the PNG.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// A committee paper with a bar chart on it, on the app's dark blue.
export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <rect x="16" y="16" width="480" height="480" rx="96" fill="#1d3a5f"/>
  <path d="M136 88h180l60 60v276a16 16 0 0 1-16 16H136a16 16 0 0 1-16-16V104a16 16 0 0 1 16-16z" fill="#ffffff"/>
  <path d="M316 88v44a16 16 0 0 0 16 16h44z" fill="#c9d6e6"/>
  <rect x="156" y="128" width="120" height="16" rx="8" fill="#1d3a5f"/>
  <rect x="156" y="160" width="88" height="12" rx="6" fill="#8aa0b8"/>
  <rect x="164" y="296" width="40" height="104" rx="6" fill="#2f7d6d"/>
  <rect x="224" y="248" width="40" height="152" rx="6" fill="#2f7d6d"/>
  <rect x="284" y="216" width="40" height="184" rx="6" fill="#e0a526"/>
  <rect x="152" y="404" width="184" height="8" rx="4" fill="#1d3a5f"/>
</svg>`;

export function renderIcon(size = 512) {
  return new Resvg(ICON_SVG, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = path.join(root, 'build-resources', 'icon.png');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, renderIcon());
  console.log(`Wrote ${path.relative(root, out)}`);
}
