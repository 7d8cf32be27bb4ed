// The optional "What if" section: off by default, and when on, every figure is the shared
// projection's own, labelled as a projection with its assumption beside it.
import { describe, expect, it } from 'vitest';
import { buildPaperFromDb } from '../../electron/report/index';
import { computeMetrics } from '../../electron/measures/index';
import { getSettings } from '../../electron/settings';
import { whatIf } from '../../shared/what-if';
import { formatAverage } from '../../shared/format';
import { seedFixture, FIXTURE_AS_AT } from './fixture';
import { tempDb } from '../support/tmp';

describe('paper: what if', () => {
  const { db } = tempDb();
  seedFixture(db);

  it('is not in the paper unless the author switches it on', () => {
    const model = buildPaperFromDb(db, { asAt: FIXTURE_AS_AT, config: {} });
    expect(model.sections.map((s) => s.id)).not.toContain('whatif');
  });

  it("states each assumption and the projection that follows, as the command line's whatif does", () => {
    const config = { sections: { whatif: true }, whatIf: { supportShare: 50, supportCaseload: 12, convertAgencyFte: 1 } };
    const model = buildPaperFromDb(db, { asAt: FIXTURE_AS_AT, config });
    const section = model.sections.find((s) => s.id === 'whatif')!;
    expect(section.title).toBe('What if: projections');
    const text = JSON.stringify(section.blocks);
    expect(text).toContain('are projections, not measurements');
    const r = whatIf(computeMetrics(db, FIXTURE_AS_AT, { months: 0 }), getSettings(db), { supportShare: 50, supportCaseload: 12, convertAgencyFte: 1, fullCaseload: null });
    expect(text).toContain(`support workers take 50.0% of the ${r.support.cinHeldBySocialWorkers} child-in-need cases`);
    expect(text).toContain(`from ${formatAverage(r.support.perWorkerBefore)} to ${formatAverage(r.support.perWorkerAfter)} per worker`);
  });

  it('refuses assumptions outside their limits in plain words', () => {
    expect(() => buildPaperFromDb(db, { asAt: FIXTURE_AS_AT, config: { whatIf: { supportShare: 140 } } })).toThrow(/whatIf\.supportShare/);
  });
});
