// An HR export as a council's HR system writes it (its own headings, job titles, contract types
// in words, hours against a standard week, leaving reasons in words): fixtures/hr/hr-export.csv.
// Before value mapping all 8 of its 8 rows were rejected; it must import with the default rules
// (the summary saying what was assumed), with a saved mapping file, and through the app's
// handlers, giving the figures the file was built to have.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { main } from '../../electron/cli/main';
import { saveValueRules, listValueRules } from '../../electron/import/value-rules';
import { defaultPlacement } from '../../electron/import/value-maps';
import { tempDir } from '../support/tmp';
import { handlersWithFile } from '../support/app-handlers';
import { rows, setup } from './helpers';

const HR = path.resolve(__dirname, '../../fixtures/hr/hr-export.csv');
const MAPPING = path.resolve(__dirname, '../../fixtures/hr/hr-export.mapping.json');
const SPELLS = 'SELECT staff_id, swe_number, role, team, employment_type, fte, start_date, end_date, leaving_reason FROM spell ORDER BY staff_id';

// What the file was built to give with the default rules: 5 spells; a student, business
// support and a zero-hours worker not counted.
const BY_DEFAULT = [
  { staff_id: 'E1001', swe_number: 'SW12345', role: 'case_holder', team: 'Assessment North', employment_type: 'permanent', fte: 1, start_date: '2019-04-01', end_date: null, leaving_reason: null },
  { staff_id: 'E1002', swe_number: 'SW23456', role: 'senior_practitioner', team: 'Assessment North', employment_type: 'permanent', fte: 0.8108, start_date: '2017-09-15', end_date: '2024-03-31', leaving_reason: 'resignation' },
  { staff_id: 'E1003', swe_number: 'SW34567', role: 'first_line_manager', team: 'Children in Care', employment_type: 'fixed_term', fte: 1, start_date: '2022-01-04', end_date: null, leaving_reason: null },
  { staff_id: 'E1005', swe_number: 'SW45678', role: 'senior_practitioner', team: 'Children in Care', employment_type: 'fixed_term', fte: 0.6081, start_date: '2016-06-06', end_date: '2024-11-30', leaving_reason: 'retired' },
  { staff_id: 'E1006', swe_number: null, role: 'support_worker', team: 'Leaving Care', employment_type: 'permanent', fte: 1, start_date: '2021-02-01', end_date: null, leaving_reason: null },
];

describe('an HR export in the council\'s own words', () => {
  it('imports with the default rules, and the summary says every placement it assumed', async () => {
    const t = setup();
    const r = await t.run(HR, { extractDate: '2025-10-01' });
    expect(r).toMatchObject({ outcome: 'imported', source: 'workers', rowsRead: 8, inserted: 5, rejected: 0 });
    expect(rows(t.db, SPELLS)).toEqual(BY_DEFAULT);
    // Left out on purpose, by reason and value, as the SSD layouts' skipped rows are.
    expect(r.skipped).toEqual([
      { reason: 'job title not a social work or support role', detail: 'Student Social Worker', rows: 1 },
      { reason: 'job title not a social work or support role', detail: 'Business Support Officer', rows: 1 },
      { reason: 'contract type not counted in the workforce', detail: 'Zero hours', rows: 1 },
    ]);
    expect(r.message).toContain(
      '3 rows skipped by design, not errors: job title not a social work or support role: 2 (Student Social Worker 1, Business Support Officer 1); contract type not counted in the workforce: 1 (Zero hours 1).',
    );
    const said = r.assumptions.join('\n');
    expect(said).toContain('FTE: column "Hours" was read as hours worked against column "Standard Hours" (37 hours where it is blank), because of its heading');
    expect(said).toContain('Job titles placed by the default rules');
    expect(said).toContain('"Social Worker" as Case holder (2 rows)');
    expect(said).toContain('"Assistant Team Manager" as First line manager (1 row)');
    expect(said).toContain('"Personal Adviser" as Support worker (1 row)');
    expect(said).toContain('Contract types placed by the default rules');
    expect(said).toContain('"Secondment" as fixed term (1 row)');
    expect(said).toContain('Leaving reasons placed by the default rules');
    expect(said).toContain('"Moved to another LA" as resignation (1 row)');
    expect(said).toMatch(/Not counted by the value rules \(not social work posts or contracts, so not errors\): "Business Support Officer" \(1 row\), "Student Social Worker" \(1 row\), "Zero hours" \(1 row\)\. If any should count/);
  });

  it('a saved mapping file places values its own way (and says FTE is hours because the mapping says so)', async () => {
    const t = setup();
    const r = await t.run(HR, { extractDate: '2025-10-01', mapping: MAPPING });
    // Personal Adviser not counted; Zero hours counted as permanent; Practice Educator a case holder.
    expect(r).toMatchObject({ outcome: 'imported', rowsRead: 8, inserted: 5 });
    expect(r.skipped?.reduce((n, s) => n + s.rows, 0)).toBe(3);
    const stored = rows<{ staff_id: string; role: string; employment_type: string; fte: number }>(t.db, SPELLS);
    expect(stored.map((s) => s.staff_id)).toEqual(['E1001', 'E1002', 'E1003', 'E1005', 'E1008']);
    expect(stored.find((s) => s.staff_id === 'E1005')).toMatchObject({ role: 'case_holder' });
    expect(stored.find((s) => s.staff_id === 'E1008')).toMatchObject({ role: 'case_holder', employment_type: 'permanent', fte: 0.4054 });
    expect(r.assumptions.join('\n')).toContain('as the column mapping says');
  });

  it("the council's saved rules correct the defaults for every later import", async () => {
    const t = setup();
    saveValueRules(t.db, [
      { field: 'role', value: 'Practice Educator', placed: 'case_holder' },
      { field: 'employment_type', value: 'zero hours', placed: 'permanent' },
    ]);
    expect(listValueRules(t.db).map((r) => [r.field, r.value, r.placed])).toEqual([
      ['employment_type', 'zero hours', 'permanent'],
      ['role', 'Practice Educator', 'case_holder'],
    ]);
    expect(() => saveValueRules(t.db, [{ field: 'role', value: 'Wizard', placed: 'wizard' }])).toThrow(/"Wizard" cannot be placed as "wizard": a role is one of senior_manager/);
    const r = await t.run(HR, { extractDate: '2025-10-01' });
    expect(r).toMatchObject({ inserted: 6 });
    expect(r.skipped?.map((s) => s.detail)).toEqual(['Student Social Worker', 'Business Support Officer']);
    expect(r.assumptions.join('\n')).toContain('Job titles placed by your council\'s saved rules: "Practice Educator" as Case holder (1 row)');
    // Removing a rule brings the default back.
    saveValueRules(t.db, [{ field: 'role', value: 'PRACTICE EDUCATOR', placed: '' }]);
    expect(listValueRules(t.db)).toHaveLength(1);
  });

  it('the default job-title rules place the titles councils use', () => {
    const placed = (title: string) => defaultPlacement('role', title)?.to;
    expect(
      Object.fromEntries(
        ['Social Worker', 'Senior Social Worker', 'Assistant Team Manager', 'Student Social Worker', 'Practice Educator', 'Personal Adviser',
          'Business Support Officer', 'Advanced Practitioner', 'Team Manager', 'Head of Service', 'Family Support Worker', 'Social Work Assistant',
          'IRO', 'Child Protection Chair', 'Principal Social Worker', 'Newly Qualified Social Worker (ASYE)', 'Astronaut'].map((t) => [t, placed(t) ?? null]),
      ),
    ).toEqual({
      'Social Worker': 'case_holder', 'Senior Social Worker': 'senior_practitioner', 'Assistant Team Manager': 'first_line_manager',
      'Student Social Worker': 'not_counted', 'Practice Educator': 'senior_practitioner', 'Personal Adviser': 'support_worker',
      'Business Support Officer': 'not_counted', 'Advanced Practitioner': 'senior_practitioner', 'Team Manager': 'first_line_manager',
      'Head of Service': 'senior_manager', 'Family Support Worker': 'support_worker', 'Social Work Assistant': 'support_worker',
      IRO: 'qualified_no_cases', 'Child Protection Chair': 'qualified_no_cases', 'Principal Social Worker': 'middle_manager',
      'Newly Qualified Social Worker (ASYE)': 'case_holder', Astronaut: null,
    });
    expect(defaultPlacement('employment_type', 'Casual')?.to).toBe('not_counted');
    expect(defaultPlacement('leaving_reason', 'Dismissal')?.to).toBe('dismissed');
    expect(defaultPlacement('leaving_reason', 'End of contract')?.to).toBe('other');
  });

  it('a title no rule places is a row problem that says where to place it', async () => {
    const t = setup();
    const file = t.file('odd.csv', 'Employee Number,Job Title,Contract Type,FTE,Start Date\nE1,Astronaut,Permanent,1,2020-01-01\n');
    const r = await t.run(file, { extractDate: '2025-10-01' });
    expect(r.outcome).toBe('failed');
    expect(r.problems[0]).toMatchObject({ row: 2, column: 'Job Title', value: 'Astronaut' });
    expect(r.problems[0]!.reason).toMatch(/^is not a recognised Role; use one of: .*; or, as no rule places it, choose what it is in the import's value step/);
  });

  it('FTE as a percentage is decided from the column and said', async () => {
    const t = setup();
    const file = t.file('pct.csv', 'staff_id,role,employment_type,fte,start_date\nS1,case_holder,permanent,100,2020-01-01\nS2,case_holder,permanent,80,2020-01-01\n');
    const r = await t.run(file, { extractDate: '2025-10-01' });
    expect(r).toMatchObject({ outcome: 'imported', inserted: 2 });
    expect(rows(t.db, 'SELECT fte FROM spell ORDER BY staff_id')).toEqual([{ fte: 1 }, { fte: 0.8 }]);
    expect(r.assumptions).toContain('FTE: column "fte" was read as a percentage of full time (80 is 0.8 FTE), because its first values are all over 1.');
  });

  it('on the command line: imports with no options and exit 0, saying what was assumed', async () => {
    const dir = tempDir();
    const out: string[] = [];
    const code = await main(['import', '--db', path.join(dir, 'c.sqlite'), '--extract-date', '2025-10-01', HR], { out: (s) => out.push(s), err: (s) => out.push(s), isTty: false, env: {} });
    expect(code).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/^Imported hr-export.csv \(import 1\): 5 new rows, 0 updated, 0 unchanged\. 3 rows skipped by design, not errors: job title not a social work or support role: 2/);
    expect(text).toContain('  Assumed: Job titles placed by the default rules');
    const mapped = await main(['import', '--db', path.join(dir, 'd.sqlite'), '--extract-date', '2025-10-01', '--mapping', MAPPING, HR], { out: (s) => out.push(s), err: (s) => out.push(s), isTty: false, env: {} });
    expect(mapped).toBe(0);
  });

  it('through the app\'s handlers: detected as a workers file, its values listed, and imported', async () => {
    const { ctx, h, fileId, finished } = await handlersWithFile(HR);
    const detected = await h.detectFile({ fileId });
    expect(detected).toMatchObject({ source: 'workers', preset: 'canonical' });
    const values = await h.fileValues({ fileId, source: 'workers', preset: 'canonical' });
    expect(values.map((c) => [c.field, c.column, c.values.length])).toEqual([
      ['role', 'Job Title', 7],
      ['employment_type', 'Contract Type', 4],
      ['leaving_reason', 'Reason for Leaving', 2],
    ]);
    expect(values[0]!.values.find((v) => v.value === 'Social Worker')).toEqual({ value: 'Social Worker', rows: 2, placed: 'case_holder', by: 'default' });
    expect(values[1]!.values.find((v) => v.value === 'Permanent')).toEqual({ value: 'Permanent', rows: 4, placed: 'permanent', by: 'code' });
    const { jobId } = await h.startImport({ fileId, source: 'workers', preset: 'canonical', acceptValid: false, dryRun: false });
    const p = await finished(jobId);
    expect(p.result).toMatchObject({ outcome: 'imported', rowsRead: 8, inserted: 5, rejected: 0 });
    expect(p.result!.assumptions.some((a) => a.startsWith('Job titles placed by the default rules'))).toBe(true);
    ctx.close();
  });
});
