// The paper as data, from the fixture database: sections switched off, commentary, targets, and
// the comparison with England once the DfE file is loaded (figures read from the DfE file here,
// independently of the benchmarks module).
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { tempDb, DFE_DIR } from '../support/tmp';
import type { Db } from '../../electron/db/open';
import { updateSettings } from '../../electron/settings';
import { importDfeFile } from '../../electron/benchmarks/import-dfe';
import { buildPaperFromDb, loadPaperConfig, savePaperConfig } from '../../electron/report/index';
import type { Block, PaperModel, Tile } from '../../electron/report/model';
import { seedFixture, FIXTURE_AS_AT } from './fixture';
import { computeMetrics } from '../../electron/measures/index';
import { gatherPaperContext } from '../../electron/report/gather';
import { buildPaperModel } from '../../electron/report/build-model';
import { parsePaperConfig } from '../../shared/paper-config';
import { requiredInCi } from '../support/required';

const INDICATORS = path.join(DFE_DIR, 'csww_indicators_2017_to_2025.csv');

function blocks(model: PaperModel, id: string): Block[] {
  return model.sections.find((s) => s.id === id)?.blocks ?? [];
}

function tiles(model: PaperModel): Tile[] {
  const b = blocks(model, 'summary').find((x) => x.type === 'tiles');
  return b && b.type === 'tiles' ? b.tiles : [];
}

function allText(model: PaperModel): string {
  return JSON.stringify(model);
}

/** A figure from the DfE file, read directly: the row for the year and level, the named column. */
function dfeFigure(year: number, level: string, laCode: string | null, column: string): string {
  const lines = fs.readFileSync(INDICATORS, 'utf8').split(/\r?\n/);
  const header = lines[0]!.split(',');
  const row = lines.find((l) => {
    const c = l.split(',');
    return c[0] === String(year) && c[2] === level && (laCode === null || c[7] === laCode);
  });
  if (!row) throw new Error(`no ${level} row for ${year}`);
  return row.split(',')[header.indexOf(column)]!;
}

describe('paper model from the fixture database', () => {
  let db: Db;
  beforeAll(() => {
    db = tempDb().db;
    seedFixture(db);
  });

  it('numbers only the sections switched on, in order', () => {
    const model = buildPaperFromDb(db, {
      asAt: FIXTURE_AS_AT,
      config: { sections: { recommendations: false, comparison: false, appendix: false } },
    });
    expect(model.sections.map((s) => `${s.number}. ${s.id}`)).toEqual([
      '1. summary', '2. caseloads', '3. agency', '4. recruitment', '5. children', '6. asye', '7. sources',
    ]);
  });

  it('judges the tiles against the configured targets, in words', () => {
    const model = buildPaperFromDb(db, { asAt: FIXTURE_AS_AT, config: { targets: { caseload: 15, agencyRate: 20, turnover: 25 } } });
    const [caseload, agency, turnover, asye] = tiles(model);
    // 17.8 cases per FTE against 15 or fewer; 18.2% against 20%; 22.2% against 25%.
    expect(caseload!.target).toBe('not met');
    expect(caseload!.details).toContain("Council's target: 15 cases per FTE or fewer. Target not met.");
    expect(agency!.target).toBe('met');
    expect(turnover!.target).toBe('met');
    expect(asye!.target).toBeNull();
  });

  it('keeps each section\'s commentary with its section', () => {
    const model = buildPaperFromDb(db, { asAt: FIXTURE_AS_AT, config: { commentary: { agency: 'First paragraph.\n\nSecond\nparagraph.' } } });
    expect(blocks(model, 'agency')[0]).toEqual({ type: 'commentary', paragraphs: ['First paragraph.', 'Second paragraph.'], numbers: ['4.1', '4.2'] });
  });

  it('every chart has a summary and an appendix table holding each of its points', () => {
    const model = buildPaperFromDb(db, { asAt: FIXTURE_AS_AT });
    const charts = model.sections.flatMap((s) => s.blocks).filter((b) => b.type === 'chart');
    const appendix = blocks(model, 'appendix').filter((b) => b.type === 'table');
    // The monthly trends share one table with a column per series; other charts have their own.
    expect(appendix.filter((t) => t.type === 'table' && t.table.id === 'appendix-monthly').length).toBe(1);
    for (const c of charts) {
      if (c.type !== 'chart') continue;
      expect(c.spec.summary.length).toBeGreaterThan(30);
      const t = appendix.find((b) => b.type === 'table' && b.table.id === c.appendixId);
      if (!t || t.type !== 'table') throw new Error(`no appendix table for ${c.spec.id}`);
      expect(t.table.caption).toContain(`Table ${c.appendixTable}:`);
      const labels = c.spec.kind === 'line' ? c.spec.xLabels : c.spec.categories;
      for (const l of labels) expect(t.table.rows.some((r) => r[0] === l), `${c.spec.id} ${l}`).toBe(true);
      for (const s of c.spec.series) expect(t.table.columns.some((col) => col.header.endsWith(s.name))).toBe(true);
    }
  });

  it('publishes no count from 1 to the threshold in the monthly movements or caseload distributions', () => {
    const model = buildPaperFromDb(db, { asAt: FIXTURE_AS_AT });
    const appendix = blocks(model, 'appendix').filter((b) => b.type === 'table');
    const ids = ['appendix-starters-leavers', 'appendix-caseload-distribution'];
    for (const id of ids) {
      const t = appendix.find((b) => b.type === 'table' && b.table.id === id);
      // With one starter, one leaver and four case holders every figure is hidden: the chart is
      // then a sentence, not an empty frame of c's, and has no appendix table.
      if (!t || t.type !== 'table') {
        expect(JSON.stringify(model.sections), id).toMatch(/(is|are) not (drawn as a chart|shown)/);
        continue;
      }
      const cells = t.table.rows.flatMap((r) => r.slice(1));
      expect(cells.filter((c) => /^[1-4]$/.test(c)), id).toEqual([]);
    }
  });

  it('saves and reloads the paper configuration with the database', () => {
    savePaperConfig(db, { title: 'Workforce update', recommendations: ['Note the report.'] });
    const back = loadPaperConfig(db);
    expect(back.title).toBe('Workforce update');
    expect(back.recommendations).toEqual(['Note the report.']);
    expect(back.sections.appendix).toBe(true);
    expect(() => savePaperConfig(db, { meetingDate: '17/07/2018' })).toThrow(/meetingDate: Use the form YYYY-MM-DD/);
  });

  it('rejects an unknown key, naming it, rather than silently ignoring a typo', () => {
    expect(() => savePaperConfig(db, { sections: { bogus: false } })).toThrow(/"sections\.bogus": not a setting/);
    expect(() => savePaperConfig(db, { titel: 'x' })).toThrow(/"titel"/);
    expect(() => savePaperConfig(db, { targets: { turnovr: 10 } })).toThrow(/"targets\.turnovr"/);
    // Saving what was loaded (every key, defaults filled in) still works.
    expect(() => savePaperConfig(db, loadPaperConfig(db) as unknown as Record<string, unknown>)).not.toThrow();
  });
});

describe('paper from an empty database', () => {
  it('is still produced, in both formats, and says there is nothing to show rather than printing 0 or NaN', async () => {
    const { db } = tempDb();
    const model = buildPaperFromDb(db, { asAt: '2018-06-30' });
    const text = allText(model);
    expect(text).toContain('No social workers held cases at 30 June 2018');
    expect(text).not.toMatch(/NaN|undefined/);
    expect(tiles(model)[0]!.value).toBe('not applicable');
    const { renderPdf, renderHtml } = await import('../../electron/report/index');
    expect((await renderPdf(model)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(renderHtml(model)).not.toMatch(/NaN/);
  });
});

describe.skipIf(!requiredInCi(fs.existsSync(INDICATORS), `The DfE indicator file (${INDICATORS})`))('paper model with DfE benchmarks loaded', () => {
  let db: Db;
  beforeAll(async () => {
    db = tempDb().db;
    seedFixture(db);
    await importDfeFile(db, { file: INDICATORS, source: 'benchmark' });
    updateSettings(db, { laCode: '892' });
  });

  it('quotes England\'s published figures for the latest 30 September on or before the paper\'s date', () => {
    // 30 June 2018 is before 30 September 2018, so the latest published year is 2017.
    const model = buildPaperFromDb(db, { asAt: FIXTURE_AS_AT });
    const [caseload, agency, turnover] = tiles(model);
    const eng = (column: string) => dfeFigure(2017, 'National', null, column);
    expect(turnover!.details).toContain(`England: ${Number(eng('turnover_rate_fte')).toFixed(1)}% (DfE, 30 September 2017)`);
    expect(agency!.details).toContain(`England: ${Number(eng('agency_rate_fte')).toFixed(1)}% (DfE, 30 September 2017)`);
    expect(caseload!.details).toContain(`England: ${Number(eng('caseload_fte')).toFixed(1)} cases per FTE (DfE, 30 September 2017)`);
  });

  it('quotes England without the council code, and tells the author (not the paper) how to set it', () => {
    updateSettings(db, { laCode: null });
    try {
      const model = buildPaperFromDb(db, { asAt: FIXTURE_AS_AT });
      const eng = (column: string) => dfeFigure(2017, 'National', null, column);
      expect(tiles(model)[2]!.details).toContain(`England: ${Number(eng('turnover_rate_fte')).toFixed(1)}% (DfE, 30 September 2017)`);
      const comparison = blocks(model, 'comparison');
      const table = comparison.find((b) => b.type === 'table');
      if (table?.type !== 'table') throw new Error('no England table');
      expect(table.table.rows.find((r) => r[0]!.startsWith('Turnover'))![1]).toBe(`${Number(eng('turnover_rate_fte')).toFixed(1)}%`);
      const text = JSON.stringify(comparison);
      expect(text).toContain('compares the council with England only');
      // How to set the code is for the author, before export, not for the committee.
      expect(text).not.toContain('Settings');
      expect(model.warnings.join(' ')).toContain("enter the council's DfE code in Settings");
    } finally {
      updateSettings(db, { laCode: '892' });
    }
  });

  it('tells the author in plain words when the council code in Settings is not in the DfE file, with no command-line advice', () => {
    updateSettings(db, { laCode: '999' });
    try {
      const model = buildPaperFromDb(db, { asAt: FIXTURE_AS_AT });
      const text = JSON.stringify(blocks(model, 'comparison'));
      expect(text).not.toContain('Settings');
      expect(model.warnings.join(' ')).toContain('The council code "999" in Settings was not found in the DfE file');
      expect(text).not.toMatch(/--la|scrutiny-pack|laCode/);
      expect(tiles(model)[2]!.details.some((d) => d.startsWith('England: '))).toBe(true);
    } finally {
      updateSettings(db, { laCode: '892' });
    }
  });

  it('fills section 8 with the council, England and the region', () => {
    const model = buildPaperFromDb(db, { asAt: FIXTURE_AS_AT });
    const text = JSON.stringify(blocks(model, 'comparison'));
    expect(text).not.toContain('No DfE benchmarks are loaded');
    const table = blocks(model, 'comparison').find((b) => b.type === 'table');
    expect(table?.type).toBe('table');
    if (table?.type !== 'table') return;
    const turnover = table.table.rows.find((r) => r[0]!.startsWith('Turnover'))!;
    expect(turnover[1]).toBe(`${Number(dfeFigure(2017, 'Local authority', '892', 'turnover_rate_fte')).toFixed(1)}%`);
    expect(turnover[2]).toBe(`${Number(dfeFigure(2017, 'National', null, 'turnover_rate_fte')).toFixed(1)}%`);
    expect(table.table.columns.map((c) => c.header)).toContain('East Midlands');
    // The rank's direction differs by measure (rates lowest first, FTE largest first): each row says which.
    expect(table.table.columns.map((c) => c.header).join(' ')).not.toContain('1 = lowest');
    const rank = table.table.columns.length - 1;
    expect(turnover[rank]).toMatch(/^\d+ of \d+ \(1 = lowest\)$/);
    expect(table.table.rows.find((r) => r[0]!.startsWith('Social workers in post'))![rank]).toMatch(/^\d+ of \d+ \(1 = largest\)$/);
    expect(allText(model)).toContain('Source: DfE Children');
  });
});
