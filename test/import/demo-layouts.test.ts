// The demo generator's exports, in every layout it writes, import as they are: each file is
// detected as the source and preset the manifest names, and every row is accepted.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { writeDemoExports } from '../../electron/demo/write';
import { detectFile, runImport } from '../../electron/import/index';
import { tempDb, tempDir } from '../support/tmp';

describe('demo exports import cleanly', () => {
  it('canonical, census, SSD and messy layouts', async () => {
    const out = tempDir('demo-');
    const manifest = await writeDemoExports(out, { seed: 7, staff: 40, years: 2, layouts: ['canonical', 'census', 'ssd', 'messy'] });
    for (const layout of ['canonical', 'census', 'ssd', 'messy'] as const) {
      const { db, file: dbPath } = tempDb();
      for (const f of manifest.files.filter((x) => x.layout === layout)) {
        const file = path.join(out, f.file);
        const d = detectFile(file);
        // The agency file has the workers' columns; every row saying agency makes it an agency file.
        // ssd_professionals is detected as what it is first, a crosswalk of worker IDs; the demo,
        // having no HR file in that layout, imports it as its workers.
        const detected = f.file.endsWith('ssd_professionals.csv') ? 'idmap' : f.source;
        expect({ file: f.file, source: d.best?.source, preset: d.best?.preset }).toEqual({ file: f.file, source: detected, preset: f.preset });
        const r = await runImport(db, { file, source: f.source, dbPath, extractDate: manifest.endDate });
        expect({ file: f.file, outcome: r.outcome, problems: r.problems.slice(0, 3) }).toEqual({ file: f.file, outcome: 'imported', problems: [] });
        expect(r.inserted + r.unchanged + r.updated).toBe(f.rows);
      }
    }
  }, 60_000);
});
