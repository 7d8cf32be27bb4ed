// What every handler works with: the open database, the few things only the host can do (native
// dialogs, opening files), and the session's registries of files the user picked and files the app
// wrote. The renderer only ever holds opaque ids into those registries, never paths, so a
// compromised page cannot make the data layer read or open a file the user did not choose.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open';
import { KeyStore, openWithKeys } from '../keys';
import type { FileRef } from '../../shared/api';

/** Things only the desktop shell can do; the browser tests pass scripted stand-ins. */
export interface Host {
  /** Native open dialog; [] when cancelled. */
  pickFiles(options: { multiple: boolean; title: string; filters: FileFilter[] }): Promise<string[]>;
  /** Native save dialog; null when cancelled. */
  pickSaveFile(options: { title: string; suggestedName: string; filters: FileFilter[] }): Promise<string | null>;
  /** Opens a file with the system's default application. */
  openPath(file: string): Promise<void>;
  /** Shows the file selected in Explorer / Finder. */
  showInFolder(file: string): void;
  /**
   * A native yes/no question asked by the main process itself, for steps that replace data (a
   * compromised page cannot answer it). Resolves true only when the person chose `confirmLabel`.
   */
  confirm(options: { title: string; message: string; detail: string; confirmLabel: string }): Promise<boolean>;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface RegisteredFile {
  id: string;
  path: string;
  name: string;
  bytes: number;
}

export class AppContext {
  private current: Db;
  readonly files = new Map<string, RegisteredFile>();
  readonly outputs = new Map<string, RegisteredFile>();
  /** A private folder for dropped files, removed by close(). */
  readonly stagingDir: string;
  /** Where this computer keeps case keys: shared with the command line (electron/keys). */
  readonly keys: KeyStore;

  constructor(
    readonly dbFile: string,
    readonly host: Host,
    readonly options: { nativeBinding?: string; fixturesDir: string; keys?: KeyStore },
  ) {
    this.keys = options.keys ?? KeyStore.fromEnv();
    fs.mkdirSync(path.dirname(dbFile), { recursive: true });
    this.current = this.open();
    this.stagingDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutiny-pack-staged-'));
  }

  db(): Db {
    return this.current;
  }

  private open(): Db {
    return openWithKeys(this.dbFile, this.keys, this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {});
  }

  /** Closes the database, lets `replace` swap the file, and opens it again (restore from backup). */
  reopen(replace: () => void): void {
    if (this.current.open) this.current.close();
    try {
      replace();
    } finally {
      this.current = this.open();
    }
  }

  registerFile(file: string, name = path.basename(file)): FileRef {
    const ref: RegisteredFile = { id: randomUUID(), path: file, name, bytes: fs.statSync(file).size };
    this.files.set(ref.id, ref);
    return { id: ref.id, name: ref.name, bytes: ref.bytes };
  }

  registerOutput(file: string): RegisteredFile {
    const ref: RegisteredFile = { id: randomUUID(), path: file, name: path.basename(file), bytes: fs.statSync(file).size };
    this.outputs.set(ref.id, ref);
    return ref;
  }

  file(id: string): RegisteredFile {
    const f = this.files.get(id);
    if (!f) throw new UserError('That file is no longer available. Choose it again.');
    return f;
  }

  close(): void {
    if (this.current.open) this.current.close();
    fs.rmSync(this.stagingDir, { recursive: true, force: true });
  }
}

/** An error whose message is meant for the person at the screen, passed through unchanged. */
export class UserError extends Error {
  override name = 'UserError';
}

export class NotAvailableError extends UserError {
  constructor(what: string) {
    super(`${what} is not available in this version of Scrutiny Pack yet.`);
  }
}
