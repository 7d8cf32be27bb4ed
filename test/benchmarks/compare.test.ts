import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { importDfeFile } from '../../electron/benchmarks/import-dfe';
import { compareCouncil, rankAmong } from '../../electron/benchmarks/compare';
import { findCouncil, CouncilNotFoundError } from '../../electron/benchmarks/council';
import { DFE_DIR, tempDb } from '../support/tmp';
import type { Db } from '../../electron/db/open';
import type { BenchmarkComparison, BenchmarkMeasureKey } from '../../shared/benchmarks';

let db: Db;
beforeAll(async () => {
  db = tempDb().db;
  await importDfeFile(db, { file: path.join(DFE_DIR, 'csww_indicators_2017_to_2025.csv'), source: 'benchmark' });
  await importDfeFile(db, { file: path.join(DFE_DIR, 'statistical_neighbours_2021.csv'), source: 'neighbours' });
});

const m = (c: BenchmarkComparison, key: BenchmarkMeasureKey) => c.measures.find((x) => x.measure === key)!;

describe('finding the council', () => {
  it('by DfE code, ONS code or name, case-insensitively', () => {
    expect(findCouncil(db, '892')).toMatchObject({ code: '892', name: 'Nottingham', region: { code: 'E12000004', name: 'East Midlands' } });
    expect(findCouncil(db, 'E06000018').code).toBe('892');
    expect(findCouncil(db, 'nottingham').code).toBe('892');
    expect(findCouncil(db, 'Nottingham City Council').code).toBe('892');
    expect(findCouncil(db, 'NOTTINGHAMSHIRE').code).toBe('891');
  });

  it('finds a council published jointly by either part of the combined code', () => {
    const north = findCouncil(db, '940');
    expect(north).toMatchObject({ code: '940', name: 'North Northamptonshire', publishedAs: '940 / 941' });
    expect(findCouncil(db, 'West Northamptonshire')).toMatchObject({ code: '941', publishedAs: '940 / 941' });
  });

  it('explains a council it cannot find', () => {
    expect(() => findCouncil(db, 'Gotham')).toThrow(CouncilNotFoundError);
    expect(() => findCouncil(db, 'Gotham')).toThrow(/No council matching "Gotham"/);
    expect(() => findCouncil(tempDb().db, '892')).toThrow(/No DfE indicator file has been imported yet/);
  });
});

describe('comparing a council with England, its region and its statistical neighbours', () => {
  it('Nottingham 2018: its published row, with the source and date', () => {
    const c = compareCouncil(db, { la: '892', year: 2018 });
    expect(c.source).toBe("DfE Children's social work workforce, 30 September 2018");
    expect(c.asAt).toBe('2018-09-30');
    expect(m(c, 'turnover').council).toEqual({ value: 15.0, symbol: null });
    expect(m(c, 'agencyRate').council).toEqual({ value: 8.8, symbol: null });
    expect(m(c, 'caseload').council).toEqual({ value: 18.8, symbol: null });
    expect(m(c, 'fte').council).toEqual({ value: 238.0, symbol: null });
  });

  it('England 2024 turnover is 13.9% (DOMAIN.md reference table), with the other reference figures', () => {
    const c = compareCouncil(db, { la: '892', year: 2024 });
    expect(m(c, 'turnover').england.value).toBe(13.9);
    expect(m(c, 'agencyRate').england.value).toBe(16.2);
    expect(m(c, 'vacancyRate').england.value).toBe(17.3);
    expect(m(c, 'caseload').england.value).toBe(15.4);
  });

  it('Peterborough 2024: neighbours in file order, mean and rank worked out by hand', () => {
    const c = compareCouncil(db, { la: '874', year: 2024 });
    expect(c.neighbours.map((n) => n.code)).toEqual(['831', '894', '887', '335', '879', '852', '851', '373', '350', '372']);
    expect(c.neighbours[0]).toEqual({ position: 1, code: '831', name: 'Derby', closeness: 'Very Close' });
    const t = m(c, 'turnover');
    // Peterborough 16.2; neighbours 4.6, 13.3, 18.2, 8.1, 13.4, 18.8, 13.7, 10.7, 15.2, 12 (sum 128.0).
    expect(t.council.value).toBe(16.2);
    expect(t.neighbours.withValue).toBe(10);
    expect(t.neighbours.total).toBe(10);
    expect(t.neighbours.mean).toBeCloseTo(12.8, 10);
    // Lower turnover ranks first: 8 neighbours are lower than 16.2 (all but 18.2 and 18.8).
    expect(t.rank).toEqual({ position: 9, of: 11, order: 'lowest first' });
    // FTE ranks the largest first: all ten neighbours employ more than Peterborough's 132.3.
    expect(m(c, 'fte').rank).toEqual({ position: 11, of: 11, order: 'highest first' });
    expect(m(c, 'turnover').region.value).toBe(
      // East of England region row, 2024 (E12000006)
      (db.prepare(`SELECT turnover_rate_fte AS v FROM dfe_indicator WHERE year = 2024 AND level = 'Regional' AND geo_code = 'E12000006'`).get() as { v: number }).v,
    );
  });

  it('Camden 2024 agency rate: neighbours without a number are left out of the mean and rank, symbol shown', () => {
    const c = compareCouncil(db, { la: 'Camden', year: 2024 });
    const a = m(c, 'agencyRate');
    // Westminster (213) and Kensington and Chelsea (207) are "x"; the other eight:
    // 9.9, 25.1, 8.7, 8.7, 16.1, 14, 20.8, 29.4 -> sum 132.7, mean 16.5875; Camden 13.0 beats 3 of them.
    expect(a.neighbours.values.find((v) => v.code === '213')!.figure).toEqual({ value: null, symbol: 'x' });
    expect(a.neighbours.withValue).toBe(8);
    expect(a.neighbours.mean).toBeCloseTo(16.5875, 10);
    expect(a.rank).toEqual({ position: 4, of: 9, order: 'lowest first' });
    expect(a.council.value).toBe(13.0);
    // The file places London boroughs in Inner or Outer London: Camden's region row is Inner London (E13000001).
    expect(c.council.region).toEqual({ code: 'E13000001', name: 'Inner London' });
    expect(a.region.value).toBe(21.5);
  });

  it('gives the series from 2017 to the latest year, and defaults to the latest year', () => {
    const c = compareCouncil(db, { la: '892' });
    expect(c.year).toBe(2025);
    expect(c.series.map((s) => s.year)).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    const turnover = c.series.map((s) => s.measures.find((x) => x.measure === 'turnover')!.council.value);
    expect(turnover).toEqual([8.1, 15.0, 16.7, 14.4, 11.4, 26.6, 21.9, 17.6, 12.5]);
    expect(c.series[1]!.source).toBe("DfE Children's social work workforce, 30 September 2018");
  });

  it('a jointly published council is compared on the joint row, not counted again as its own neighbour', () => {
    const c = compareCouncil(db, { la: '940', year: 2024 });
    const f = m(c, 'fte');
    expect(f.council.value).toBe(379.5);
    // 941 is 940's first neighbour but its figures are the joint row, so it is shown and not counted.
    expect(f.neighbours.values[0]).toMatchObject({ code: '941', figure: { value: 379.5, symbol: null } });
    // Cumbria (909), its sixth neighbour, was abolished in 2023 and has no 2024 row.
    expect(f.neighbours.values[5]).toMatchObject({ code: '909', figure: { value: null, symbol: null } });
    expect(f.neighbours.withValue).toBe(8);
    expect(c.notes.join(' ')).toMatch(/jointly as "940 \/ 941"/);
  });

  it('refuses a year the file does not cover', () => {
    expect(() => compareCouncil(db, { la: '892', year: 2031 })).toThrow(/no figures for 2031; it covers 2017 to 2025/);
  });
});

describe('rank', () => {
  it('ties share the better place; no value means no rank', () => {
    expect(rankAmong(10, [10, 5, 12], 'lowest first')).toEqual({ position: 2, of: 4 });
    expect(rankAmong(10, [10, 5, 12], 'highest first')).toEqual({ position: 2, of: 4 });
    expect(rankAmong(null, [1, 2], 'lowest first')).toEqual({ position: null, of: 2 });
  });
});
