// The layering the README promises, checked on the source text: data modules never import
// electron, shared/ never imports Node or DOM-only modules, the renderer reaches the main
// process only through the typed contract.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

function sources(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return (fs.readdirSync(abs, { recursive: true }) as string[])
    .filter((f) => /\.(ts|tsx|mts)$/.test(f))
    .map((f) => path.join(abs, f));
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    out.push((m[1] ?? m[2] ?? m[3])!);
  }
  return out;
}

// The only files allowed to import electron: the thin shell.
const ELECTRON_SHELL = new Set(['electron/main.ts', 'electron/preload.ts', 'electron/shell']);

describe('architecture', () => {
  it('nothing under electron/ but the shell imports electron', () => {
    const offenders = sources('electron')
      .filter((f) => {
        const rel = path.relative(ROOT, f).split(path.sep).join('/');
        return ![...ELECTRON_SHELL].some((s) => rel === s || rel.startsWith(s + '/'));
      })
      .filter((f) => importsOf(f).some((i) => i === 'electron' || i.startsWith('electron/')))
      .map((f) => path.relative(ROOT, f));
    expect(offenders).toEqual([]);
  });

  it('shared/ imports no Node built-ins, no electron and nothing from electron/ or renderer/', () => {
    const offenders = sources('shared').flatMap((f) =>
      importsOf(f)
        .filter((i) => i.startsWith('node:') || ['fs', 'path', 'os', 'crypto', 'electron', 'better-sqlite3'].includes(i) || /(^|\/)(electron|renderer)\//.test(i))
        .map((i) => `${path.relative(ROOT, f)} -> ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the renderer imports nothing from electron/ and no Node built-ins', () => {
    const offenders = sources('renderer').flatMap((f) =>
      importsOf(f)
        .filter((i) => i.startsWith('node:') || i === 'electron' || i === 'better-sqlite3' || /(^|\/)electron\//.test(i))
        .map((i) => `${path.relative(ROOT, f)} -> ${i}`),
    );
    expect(offenders).toEqual([]);
  });
});
