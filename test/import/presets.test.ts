import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { detectFile, ImportProblem, listMappings, saveMapping } from '../../electron/import/index';
import { csv, rows, setup } from './helpers';
import { saveValueRules } from '../../electron/import/value-rules';

const TEMPLATES = path.resolve(__dirname, '../../fixtures/templates');

describe('canonical templates', () => {
  it('each template is detected as its own source and imports its example row', async () => {
    const t = setup();
    const expected = { workers: 'spell', agency: 'spell', allocations: 'allocation', asye: 'asye', establishment: 'establishment' } as const;
    for (const [source, table] of Object.entries(expected)) {
      const file = path.join(TEMPLATES, `${source}.csv`);
      const d = detectFile(file);
      // The agency template has the workers' columns: its rows, all agency, tell it apart.
      expect(d.best?.source).toBe(source);
      expect(d.best?.preset).toBe('canonical');
      const before = rows(t.db, `SELECT * FROM ${table}`).length;
      const r = await t.run(file, { source: source as 'workers' });
      expect(r.outcome).toBe('imported');
      expect(r.inserted).toBe(1);
      expect(rows(t.db, `SELECT * FROM ${table}`).length).toBe(before + 1);
    }
    expect(rows(t.db, `SELECT staff_id, employment_type FROM spell ORDER BY staff_id`)).toEqual([
      { staff_id: 'A0001', employment_type: 'agency' },
      { staff_id: 'S0001', employment_type: 'permanent' },
    ]);
  });

  it('matches headings ignoring case, spaces and punctuation, and values likewise', async () => {
    const t = setup();
    const f = t.file('w.csv', csv(
      'Staff ID,SWE Number,ROLE,Team,Employment-Type,F.T.E.,Start Date,End Date,Leaving Reason,Qualified Date',
      'S1,,Case Holder,North,Fixed Term,0.5,2019-01-01,2019-12-31,RESIGNATION,',
      'S2,,CASE-HOLDER,North,permanent,1,2019-01-01,,,',
      'S3,,4,North,PERMANENT,1,2019-01-01,2020-01-01,5,',
    ));
    const r = await t.run(f);
    expect(r.outcome).toBe('imported');
    expect(rows(t.db, `SELECT staff_id, role, employment_type, fte, end_date, leaving_reason FROM spell ORDER BY staff_id`)).toEqual([
      { staff_id: 'S1', role: 'case_holder', employment_type: 'fixed_term', fte: 0.5, end_date: '2019-12-31', leaving_reason: 'resignation' },
      { staff_id: 'S2', role: 'case_holder', employment_type: 'permanent', fte: 1, end_date: null, leaving_reason: null },
      { staff_id: 'S3', role: 'senior_practitioner', employment_type: 'permanent', fte: 1, end_date: '2020-01-01', leaving_reason: 'retired' },
    ]);
  });

  it('ASYE defaults: cohort is the start month, planned end 12 months on, blank outcome in progress', async () => {
    const t = setup();
    const f = t.file('a.csv', csv('staff_id,cohort,start_date,planned_end_date,outcome,outcome_date', 'S1,,2019-09-02,,,', 'S2,March intake,2020-03-31,2021-06-30,Extended,'));
    expect((await t.run(f)).outcome).toBe('imported');
    expect(rows(t.db, `SELECT staff_id, cohort, planned_end_date, outcome FROM asye ORDER BY staff_id`)).toEqual([
      { staff_id: 'S1', cohort: '2019-09', planned_end_date: '2020-09-02', outcome: 'in_progress' },
      { staff_id: 'S2', cohort: 'March intake', planned_end_date: '2021-06-30', outcome: 'extended' },
    ]);
  });
});

describe('DfE census layout', () => {
  // A short file with some of the items (the full return: census.test.ts). CFKSSstatus is blank or a code 1-4 (the schema's cfksstype).
  const header = 'SWENo,AgencyWorker,FTE,OrgRole,RoleStartDate,RoleEndDate,ReasonLeave,CFKSSstatus';

  it('uses SWENo as the staff ID when there is no StaffID column, and says so', async () => {
    const t = setup();
    const f = t.file('census.csv', csv(header, 'SW100,0,1,5,01/04/2017,,,', 'SW200,1,0.8,4,02/05/2017,31/08/2018,1,2', 'SW300,,1,6,03/06/2017,,,1'));
    const d = detectFile(f);
    expect(d.best).toMatchObject({ source: 'workers', preset: 'census' });
    const r = await t.run(f);
    expect(r.outcome).toBe('imported');
    expect(r.assumptions.join(' ')).toMatch(/SWENo is used as their staff ID/);
    expect(r.assumptions.join(' ')).toMatch(/recorded as permanent/);
    expect(rows(t.db, `SELECT staff_id, swe_number, role, employment_type, fte, start_date, end_date, leaving_reason FROM spell ORDER BY staff_id`)).toEqual([
      { staff_id: 'SW100', swe_number: 'SW100', role: 'case_holder', employment_type: 'permanent', fte: 1, start_date: '2017-04-01', end_date: null, leaving_reason: null },
      { staff_id: 'SW200', swe_number: 'SW200', role: 'senior_practitioner', employment_type: 'agency', fte: 0.8, start_date: '2017-05-02', end_date: '2018-08-31', leaving_reason: 'resignation' },
      { staff_id: 'SW300', swe_number: 'SW300', role: 'qualified_no_cases', employment_type: 'permanent', fte: 1, start_date: '2017-06-03', end_date: null, leaving_reason: null },
    ]);
  });

  it('uses a StaffID column when the file has one', async () => {
    const t = setup();
    const f = t.file('census2.csv', csv('StaffID,' + header, 'E1,SW100,N,1,5,2017-04-01,,,'));
    const r = await t.run(f, { source: 'workers', preset: 'census' });
    expect(r.assumptions.join(' ')).not.toMatch(/SWENo is used/);
    expect(rows(t.db, `SELECT staff_id, swe_number FROM spell`)).toEqual([{ staff_id: 'E1', swe_number: 'SW100' }]);
  });
});

describe('Standard Safeguarding Dataset layouts', () => {
  // Every column of ssd_professionals, in the extract's order (formats/ssd.ts; fuller tests in ssd.test.ts).
  const profHeader = 'prof_professional_id,prof_staff_id,prof_professional_name,prof_social_worker_registration_no,prof_agency_worker_flag,prof_professional_job_title,prof_professional_caseload,prof_professional_department,prof_full_time_equivalency';

  it('ssd_professionals as workers (no HR file) needs an extract date, then places roles from job titles', async () => {
    const t = setup();
    const f = t.file('ssd_professionals.csv', csv(
      profHeader,
      'P1,E1,A Name,SW1,N,Social Worker,0,Assessment,1',
      'P2,E2,A Name,SW2,N,Team Manager,0,Assessment,1',
      'P3,E3,A Name,,NULL,Family Support Worker,0,Early Help,0.6',
      'P4,E4,A Name,SW4,Y,Senior Practitioner,0,Assessment,1',
      'P5,E5,A Name,SW5,No,Independent Reviewing Officer,0,QA,NULL',
    ));
    // Without --source it is read as the crosswalk of worker IDs it is first of all.
    expect(detectFile(f).best).toMatchObject({ source: 'idmap', preset: 'ssd' });
    await expect(t.run(f, { source: 'workers' })).rejects.toMatchObject({ code: 'missing_extract_date' });
    const r = await t.run(f, { source: 'workers', extractDate: '2024-03-31' });
    expect(r.outcome).toBe('imported');
    expect(r.assumptions.join(' ')).toMatch(/no dates/);
    expect(rows(t.db, `SELECT staff_id, role, employment_type, fte, start_date, end_date FROM spell ORDER BY staff_id`)).toEqual([
      { staff_id: 'P1', role: 'case_holder', employment_type: 'permanent', fte: 1, start_date: '2024-03-31', end_date: null },
      { staff_id: 'P2', role: 'first_line_manager', employment_type: 'permanent', fte: 1, start_date: '2024-03-31', end_date: null },
      { staff_id: 'P3', role: 'support_worker', employment_type: 'permanent', fte: 0.6, start_date: '2024-03-31', end_date: null },
      { staff_id: 'P4', role: 'senior_practitioner', employment_type: 'agency', fte: 1, start_date: '2024-03-31', end_date: null },
      { staff_id: 'P5', role: 'qualified_no_cases', employment_type: 'permanent', fte: 1, start_date: '2024-03-31', end_date: null },
    ]);
  });

  it('a job title that is no social work or support role is skipped and counted, not an error', async () => {
    const t = setup();
    const f = t.file('p.csv', csv(profHeader, 'P1,E1,A Name,SW1,N,Wizard,0,Assessment,1', 'P2,E2,A Name,SW2,N,Social Worker,0,Assessment,1'));
    const r = await t.run(f, { source: 'workers', extractDate: '2024-03-31' });
    expect(r).toMatchObject({ outcome: 'imported', inserted: 1, rejected: 0, problems: [] });
    expect(r.skipped).toEqual([{ reason: 'job title not a social work or support role', detail: 'Wizard', rows: 1 }]);
    expect(r.message).toMatch(/1 row skipped by design, not errors: job title not a social work or support role: 1 \(Wizard 1\)/);
  });

  it("ssd_professionals' job titles go through the job-title rules: an Assistant Team Manager manages, a student is not counted", async () => {
    const t = setup();
    const f = t.file('p.csv', csv(
      profHeader,
      'P1,E1,A Name,SW1,N,Assistant Team Manager,0,Assessment,1',
      'P2,E2,A Name,,N,Student Social Worker,0,Assessment,1',
      'P3,E3,A Name,,N,Social Work Assistant,0,Assessment,1',
      'P4,E4,A Name,SW4,N,Practice Educator,0,Assessment,1',
    ));
    const r = await t.run(f, { source: 'workers', extractDate: '2024-03-31' });
    expect(r).toMatchObject({ outcome: 'imported', inserted: 3, rejected: 0, problems: [] });
    // The old title rules put anything with "assistant" among support workers, a manager too.
    expect(rows(t.db, `SELECT staff_id, role FROM spell ORDER BY staff_id`)).toEqual([
      { staff_id: 'P1', role: 'first_line_manager' },
      { staff_id: 'P3', role: 'support_worker' },
      { staff_id: 'P4', role: 'senior_practitioner' },
    ]);
    expect(r.skipped).toEqual([{ reason: 'job title not a social work or support role', detail: 'Student Social Worker', rows: 1 }]);
    // Placed by the default rules, so the summary says so, as for any HR file.
    expect(r.assumptions.join('\n')).toContain('"Assistant Team Manager" as First line manager (1 row)');
    // The council's saved rule corrects a title for the SSD as for any HR file.
    const t2 = setup();
    saveValueRules(t2.db, [{ field: 'role', value: 'Practice Educator', placed: 'case_holder' }]);
    await t2.run(t2.file('p.csv', csv(profHeader, 'P4,E4,A Name,SW4,N,Practice Educator,0,Assessment,1')), { source: 'workers', extractDate: '2024-03-31' });
    expect(rows(t2.db, `SELECT role FROM spell`)).toEqual([{ role: 'case_holder' }]);
  });

  it('ssd_involvements: case type "other" unless mapped, and the user is told', async () => {
    const t = setup();
    const f = t.file('ssd_involvements.csv', csv(
      'invo_involvements_id,invo_professional_id,invo_professional_role_id,invo_professional_team,invo_person_id,invo_involvement_start_date,invo_involvement_end_date,invo_worker_change_reason,invo_referral_id',
      '1,P1,CW,Assessment,C1,2023-01-05,,,R100',
      '2,P2,CW,Assessment,C2,2023-02-05,2023-06-30,,R101',
    ));
    expect(detectFile(f).best).toMatchObject({ source: 'allocations', preset: 'ssd' });
    const r = await t.run(f);
    expect(r.outcome).toBe('imported');
    expect(r.assumptions.join(' ')).toMatch(/no case type column.*"other"/);
    expect(rows(t.db, `SELECT case_type, staff_id, team, start_date, end_date FROM allocation ORDER BY staff_id`)).toEqual([
      { case_type: 'other', staff_id: 'P1', team: 'Assessment', start_date: '2023-01-05', end_date: null },
      { case_type: 'other', staff_id: 'P2', team: 'Assessment', start_date: '2023-02-05', end_date: '2023-06-30' },
    ]);
  });
});

describe('column mappings', () => {
  const itrent = csv(
    'Employee No,Post Title,Cost Centre,Contract,Hours FTE,Appointment Date,Termination Date',
    'E1,SW,North,Perm,1,2020-01-06,',
    'E2,ASW,North,Locum,1,2020-02-03,2020-05-29',
  );
  const mapping = {
    name: 'itrent',
    source: 'workers',
    columns: {
      'Employee No': 'staff_id', 'Post Title': 'role', 'Cost Centre': 'team', Contract: 'employment_type',
      'Hours FTE': 'fte', 'Appointment Date': 'start_date', 'Termination Date': 'end_date',
    },
    values: { role: { SW: 'case_holder', ASW: 'senior_practitioner' } },
  };

  it('imports an unknown layout through a mapping file, saves it by name and reuses it', async () => {
    const t = setup();
    const f = t.file('itrent.csv', itrent);
    expect(detectFile(f).best).toBeNull();
    await expect(t.run(f, { source: 'workers' })).rejects.toMatchObject({ code: 'unknown_layout' });
    const mapFile = t.file('itrent.json', JSON.stringify(mapping));
    const r = await t.run(f, { source: 'workers', mapping: mapFile });
    expect(r.outcome).toBe('imported');
    expect(r.preset).toBe('mapping:itrent');
    expect(rows(t.db, `SELECT staff_id, role, employment_type, end_date FROM spell ORDER BY staff_id`)).toEqual([
      { staff_id: 'E1', role: 'case_holder', employment_type: 'permanent', end_date: null },
      { staff_id: 'E2', role: 'senior_practitioner', employment_type: 'agency', end_date: '2020-05-29' },
    ]);

    saveMapping(t.db, 'itrent-hr', 'workers', mapping as never);
    expect(listMappings(t.db).map((m) => [m.name, m.source])).toEqual([['itrent-hr', 'workers']]);
    // A later export of the same layout: the saved mapping is found by name, and by detection.
    const later = t.file('itrent2.csv', itrent.replace('2020-05-29', '2020-06-30'));
    expect(detectFile(later, t.db).best).toMatchObject({ source: 'workers', preset: 'mapping:itrent-hr' });
    const r2 = await t.run(later, { mapping: 'itrent-hr' });
    expect(r2).toMatchObject({ outcome: 'imported', updated: 1, unchanged: 1 });
  });

  it('a mapping naming a field that does not exist is refused before any row is read', async () => {
    const t = setup();
    const f = t.file('itrent.csv', itrent);
    const bad = t.file('bad.json', JSON.stringify({ ...mapping, columns: { ...mapping.columns, 'Cost Centre': 'cost_centre' } }));
    const err = await t.run(f, { source: 'workers', mapping: bad }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportProblem);
    expect((err as ImportProblem).message).toMatch(/"cost_centre", which is not a field of workers files/);
    expect(rows(t.db, `SELECT * FROM import_log`)).toEqual([]);
  });

  it('a mapping that is not JSON, or misses a column, says so', async () => {
    const t = setup();
    const f = t.file('itrent.csv', itrent);
    fs.writeFileSync(f + '.json', '{ nope');
    await expect(t.run(f, { source: 'workers', mapping: f + '.json' })).rejects.toThrow(/not valid JSON/);
    const missing = t.file('m.json', JSON.stringify({ ...mapping, columns: { ...mapping.columns, 'Hours FTE': undefined, FTE: 'fte' } }));
    await expect(t.run(f, { source: 'workers', mapping: missing })).rejects.toThrow(/no column for fte/);
  });
});

describe('detection and the wrong source', () => {
  it('an allocations file given as workers: says what it looks like, stores nothing', async () => {
    const t = setup();
    const f = path.join(TEMPLATES, 'allocations.csv');
    const err = (await t.run(f, { source: 'workers' }).catch((e: unknown) => e)) as ImportProblem;
    expect(err.code).toBe('wrong_source');
    expect(err.message).toBe(
      'This looks like an allocations file (case-management export, Scrutiny Pack template), not workers. Import it with --source allocations.',
    );
    expect(rows(t.db, `SELECT * FROM import_log`)).toEqual([]);
  });

  it('an SSD involvements file given as workers names the preset', async () => {
    const t = setup();
    const f = t.file('i.csv', csv('invo_professional_id,invo_professional_role_id,invo_professional_team,invo_involvement_start_date,invo_involvement_end_date,invo_referral_id', 'P1,CW,T,2023-01-01,,R1'));
    await expect(t.run(f, { source: 'workers' })).rejects.toThrow(/looks like an allocations file .*ssd_involvements.*--source allocations \(it fits the ssd preset\)/);
  });

  it('a file matching nothing lists its headings and what is missing', async () => {
    const t = setup();
    const f = t.file('x.csv', csv('foo,bar', '1,2'));
    await expect(t.run(f, { source: 'allocations' })).rejects.toThrow(/no column for case_id.*"foo", "bar"/);
    await expect(t.run(f)).rejects.toMatchObject({ code: 'unknown_layout' });
  });
});

describe('saving a mapping as part of an import', () => {
  it('saveMappingAs stores the mapping only when the import succeeds', async () => {
    const t = setup();
    const mapping = { columns: { Ref: 'case_id', Kind: 'case_type', Worker: 'staff_id', From: 'start_date', To: 'end_date' }, values: { case_type: { 'Child In Need Plan': 'CIN' } } };
    const bad = t.file('bad.csv', csv('Ref,Kind,Worker,From,To', 'R1,Mystery,W1,2020-01-01,'));
    expect((await t.run(bad, { source: 'allocations', mapping, saveMappingAs: 'mosaic' })).outcome).toBe('failed');
    expect(listMappings(t.db)).toEqual([]);
    const good = t.file('good.csv', csv('Ref,Kind,Worker,From,To', 'R1,Child In Need Plan,W1,2020-01-01,'));
    expect((await t.run(good, { source: 'allocations', mapping, saveMappingAs: 'mosaic' })).outcome).toBe('imported');
    expect(listMappings(t.db)).toEqual([expect.objectContaining({ name: 'mosaic', source: 'allocations', mapping: expect.objectContaining({ columns: mapping.columns }) })]);
    expect(rows(t.db, 'SELECT case_type, staff_id FROM allocation')).toEqual([{ case_type: 'CIN', staff_id: 'W1' }]);
  });
});
