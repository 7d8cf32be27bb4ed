// The council typed in Settings, or given to `settings --set laCode=`, is checked against the
// imported DfE indicator file: a code or a name matched and said back, a typo answered with the
// nearest councils, and nothing saved that matches no council.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importDfeFile } from '../../electron/benchmarks/import-dfe';
import { checkCouncil } from '../../electron/benchmarks/check-council';
import { openDatabase } from '../../electron/db/open';
import { getSettings } from '../../electron/settings';
import { main } from '../../electron/cli/main';
import { scriptedApp } from '../app/scripted-host';
import { tempDb, tempDir } from '../support/tmp';

const DFE = path.resolve(__dirname, '../../fixtures/dfe/csww_indicators_2017_to_2025.csv');

function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(args, { out: (t) => out.push(t), err: (t) => err.push(t) }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

describe('checking the council against the DfE file', () => {
  const { db } = tempDb();
  beforeAll(async () => {
    await importDfeFile(db, { file: DFE, source: 'benchmark' });
  });

  it('matches a code, a name or the council’s full name, and says which council it is', () => {
    for (const typed of ['892', 'Nottingham', 'nottingham city council']) {
      const c = checkCouncil(db, typed);
      expect(c, typed).toMatchObject({ status: 'matched', code: '892', name: 'Nottingham', region: 'East Midlands' });
      expect(c.message).toBe("This is Nottingham in the DfE's published figures (DfE code 892, East Midlands).");
    }
  });

  it('answers a typo with the nearest councils, and a wrong code with the codes one digit away', () => {
    const typo = checkCouncil(db, 'Notingham');
    expect(typo.status).toBe('not_found');
    expect(typo.status === 'not_found' && typo.suggestions[0]).toEqual({ code: '892', name: 'Nottingham' });
    expect(typo.message).toMatch(/^No council called “Notingham” is in the DfE's published figures\. Did you mean Nottingham \(892\)/);
    expect(checkCouncil(db, 'Nottinghamshre')).toMatchObject({ status: 'not_found', suggestions: [{ code: '891', name: 'Nottinghamshire' }] });
    const nothing = checkCouncil(db, 'Atlantis');
    expect(nothing).toMatchObject({ status: 'not_found', suggestions: [] });
    expect(nothing.message).toMatch(/Enter the three-digit DfE code/);
  });

  it('before any DfE file is imported: keeps a three-digit code unchecked, and cannot look up a name', () => {
    const { db: empty } = tempDb();
    expect(checkCouncil(empty, '892')).toMatchObject({ status: 'no_dfe_file', looksLikeCode: true });
    expect(checkCouncil(empty, 'Nottingham')).toMatchObject({ status: 'no_dfe_file', looksLikeCode: false });
  });

  it('the app keeps the matched code and refuses a council that matches none, saving nothing', async () => {
    const { handlers, ctx } = scriptedApp();
    await importDfeFile(ctx.db(), { file: DFE, source: 'benchmark' });
    expect((await handlers.updateSettings({ patch: { laCode: 'Nottingham' } })).laCode).toBe('892');
    await expect(handlers.updateSettings({ patch: { laCode: 'Notingham', councilName: 'X' } })).rejects.toThrow(/Did you mean Nottingham \(892\)/);
    expect(await handlers.getSettings({})).toMatchObject({ laCode: '892', councilName: '' });
    expect(await handlers.checkCouncil({ query: 'Notingham' })).toMatchObject({ status: 'not_found' });
    ctx.close();
  });

  it('the command line checks the same way: matched and said back, or refused with suggestions (exit 1)', async () => {
    const file = path.join(tempDir(), 's.sqlite');
    const ok = await cli(['settings', '--db', file, '--set', 'laCode=892']);
    expect(ok.code).toBe(0);
    expect(ok.err).toMatch(/code 892 cannot be checked/);
    await cli(['import', '--db', file, DFE]);
    const named = await cli(['settings', '--db', file, '--set', 'laCode=Nottingham']);
    expect(named.code).toBe(0);
    expect(named.err).toBe("This is Nottingham in the DfE's published figures (DfE code 892, East Midlands).");
    const typo = await cli(['settings', '--db', file, '--set', 'laCode=Notingham']);
    expect(typo.code).toBe(1);
    expect(typo.err).toMatch(/Did you mean Nottingham \(892\)/);
    const db = openDatabase(file);
    expect(getSettings(db).laCode).toBe('892');
    db.close();
  });
});
