// The bundled demo council imported through the command line (with the DfE files), once per test
// file, for checks of the paper's content on realistic data.
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../electron/cli/main';
import { openDatabase, type Db } from '../../electron/db/open';
import { updateSettings } from '../../electron/settings';
import { tempDir, DFE_DIR } from '../support/tmp';

export const DEMO_DIR = path.resolve(__dirname, '../../fixtures/demo');
export const DEMO_AS_AT = '2025-09-30';

export async function importDemo(settings: { councilName?: string; laCode?: string } = {}): Promise<{ db: Db; file: string }> {
  const file = path.join(tempDir('scrutiny-demo-content-'), 'demo.sqlite');
  const io = { out: () => {}, err: (t: string) => process.stderr.write(t + '\n'), isTty: false, env: {} };
  const csvs = fs.readdirSync(DEMO_DIR).filter((f) => f.endsWith('.csv')).map((f) => path.join(DEMO_DIR, f));
  if ((await main(['import', '--db', file, '--extract-date', DEMO_AS_AT, ...csvs], io)) !== 0) throw new Error('demo import failed');
  const dfe = ['csww_indicators_2017_to_2025.csv', 'statistical_neighbours_2021.csv'].map((f) => path.join(DFE_DIR, f));
  if ((await main(['import', '--db', file, ...dfe], io)) !== 0) throw new Error('DfE import failed');
  const db = openDatabase(file);
  updateSettings(db, { councilName: 'Testshire County Council', laCode: '892', ...settings });
  return { db, file };
}
