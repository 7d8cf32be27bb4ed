// A small hand-made workforce whose headline figures are worked out by hand below (not taken
// from the code), for the end-to-end paper tests. As-at date 30 June 2018.
//
// Social workers (permanent unless stated), FTE 1 unless stated:
//   A  case holder, Duty, from 2015-01-01            18 cases at D (10 from 2017-01-01, 8 from 2018-01-01)
//   B  case holder, Duty, from 2016-03-01            22 cases at D (12 from 2017-01-01, 10 from 2018-02-01)
//   C  case holder, Fieldwork, FTE 0.5, 2014-05-01   10 cases at D (all from 2018-03-01)
//   D  case holder, Fieldwork, AGENCY, 2017-09-01    20 cases at D
//   E  case holder, Fieldwork, 2012-01-01 to 2017-12-31, resigned, qualified 2010-06-01
//                                                      15 cases 2017-01-01 to 2017-12-31
//   F  case holder, Duty, from 2017-09-01, ASYE (in progress, cohort 2017-09), qualified 2017-07-01
//                                                      10 cases at D
//   G  support worker, Duty, from 2016-01-01         6 CIN cases at D
//   H  senior practitioner, Fieldwork, from 2013-01-01, no cases
//
// Worked out by hand at D = 2018-06-30:
//   in post: A B C F H = 5 people, 4.5 FTE; agency: D = 1 person, 1.0 FTE
//   agency rate = 1.0 / (1.0 + 4.5) = 18.2%
//   leavers (12 months to D): E = 1 (1.0 FTE); turnover = 1.0 / 4.5 = 22.2%
//   starters: F = 1
//   cases held by social workers: 18 + 22 + 10 + 20 + 10 = 80 by 5 case holders (4.5 FTE)
//     average per worker 16.0; per FTE 17.8
//   excluding ASYE: 70 cases / 4 workers = 17.5 per worker; ASYE: 10 / 1 = 10.0
//   over the threshold of 20: B (22) = 1; ASYE over the cap of 15: 0
//   support workers: 6 cases, 1 worker
// A year earlier (2017-06-30): in post A B C E H = 5 people, 4.5 FTE; agency 0, rate 0.0%;
//   cases excluding ASYE: A 10, B 12, E 15 = 37 / 3 = 12.3 per worker.
import type { Db } from '../../electron/db/open';

export const FIXTURE_AS_AT = '2018-06-30';

interface SpellRow {
  id: string; role: string; team: string | null; type: string; fte: number;
  start: string; end?: string; reason?: string; qualified?: string;
}

export const FIXTURE_SPELLS: SpellRow[] = [
  { id: 'A', role: 'case_holder', team: 'Duty', type: 'permanent', fte: 1, start: '2015-01-01' },
  { id: 'B', role: 'case_holder', team: 'Duty', type: 'permanent', fte: 1, start: '2016-03-01' },
  { id: 'C', role: 'case_holder', team: 'Fieldwork', type: 'permanent', fte: 0.5, start: '2014-05-01' },
  { id: 'D', role: 'case_holder', team: 'Fieldwork', type: 'agency', fte: 1, start: '2017-09-01' },
  { id: 'E', role: 'case_holder', team: 'Fieldwork', type: 'permanent', fte: 1, start: '2012-01-01', end: '2017-12-31', reason: 'resignation', qualified: '2010-06-01' },
  { id: 'F', role: 'case_holder', team: 'Duty', type: 'permanent', fte: 1, start: '2017-09-01', qualified: '2017-07-01' },
  { id: 'G', role: 'support_worker', team: 'Duty', type: 'permanent', fte: 1, start: '2016-01-01' },
  { id: 'H', role: 'senior_practitioner', team: 'Fieldwork', type: 'permanent', fte: 1, start: '2013-01-01' },
];

/** [staff, number of cases, start, end, type] */
const ALLOCATIONS: Array<[string, number, string, string | null, string]> = [
  ['A', 10, '2017-01-01', null, 'CP'],
  ['A', 8, '2018-01-01', null, 'CLA'],
  ['B', 12, '2017-01-01', null, 'CIN'],
  ['B', 10, '2018-02-01', null, 'CP'],
  ['C', 10, '2018-03-01', null, 'CIN'],
  ['D', 20, '2017-09-01', null, 'CLA'],
  ['E', 15, '2017-01-01', '2017-12-31', 'CP'],
  ['F', 10, '2017-10-01', null, 'CIN'],
  ['G', 6, '2017-05-01', null, 'CIN'],
];

export function seedFixture(db: Db): void {
  const now = '2018-07-01T09:00:00Z';
  const log = db.prepare(
    `INSERT INTO import_log (file_name, sha256, source, layout, rows_read, rows_inserted, extract_date, started_at, finished_at, outcome)
     VALUES (?, ?, ?, 'canonical', ?, ?, ?, ?, ?, 'imported')`,
  );
  const workers = Number(log.run('hr_workers_2018-06-30.csv', 'a'.repeat(64), 'workers', FIXTURE_SPELLS.length, FIXTURE_SPELLS.length, '2018-06-30', now, now).lastInsertRowid);
  const allocs = Number(log.run('lcs_allocations.csv', 'b'.repeat(64), 'allocations', 113, 113, '2018-06-30', now, now).lastInsertRowid);
  const asye = Number(log.run('asye_register.csv', 'c'.repeat(64), 'asye', 1, 1, '2018-06-29', now, now).lastInsertRowid);

  const spell = db.prepare(
    `INSERT INTO spell (staff_id, role, team, employment_type, fte, start_date, end_date, leaving_reason, qualified_date, import_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const s of FIXTURE_SPELLS) spell.run(s.id, s.role, s.team, s.type, s.fte, s.start, s.end ?? null, s.reason ?? null, s.qualified ?? null, workers);

  const alloc = db.prepare(
    `INSERT INTO allocation (case_key, case_type, staff_id, team, start_date, end_date, import_id) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  let n = 0;
  for (const [staff, count, start, end, type] of ALLOCATIONS) {
    for (let i = 0; i < count; i++) alloc.run(`case-${++n}`, type, staff, null, start, end, allocs);
  }
  db.prepare(
    `INSERT INTO asye (staff_id, cohort, start_date, planned_end_date, outcome, outcome_date, import_id) VALUES ('F', '2017-09', '2017-09-01', '2018-08-31', 'in_progress', NULL, ?)`,
  ).run(asye);
  db.prepare(`INSERT INTO settings (key, value) VALUES ('councilName', ?)`).run(JSON.stringify('Testshire County Council'));
}
