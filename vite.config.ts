// Builds the renderer (renderer/index.html and the React screens) into dist/renderer with
// relative asset paths, so Electron can load it from the file system and the browser tests from
// any folder. No React plugin: esbuild's automatic JSX runtime is all the screens need.
import { defineConfig } from 'vite';
import path from 'node:path';

export default defineConfig({
  root: path.resolve(__dirname, 'renderer'),
  base: './',
  esbuild: { jsx: 'automatic' },
  logLevel: 'error',
  build: {
    outDir: path.resolve(__dirname, 'dist/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
});
