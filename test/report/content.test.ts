// The demo council's paper read as a councillor would: figures that add up, verdicts only against
// targets someone set, like compared with like, neighbours counted honestly (issue 14).
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { PDF_TOOLS_AVAILABLE, pdfWordBoxes } from './pdf-tools';
import { tempDir } from '../support/tmp';
import type { Db } from '../../electron/db/open';
import { buildPaperFromDb } from '../../electron/report/index';
import type { Block, PaperModel, TableBlock, Tile } from '../../electron/report/model';
import { DEMO_AS_AT, importDemo } from './demo-db';
import { updateSettings } from '../../electron/settings';
import { computeMetrics } from '../../electron/measures/index';
import { disclosedCells, type PublishedCell, type Sum } from '../../shared/disclosure';

let db: Db;
let model: PaperModel;

beforeAll(async () => {
  ({ db } = await importDemo());
  model = buildPaperFromDb(db, { asAt: DEMO_AS_AT, generatedOn: '2025-10-15' });
}, 120_000);

function blocks(m: PaperModel, id: string): Block[] {
  return m.sections.find((s) => s.id === id)?.blocks ?? [];
}
function table(m: PaperModel, id: string): TableBlock {
  for (const s of m.sections) for (const b of s.blocks) if (b.type === 'table' && b.table.id === id) return b.table;
  throw new Error(`no table ${id}`);
}
function tiles(m: PaperModel): Tile[] {
  const b = blocks(m, 'summary').find((x) => x.type === 'tiles');
  return b && b.type === 'tiles' ? b.tiles : [];
}

describe('ASYE cohort table', () => {
  it('prints each cohort\'s size, and the sizes add up to "All cohorts"', () => {
    const t = table(model, 'asye-cohorts');
    const size = t.columns.findIndex((c) => c.header === 'Size');
    const row = t.rows.find((r) => r[0] === '2024-09')!;
    // The register has 8 people in cohort 2024-09 (fixtures/demo/asye.csv), one of them extended.
    expect(row[size]).toBe('8');
    const shown = t.rows.map((r) => r[size]!).filter((v) => v !== 'c').map(Number);
    const total = Number(t.totalRow![size]);
    expect(total).toBe(38);
    // Hidden sizes must not be forced: whatever is hidden adds to more than one per hidden cell.
    const hidden = t.rows.filter((r) => r[size] === 'c').length;
    if (hidden) expect(total - shown.reduce((a, b) => a + b, 0)).toBeGreaterThan(hidden);
    else expect(shown.reduce((a, b) => a + b, 0)).toBe(total);
  });
});

describe('targets and verdicts', () => {
  it('gives no "target met" verdict when the council has set no target', () => {
    for (const t of tiles(model)) {
      expect(t.target, t.label).toBeNull();
      expect(t.details.join(' '), t.label).not.toMatch(/Target/);
    }
    expect(JSON.stringify(model)).not.toMatch(/Target (not )?met/);
  });

  it('judges caseload by the share of workers over the threshold, and only against a target that was set', () => {
    const set = buildPaperFromDb(db, { asAt: DEMO_AS_AT, generatedOn: '2025-10-15', config: { targets: { overThreshold: 10, agencyRate: 15 } } });
    const [caseload, agency, turnover] = tiles(set);
    // 24 of the 110 case-holding social workers hold more than 20 cases (21.8%), over a target of 10%.
    expect(caseload!.details.join(' ')).toMatch(/24 of the 110 social workers holding cases \(21\.8%\) held more than 20 cases/);
    expect(caseload!.target).toBe('not met');
    expect(agency!.target).toBe('met');
    expect(turnover!.target).toBeNull();
  });

  it('says on each tile whether the change is better or worse', () => {
    const [caseload, agency, turnover] = tiles(model);
    // Per FTE 18.3 against a higher figure a year earlier; agency 20.4% -> 13.9%; turnover 10.7% -> 14.2%.
    expect(agency!.details.join(' ')).toMatch(/Down 6\.5 percentage points on a year ago.*: better/);
    expect(turnover!.details.join(' ')).toMatch(/Up 3\.5 percentage points on a year ago.*: worse/);
    expect(caseload!.details.join(' ')).toMatch(/: (better|worse|no change)/);
  });
});

describe('like for like', () => {
  it('puts England\'s per-FTE caseload only beside the council\'s per-FTE caseload', () => {
    const caseload = tiles(model)[0]!;
    expect(caseload.value).toBe('18.3');
    expect(caseload.caption).toMatch(/per full-time equivalent/);
    const england = caseload.details.find((d) => d.startsWith('England'))!;
    expect(england).toMatch(/15\.2 cases per FTE/);
    // The per-worker figure is given, but nothing national is set beside it.
    const perWorker = caseload.details.find((d) => /per worker/i.test(d))!;
    expect(perWorker).toMatch(/17\.1/);
    expect(perWorker).not.toMatch(/England|neighbour/i);
  });
});

describe('statistical neighbours counted honestly', () => {
  it('names a neighbour with no figure for the year and counts the mean and rank over the others', () => {
    // Derbyshire (830): one of its ten 2021 neighbours is Cumbria (909), abolished in 2023, so the
    // 2025 DfE file has no row for it: nine neighbours have figures.
    updateSettings(db, { laCode: '830', councilName: 'Derbyshire County Council' });
    try {
      const m = buildPaperFromDb(db, { asAt: DEMO_AS_AT, generatedOn: '2025-10-15' });
      const t = table(m, 'benchmark-comparison');
      const notes = t.footnotes.join(' ');
      expect(notes).toMatch(/Cumbria/);
      expect(notes).toMatch(/9 of the 10/);
      expect(notes).not.toMatch(/the council's 10 statistical neighbours;/);
      const turnover = t.rows.find((r) => r[0]!.startsWith('Turnover'))!;
      expect(turnover[turnover.length - 1]).toMatch(/ of 10 /);
      expect(turnover[turnover.length - 2]).toMatch(/\(9 of 10\)/);
    } finally {
      updateSettings(db, { laCode: '892', councilName: 'Testshire County Council' });
    }
  });
});

describe('warnings for the author, never instructions in the paper', () => {
  it('warns when the council name and the DfE code\'s council differ, and when placeholders remain', () => {
    // The demo is named Testshire but compared as Nottingham (892).
    expect(model.warnings.join('\n')).toMatch(/Testshire County Council.*Nottingham/);
    expect(model.warnings.join('\n')).toMatch(/Date of meeting/);
    expect(model.warnings.join('\n')).toMatch(/contact/i);
    const filled = buildPaperFromDb(db, {
      asAt: DEMO_AS_AT, generatedOn: '2025-10-15',
      config: { councilName: 'Nottingham City Council', meetingDate: '2025-11-20', contactOfficers: [{ name: 'A. Officer', role: 'Head of Service', email: 'a@example.org' }] },
    });
    expect(filled.warnings).toEqual([]);
  });

  it('never tells a councillor how to use the software', () => {
    updateSettings(db, { laCode: null });
    try {
      const m = buildPaperFromDb(db, { asAt: DEMO_AS_AT, generatedOn: '2025-10-15' });
      const text = JSON.stringify({ ...m, warnings: [] });
      expect(text).not.toMatch(/Settings|produce the paper again|scrutiny-pack|--source|import --/);
      expect(m.warnings.join(' ')).toMatch(/DfE code/);
    } finally {
      updateSettings(db, { laCode: '892' });
    }
  });
});

describe('suppression that keeps the main message', () => {
  const specOf = (m: PaperModel, id: string) => {
    for (const s of m.sections) for (const b of s.blocks) if (b.type === 'chart' && b.spec.id === id) return b.spec;
    return undefined;
  };

  it('merges the bands over the threshold ("21 or more") instead of hiding the 21-25 band', () => {
    const spec = specOf(model, 'caseload-distribution')!;
    expect(spec.kind).toBe('bar');
    if (spec.kind !== 'bar') return;
    // 24 social workers held more than 20 cases (the headline figure): 23 in 21-25 and a few above.
    // The small bands join ("21-30", "31 or more": 0) and every band over the threshold is shown.
    const over = spec.categories.map((c, i) => [c, spec.series[0].values[i]] as const).filter(([c]) => c.includes('over the threshold'));
    expect(over.map(([c]) => c)).toEqual(['21-30 (over the threshold)', '31 or more (over the threshold)']);
    expect(over.reduce((a, [, v]) => a + (v ?? NaN), 0)).toBe(24);
    expect(spec.series[0].values.some((v, i) => v === null && spec.valueText?.[i] === 'c')).toBe(false);
  });

  it('never hides a group larger than the threshold in the leavers tables', () => {
    for (const id of ['leavers-by-reason', 'leavers-by-years-qualified', 'leavers-by-service']) {
      const t = table(model, id);
      const shown = t.rows.map((r) => r[1]!).filter((v) => v !== 'c').map(Number);
      const hidden = t.rows.filter((r) => r[1] === 'c').length;
      const total = Number(t.totalRow![1]);
      // What is hidden adds up to no more than the threshold per hidden cell: nothing large was hidden.
      expect(total - shown.reduce((a, b) => a + b, 0), id).toBeLessThanOrEqual(4 * hidden);
    }
    // The largest reason (resignation, 13 of 18) is published.
    expect(table(model, 'leavers-by-reason').rows.find((r) => r[0] === 'Resignation')![1]).toBe('13');
  });

  it('shows starters and leavers by quarter rather than a chart of c\'s, and says nothing that bounds a hidden count', () => {
    const spec = specOf(model, 'starters-leavers');
    const text = JSON.stringify(model);
    expect(text).not.toMatch(/no month had more than/);
    if (spec && spec.kind === 'line') {
      for (const s of spec.series) expect(s.values.filter((v) => v === null).length, s.name).toBeLessThanOrEqual(s.values.length / 2);
    }
  });

  it('leaves no hidden leaver count recoverable from the tables that share the 12-month total', () => {
    const cells: PublishedCell[] = [{ id: 'leavers', value: 18, hidden: false }];
    const sums: Sum[] = [];
    for (const id of ['leavers-by-reason', 'leavers-by-years-qualified', 'leavers-by-service']) {
      const t = table(model, id);
      expect(t.totalRow![1]).toBe('18');
      // The true values behind the c's, from the measures (merged rows add up the categories).
      const truth = trueCounts(id);
      t.rows.forEach((r, i) => cells.push({ id: `${id}:${i}`, value: r[1] === 'c' ? truth(r[0]!) : Number(r[1]), hidden: r[1] === 'c' }));
      sums.push({ parts: t.rows.map((_, i) => `${id}:${i}`), total: 'leavers' });
    }
    expect(disclosedCells(cells, sums)).toEqual([]);
  });
});

/** The unsuppressed count behind a published leavers row, read from the measures. */
function trueCounts(id: string): (label: string) => number {
  const metrics = computeMetrics(db, DEMO_AS_AT, { months: 0 });
  const record = id === 'leavers-by-reason' ? metrics.leavers.byReason : id === 'leavers-by-service' ? metrics.leavers.byServiceBand : metrics.leavers.byYearsQualified;
  return (label) => {
    const t = table(model, id);
    const footnote = t.footnotes.find((f) => f.startsWith(`${label} combines`));
    const names = footnote ? footnote.replace(/^.* combines /, '').replace(/, each too small.*$/, '').split(/, | and /) : [label];
    return Object.entries(record).filter(([k]) => names.some((n) => n.toLowerCase().includes(k.replace(/_/g, ' ')) || k.replace(/_/g, ' ').includes(n.toLowerCase()))).reduce((a, [, v]) => a + v, 0);
  };
}

describe('HTML at 320 px (WCAG 1.4.10 reflow)', () => {
  it('fits a 320 px wide window with no sideways scrolling, and chart text is not much smaller than body text', async () => {
    if (!fs.existsSync('/usr/bin/chromium')) return;
    const { renderHtml } = await import('../../electron/report/render-html');
    const html = renderHtml(buildPaperFromDb(db, { asAt: DEMO_AS_AT, generatedOn: '2025-10-15', config: { contact: 'A. Long-Named Officer, Head of Children\'s Social Work, childrens.social.work.workforce@testshire-county-council.gov.uk' } }));
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
      await page.setContent(html, { waitUntil: 'load' });
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(320);
      await page.setViewportSize({ width: 1024, height: 800 });
      // At a desktop width the charts' text is within two pixels of the body text (it was about 11 px beside 16).
      const sizes = await page.evaluate(() => {
        const svg = document.querySelector('figure svg')!;
        const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute('viewBox')?.split(' ')[2] ?? svg.getAttribute('width'));
        const units = Number(svg.querySelector('text[font-size]')!.getAttribute('font-size'));
        return { chart: units * scale, body: parseFloat(getComputedStyle(document.querySelector('main p')!).fontSize) };
      });
      expect(sizes.chart).toBeGreaterThan(sizes.body - 2);
    } finally {
      await browser.close();
    }
  }, 60_000);
});

describe('page fill of the demo PDF', () => {
  it('leaves no page more than a third empty, except the last page of a section', async () => {
    if (!PDF_TOOLS_AVAILABLE) return;
    const { renderPdf } = await import('../../electron/report/render-pdf');
    const file = path.join(tempDir('scrutiny-fill-'), 'demo.pdf');
    fs.writeFileSync(file, await renderPdf(model));
    const words = pdfWordBoxes(file);
    const pages = Math.max(...words.map((w) => w.page));
    // A4 841.89 pt tall; the running header and footer sit in the top and bottom 50 pt.
    const top = 62;
    const bottom = 841.89 - 56;
    const empty: string[] = [];
    for (let p = 1; p < pages; p++) {
      const body = words.filter((w) => w.page === p && w.yMin > 50 && w.yMax < 841.89 - 50);
      const lowest = Math.max(...body.map((w) => w.yMax));
      const nextFirst = words.filter((w) => w.page === p + 1 && w.yMin > 50).sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)[0];
      // The next page opening with a numbered section heading ("6. Newly ...") ends this section here.
      const sectionEnds = !!nextFirst && /^\d+\.$/.test(nextFirst.word);
      const share = (bottom - lowest) / (bottom - top);
      if (!sectionEnds && share > 1 / 3) empty.push(`page ${p}: ${Math.round(share * 100)}% empty`);
    }
    expect(empty).toEqual([]);
  }, 120_000);
});
