// The handler table without a browser: argument validation at the door, errors as data, the
// preload exposing exactly the contract, and the settings and backup handlers on a real database.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { API_NAMES } from '../../shared/api';
import { invokeHandler } from '../../electron/handlers';
import { scriptedApp } from './scripted-host';

const app = scriptedApp;

describe('handler table', () => {
  it('has one handler per contract name, and the preload lists exactly those names', () => {
    const { handlers, ctx } = app();
    expect(Object.keys(handlers).sort()).toEqual([...API_NAMES].sort());
    const preload = fs.readFileSync(path.join(__dirname, '../../electron/preload.ts'), 'utf8');
    const listed = [...preload.matchAll(/'([a-zA-Z]+)'/g)].map((m) => m[1]).filter((n) => n !== 'api' && n !== 'electron');
    expect(new Set(listed)).toEqual(new Set(API_NAMES));
    ctx.close();
  });

  it('refuses unknown names and invalid arguments with a readable error, without calling the handler', async () => {
    const { handlers, ctx } = app();
    expect(await invokeHandler(handlers, 'deleteEverything', {})).toEqual({ ok: false, error: expect.stringMatching(/does not know how/) });
    const bad = await invokeHandler(handlers, 'computeMetrics', { asAt: '31/03/2018', months: 12 });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/asAt.*YYYY-MM-DD/);
    const extra = await invokeHandler(handlers, 'getStatus', { sneaky: true });
    expect(extra.ok).toBe(false);
    const neg = await invokeHandler(handlers, 'updateSettings', { patch: { caseloadThreshold: -3 } });
    expect(neg.ok).toBe(false);
    ctx.close();
  });

  it('reports an empty database on first run and saves settings', async () => {
    const { handlers, ctx } = app();
    const status = await invokeHandler(handlers, 'getStatus', {});
    expect(status).toMatchObject({ ok: true, value: { empty: true, counts: { spells: 0, allocations: 0 } } });
    const saved = await invokeHandler(handlers, 'updateSettings', { patch: { councilName: '  Testshire County Council ', caseloadThreshold: 18 } });
    expect(saved).toMatchObject({ ok: true, value: { councilName: 'Testshire County Council', caseloadThreshold: 18, asyeCap: 15 } });
    ctx.close();
  });

  it('backs up and restores the database, keeping the state before the restore', async () => {
    const { handlers, ctx } = app();
    await invokeHandler(handlers, 'updateSettings', { patch: { councilName: 'Before' } });
    const b = await invokeHandler(handlers, 'backupDatabase', { chooseLocation: false });
    expect(b.ok).toBe(true);
    await invokeHandler(handlers, 'updateSettings', { patch: { councilName: 'After' } });
    const id = b.ok ? (b.value as { id: string }).id : '';
    const r = await invokeHandler(handlers, 'restoreBackup', { backupId: id, chooseFile: false });
    expect(r).toMatchObject({ ok: true, value: { restored: true } });
    expect(await invokeHandler(handlers, 'getSettings', {})).toMatchObject({ ok: true, value: { councilName: 'Before' } });
    const list = await invokeHandler(handlers, 'listBackups', {});
    expect(list.ok && (list.value as unknown[]).length).toBe(2);
    // A name that tries to leave the backups folder is refused.
    const escape = await invokeHandler(handlers, 'restoreBackup', { backupId: '../app.sqlite', chooseFile: false });
    expect(escape).toMatchObject({ ok: false, error: expect.stringMatching(/Choose a backup/) });
    ctx.close();
  });

  it('refuses to restore a file that is not a Scrutiny Pack database', async () => {
    const { handlers, ctx, host, dir } = app();
    const junk = path.join(dir, 'junk.sqlite');
    fs.writeFileSync(junk, 'not a database at all');
    host.nextPicks.push([junk]);
    const r = await invokeHandler(handlers, 'restoreBackup', { chooseFile: true });
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/could not be read|not a Scrutiny Pack database/) });
    ctx.close();
  });

  it('gives out file handles, not paths, and refuses handles it never issued', async () => {
    const { handlers, ctx, host, dir } = app();
    const f = path.join(dir, 'w.csv');
    fs.writeFileSync(f, 'staff_id,role\n');
    host.nextPicks.push([f]);
    const picked = await invokeHandler(handlers, 'pickFiles', { multiple: true });
    expect(picked).toMatchObject({ ok: true, value: [{ name: 'w.csv', bytes: 14 }] });
    expect(JSON.stringify(picked)).not.toContain(dir);
    const forged = await invokeHandler(handlers, 'detectFile', { fileId: '/etc/passwd' });
    expect(forged).toMatchObject({ ok: false, error: expect.stringMatching(/no longer available/) });
    ctx.close();
  });

  it("words a name column for whose it may be: a staff file's, or possibly a child's", async () => {
    const { handlers, ctx, host, dir } = app();
    const staff = path.join(dir, 'staff.csv');
    fs.writeFileSync(staff, 'staff_id,surname,role,employment_type,fte,start_date\nS1,Smith,case_holder,permanent,1,2020-01-01\n');
    const cases = path.join(dir, 'cases.csv');
    fs.writeFileSync(cases, 'case_id,child_name,case_type,staff_id,start_date\nC1,Ann,CIN,S1,2020-01-01\n');
    host.nextPicks.push([staff, cases]);
    const picked = await invokeHandler(handlers, 'pickFiles', { multiple: true });
    if (!picked.ok) throw new Error(picked.error);
    const [s, c] = picked.value as Array<{ id: string }>;
    const ds = await invokeHandler(handlers, 'detectFile', { fileId: s!.id });
    const dc = await invokeHandler(handlers, 'detectFile', { fileId: c!.id });
    expect(ds).toMatchObject({ ok: true, value: { source: 'workers', description: expect.stringMatching(/surname: not stored \(a worker's own personal details/) } });
    expect(dc).toMatchObject({ ok: true, value: { description: expect.stringMatching(/a child's name or date of birth \(child_name\)/) } });
    ctx.close();
  });
});
