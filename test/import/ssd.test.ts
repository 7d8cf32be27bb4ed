// The Standard Safeguarding Dataset as extracts really come (test/fixtures/ssd/, built to the
// specification: every column in the order the extract writes it, a BOM, CRLF, the text NULL,
// datetimes with .000), alone and with an HR file, another allocations export and an ID map.
//
// What the files hold, at 30 September 2025 (the as-at date D and the extract date):
//   ssd_professionals: 101 Alice (E1001, SW100001, Social Worker, FTE 1), 102 Bob (E1002,
//     SW100002, Senior Social Worker, FTE NULL), 103 Carol (E1003, SW100003, IRO, FTE 0.8),
//     104 Dan (E1004, no SWE, Business Support Officer), 105 Eve (E1005, SW100005, agency Y,
//     Social Worker), 108 a GP with no staff number and no SWE number.
//   ssd_involvements, by invo_involvements_id:
//     1, 2  Alice CW, open at D                         -> Alice 2
//     3     Alice CW, ended 30 June 2025                -> not held at D
//     4     Bob CW, open                                -> Bob
//     5     Bob CW, starts on D, referral NULL          -> Bob (case = the child P005); Bob 2
//     6     Carol IRO                                   -> skipped (not the allocated case worker)
//     7     no worker (NULL), team 502                  -> skipped (department level)
//     8     Eve CW, open                                -> Eve 1
//     9     Alice 16PLUS, 10 Bob KA                     -> skipped
//     11    worker 999, nobody's ID                     -> imported, linked to no worker
//   So 7 involvements are allocations (4 skipped), 6 of them link and 1 does not (999).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeMetrics } from '../../electron/measures/index';
import { caseCounts } from '../../electron/measures/cases';
import { linkReport, WorkerLinker } from '../../electron/measures/worker-links';
import { caseHasher } from '../../electron/import/pseudonym';
import { caseKeyFor, KeyStore } from '../../electron/keys';
import { detectFile, undoImport } from '../../electron/import/index';
import { SSD_V1_COLUMNS } from '../../electron/import/formats/ssd';
import { listQualityIssues } from '../../electron/quality/index';
import { main } from '../../electron/cli/main';
import { csv, rows, setup } from './helpers';

const DIR = path.resolve(__dirname, '../fixtures/ssd');
const F = (name: string) => path.join(DIR, name);
const D = '2025-09-30';

function headings(file: string): string[] {
  return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0]!.split(',');
}

/** Cases held at D per staff ID (after linking), as the measures count them. */
function held(db: Parameters<typeof caseCounts>[0]): Record<string, number> {
  return Object.fromEntries([...caseCounts(db, [D])[0]!].map(([id, c]) => [id, c.all]).sort());
}

describe('SSD extracts as the specification writes them', () => {
  it('the test files have every column of the specification, in its order and spelling', () => {
    expect(headings(F('ssd_professionals.csv'))).toEqual([...SSD_V1_COLUMNS.ssd_professionals]);
    expect(headings(F('ssd_involvements.csv'))).toEqual([...SSD_V1_COLUMNS.ssd_involvements]);
    expect(headings(F('ssd_department.csv'))).toEqual([...SSD_V1_COLUMNS.ssd_department]);
    for (const f of ['ssd_professionals.csv', 'ssd_involvements.csv', 'ssd_department.csv']) {
      const bytes = fs.readFileSync(F(f));
      expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(bytes.toString('utf8')).toContain('NULL');
    }
  });

  it('detects each file without options: professionals as a crosswalk, involvements as allocations, departments as team names', () => {
    expect(detectFile(F('ssd_professionals.csv')).best).toMatchObject({ source: 'idmap', preset: 'ssd' });
    expect(detectFile(F('ssd_involvements.csv')).best).toMatchObject({ source: 'allocations', preset: 'ssd' });
    expect(detectFile(F('ssd_department.csv')).best).toMatchObject({ source: 'departments', preset: 'ssd' });
    expect(detectFile(F('idmap.csv')).best).toMatchObject({ source: 'idmap', preset: 'canonical' });
    expect(detectFile(path.resolve(__dirname, '../../fixtures/templates/idmap.csv')).best).toMatchObject({ source: 'idmap', preset: 'canonical' });
    // A workers file with staff and SWE numbers is never taken for an ID map.
    expect(detectFile(F('hr_workers.csv')).best).toMatchObject({ source: 'workers', preset: 'canonical' });
    // Neither the worker's name nor the team name column refuses the file.
    expect(detectFile(F('ssd_professionals.csv')).identityColumns.filter((c) => c.startsWith('dept'))).toEqual([]);
    expect(detectFile(F('ssd_department.csv')).identityColumns).toEqual([]);
  });

  it('an SSD extract alone gives the caseloads it was built to have', async () => {
    const t = setup();
    const dept = await t.run(F('ssd_department.csv'), { extractDate: D });
    expect(dept).toMatchObject({ outcome: 'imported', source: 'departments', inserted: 4 });
    expect(rows(t.db, `SELECT team_id, team_name, parent_id FROM department ORDER BY team_id`)[0]).toEqual({ team_id: '500', team_name: "Children's Social Care", parent_id: null });

    const cross = await t.run(F('ssd_professionals.csv'), { extractDate: D });
    // 108 (a GP) names only its case-system ID: nothing to link, skipped and counted.
    expect(cross).toMatchObject({ outcome: 'imported', source: 'idmap', rowsRead: 6, inserted: 5, rejected: 0 });
    expect(cross.skipped).toEqual([{ reason: 'only one of case-system worker ID, staff number and SWE number (nothing to link)', detail: null, rows: 1 }]);
    expect(rows(t.db, `SELECT cms_id, staff_id, swe_number FROM worker_identifier ORDER BY cms_id`)).toEqual([
      { cms_id: '101', staff_id: 'E1001', swe_number: 'SW100001' },
      { cms_id: '102', staff_id: 'E1002', swe_number: 'SW100002' },
      { cms_id: '103', staff_id: 'E1003', swe_number: 'SW100003' },
      { cms_id: '104', staff_id: 'E1004', swe_number: '' },
      { cms_id: '105', staff_id: 'E1005', swe_number: 'SW100005' },
    ]);

    const invo = await t.run(F('ssd_involvements.csv'), { extractDate: D });
    expect(invo).toMatchObject({ outcome: 'imported', source: 'allocations', rowsRead: 11, inserted: 7, rejected: 0, problems: [] });
    expect(invo.skipped).toEqual([
      { reason: 'not the allocated case worker', detail: 'IRO', rows: 1 },
      { reason: 'not the allocated case worker', detail: '16PLUS', rows: 1 },
      { reason: 'not the allocated case worker', detail: 'KA', rows: 1 },
      { reason: 'department-level, no worker', detail: null, rows: 1 },
    ]);
    expect(invo.message).toContain('4 rows skipped by design, not errors');
    // No workers yet, only a crosswalk: nothing links.
    expect(invo.links).toMatchObject({ allocations: 7, linked: 0, unlinked: 7 });
    // Datetimes read as dates; team IDs stored as the department's name; the blank referral's case is the child.
    const hash = caseHasher(caseKeyFor(t.db, KeyStore.fromEnv()));
    expect(rows(t.db, `SELECT case_key, staff_id, team, start_date, end_date FROM allocation ORDER BY id`)).toEqual([
      { case_key: hash('R001'), staff_id: '101', team: 'Assessment Team North', start_date: '2025-01-24', end_date: null },
      { case_key: hash('R002'), staff_id: '101', team: 'Assessment Team North', start_date: '2025-03-01', end_date: null },
      { case_key: hash('R003'), staff_id: '101', team: 'Assessment Team North', start_date: '2024-06-01', end_date: '2025-06-30' },
      { case_key: hash('R004'), staff_id: '102', team: 'Children in Care Team', start_date: '2023-11-11', end_date: null },
      { case_key: hash('P005'), staff_id: '102', team: 'Children in Care Team', start_date: '2025-09-30', end_date: null },
      { case_key: hash('R007'), staff_id: '105', team: 'Children in Care Team', start_date: '2025-02-02', end_date: null },
      { case_key: hash('R010'), staff_id: '999', team: 'Assessment Team North', start_date: '2025-01-01', end_date: null },
    ]);

    // With no HR file, the professionals extract (named as workers) is the list of workers on the
    // extract date, under the case system's IDs. Dan (business support) and the GP are skipped.
    const workers = await t.run(F('ssd_professionals.csv'), { source: 'workers', extractDate: D });
    expect(workers).toMatchObject({ outcome: 'imported', source: 'workers', inserted: 4, rejected: 0 });
    expect(workers.skipped?.map((s) => s.detail)).toEqual(['Business Support Officer', 'GP']);
    expect(rows(t.db, `SELECT staff_id, role, employment_type, fte, start_date FROM spell ORDER BY staff_id`)).toEqual([
      { staff_id: '101', role: 'case_holder', employment_type: 'permanent', fte: 1, start_date: D },
      { staff_id: '102', role: 'senior_practitioner', employment_type: 'permanent', fte: 1, start_date: D },
      { staff_id: '103', role: 'qualified_no_cases', employment_type: 'permanent', fte: 0.8, start_date: D },
      { staff_id: '105', role: 'case_holder', employment_type: 'agency', fte: 1, start_date: D },
    ]);
    expect(workers.links).toMatchObject({ allocations: 7, linked: 6, unlinked: 1, unlinkedIds: [{ id: '999', allocations: 1, why: 'unknown' }] });

    // Alice 2, Bob 2, Eve 1 (agency workers' cases count); Carol's IRO involvement is not caseload.
    expect(held(t.db)).toMatchObject({ '101': 2, '102': 2, '105': 1 });
    const m = computeMetrics(t.db, D, { months: 0 });
    expect(m.caseload.cases).toBe(5);
    expect(m.caseload.caseHolders).toEqual({ headcount: 3, fte: 3 });
    expect(m.caseload.averageFte).toBeCloseTo(5 / 3, 10);
    expect(m.caseload.averagePerWorker).toBeCloseTo(5 / 3, 10);
  });

  it('SSD + an HR file with its own staff numbers + allocations with CMS IDs + an ID map give the caseloads built', async () => {
    // hr_workers.csv: E1001 Alice FTE 1, E1002 Bob FTE 0.5, E1003 Carol (IRO), E1006 Frank (no
    // SWE number, CMS ID 106 only in the ID map), E1007 Grace (SW100007), A2001 Eve as agency
    // (SW100005; the crosswalk gives her staff number as E1005, which HR does not have: the SWE
    // number joins them). allocations_cms.csv: Frank 2 by CMS ID 106, Grace 1 by SWE number,
    // Alice 1 by staff number, 777 nobody.
    const t = setup();
    for (const f of ['ssd_department.csv', 'ssd_professionals.csv', 'ssd_involvements.csv', 'hr_workers.csv', 'allocations_cms.csv']) {
      expect((await t.run(F(f), { extractDate: D })).outcome).toBe('imported');
    }
    // Before the ID map: Frank's two allocations link to nobody.
    let report = linkReport(t.db);
    expect(report).toMatchObject({ allocations: 12, linked: 8, unlinked: 4, unlinkedIdCount: 3 });
    expect(report.unlinkedIds.map((u) => [u.id, u.allocations])).toEqual([['106', 2], ['777', 1], ['999', 1]]);
    expect(held(t.db)).toMatchObject({ E1001: 3, E1002: 2, A2001: 1, E1007: 1 });

    const map = await t.run(F('idmap.csv'), { extractDate: D });
    expect(map).toMatchObject({ outcome: 'imported', source: 'idmap', preset: 'canonical', inserted: 1 });
    expect(map.links).toMatchObject({ allocations: 12, linked: 10, unlinked: 2, linkedVia: { staff: 1, cms: 8, swe: 1 } });
    expect(map.message).toContain('2 of 12 allocations are not linked to any worker');
    expect(map.message).toContain('777 (1), 999 (1)');

    // Alice 2 involvements (via CMS 101) + C-903 (staff number) = 3; Bob 2 (via 102); Eve 1 (105 ->
    // SW100005 -> A2001); Frank 2 (106 via the ID map); Grace 1 (SWE number).
    const byStaff = held(t.db);
    expect(byStaff).toEqual({ '777': 1, '999': 1, A2001: 1, E1001: 3, E1002: 2, E1006: 2, E1007: 1 });
    // Cases held 9 by 5 case holders with FTE 1 + 0.5 + 1 + 1 + 1 = 4.5: 2.0 per FTE, 1.8 per worker.
    const m = computeMetrics(t.db, D, { months: 0 });
    expect(m.caseload.cases).toBe(9);
    expect(m.caseload.caseHolders).toEqual({ headcount: 5, fte: 4.5 });
    expect(m.caseload.averageFte).toBe(2);
    expect(m.caseload.averagePerWorker).toBeCloseTo(1.8, 10);

    // The Data screen's check lists the two IDs, with the team's name.
    const issue = listQualityIssues(t.db, D, { implausibleCaseload: 40 }).find((i) => i.kind === 'unknown_staff')!;
    expect(issue.count).toBe(2);
    expect(issue.rows.map((r) => [r[0], r[5], r[6]])).toEqual([
      ['777', 'Assessment Team North', 'no worker has this ID'],
      ['999', 'Assessment Team North', 'no worker has this ID'],
    ]);

    // metrics --json carries the same report.
    const out: string[] = [];
    const code = await main(['metrics', '--db', t.dbPath, '--as-at', D, '--months', '0', '--json'], { out: (s) => out.push(s), err: () => {}, isTty: false });
    expect(code).toBe(0);
    expect(JSON.parse(out.join('\n')).workerLinks).toMatchObject({ allocations: 12, linked: 10, unlinked: 2, unlinkedIdCount: 2 });

    // Undo of the ID map puts Frank's cases back out of every caseload; undo of the crosswalk
    // unlinks every involvement (their CMS IDs were known only through it).
    undoImport(t.db, map.importId!);
    expect(rows(t.db, `SELECT COUNT(*) AS n FROM worker_identifier WHERE cms_id = '106'`)).toEqual([{ n: 0 }]);
    expect(held(t.db).E1006).toBeUndefined();
    expect(computeMetrics(t.db, D, { months: 0 }).caseload.cases).toBe(7);
    const crossId = (rows<{ id: number }>(t.db, `SELECT id FROM import_log WHERE file_name = 'ssd_professionals.csv'`))[0]!.id;
    undoImport(t.db, crossId);
    // Without the crosswalk only the canonical export's staff-number and SWE-number allocations link.
    expect(linkReport(t.db)).toMatchObject({ linked: 2, unlinked: 10 });
    expect(computeMetrics(t.db, D, { months: 0 }).caseload.cases).toBe(2);
  });

  it('a Mosaic extract: no prof_professional_id, the worker ID in prof_staff_id, PersonID and no referral ID, role descriptions and team names', async () => {
    const t = setup();
    await t.run(t.file('hr.csv', csv(
      'staff_id,swe_number,role,team,employment_type,fte,start_date,end_date',
      'H1,SW1,case_holder,North,permanent,0.5,2020-01-01,',
      'H2,SW2,case_holder,South,permanent,1,2020-01-01,',
    )), { extractDate: D });
    // SQL_Professionals_Live.sql: NULL prof_professional_id, a.ID prof_staff_id.
    const prof = await t.run(t.file('prof.csv', csv(
      [...SSD_V1_COLUMNS.ssd_professionals].join(','),
      'NULL,5001,NULL,SW1,NULL,Social Worker,0,North,NULL',
      'NULL,5002,NULL,SW2,NULL,Social Worker,0,South,NULL',
    )), { extractDate: D });
    expect(prof.inserted).toBe(2);
    expect(rows(t.db, `SELECT cms_id, staff_id, swe_number FROM worker_identifier ORDER BY cms_id`)).toEqual([
      { cms_id: '5001', staff_id: '', swe_number: 'SW1' },
      { cms_id: '5002', staff_id: '', swe_number: 'SW2' },
    ]);
    // SQL_Involvements_Live.sql: its columns, in its order, with dates cast to date.
    const invo = await t.run(t.file('invo.csv', csv(
      'invo_involvements_id,PersonID,invo_professional_id,invo_professional_role_id,invo_professional_team,invo_referral_id,invo_involvement_start_date,invo_involvement_end_date,invo_worker_change_reason',
      '1,900,5001,Allocated Worker,North,NULL,2025-01-01,NULL,NULL',
      '2,901,5001,Allocated Worker,North,NULL,2025-02-01,NULL,NULL',
      '3,901,5002,Independent Reviewing Officer,South,NULL,2025-02-01,NULL,NULL',
      '4,902,5002,ALLWKR,South,,2025-03-01,NULL,NULL',
    )), { extractDate: D });
    expect(invo).toMatchObject({ outcome: 'imported', inserted: 3, rejected: 0 });
    expect(invo.skipped).toEqual([{ reason: 'not the allocated case worker', detail: 'Independent Reviewing Officer', rows: 1 }]);
    expect(invo.links).toMatchObject({ linked: 3, unlinked: 0, linkedVia: { swe: 0, cms: 3, staff: 0 } });
    const hash = caseHasher(caseKeyFor(t.db, KeyStore.fromEnv()));
    expect(rows(t.db, `SELECT case_key FROM allocation ORDER BY id`).map((r) => r.case_key)).toEqual([hash('900'), hash('901'), hash('902')]);
    expect(held(t.db)).toEqual({ H1: 2, H2: 1 });
    const m = computeMetrics(t.db, D, { months: 0 });
    expect(m.caseload.cases).toBe(3);
    expect(m.caseload.averageFte).toBe(2); // 3 cases / (0.5 + 1)
  });

  it('another system\'s involvement codes through a column mapping\'s value map', async () => {
    const t = setup();
    const f = t.file('eclipse.csv', csv(
      // "Case", not "Child": a case file's column headed Child is refused as a child's identity.
      'Worker,Relationship,Case,From,To',
      'W1,SWALLOC,K1,2025-01-01,',
      'W1,IRO,K2,2025-01-01,',
      'W2,Allocated Case Worker,K3,2025-01-01,',
    ));
    const r = await t.run(f, {
      source: 'allocations',
      extractDate: D,
      mapping: {
        columns: { Worker: 'staff_id', Relationship: 'involvement_role', Case: 'case_id', From: 'start_date', To: 'end_date' },
        values: { involvement_role: { SWALLOC: 'Allocated Case Worker' } },
        defaults: { case_type: 'CIN' },
      },
    });
    // SWALLOC mapped; "Allocated Case Worker" known; IRO skipped.
    expect(r).toMatchObject({ outcome: 'imported', inserted: 2, skipped: [{ reason: 'not the allocated case worker', detail: 'IRO', rows: 1 }] });
  });

  it('reads the same in a worker thread: the same rows, skips and links', async () => {
    const results = [];
    for (const parseInWorker of [false, true]) {
      const t = setup();
      await t.run(F('ssd_department.csv'), { extractDate: D });
      await t.run(F('ssd_professionals.csv'), { extractDate: D });
      const r = await t.run(F('ssd_involvements.csv'), { extractDate: D, parseInWorker, dryRun: true });
      results.push({ outcome: r.outcome, inserted: r.inserted, skipped: r.skipped, links: r.links, message: r.message });
    }
    expect(results[1]).toEqual(results[0]);
    // A dry run says what the import would link, and writes nothing.
    expect(results[0]).toMatchObject({ outcome: 'checked', inserted: 7, links: { allocations: 7, linked: 0 } });
  });

  it('a datetime with a time of day outside 00:00-23:59 is not a date', async () => {
    const t = setup();
    const r = await t.run(t.file('bad.csv', csv(
      [...SSD_V1_COLUMNS.ssd_involvements].join(','),
      '1,101,CW,501,P1,2025-01-24 23:59:59.997,NULL,NULL,R1',
      '2,101,CW,501,P2,2025-01-24 24:00:00.000,NULL,NULL,R2',
    )), { extractDate: D });
    expect(r.outcome).toBe('failed');
    expect(r.problems).toEqual([{ row: 3, column: 'invo_involvement_start_date', value: '2025-01-24 24:00:00.000', reason: 'has the time of day "24:00:00.000", which no clock shows; check the column' }]);
  });

  it('an ID that is one worker\'s staff number and another\'s case-system ID links to neither', () => {
    const linker = new WorkerLinker(
      new Map([['100', '2020-01-01'], ['E7', '2021-01-01'], ['E8', '2021-01-01']]),
      [['E8', 'SW8']],
      [['100', 'E7', ''], ['55', 'E8', ''], ['66', '', 'SW8']],
    );
    expect(linker.link('100')).toEqual({ staffId: null, why: 'ambiguous', candidates: ['100', 'E7'] });
    expect(linker.link('55')).toEqual({ staffId: 'E8', via: 'cms' });
    expect(linker.link('66')).toEqual({ staffId: 'E8', via: 'cms' });
    expect(linker.link('SW8')).toEqual({ staffId: 'E8', via: 'swe' });
    expect(linker.link('E7')).toEqual({ staffId: 'E7', via: 'staff' });
    expect(linker.link('nobody')).toEqual({ staffId: null, why: 'unknown', candidates: [] });
    // Rehired under a new staff number with the same SWE number: one person, the latest staff ID.
    const rehired = new WorkerLinker(new Map([['E1', '2019-01-01'], ['E9', '2023-05-01']]), [['E1', 'SW7'], ['E9', 'SW7']], [['42', '', 'SW7']]);
    expect(rehired.link('42')).toEqual({ staffId: 'E9', via: 'cms' });
    expect(rehired.link('E1')).toEqual({ staffId: 'E1', via: 'staff' });
  });

  it('property: linked + unlinked allocations = the allocations imported, whatever the IDs', async () => {
    const ids = ['E1', 'E2', 'E3', 'C1', 'C2', 'C3', 'SW1', 'SW2', 'X'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('E1', 'E2', 'E3'), fc.option(fc.constantFrom('SW1', 'SW2', 'SW3'), { nil: undefined })), { maxLength: 4 }),
        fc.array(fc.tuple(fc.constantFrom('C1', 'C2', 'C3', ''), fc.constantFrom('E1', 'E2', 'E4', ''), fc.constantFrom('SW1', 'SW2', '')), { maxLength: 4 }),
        fc.array(fc.constantFrom(...ids), { minLength: 1, maxLength: 12 }),
        async (workers, crosswalk, allocs) => {
          const t = setup();
          if (workers.length > 0) {
            await t.run(t.file('w.csv', csv('staff_id,swe_number,role,employment_type,fte,start_date', ...workers.map(([s, w], i) => `${s},${w ?? ''},case_holder,permanent,1,2020-01-0${i + 1}`))), { extractDate: D, acceptValid: true });
          }
          if (crosswalk.length > 0) {
            await t.run(t.file('m.csv', csv('cms_worker_id,staff_id,swe_number', ...crosswalk.map((r) => r.join(',')))), { extractDate: D, acceptValid: true });
          }
          const a = await t.run(t.file('a.csv', csv('case_id,case_type,staff_id,start_date', ...allocs.map((s, i) => `K${i},CIN,${s},2024-01-01`))), { extractDate: D });
          expect(a.inserted).toBe(allocs.length);
          const r = linkReport(t.db);
          expect(r.allocations).toBe(allocs.length);
          expect(r.linked + r.unlinked).toBe(allocs.length);
          expect(r.linkedVia.staff + r.linkedVia.cms + r.linkedVia.swe).toBe(r.linked);
          expect(r.unlinkedIds.reduce((n, u) => n + u.allocations, 0)).toBe(r.unlinked);
          // Cases held: the linked ones land on staff IDs with spells, the rest on their own IDs.
          const byStaff = held(t.db);
          const staff = new Set<string>(workers.map(([s]) => s));
          const onWorkers = Object.entries(byStaff).filter(([k]) => staff.has(k)).reduce((n, [, c]) => n + c, 0);
          expect(onWorkers).toBe(r.linked);
          t.db.close();
        },
      ),
      { numRuns: 25 },
    );
  }, 60_000);
});
