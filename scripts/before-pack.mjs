// electron-builder's beforePack hook: puts the database engine built for the installer's own
// platform and processor in dist-electron/native before each package is made. npm's rebuild stays
// off (npmRebuild: false), because it would rebuild node_modules in place and take away the Node
// build that npm test and the command line use.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkElectron, prepareEngine, runTool } from './start-plan.mjs';
import { writeIntegrityManifest } from './build-electron.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** electron-builder's Arch enum, by number (builder-util's Arch). */
export const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

export function targetOf(context) {
  const arch = ARCH_NAMES[context.arch];
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  if (arch === undefined || arch === 'universal') {
    throw new Error('A universal macOS build needs two database engines in one app, which this project does not make: build --x64 and --arm64 separately.');
  }
  return { platform, arch: arch === 'armv7l' ? 'arm' : arch };
}

export default async function beforePack(context) {
  const { platform, arch } = targetOf(context);
  const electron = checkElectron(root, { needBinary: false });
  if (!electron.ok) throw new Error(electron.message);
  const result = prepareEngine({ root, electron, platform, arch, run: runTool });
  if (!result.ok) throw new Error(`The installer for ${platform} ${arch} was not made.\n${result.message}`);
  // The packaged app checks the unpacked engine against this manifest at start: hash this target's engine.
  writeIntegrityManifest();
}
