// The scrutiny-pack command line: parses the global options, finds the command and maps its
// outcome to the exit codes the README promises (0 success, 1 data errors, 2 usage errors).
import { parseArgs } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/open';
import { KeyStore, openWithKeys } from '../keys';
import { defaultDatabasePath } from '../paths';
import { DataError, UsageError, type Command, type CommandContext } from './command';
import { COMMANDS } from './commands/index';
import { parseArgsMessage } from './parse-errors';
import { version } from '../../package.json';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  isTty?: boolean;
  env?: NodeJS.ProcessEnv;
}

const processIo: CliIo = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
  isTty: process.stderr.isTTY,
};

const GLOBAL_OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: scrutiny-pack <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --db FILE (default: the desktop app\'s database) and --json.',
    '"scrutiny-pack --version" prints the version.',
    'Run "scrutiny-pack help <command>" for a command\'s options.',
    'Exit codes: 0 success, 1 data errors, 2 usage errors.',
  ].join('\n');
}

function commandHelp(cmd: Command): string {
  return `Usage: scrutiny-pack ${cmd.usage}\n\n${cmd.summary}\n\nAlso: --db FILE, --json, --help`;
}

/**
 * Output piped into a program that stops reading (`settings | head -1`) ends the command quietly,
 * as other command-line tools do, instead of crashing with EPIPE.
 */
let pipeWatched = false;
function quietOnClosedPipe(): void {
  if (pipeWatched) return;
  pipeWatched = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    });
  }
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  if (io === processIo) quietOnClosedPipe();
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V') {
    io.out(version);
    return 0;
  }
  if (name === undefined) {
    // Nothing asked for: the help, but as a usage error, so a script that lost its arguments fails.
    io.err(helpText());
    return 2;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    if (rest[0] === undefined) {
      io.out(helpText());
      return 0;
    }
    const which = COMMANDS.find((c) => c.name === rest[0]);
    if (!which) {
      io.err(`Error: there is no command "${rest[0]}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}.`);
      return 2;
    }
    io.out(commandHelp(which));
    return 0;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.err(`Unknown command "${name}".\n\n${helpText()}`);
    return 2;
  }

  let db: Db | undefined;
  let json = false;
  try {
    const parsed = parseArgs({
      args: rest,
      options: { ...GLOBAL_OPTIONS, ...cmd.options },
      allowPositionals: cmd.allowPositionals ?? false,
      strict: true,
    });
    const values = parsed.values as CommandContext['values'];
    if (values.help) {
      io.out(commandHelp(cmd));
      return 0;
    }
    json = values.json === true;
    const env = io.env ?? process.env;
    const dbPath = path.resolve(typeof values.db === 'string' ? values.db : defaultDatabasePath(env));
    if (cmd.readsOnly && !fs.existsSync(dbPath)) {
      // A usage error, but a plain one: the command's help would bury the point.
      const message = `There is no database at ${dbPath}. Check --db, or import your exports first with scrutiny-pack import.`;
      if (json) io.out(JSON.stringify({ ok: false, error: message }));
      io.err(`Error: ${message}`);
      return 2;
    }
    const keys = KeyStore.fromEnv(env);
    const ctx: CommandContext = {
      values,
      positionals: parsed.positionals,
      json,
      dbPath,
      keys,
      db() {
        if (!db) {
          fs.mkdirSync(path.dirname(dbPath), { recursive: true });
          db = openWithKeys(dbPath, keys);
        }
        return db;
      },
      out: io.out,
      err: io.err,
      progress: (text) => {
        if (!json && io.isTty) io.err(text);
      },
    };
    return await cmd.run(ctx);
  } catch (e) {
    const err = e as Error & { code?: string };
    const parseError = typeof err.code === 'string' && err.code.startsWith('ERR_PARSE_ARGS');
    const usage = err instanceof UsageError || parseError;
    const plain = parseError ? parseArgsMessage(err, cmd) : err.message;
    const message = usage ? `${plain}\n\n${commandHelp(cmd)}` : plain;
    // --json is read by the parser that failed: look for it by hand so a script still gets JSON.
    if (json || (parseError && rest.includes('--json'))) io.out(JSON.stringify({ ok: false, error: plain }));
    io.err(`Error: ${message}`);
    if (usage) return 2;
    if (err instanceof DataError) return 1;
    if (!(err instanceof Error) || err.name === 'Error' || err.name === 'TypeError') {
      // An unexpected failure: keep the stack for the bug report.
      io.err(String(err.stack ?? err));
    }
    return 1;
  } finally {
    db?.close();
  }
}
