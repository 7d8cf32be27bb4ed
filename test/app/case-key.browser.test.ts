// Settings > Case key in real Chromium: where the key is, exporting it through the save dialog,
// and the consequence said in plain words; no axe-core violations.
import { expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { runImport } from '../../electron/import/index';
import { appSuite, axe, browserDescribe } from './browser-harness';

browserDescribe('desktop screens in Chromium: the case key', () => {
  const suite = appSuite();

  it('says the key is on this computer, outside the database, and exports it with the warning', async () => {
    const { app } = suite;
    const csv = path.join(app.dir, 'allocations.csv');
    fs.writeFileSync(csv, 'case_id,case_type,staff_id,team,start_date,end_date\n1,CIN,S1,North,2024-01-01,\n');
    await runImport(app.app.db(), { file: csv, dbPath: app.app.dbFile, keys: app.app.keys, extractDate: '2025-01-01' });
    await app.goto('#/settings');
    await app.page.getByRole('heading', { level: 2, name: 'Case key' }).waitFor();
    await app.page.getByText('The case key of this database is on this computer (key folder).').waitFor();
    await app.page.getByRole('button', { name: 'Export the key…' }).click();
    await app.page.getByText(/Exported the case key.*anyone can work out the case IDs/).waitFor();
    expect(app.host.saved).toEqual([path.join(app.dir, 'scrutiny-pack-case-key.json')]);
    await app.page.getByRole('heading', { level: 2, name: 'Case key' }).scrollIntoViewIfNeeded();
    await app.shot('case-key-settings');
    expect(await axe(app.page)).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});
