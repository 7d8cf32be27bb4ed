// The contract every command-line command implements, and the two kinds of failure it reports:
// a usage error (exit 2: the user typed something we cannot act on) and a data error (exit 1:
// the command ran but the data was wrong, e.g. an import with invalid rows).
import type { ParseArgsConfig } from 'node:util';
import type { Db } from '../db/open';
import type { KeyStore } from '../keys';

export class UsageError extends Error {
  override name = 'UsageError';
}
export class DataError extends Error {
  override name = 'DataError';
}

export interface CommandContext {
  /** Parsed option values (strings and booleans as declared in `options`). */
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
  /** --json was given: print one JSON document on stdout and nothing else there. */
  json: boolean;
  /** The database file in use (--db or the app's default). */
  dbPath: string;
  /** Where this computer keeps case keys (the same store as the desktop app's). */
  keys: KeyStore;
  /** Opens the database on first use, so commands that need none (demo) never create one. */
  db(): Db;
  out(text: string): void;
  err(text: string): void;
  /** Progress for long work; goes to stderr and is silent under --json or when not a TTY. */
  progress(text: string): void;
}

export interface Command {
  name: string;
  summary: string;
  /** Usage line(s) shown by `help <command>`, after the program name. */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  allowPositionals?: boolean;
  /**
   * The command only reads an existing database: a --db that names no file is refused (exit 2)
   * instead of quietly creating an empty database, which would hide a typing mistake.
   */
  readsOnly?: boolean;
  /** Returns the exit code (0 success, 1 data errors); throw UsageError for exit 2. */
  run(ctx: CommandContext): Promise<number> | number;
}
