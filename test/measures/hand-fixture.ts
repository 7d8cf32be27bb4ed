// Reads the hand-made council in fixtures/hand/ (canonical CSVs, ISO dates) into canonical
// records, without the importer, so the measures tests depend only on the schema. A later
// end-to-end test imports the same files through the importer.
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { AllocationRecord, AsyeRecord, EstablishmentRecord, SpellRecord } from '../../shared/records';
import type { SeedRecords } from '../support/seed';

export const HAND_DIR = path.resolve(__dirname, '../../fixtures/hand');

function rows(file: string): Record<string, string>[] {
  const text = fs.readFileSync(path.join(HAND_DIR, file), 'utf8');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

const orNull = (v: string | undefined): string | null => (v === undefined || v.trim() === '' ? null : v.trim());

export function handRecords(): Required<SeedRecords> {
  const spells = rows('workers.csv').map(
    (r): SpellRecord => ({
      staff_id: r.staff_id!,
      swe_number: orNull(r.swe_number),
      role: r.role as SpellRecord['role'],
      team: orNull(r.team),
      employment_type: r.employment_type as SpellRecord['employment_type'],
      fte: Number(r.fte),
      start_date: r.start_date!,
      end_date: orNull(r.end_date),
      leaving_reason: orNull(r.leaving_reason) as SpellRecord['leaving_reason'],
      qualified_date: orNull(r.qualified_date),
    }),
  );
  const allocations = rows('allocations.csv').map(
    (r): AllocationRecord => ({
      case_id: r.case_id!,
      case_type: r.case_type as AllocationRecord['case_type'],
      staff_id: r.staff_id!,
      team: orNull(r.team),
      start_date: r.start_date!,
      end_date: orNull(r.end_date),
    }),
  );
  const asye = rows('asye.csv').map(
    (r): AsyeRecord => ({
      staff_id: r.staff_id!,
      cohort: orNull(r.cohort),
      start_date: r.start_date!,
      planned_end_date: orNull(r.planned_end_date),
      outcome: r.outcome as AsyeRecord['outcome'],
      outcome_date: orNull(r.outcome_date),
    }),
  );
  const establishment = rows('establishment.csv').map(
    (r): EstablishmentRecord => ({
      team: r.team!,
      role: r.role as EstablishmentRecord['role'],
      funded_fte: Number(r.funded_fte),
      start_date: r.start_date!,
      end_date: orNull(r.end_date),
    }),
  );
  return { spells, allocations, asye, establishment };
}
