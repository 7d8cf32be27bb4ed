// The case key in the app's Settings, through the handler table: export on one computer (a native
// save dialog), a copy of the database elsewhere says plainly that the key is missing and refuses
// only allocations imports, and importing the key (a native open dialog) makes it whole again.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { AppContext, createHandlers, invokeHandler } from '../../electron/handlers';
import { KeyStore } from '../../electron/keys';
import { runImport } from '../../electron/import/index';
import { tempDir } from '../support/tmp';
import { ScriptedHost } from '../app/scripted-host';

function computer(dbFile: string) {
  const saves = tempDir();
  const host = new ScriptedHost(saves);
  const keys = new KeyStore({ dir: path.join(tempDir('scrutiny-keys-'), 'keys') });
  const ctx = new AppContext(dbFile, host, { fixturesDir: path.join(__dirname, '../../fixtures/demo'), keys });
  return { ctx, host, keys, saves, handlers: createHandlers(ctx) };
}

describe('case key in Settings', () => {
  it('exports the key through a save dialog, and a copy elsewhere imports it to take allocations again', async () => {
    const dir = tempDir();
    const dbFile = path.join(dir, 'here.sqlite');
    const here = computer(dbFile);
    expect(await invokeHandler(here.handlers, 'keyStatus', {})).toMatchObject({ ok: true, value: { hasKey: false, source: null } });
    const csv = path.join(dir, 'a.csv');
    fs.writeFileSync(csv, 'case_id,case_type,staff_id,team,start_date,end_date\n101,CIN,S1,North,2024-01-01,\n102,CP,S2,North,2024-01-01,\n');
    await runImport(here.ctx.db(), { file: csv, dbPath: dbFile, keys: here.keys, extractDate: '2025-01-01' });
    expect(await invokeHandler(here.handlers, 'keyStatus', {})).toMatchObject({ ok: true, value: { hasKey: true, source: 'key folder', message: 'The case key of this database is on this computer (key folder).' } });
    const exported = await invokeHandler(here.handlers, 'exportKey', {});
    expect(exported).toMatchObject({ ok: true, value: { done: true, message: expect.stringMatching(/anyone can work out the case IDs.*Settings > Case key > Import a key/) } });
    const keyFile = here.host.saved[0]!;
    expect(JSON.parse(fs.readFileSync(keyFile, 'utf8'))).toMatchObject({ format: 'scrutiny-pack-case-key' });
    here.ctx.close();

    const copy = path.join(tempDir(), 'there.sqlite');
    fs.copyFileSync(dbFile, copy);
    const there = computer(copy);
    expect(await invokeHandler(there.handlers, 'keyStatus', {})).toMatchObject({ ok: true, value: { hasKey: true, source: null, message: expect.stringMatching(/not on this computer.*Import a key/) } });
    expect(await invokeHandler(there.handlers, 'exportKey', {})).toMatchObject({ ok: false, error: expect.stringMatching(/not on this computer/) });
    expect(await invokeHandler(there.handlers, 'getStatus', {})).toMatchObject({ ok: true, value: { counts: { allocations: 2 } } });
    there.host.nextPicks.push([keyFile]);
    expect(await invokeHandler(there.handlers, 'importKey', {})).toMatchObject({ ok: true, value: { done: true, message: expect.stringMatching(/Imported the case key/) } });
    expect(await invokeHandler(there.handlers, 'keyStatus', {})).toMatchObject({ ok: true, value: { source: 'key folder' } });
    fs.writeFileSync(csv, 'case_id,case_type,staff_id,team,start_date,end_date\n101,CIN,S1,North,2024-01-01,2024-06-30\n');
    const r = await runImport(there.ctx.db(), { file: csv, dbPath: copy, keys: there.keys, extractDate: '2025-01-01' });
    expect(r).toMatchObject({ updated: 1, inserted: 0 });
    there.ctx.close();
  });
});
