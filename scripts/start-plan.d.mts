// Types for start-plan.mjs (plain JavaScript, so `npm start` needs no TypeScript step), for its tests.
export interface ElectronFound {
  ok: true;
  version: string;
  binary: string | undefined;
  abi: number | undefined;
}
export type ElectronCheck = ElectronFound | { ok: false; message: string };
export function checkElectron(
  root: string,
  options?: { needBinary?: boolean; env?: NodeJS.ProcessEnv; exists?: (file: string) => boolean; readFile?: (file: string) => string },
): ElectronCheck;
export function expectedAbi(electron: ElectronFound, resolveFrom: string): number | undefined;
export function moduleAbiOf(bytes: Buffer): number | undefined;
export function engineStamp(p: { electronVersion: string; betterSqlite3: string; abi: number; platform: string; arch: string }): string;
export function canReuseEngine(p: { stamp: string; wantedStamp: string; fileAbi: number | undefined; abi: number }): boolean;
export function buildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export interface BuildAttempt {
  tool: 'prebuild-install' | 'node-gyp';
  command: string;
  args: string[];
}
export function buildAttempts(p: {
  nodePath: string;
  prebuildInstall: string | undefined;
  nodeGyp: string | undefined;
  electronVersion: string;
  platform: string;
  arch: string;
  hostPlatform?: string;
  hostArch?: string;
}): BuildAttempt[];
export function toolScript(resolveFrom: string, name: string): string | undefined;
export function copyFilter(packageDir: string): (src: string) => boolean;
export function failureMessage(
  outcomes: { tool: string; status: 'failed' | 'missing' | 'other-machine' | 'wrong-abi' | 'no-output'; abi?: number }[],
  p: { electronVersion: string; abi: number },
): string;
export interface EngineIo {
  exists(file: string): boolean;
  readText(file: string): string;
  writeText(file: string, text: string): void;
  abiOf(file: string): number | undefined;
  remove(p: string): void;
  resetWorkCopy(from: string, to: string): void;
  run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): number | null;
  install(from: string, to: string): void;
  log(text: string): void;
}
export function ensureEngine(
  p: {
    root: string;
    outDir: string;
    workDir: string;
    electron: ElectronFound;
    abi: number | undefined;
    betterSqlite3Version: string;
    platform: string;
    arch: string;
    attempts: BuildAttempt[];
    env: NodeJS.ProcessEnv;
  },
  io: EngineIo,
): { ok: true; file: string; reused: boolean } | { ok: false; message: string };
export function fileIo(p: { run: EngineIo['run']; log?: (text: string) => void }): EngineIo;
export function prepareEngine(p: {
  root: string;
  electron: { version: string; abi: number | undefined };
  platform: string;
  arch: string;
  run: EngineIo['run'];
  log?: (text: string) => void;
}): { ok: true; file: string; reused: boolean } | { ok: false; message: string };
export function runTool(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): number | null;
