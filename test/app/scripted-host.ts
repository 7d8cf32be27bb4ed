// A stand-in for the desktop shell's native dialogs: the test queues what the user "picks", save
// dialogs write into a temporary folder, and opening files is recorded instead of done.
import path from 'node:path';
import { AppContext, createHandlers, type Host } from '../../electron/handlers';
import { tempDir } from '../support/tmp';

export class ScriptedHost implements Host {
  readonly nextPicks: string[][] = [];
  readonly opened: string[] = [];
  readonly shown: string[] = [];
  readonly saved: string[] = [];
  /** The answers the person gives to confirmation questions, in order (yes when none is queued). */
  readonly confirmAnswers: boolean[] = [];
  readonly asked: Array<{ title: string; message: string; detail: string; confirmLabel: string }> = [];

  constructor(private readonly saveDir: string) {}

  async pickFiles(): Promise<string[]> {
    return this.nextPicks.shift() ?? [];
  }

  async pickSaveFile({ suggestedName }: { suggestedName: string }): Promise<string | null> {
    const file = path.join(this.saveDir, path.basename(suggestedName));
    this.saved.push(file);
    return file;
  }

  async openPath(file: string): Promise<void> {
    this.opened.push(file);
  }

  showInFolder(file: string): void {
    this.shown.push(file);
  }

  async confirm(question: { title: string; message: string; detail: string; confirmLabel: string }): Promise<boolean> {
    this.asked.push(question);
    return this.confirmAnswers.shift() ?? true;
  }
}

/** The handler table over a fresh database in a temporary folder, with a scripted host. */
export function scriptedApp() {
  const dir = tempDir();
  const host = new ScriptedHost(dir);
  const ctx = new AppContext(path.join(dir, 'app.sqlite'), host, { fixturesDir: path.join(__dirname, '../../fixtures/demo') });
  return { ctx, host, dir, handlers: createHandlers(ctx) };
}
