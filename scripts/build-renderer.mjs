// Builds the React screens into dist/renderer (or the folder given as the first argument).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildRenderer(outDir = path.join(root, 'dist', 'renderer')) {
  await build({ configFile: path.join(root, 'vite.config.ts'), build: { outDir, emptyOutDir: true } });
  return outDir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildRenderer(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  console.log(`Renderer built into ${path.relative(process.cwd(), out) || '.'}`);
}
