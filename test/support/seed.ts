// Puts canonical records (shared/records.ts) straight into a test database, bypassing the
// importer, under one synthetic import_log row. Tests of the measures, the report and the
// screens use it so that they depend only on the schema. The case ID is stored as its own
// case_key (no keyed hash: tests have no child identities to protect). Defaults are applied as
// the importer applies them: ASYE cohort = start month, planned end = start + 12 months.
import type { Db } from '../../electron/db/open';
import { addMonths } from '../../shared/dates';
import type { AllocationRecord, AsyeRecord, EstablishmentRecord, SpellRecord } from '../../shared/records';

export interface SeedRecords {
  spells?: readonly SpellRecord[];
  allocations?: readonly AllocationRecord[];
  asye?: readonly AsyeRecord[];
  establishment?: readonly EstablishmentRecord[];
}

/** Inserts the records in one transaction and returns the import_log id used. */
export function seedRecords(db: Db, records: SeedRecords, fileName = 'seed'): number {
  return db.transaction(() => {
    const log = db
      .prepare(
        `INSERT INTO import_log (file_name, sha256, source, layout, rows_read, rows_inserted, started_at, finished_at, outcome)
         VALUES (?, ?, 'workers', 'test-seed', ?, ?, ?, ?, 'imported')`,
      )
      .run(fileName, `seed-${fileName}-${Date.now()}-${Math.random()}`, 0, 0, '2000-01-01T00:00:00Z', '2000-01-01T00:00:00Z');
    const id = Number(log.lastInsertRowid);
    const spell = db.prepare(
      `INSERT INTO spell (staff_id, swe_number, role, team, employment_type, fte, start_date, end_date, leaving_reason, qualified_date, import_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const s of records.spells ?? []) {
      spell.run(s.staff_id, s.swe_number, s.role, s.team, s.employment_type, s.fte, s.start_date, s.end_date, s.leaving_reason, s.qualified_date, id);
    }
    const alloc = db.prepare(
      `INSERT INTO allocation (case_key, case_type, staff_id, team, start_date, end_date, import_id) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const a of records.allocations ?? []) alloc.run(a.case_id, a.case_type, a.staff_id, a.team, a.start_date, a.end_date, id);
    const asye = db.prepare(
      `INSERT INTO asye (staff_id, cohort, start_date, planned_end_date, outcome, outcome_date, import_id) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const a of records.asye ?? []) {
      asye.run(a.staff_id, a.cohort ?? a.start_date.slice(0, 7), a.start_date, a.planned_end_date ?? addMonths(a.start_date, 12), a.outcome, a.outcome_date, id);
    }
    const est = db.prepare(
      `INSERT INTO establishment (team, role, funded_fte, start_date, end_date, import_id) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    for (const e of records.establishment ?? []) est.run(e.team, e.role, e.funded_fte, e.start_date, e.end_date, id);
    const rows =
      (records.spells?.length ?? 0) + (records.allocations?.length ?? 0) + (records.asye?.length ?? 0) + (records.establishment?.length ?? 0);
    db.prepare('UPDATE import_log SET rows_read = ?, rows_inserted = ? WHERE id = ?').run(rows, rows, id);
    return id;
  })();
}

/** A spell with the usual defaults, for terse tests: permanent, full time, case holder, current. */
export function spell(staff_id: string, start_date: string, end_date: string | null = null, over: Partial<SpellRecord> = {}): SpellRecord {
  return {
    staff_id,
    swe_number: null,
    role: 'case_holder',
    team: 'Team A',
    employment_type: 'permanent',
    fte: 1,
    start_date,
    end_date,
    leaving_reason: null,
    qualified_date: null,
    ...over,
  };
}

/** An allocation with the usual defaults: a CIN case, no team, open. */
export function allocation(case_id: string, staff_id: string, start_date: string, end_date: string | null = null, over: Partial<AllocationRecord> = {}): AllocationRecord {
  return { case_id, case_type: 'CIN', staff_id, team: null, start_date, end_date, ...over };
}
