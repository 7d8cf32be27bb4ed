// Data-quality checks on a small hand-made database where each problem is planted once.
import { describe, expect, it } from 'vitest';
import { listQualityIssues } from '../../electron/quality';
import { tempDb } from '../support/tmp';

function seed() {
  const { db } = tempDb();
  db.prepare(`INSERT INTO import_log (id, file_name, sha256, source, layout, started_at, outcome) VALUES (1, 'x.csv', 'x', 'workers', 'canonical', '2020-01-01', 'imported')`).run();
  const spell = db.prepare(`INSERT INTO spell (staff_id, role, team, employment_type, fte, start_date, end_date, import_id) VALUES (?, 'case_holder', 'A', 'permanent', 1, ?, ?, 1)`);
  spell.run('S1', '2015-01-01', null); // fine
  spell.run('S2', '2015-01-01', '2018-06-30'); // overlaps the next spell by one day (inclusive ranges)
  spell.run('S2', '2018-06-30', null);
  spell.run('S3', '2016-01-01', '2017-12-31'); // left
  spell.run('S4', '2016-01-01', '2017-12-31'); // ends the day before the next starts: no overlap
  spell.run('S4', '2018-01-01', null);
  const alloc = db.prepare(`INSERT INTO allocation (case_key, case_type, staff_id, team, start_date, end_date, import_id) VALUES (?, 'CIN', ?, 'A', ?, ?, 1)`);
  alloc.run('k1', 'S1', '2018-01-01', null); // fine
  alloc.run('k2', 'GHOST', '2018-01-01', null); // unknown staff
  alloc.run('k3', 'GHOST', '2018-02-01', '2018-03-01'); // unknown staff, same ID
  alloc.run('k4', 'S3', '2017-06-01', null); // open after the worker left: outside
  alloc.run('k5', 'S3', '2015-06-01', '2016-02-01'); // starts before employment: outside
  alloc.run('k6', 'S3', '2016-06-01', '2017-06-01'); // inside employment
  // An inbox holding 45 cases on 2018-03-31.
  for (let i = 0; i < 45; i++) alloc.run(`inbox-${i}`, 'S1', '2018-03-01', null);
  return db;
}

describe('data-quality checks', () => {
  it('finds each planted problem once, with the rows behind it', () => {
    const db = seed();
    const issues = Object.fromEntries(listQualityIssues(db, '2018-03-31', { implausibleCaseload: 40 }).map((i) => [i.kind, i]));
    expect(issues.unknown_staff!.count).toBe(2);
    expect(issues.unknown_staff!.rows).toEqual([['GHOST', 2, 1, '2018-01-01', '2018-02-01', 'A', 'no worker has this ID']]);
    expect(issues.overlapping_spells!.count).toBe(1);
    expect(issues.overlapping_spells!.rows[0]![0]).toBe('S2');
    expect(issues.outside_employment!.count).toBe(2);
    expect(issues.outside_employment!.rows.map((r) => r[3])).toEqual(['2015-06-01', '2017-06-01']);
    expect(issues.outside_employment!.rows[0]!.slice(5)).toEqual(['2016-01-01', '2017-12-31']);
    expect(issues.implausible_caseload!.count).toBe(1);
    expect(issues.implausible_caseload!.rows[0]!.slice(0, 2)).toEqual(['S1', 46]);
  });

  it('limits the rows returned but always counts them all', () => {
    const db = seed();
    const issues = listQualityIssues(db, '2018-03-31', { implausibleCaseload: 40, limit: 1 });
    const outside = issues.find((i) => i.kind === 'outside_employment')!;
    expect(outside.count).toBe(2);
    expect(outside.rows).toHaveLength(1);
    expect(outside.rowsTruncated).toBe(true);
  });

  it('says there is nothing to check yet on an empty database, never "No problems"', () => {
    const { db } = tempDb();
    const issues = listQualityIssues(db, '2018-03-31', { implausibleCaseload: 40 });
    expect(issues.map((i) => [i.status, i.verdict])).toEqual(Array(4).fill(['nothing_to_check', 'Nothing to check yet']));
    for (const i of issues) expect(i.explanation).toMatch(/^No (case allocations|HR staff records) have been imported yet.*Import screen/);
  });

  it('checks spells without allocations and says which checks still wait for the case-management export', () => {
    const { db } = tempDb();
    db.prepare(`INSERT INTO import_log (id, file_name, sha256, source, layout, started_at, outcome) VALUES (1, 'x.csv', 'x', 'workers', 'canonical', '2020-01-01', 'imported')`).run();
    db.prepare(`INSERT INTO spell (staff_id, role, team, employment_type, fte, start_date, end_date, import_id) VALUES ('S1', 'case_holder', 'A', 'permanent', 1, '2015-01-01', NULL, 1)`).run();
    const status = Object.fromEntries(listQualityIssues(db, '2018-03-31', { implausibleCaseload: 40 }).map((i) => [i.kind, i.verdict]));
    expect(status).toEqual({ unknown_staff: 'Nothing to check yet', overlapping_spells: 'No problems', outside_employment: 'Nothing to check yet', implausible_caseload: 'Nothing to check yet' });
  });

  it('heads the rows in words and shows roles and case types by their names, not their codes', () => {
    const issues = Object.fromEntries(listQualityIssues(seed(), '2018-03-31', { implausibleCaseload: 40 }).map((i) => [i.kind, i]));
    expect(issues.implausible_caseload!.columns).toEqual(['Staff ID', 'Cases held', 'Role', 'Team']);
    expect(issues.implausible_caseload!.rows[0]![2]).toBe('Case holder');
    expect(issues.overlapping_spells!.rows[0]![2]).toBe('Case holder');
    expect(issues.outside_employment!.rows[0]![1]).toBe('Child in need');
    expect(issues.unknown_staff!.verdict).toBe('2 found');
    for (const i of Object.values(issues)) for (const c of i.columns) expect(c).not.toMatch(/_/);
  });
});

describe('data-quality lists on a database written before the field limits', () => {
  it('name a 1 MB team by its first 199 characters and an ellipsis, in every list with a team', async () => {
    const { MAX_CHARS } = await import('../../electron/import/rules');
    const { fieldLabel } = await import('../../shared/labels');
    const db = seed();
    const huge = 'Duty and Assessment '.repeat(52_429).slice(0, 1024 * 1024);
    db.prepare(`UPDATE allocation SET team = ?`).run(huge);
    const issues = listQualityIssues(db, '2018-03-31', { implausibleCaseload: 40 });
    const team = fieldLabel('team');
    const withTeam = issues.filter((i) => i.columns.includes(team) && i.rows.length > 0);
    expect(withTeam.map((i) => i.kind).sort()).toEqual(['implausible_caseload', 'outside_employment', 'unknown_staff']);
    for (const issue of withTeam) {
      const teams = issue.rows.map((r) => r[issue.columns.indexOf(team)]);
      for (const t of teams) expect(t).toBe(huge.slice(0, MAX_CHARS.team! - 1) + '\u2026');
    }
  });
});
