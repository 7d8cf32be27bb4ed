// The app's handlers over a fresh database in a temporary folder, with a scripted host that
// "picks" the given file, and a way to wait for an import job as the screen does.
import path from 'node:path';
import { AppContext, createHandlers } from '../../electron/handlers';
import type { ImportProgressInfo } from '../../shared/api';
import { ScriptedHost } from '../app/scripted-host';
import { tempDir } from './tmp';

export async function handlersWithFile(file: string) {
  const dir = tempDir();
  const host = new ScriptedHost(dir);
  const ctx = new AppContext(path.join(dir, 'app.sqlite'), host, { fixturesDir: dir });
  const h = createHandlers(ctx);
  host.nextPicks.push([file]);
  const [ref] = await h.pickFiles({ multiple: false });
  /** Polls a job until it is no longer running, and returns its last report. */
  const finished = async (jobId: string): Promise<ImportProgressInfo> => {
    let p = await h.importProgress({ jobId });
    while (p.state === 'running') {
      await new Promise((r) => setTimeout(r, 10));
      p = await h.importProgress({ jobId });
    }
    return p;
  };
  return { ctx, h, fileId: ref!.id, finished };
}
