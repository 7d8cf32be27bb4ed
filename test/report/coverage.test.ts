// Trends honest about coverage (issue 14): a council whose exports start in October 2017 has no
// leavers or closed cases before then, so its 2018 paper must not draw turnover or caseloads over
// months the exports do not cover ("Turnover rose from 0.4% to 15.0%" was an artefact).
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../electron/cli/main';
import { openDatabase, type Db } from '../../electron/db/open';
import { buildPaperFromDb } from '../../electron/report/index';
import type { PaperModel } from '../../electron/report/model';
import { computeMetrics } from '../../electron/measures/index';
import { overviewCharts } from '../../renderer/overview-model';
import { firstCoveredIndex, isCovered } from '../../shared/coverage';
import { tempDir } from '../support/tmp';

let db: Db;
let model: PaperModel;
const AS_AT = '2018-09-30';

beforeAll(async () => {
  const dir = tempDir('scrutiny-coverage-');
  const io = { out: () => {}, err: () => {}, isTty: false, env: {} };
  expect(await main(['demo', '--out', dir, '--years', '1', '--staff', '60', '--end-date', AS_AT], io)).toBe(0);
  const file = path.join(dir, 'c.sqlite');
  const csvs = fs.readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => path.join(dir, f));
  expect(await main(['import', '--db', file, '--extract-date', AS_AT, ...csvs], io)).toBe(0);
  db = openDatabase(file);
  model = buildPaperFromDb(db, { asAt: AS_AT, generatedOn: '2018-10-10' });
}, 120_000);

describe('a council whose exports start in October 2017', () => {
  it('knows from when its records are complete', () => {
    const c = computeMetrics(db, AS_AT, { months: 0 }).coverage!;
    // The exports list what was open on 1 October 2017 (with earlier start dates) and nothing that closed before.
    expect(c.spellsFrom! >= '2017-10-01' && c.spellsFrom! <= '2017-10-31').toBe(true);
    expect(c.allocationsFrom! >= '2017-10-01' && c.allocationsFrom! <= '2017-10-31').toBe(true);
    expect(isCovered('2017-09-30', 'history', c)).toBe(false);
    expect(isCovered('2018-09-30', 'history', c)).toBe(c.spellsFrom === '2017-10-01');
  });

  it('does not say turnover or caseloads rose or fell over months the exports do not cover', () => {
    const text = JSON.stringify(model.sections);
    expect(text).not.toMatch(/Turnover (rose|fell) from/);
    for (const s of model.sections) for (const b of s.blocks) {
      if (b.type !== 'chart' || b.spec.kind !== 'line' || b.spec.id.startsWith('benchmark')) continue;
      // No chart starts before October 2017, and none draws turnover at all (it needs a year of history).
      expect(b.spec.xLabels[0], b.spec.id).not.toMatch(/2016|(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep) 2017/);
      expect(b.spec.id).not.toBe('turnover-trend');
    }
    expect(text).toMatch(/Turnover is not shown as a trend/);
  });

  it('says in the summaries over which months a trend is drawn, and in the sources what the data covers', () => {
    const caseload = model.sections.flatMap((s) => s.blocks).find((b) => b.type === 'chart' && b.spec.id === 'caseload-trend');
    if (caseload?.type === 'chart') expect(caseload.spec.summary).toMatch(/The chart starts in (Oct|Nov) 2017: the imported case allocations are complete from/);
    const sources = JSON.stringify(model.sections.find((s) => s.id === 'sources'));
    expect(sources).toMatch(/What the data covers: the staff records are complete from \d+ October 2017/);
    // The year-ago turnover (30 September 2017) is not covered: no comparison is made.
    const tiles = model.sections[0]!.blocks.find((b) => b.type === 'tiles');
    if (tiles?.type === 'tiles') expect(tiles.tiles[2]!.details[0]).toMatch(/No comparable figure a year ago/);
  });

  it('applies the same rule on the overview screen', () => {
    const m = computeMetrics(db, AS_AT, { months: 24 });
    const charts = overviewCharts(m, 20);
    const turnover = charts.find((c) => c.id === 'overview-turnover');
    expect(turnover?.summary ?? '').not.toMatch(/rose from|fell from/);
    const caseload = charts.find((c) => c.id === 'overview-caseload')!;
    const first = firstCoveredIndex(m.series.map((p) => p.date), 'cases', m.coverage);
    expect(caseload.xLabels.length).toBe(m.series.length - first);
  });
});
