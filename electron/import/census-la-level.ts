// The census return's LA-level module (vacancies and the agency workers covering them at 30
// September), one row per census date. A later return for the same date replaces the figures,
// with the earlier row's before-image kept in import_change so undo restores it, as the table
// writer does for any other row.
import type { Db } from '../db/open';
import type { IsoDate } from '../../shared/dates';
import type { CensusLaLevel } from './census-xml';

export interface LaLevelRow extends CensusLaLevel {
  censusDate: IsoDate;
  la: string | null;
}

export function writeLaLevel(db: Db, importId: number, row: LaLevelRow): 'inserted' | 'updated' | 'unchanged' {
  const values = [row.la, row.vacanciesFte, row.agencyCoverFte, row.agencyCoverHeadcount];
  const existing = db.prepare(`SELECT * FROM census_la_level WHERE census_date = ?`).get(row.censusDate) as
    | { id: number; la_code: string | null; vacancies_fte: number; agency_cover_fte: number; agency_cover_headcount: number }
    | undefined;
  if (!existing) {
    db.prepare(
      `INSERT INTO census_la_level (census_date, la_code, vacancies_fte, agency_cover_fte, agency_cover_headcount, import_id) VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(row.censusDate, ...values, importId);
    return 'inserted';
  }
  const before = [existing.la_code, existing.vacancies_fte, existing.agency_cover_fte, existing.agency_cover_headcount];
  if (before.every((v, i) => v === values[i])) return 'unchanged';
  db.prepare(`INSERT INTO import_change (import_id, table_name, row_id, before_json) VALUES (?, 'census_la_level', ?, ?)`).run(
    importId, existing.id, JSON.stringify(existing),
  );
  db.prepare(`UPDATE census_la_level SET la_code = ?, vacancies_fte = ?, agency_cover_fte = ?, agency_cover_headcount = ? WHERE id = ?`).run(
    ...values, existing.id,
  );
  return 'updated';
}
