// Issue 16, "The desktop shell": what a compromised page could make the main process do through
// the handler table, refused there (not in the page): saving or opening a file of a kind the app
// never writes, and replacing the database without the person's own answer to a native question.
// Also the pure parts of the shell: app:// path resolution and the unpacked files' hashes.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { invokeHandler } from '../../electron/handlers';
import { assertOpenable, effectiveExtension, withExtension } from '../../electron/handlers/file-types';
import { isAllowedRequest, isRendererPage, resolveAppRequest } from '../../electron/shell/app-protocol';
import { checkUnpackedFiles, sha256OfFile } from '../../electron/shell/integrity';
import { tempDir } from '../support/tmp';
import { scriptedApp } from './scripted-host';

const app = scriptedApp;

describe('saving and opening files', () => {
  it('saves only the kinds of file the product writes; "problems.hta" is refused before any dialog', async () => {
    const { handlers, ctx, host, dir } = app();
    for (const name of ['problems.hta', 'run.exe', 'x.bat', 'x.js', 'x.lnk', 'x.ps1', 'x.vbs', 'x.HTA', 'x.hta.', 'x.hta ', 'x.csv:y.hta', 'noextension']) {
      const r = await invokeHandler(handlers, 'saveText', { suggestedName: name, content: 'mshta' });
      expect(r, name).toEqual({ ok: false, error: expect.stringMatching(/saves only \.csv, \.pdf, \.html, \.json, \.docx, \.png, \.svg files/) });
    }
    expect(host.saved).toEqual([]);
    expect(fs.readdirSync(dir).filter((f) => !f.startsWith('app.sqlite'))).toEqual([]);
    const ok = await invokeHandler(handlers, 'saveText', { suggestedName: 'left-out.CSV', content: 'a,b\n' });
    expect(ok).toMatchObject({ ok: true, value: { name: 'left-out.CSV' } });
    expect(fs.readFileSync(path.join(dir, 'left-out.CSV'), 'utf8')).toBe('\ufeffa,b\n');
    ctx.close();
  });

  it('a name typed in the save dialog with another extension gets the right one added', () => {
    expect(withExtension('/t/report', 'csv')).toBe('/t/report.csv');
    expect(withExtension('/t/report.hta', 'csv')).toBe('/t/report.hta.csv');
    expect(withExtension('/t/report.csv.', 'csv')).toBe('/t/report.csv..csv');
    expect(withExtension('/t/report.csv', 'csv')).toBe('/t/report.csv');
    expect(effectiveExtension('C:\\x\\A.PdF. . ')).toBe('pdf');
  });

  it('never opens a file of a kind the app does not write, even one it registered', async () => {
    const { handlers, ctx, host, dir } = app();
    for (const name of ['evil.hta', 'evil.exe', 'evil.cmd', 'evil.pdf.exe', 'evil', 'evil.csv:x']) {
      const f = path.join(dir, name.replace(':', '_'));
      fs.writeFileSync(f, 'x');
      const ref = ctx.registerOutput(f);
      if (name.includes(':')) ref.path = path.join(dir, name);
      const r = await invokeHandler(handlers, 'openOutput', { outputId: ref.id, inFolder: false });
      expect(r.ok, name).toBe(false);
    }
    expect(host.opened).toEqual([]);
    const pdf = path.join(dir, 'paper.pdf');
    fs.writeFileSync(pdf, '%PDF');
    const r = await invokeHandler(handlers, 'openOutput', { outputId: ctx.registerOutput(pdf).id, inFolder: false });
    expect(r).toEqual({ ok: true, value: { opened: true } });
    expect(host.opened).toEqual([pdf]);
    expect(() => assertOpenable('x.docx')).not.toThrow();
    ctx.close();
  });
});

describe('restoring a backup', () => {
  it('asks the person in a native dialog from the main process; "Cancel" restores nothing', async () => {
    const { handlers, ctx, host } = app();
    await invokeHandler(handlers, 'updateSettings', { patch: { councilName: 'Before' } });
    const b = await invokeHandler(handlers, 'backupDatabase', { chooseLocation: false });
    const id = b.ok ? (b.value as { id: string }).id : '';
    await invokeHandler(handlers, 'updateSettings', { patch: { councilName: 'After' } });
    host.confirmAnswers.push(false);
    const refused = await invokeHandler(handlers, 'restoreBackup', { backupId: id, chooseFile: false });
    expect(refused).toEqual({ ok: true, value: { restored: false, message: 'Nothing was restored.' } });
    expect(host.asked).toEqual([expect.objectContaining({ title: 'Restore a backup', confirmLabel: 'Restore', message: expect.stringContaining(id) })]);
    expect(await invokeHandler(handlers, 'getSettings', {})).toMatchObject({ ok: true, value: { councilName: 'After' } });
    expect((await invokeHandler(handlers, 'listBackups', {})) as { value: unknown[] }).toMatchObject({ value: [expect.anything()] });
    host.confirmAnswers.push(true);
    expect(await invokeHandler(handlers, 'restoreBackup', { backupId: id, chooseFile: false })).toMatchObject({ ok: true, value: { restored: true } });
    expect(await invokeHandler(handlers, 'getSettings', {})).toMatchObject({ ok: true, value: { councilName: 'Before' } });
    expect(host.asked).toHaveLength(2);
    ctx.close();
  });
});

describe('app:// protocol', () => {
  const root = path.join(path.sep, 'opt', 'scrutiny', 'dist', 'renderer');
  it('serves files under the renderer folder only; every way of climbing out is refused', () => {
    expect(resolveAppRequest('app://scrutiny/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppRequest('app://scrutiny/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppRequest('app://scrutiny/assets/index-abc.js?x=1#y', root)).toBe(path.join(root, 'assets', 'index-abc.js'));
    // The URL parser itself folds a literal or %2e-spelled ".." at the top: what is left is inside.
    expect(resolveAppRequest('app://scrutiny/../secret.html', root)).toBe(path.join(root, 'secret.html'));
    expect(resolveAppRequest('app://scrutiny/%2e%2e/%2e%2e/secret.html', root)).toBe(path.join(root, 'secret.html'));
    for (const url of [
      'app://scrutiny/..%2fsecret.html', 'app://scrutiny/%2E%2E%2F%2E%2E%2Fetc/passwd.html',
      'app://scrutiny/assets/..%5C..%5Csecret.html', 'app://scrutiny/a%00.html', 'app://scrutiny/%E0%A4%A.html', 'app://other/index.html',
      'file:///opt/scrutiny/dist/renderer/index.html', 'app://user:pw@scrutiny/index.html', 'app://scrutiny/keys/x.key', 'not a url',
    ]) expect(resolveAppRequest(url, root), url).toBeNull();
  });

  it('lets the page request only its own files (no file:, no network) and IPC trusts only its own page', () => {
    for (const url of ['app://scrutiny/index.html', 'data:image/png;base64,AA', 'blob:app://scrutiny/1', 'about:srcdoc', 'about:blank']) expect(isAllowedRequest(url), url).toBe(true);
    for (const url of ['file:///etc/passwd', 'file://server/share/x', 'https://example.org/', 'app://other/index.html', 'http://localhost:5173/', 'about:config']) expect(isAllowedRequest(url), url).toBe(false);
    expect(isRendererPage('app://scrutiny/index.html#/settings')).toBe(true);
    expect(isRendererPage('file:///opt/scrutiny/dist/renderer/index.html')).toBe(false);
    expect(isRendererPage('app://scrutiny/other.html')).toBe(false);
  });
});

describe('unpacked program files', () => {
  function packagedLayout() {
    const base = tempDir();
    const main = path.join(base, 'resources', 'app.asar', 'dist-electron');
    const unpacked = path.join(base, 'resources', 'app.asar.unpacked', 'dist-electron');
    fs.mkdirSync(main, { recursive: true });
    fs.mkdirSync(path.join(unpacked, 'native'), { recursive: true });
    fs.writeFileSync(path.join(unpacked, 'convert-worker.mjs'), 'export {};\n');
    fs.writeFileSync(path.join(unpacked, 'native', 'better_sqlite3.node'), Buffer.from([1, 2, 3]));
    const files = {
      'convert-worker.mjs': sha256OfFile(path.join(unpacked, 'convert-worker.mjs')),
      'native/better_sqlite3.node': sha256OfFile(path.join(unpacked, 'native', 'better_sqlite3.node')),
    };
    fs.writeFileSync(path.join(main, 'integrity.json'), JSON.stringify({ algorithm: 'sha256', files }));
    return { main, unpacked };
  }

  it('accepts files matching the build-time hashes, and refuses a replaced engine, a missing worker or a missing list', () => {
    const { main, unpacked } = packagedLayout();
    expect(checkUnpackedFiles(main, true)).toBeNull();
    fs.writeFileSync(path.join(unpacked, 'native', 'better_sqlite3.node'), Buffer.from([1, 2, 4]));
    expect(checkUnpackedFiles(main, true)).toMatch(/better_sqlite3\.node has been changed since Scrutiny Pack was installed.*Reinstall/);
    const second = packagedLayout();
    fs.rmSync(path.join(second.unpacked, 'convert-worker.mjs'));
    expect(checkUnpackedFiles(second.main, true)).toMatch(/convert-worker\.mjs is missing/);
    const third = packagedLayout();
    fs.writeFileSync(path.join(third.main, 'integrity.json'), JSON.stringify({ algorithm: 'sha256', files: {} }));
    expect(checkUnpackedFiles(third.main, true)).toMatch(/not in the list of checked files/);
    fs.rmSync(path.join(third.main, 'integrity.json'));
    expect(checkUnpackedFiles(third.main, true)).toMatch(/integrity\.json\) is missing or damaged/);
  });
});
