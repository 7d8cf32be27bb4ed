// Schema migrations, applied in order by PRAGMA user_version (migration i brings the database
// from version i to i + 1). Append only: a migration that has shipped is never edited, because
// databases in councils' user folders have already run it. Each has its own test in
// test/db/migrations.test.ts.
import type { Database } from 'better-sqlite3';

export interface Migration {
  /** What it changes, for the test report and anyone reading user_version history. */
  name: string;
  up(db: Database): void;
}

const ROLE_CHECK = `('senior_manager','middle_manager','first_line_manager','senior_practitioner','case_holder','qualified_no_cases','support_worker')`;
const ISO_CHECK = (col: string) => `(${col} IS NULL OR (${col} GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'))`;

export const MIGRATIONS: readonly Migration[] = [
  {
    name: 'workforce data model, import log and settings',
    up(db) {
      db.exec(`
        -- Per-database secrets and facts (the HMAC key for case IDs lives here, so a copied
        -- database keeps its pseudonyms consistent and no key file can go astray).
        CREATE TABLE meta (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;

        -- User settings as JSON values; defaults live in code so a new setting needs no migration.
        CREATE TABLE settings (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;

        CREATE TABLE import_log (
          id             INTEGER PRIMARY KEY,
          file_name      TEXT NOT NULL,
          sha256         TEXT NOT NULL,
          source         TEXT NOT NULL,
          layout         TEXT NOT NULL,            -- preset name, or 'mapping:<name>'
          mapping_json   TEXT,                     -- the mapping used, when not a preset
          rows_read      INTEGER NOT NULL DEFAULT 0,
          rows_inserted  INTEGER NOT NULL DEFAULT 0,
          rows_updated   INTEGER NOT NULL DEFAULT 0,
          rows_unchanged INTEGER NOT NULL DEFAULT 0,
          rows_rejected  INTEGER NOT NULL DEFAULT 0,
          rejected_json  TEXT,                     -- rejected rows with reasons (--accept-valid)
          extract_date   TEXT CHECK ${ISO_CHECK('extract_date')},
          started_at     TEXT NOT NULL,
          finished_at    TEXT,
          outcome        TEXT NOT NULL CHECK (outcome IN ('imported','partial','no_change','failed','undone')),
          message        TEXT,
          undone_at      TEXT
        ) STRICT;
        CREATE INDEX import_log_sha256 ON import_log(sha256);

        -- Before-images of rows an import changed, so undo can restore them exactly. Rows an
        -- import created are found by their import_id instead, so a million-row import
        -- journals nothing for its inserts.
        CREATE TABLE import_change (
          import_id  INTEGER NOT NULL REFERENCES import_log(id),
          table_name TEXT NOT NULL,
          row_id     INTEGER NOT NULL,
          before_json TEXT NOT NULL
        ) STRICT;
        CREATE INDEX import_change_import ON import_change(import_id);

        CREATE TABLE saved_mapping (
          name       TEXT PRIMARY KEY,
          source     TEXT NOT NULL,
          json       TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;

        -- One row per spell: a worker's continuous period in one role, team, employment type, FTE.
        CREATE TABLE spell (
          id              INTEGER PRIMARY KEY,
          staff_id        TEXT NOT NULL,
          swe_number      TEXT,
          role            TEXT NOT NULL CHECK (role IN ${ROLE_CHECK}),
          team            TEXT,
          employment_type TEXT NOT NULL CHECK (employment_type IN ('permanent','fixed_term','agency')),
          fte             REAL NOT NULL CHECK (fte > 0 AND fte <= 1),
          start_date      TEXT NOT NULL CHECK ${ISO_CHECK('start_date')},
          end_date        TEXT CHECK ${ISO_CHECK('end_date')},
          leaving_reason  TEXT CHECK (leaving_reason IS NULL OR leaving_reason IN ('resignation','voluntary_redundancy','compulsory_redundancy','dismissed','retired','deceased','moved_within_council','other','not_known','not_yet_collected')),
          qualified_date  TEXT CHECK ${ISO_CHECK('qualified_date')},
          import_id       INTEGER NOT NULL REFERENCES import_log(id),
          CHECK (end_date IS NULL OR end_date >= start_date),
          UNIQUE (staff_id, start_date)
        ) STRICT;

        -- case_key is the keyed hash of the council's case ID: no child's identity is stored.
        CREATE TABLE allocation (
          id         INTEGER PRIMARY KEY,
          case_key   TEXT NOT NULL,
          case_type  TEXT NOT NULL CHECK (case_type IN ('CIN','CP','CLA','care_leaver','other')),
          staff_id   TEXT NOT NULL,
          team       TEXT,
          start_date TEXT NOT NULL CHECK ${ISO_CHECK('start_date')},
          end_date   TEXT CHECK ${ISO_CHECK('end_date')},
          import_id  INTEGER NOT NULL REFERENCES import_log(id),
          CHECK (end_date IS NULL OR end_date >= start_date)
        ) STRICT;
        -- The natural key (case, worker, start), start date first: exports run roughly in date
        -- order, so a large import appends to the index instead of writing all over it (a keyed
        -- hash first would scatter every insert; 40% less import time at a million rows). A named
        -- index rather than an inline UNIQUE so that a first import into the empty table can drop
        -- it and build it once, sorted, at the end of its transaction (electron/import/defer-indexes.ts).
        CREATE UNIQUE INDEX allocation_natural_key ON allocation(start_date, staff_id, case_key);

        CREATE TABLE asye (
          id               INTEGER PRIMARY KEY,
          staff_id         TEXT NOT NULL,
          cohort           TEXT NOT NULL,
          start_date       TEXT NOT NULL CHECK ${ISO_CHECK('start_date')},
          planned_end_date TEXT NOT NULL CHECK ${ISO_CHECK('planned_end_date')},
          outcome          TEXT NOT NULL CHECK (outcome IN ('in_progress','passed','failed','extended','withdrawn')),
          outcome_date     TEXT CHECK ${ISO_CHECK('outcome_date')},
          import_id        INTEGER NOT NULL REFERENCES import_log(id),
          CHECK (planned_end_date >= start_date),
          UNIQUE (staff_id, start_date)
        ) STRICT;

        CREATE TABLE establishment (
          id         INTEGER PRIMARY KEY,
          team       TEXT NOT NULL,
          role       TEXT NOT NULL CHECK (role IN ${ROLE_CHECK}),
          funded_fte REAL NOT NULL CHECK (funded_fte >= 0),
          start_date TEXT NOT NULL CHECK ${ISO_CHECK('start_date')},
          end_date   TEXT CHECK ${ISO_CHECK('end_date')},
          import_id  INTEGER NOT NULL REFERENCES import_log(id),
          CHECK (end_date IS NULL OR end_date >= start_date),
          UNIQUE (team, role, start_date)
        ) STRICT;

        CREATE INDEX spell_import ON spell(import_id);
        CREATE INDEX allocation_import ON allocation(import_id);
        -- Interval stabbing for the measures (cases covering a date): open allocations sort last,
        -- and staff_id and case_type ride in the index so counting never reads the table.
        CREATE INDEX allocation_cover ON allocation(coalesce(end_date, '9999-12-31'), start_date, staff_id, case_type);
        CREATE INDEX asye_import ON asye(import_id);
        CREATE INDEX establishment_import ON establishment(import_id);
      `);
    },
  },
  {
    name: 'DfE published indicators and statistical neighbours (benchmarks)',
    up(db) {
      // The measure columns are written out here, not taken from the benchmarks module, because a
      // shipped migration must never change when that module's list grows.
      const measures = [
        'inpost_fte', 'inpost_headcount', 'starters_fte', 'starters_headcount', 'leavers_fte',
        'leavers_headcount', 'turnover_rate_fte', 'turnover_rate_headcount', 'agency_fte',
        'agency_headcount', 'agency_rate_fte', 'agency_rate_headcount', 'agency_cover_fte',
        'agency_cover_rate_fte', 'vacancy_fte', 'vacancy_rate_fte', 'vacancy_agency_cover_rate_fte',
        'case_holders_fte', 'cases', 'caseload_fte', 'working_days_lost_fte', 'absence_rate_fte',
      ];
      // Each measure is a number, or NULL with the DfE symbol (c x z u low) kept as published.
      const measureCols = measures
        .map((m) => `${m} REAL,\n          ${m}_symbol TEXT CHECK (${m}_symbol IS NULL OR ${m} IS NULL),`)
        .join('\n          ');
      db.exec(`
        -- One row per year and geography of the DfE children's social work workforce indicators.
        -- geo_code is the published code of the geography (country, region, or old LA code, which
        -- may be combined, e.g. '940 / 941'), kept as text exactly as published.
        CREATE TABLE dfe_indicator (
          id              INTEGER PRIMARY KEY,
          year            INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
          time_identifier TEXT NOT NULL,
          level           TEXT NOT NULL CHECK (level IN ('National','Regional','Local authority')),
          geo_code        TEXT NOT NULL,
          country_code    TEXT,
          country_name    TEXT,
          region_code     TEXT,
          region_name     TEXT,
          old_la_code     TEXT,
          new_la_code     TEXT,
          la_name         TEXT,
          ${measureCols}
          import_id       INTEGER NOT NULL REFERENCES import_log(id),
          UNIQUE (year, level, geo_code)
        ) STRICT;
        CREATE INDEX dfe_indicator_import ON dfe_indicator(import_id);

        -- The DfE statistical-neighbour groupings: one row per council and neighbour, in the
        -- published order (rank 1 = closest). closeness is the published wording ('Very Close').
        CREATE TABLE dfe_neighbour (
          id             INTEGER PRIMARY KEY,
          la_code        TEXT NOT NULL,
          la_name        TEXT NOT NULL,
          region_name    TEXT,
          position       INTEGER NOT NULL CHECK (position BETWEEN 1 AND 10),
          neighbour_code TEXT NOT NULL,
          closeness      TEXT,
          import_id      INTEGER NOT NULL REFERENCES import_log(id),
          UNIQUE (la_code, position)
        ) STRICT;
        CREATE INDEX dfe_neighbour_import ON dfe_neighbour(import_id);
      `);
    },
  },
  {
    name: 'allocation: case type checked by equalities, no import_id index (faster large imports)',
    up(db) {
      // Two costs a 1,000,000-row allocations import paid inside SQLite (measured on a 2-core machine):
      // - A CHECK written `case_type IN (...)` is compiled into a small temporary index that SQLite
      //   builds afresh each time an INSERT statement runs: about 0.4-0.5 s over 1M rows inserted
      //   16 per statement, 1.4 s one per statement. The same five codes as a chain of `=` joined
      //   by OR cost next to nothing and mean exactly the same, NULL included (NOT NULL refuses it).
      // - The index on import_id took 0.2-0.4 s to build after a 1M-row load. Only undo used it,
      //   and undo is rare and can read the whole table instead (0.1-0.2 s at 1M rows).
      // spell, asye and establishment keep their IN checks: they hold thousands of rows, not millions.
      //
      // SQLite cannot change a CHECK in place, so this follows its table-rebuild procedure
      // (sqlite.org/lang_altertable.html, section 7). Nothing references allocation, so the foreign
      // keys can stay on; ids are copied as they are, because import_change.row_id refers to them.
      db.exec(`
        CREATE TABLE allocation_new (
          id         INTEGER PRIMARY KEY,
          case_key   TEXT NOT NULL,
          case_type  TEXT NOT NULL CHECK (case_type = 'CIN' OR case_type = 'CP' OR case_type = 'CLA' OR case_type = 'care_leaver' OR case_type = 'other'),
          staff_id   TEXT NOT NULL,
          team       TEXT,
          start_date TEXT NOT NULL CHECK ${ISO_CHECK('start_date')},
          end_date   TEXT CHECK ${ISO_CHECK('end_date')},
          import_id  INTEGER NOT NULL REFERENCES import_log(id),
          CHECK (end_date IS NULL OR end_date >= start_date)
        ) STRICT;
        INSERT INTO allocation_new (id, case_key, case_type, staff_id, team, start_date, end_date, import_id)
          SELECT id, case_key, case_type, staff_id, team, start_date, end_date, import_id FROM allocation;
        DROP TABLE allocation;
        ALTER TABLE allocation_new RENAME TO allocation;

        -- The natural key (case, worker, start), start date first: exports run roughly in date
        -- order, so a large import appends to the index instead of writing all over it (a keyed
        -- hash first would scatter every insert; 40% less import time at a million rows). A named
        -- index rather than an inline UNIQUE so that a first import into the empty table can drop
        -- it and build it once, sorted, at the end of its transaction (electron/import/defer-indexes.ts).
        CREATE UNIQUE INDEX allocation_natural_key ON allocation(start_date, staff_id, case_key);
        -- Interval stabbing for the measures (cases covering a date): open allocations sort last,
        -- and staff_id and case_type ride in the index so counting never reads the table.
        CREATE INDEX allocation_cover ON allocation(coalesce(end_date, '9999-12-31'), start_date, staff_id, case_type);
      `);
    },
  },
  // migration 5 (ssd)
  {
    name: 'one worker, three identifiers (worker_identifier) and the case system\'s departments',
    up(db) {
      db.exec(`
        -- One row per line of a crosswalk (an SSD ssd_professionals extract, or the user's ID map):
        -- identifiers that name the same worker in the HR system (staff_id), the case-management
        -- system (cms_id) and Social Work England (swe_number). An identifier the line lacks is ''
        -- (not NULL) so the three together can be the natural key an overlapping export merges on.
        CREATE TABLE worker_identifier (
          id         INTEGER PRIMARY KEY,
          cms_id     TEXT NOT NULL DEFAULT '',
          staff_id   TEXT NOT NULL DEFAULT '',
          swe_number TEXT NOT NULL DEFAULT '',
          team       TEXT,
          import_id  INTEGER NOT NULL REFERENCES import_log(id),
          -- A line naming one identifier links nothing.
          CHECK ((cms_id <> '') + (staff_id <> '') + (swe_number <> '') >= 2),
          UNIQUE (cms_id, staff_id, swe_number)
        ) STRICT;
        CREATE INDEX worker_identifier_import ON worker_identifier(import_id);

        -- The case-management system's departments (SSD ssd_department): an involvement names its
        -- team by dept_team_id, and the name is looked up here when figures are shown.
        CREATE TABLE department (
          id          INTEGER PRIMARY KEY,
          team_id     TEXT NOT NULL UNIQUE,
          team_name   TEXT NOT NULL,
          parent_id   TEXT,
          parent_name TEXT,
          import_id   INTEGER NOT NULL REFERENCES import_log(id)
        ) STRICT;
        CREATE INDEX department_import ON department(import_id);
      `);
    },
  },
  // migration 9 (churn)
  {
    name: 'allocation: the covering index carries the case key, for stability for children',
    up(db) {
      // The stability-for-children measure reads, for a date D, every allocation overlapping the
      // year to D with its case key. With the case key in the covering index that read is one
      // range scan of the index, never the table: one more 16-byte column in an index SQLite
      // already builds, where a second index by case would cost a large import another sort.
      db.exec(`
        DROP INDEX allocation_cover;
        CREATE INDEX allocation_cover ON allocation(coalesce(end_date, '9999-12-31'), start_date, staff_id, case_type, case_key);
      `);
    },
  },
  // migration 8 (trustkeys)
  {
    name: 'database id naming the case key kept outside the database',
    up(db) {
      // Random and not secret: it names this database's key file in the key store (electron/keys).
      // The key itself, which databases before this kept in meta as case_id_hmac_key, is moved out
      // by the open path right after migrating (electron/keys/open.ts): a migration runs inside a
      // transaction and cannot reach the key store, nor VACUUM the old bytes away.
      db.prepare(`INSERT OR IGNORE INTO meta (key, value) VALUES ('database_id', lower(hex(randomblob(16))))`).run();
    },
  },
  // census (assigned number 4; appended after the migrations already on main)
  {
    name: 'census return: Cases30, CFKSSstatus, StartOrigin, LeaverDestination on spells; the LA-level module',
    up(db) {
      // What the DfE census return says at its 30 September that the spell itself cannot: the
      // census date the row was returned for, the caseload then (Cases30), the early-career
      // status (CFKSSstatus codes 1-4, several allowed: "1,3"), where a starter came from
      // (StartOrigin 1-10) and where a leaver went (LeaverDestination 1-9). NULL for spells from
      // other exports. The worker's own date of birth, gender and ethnicity are never stored.
      db.exec(`
        ALTER TABLE spell ADD COLUMN census_date TEXT CHECK ${ISO_CHECK('census_date')};
        ALTER TABLE spell ADD COLUMN cases_30 INTEGER CHECK (cases_30 IS NULL OR cases_30 >= 0);
        ALTER TABLE spell ADD COLUMN cfkss_status TEXT CHECK (cfkss_status IS NULL OR (cfkss_status <> '' AND cfkss_status NOT GLOB '*[^1-4,]*'));
        ALTER TABLE spell ADD COLUMN start_origin INTEGER CHECK (start_origin IS NULL OR start_origin BETWEEN 1 AND 10);
        ALTER TABLE spell ADD COLUMN leaver_destination INTEGER CHECK (leaver_destination IS NULL OR leaver_destination BETWEEN 1 AND 9);

        -- The census return's LA-level module, one row per census date: vacancies (FTE) and the
        -- agency workers covering them (FTE and headcount) at 30 September.
        CREATE TABLE census_la_level (
          id                     INTEGER PRIMARY KEY,
          census_date            TEXT NOT NULL UNIQUE CHECK ${ISO_CHECK('census_date')},
          la_code                TEXT,
          vacancies_fte          REAL NOT NULL CHECK (vacancies_fte >= 0),
          agency_cover_fte       REAL NOT NULL CHECK (agency_cover_fte >= 0),
          agency_cover_headcount INTEGER NOT NULL CHECK (agency_cover_headcount >= 0),
          import_id              INTEGER NOT NULL REFERENCES import_log(id)
        ) STRICT;
        CREATE INDEX census_la_level_import ON census_la_level(import_id);
      `);
    },
  },
  // xlsx (assigned number 6; appended after census)
  {
    name: "value rules: the council's own placement of job titles, contract types and leaving reasons",
    up(db) {
      db.exec(`
        -- A council's correction of the default rules (electron/import/formats/job-titles.ts,
        -- value-words.ts), applied to every later import: "Practice Educator" placed as a case
        -- holder, say. value_key is the value as matched (lower case, letters and digits only);
        -- value is as the user first saw it.
        CREATE TABLE value_rule (
          field      TEXT NOT NULL CHECK (field = 'role' OR field = 'employment_type' OR field = 'leaving_reason'),
          value_key  TEXT NOT NULL CHECK (value_key <> ''),
          value      TEXT NOT NULL,
          placed     TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          PRIMARY KEY (field, value_key)
        ) STRICT;
      `);
    },
  },
  // migration 7 (trustimport)
  {
    name: 'import_confirm: rows an import repeated unchanged, so undoing an earlier import keeps them',
    up(db) {
      db.exec(`
        -- An import that repeats a stored row unchanged wrote nothing, yet the row is its data
        -- too: undoing the import that first loaded the row must hand it over, not delete it
        -- (issue 16). One row per (import, table, row) it confirmed; no values are needed, they
        -- are the values the row had then.
        CREATE TABLE import_confirm (
          import_id  INTEGER NOT NULL REFERENCES import_log(id),
          table_name TEXT NOT NULL,
          row_id     INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX import_confirm_import ON import_confirm(import_id);
        CREATE INDEX import_confirm_row ON import_confirm(table_name, row_id);
        -- Undo finds the imports after it that touched a row by the row, not by the import.
        CREATE INDEX import_change_row ON import_change(table_name, row_id);
      `);
    },
  },
  // migration (agencycap)
  {
    name: 'agency assignments: charge rate, region and assignment reference on spells; the agency price cap table',
    up(db) {
      db.exec(`
        -- Optional items of an agency assignment (issue 12): the hourly charge rate in pounds, the
        -- region it is in (for the regional price caps) and the agency's or managed service
        -- provider's assignment reference. NULL when the file does not give them.
        ALTER TABLE spell ADD COLUMN charge_rate REAL CHECK (charge_rate IS NULL OR (charge_rate > 0 AND charge_rate < 10000));
        ALTER TABLE spell ADD COLUMN region TEXT CHECK (region IS NULL OR region <> '');
        ALTER TABLE spell ADD COLUMN assignment_ref TEXT CHECK (assignment_ref IS NULL OR assignment_ref <> '');

        -- The regional price caps the council imports: region and role as the council's
        -- regional agreement writes them (never a fixed list), the role also placed as a census
        -- role so an assignment's role can be matched to it, the maximum hourly charge rate and
        -- the date it applies from.
        CREATE TABLE agency_cap (
          id             INTEGER PRIMARY KEY,
          -- Case does not make another cap: "Team manager" and "team manager" are one role.
          region         TEXT NOT NULL COLLATE NOCASE CHECK (region <> ''),
          role_title     TEXT NOT NULL COLLATE NOCASE CHECK (role_title <> ''),
          role           TEXT NOT NULL CHECK (role IN ${ROLE_CHECK}),
          max_rate       REAL NOT NULL CHECK (max_rate > 0 AND max_rate < 10000),
          effective_from TEXT NOT NULL CHECK ${ISO_CHECK('effective_from')},
          import_id      INTEGER NOT NULL REFERENCES import_log(id),
          UNIQUE (region, role_title, effective_from)
        ) STRICT;
        CREATE INDEX agency_cap_import ON agency_cap(import_id);
      `);
    },
  },
  // migration (importux)
  {
    name: 'import batches: files chosen together are one import in the history, undone together',
    up(db) {
      db.exec(`
        -- The files chosen together in the import wizard (or the demo council) share a batch
        -- id; a file imported alone has none. A text id, so the app can name the demo's 'demo'.
        ALTER TABLE import_log ADD COLUMN batch_id TEXT CHECK (batch_id IS NULL OR batch_id <> '');
        CREATE INDEX import_log_batch ON import_log(batch_id) WHERE batch_id IS NOT NULL;
      `);
    },
  },
  // migration (trustrest)
  {
    name: 'import_unrecorded_repeat: imports made before import_confirm that repeated stored rows unchanged',
    up(db) {
      db.exec(`
        -- An import made before import_confirm existed found rows already stored and kept them,
        -- recording nothing: which rows is not known (only how many, rows_unchanged). Undoing an
        -- earlier import could take those rows from it, so undo refuses while such an import is
        -- in place after the one being undone (electron/import/undo-unrecorded.ts). Imports made
        -- since record every repeated row and are never listed here. DfE editions have their own
        -- rule (undo-dfe.ts).
        CREATE TABLE import_unrecorded_repeat (
          import_id INTEGER PRIMARY KEY REFERENCES import_log(id)
        ) STRICT;
        INSERT INTO import_unrecorded_repeat (import_id)
          SELECT l.id FROM import_log l
           WHERE l.rows_unchanged > 0
             AND l.source NOT IN ('benchmark', 'neighbours')
             AND NOT EXISTS (SELECT 1 FROM import_confirm c WHERE c.import_id = l.id);
      `);
    },
  },
];
