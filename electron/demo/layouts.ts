// The layouts the demo writes each source in: the product's canonical templates, the DfE census
// field names, the Standard Safeguarding Dataset extracts and a messy "saved from Excel" variant.
// They match the importer's presets (electron/import/layouts.ts), so every file imports as is.
import {
  CASE_TYPE_LABEL, LEAVING_REASON_CENSUS_CODE, LEAVING_REASON_LABEL, ROLE_CENSUS_CODE, ROLE_LABEL, isSocialWorkerRole,
  type EmploymentType, type Role,
} from '../../shared/domain';
import { CANONICAL_COLUMNS, type AllocationRecord, type AsyeRecord, type EstablishmentRecord, type SpellRecord } from '../../shared/records';
import type { CsvEncoding } from './csv-out';

export const DEMO_LAYOUTS = ['canonical', 'census', 'ssd', 'messy'] as const;
export type DemoLayout = (typeof DEMO_LAYOUTS)[number];
export type DemoSource = 'workers' | 'agency' | 'allocations' | 'asye' | 'establishment';

/** What the file's rows come from. */
export type RowsOf =
  | { kind: 'spells'; filter: (s: SpellRecord) => boolean; row: (s: SpellRecord) => string[] }
  | { kind: 'allocations'; row: (a: AllocationRecord, n: number) => string[] }
  | { kind: 'asye'; row: (a: AsyeRecord) => string[] }
  | { kind: 'establishment'; row: (e: EstablishmentRecord) => string[] };

export interface FileSpec {
  name: string;
  source: DemoSource;
  /** The importer preset that reads it. */
  preset: 'canonical' | 'census' | 'ssd';
  headers: string[];
  encoding: CsvEncoding;
  eol: '\n' | '\r\n';
  dateFormat: 'ISO' | 'UK';
  rows: RowsOf;
  /** Blank rows Excel leaves after the data. */
  trailingBlankRows?: number;
}

export interface LayoutContext {
  endDate: string;
  /** Staff IDs in their ASYE year on a date. */
  inAsye(staffId: string, date: string): boolean;
  agencyFile: 'separate' | 'combined';
}

const iso = (d: string | null) => d ?? '';
const uk = (d: string | null) => (d ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : '');
const fte = (x: number) => x.toFixed(1);
const isAgency = (s: SpellRecord) => s.employment_type === 'agency';
const covers = (s: SpellRecord, d: string) => s.start_date <= d && (s.end_date === null || s.end_date >= d);

function canonicalSpell(s: SpellRecord): string[] {
  return [s.staff_id, s.swe_number ?? '', s.role, s.team ?? '', s.employment_type, fte(s.fte), iso(s.start_date), iso(s.end_date),
    s.leaving_reason ?? '', iso(s.qualified_date)];
}

function canonicalFiles(ctx: LayoutContext): FileSpec[] {
  const base = { preset: 'canonical' as const, encoding: 'utf-8' as const, eol: '\n' as const, dateFormat: 'ISO' as const };
  const combined = ctx.agencyFile === 'combined';
  const files: FileSpec[] = [
    { ...base, name: 'workers.csv', source: 'workers', headers: [...CANONICAL_COLUMNS.workers],
      rows: { kind: 'spells', filter: (s) => combined || !isAgency(s), row: canonicalSpell } },
  ];
  if (!combined) {
    files.push({ ...base, name: 'agency.csv', source: 'agency', headers: [...CANONICAL_COLUMNS.workers],
      rows: { kind: 'spells', filter: isAgency, row: canonicalSpell } });
  }
  return [...files, ...canonicalOthers(true)];
}

function canonicalOthers(withAllocations: boolean): FileSpec[] {
  const base = { preset: 'canonical' as const, encoding: 'utf-8' as const, eol: '\n' as const, dateFormat: 'ISO' as const };
  const files: FileSpec[] = [];
  if (withAllocations) {
    files.push({ ...base, name: 'allocations.csv', source: 'allocations', headers: [...CANONICAL_COLUMNS.allocations],
      rows: { kind: 'allocations', row: (a) => [a.case_id, a.case_type, a.staff_id, a.team ?? '', iso(a.start_date), iso(a.end_date)] } });
  }
  files.push(
    { ...base, name: 'asye.csv', source: 'asye', headers: [...CANONICAL_COLUMNS.asye],
      rows: { kind: 'asye', row: (a) => [a.staff_id, a.cohort ?? '', iso(a.start_date), iso(a.planned_end_date), a.outcome, iso(a.outcome_date)] } },
    { ...base, name: 'establishment.csv', source: 'establishment', headers: [...CANONICAL_COLUMNS.establishment],
      rows: { kind: 'establishment', row: (e) => [e.team, e.role, fte(e.funded_fte), iso(e.start_date), iso(e.end_date)] } },
  );
  return files;
}

function censusFiles(ctx: LayoutContext): FileSpec[] {
  const census: FileSpec = {
    name: 'census-workers.csv', source: 'workers', preset: 'census', encoding: 'utf-8', eol: '\n', dateFormat: 'UK',
    headers: ['StaffID', 'SWENo', 'Team', 'AgencyWorker', 'FTE', 'OrgRole', 'RoleStartDate', 'RoleEndDate', 'ReasonLeave', 'CFKSSstatus'],
    rows: {
      kind: 'spells',
      filter: (s) => isSocialWorkerRole(s.role),
      row: (s) => [s.staff_id, s.swe_number ?? '', s.team ?? '', isAgency(s) ? '1' : '0', fte(s.fte), String(ROLE_CENSUS_CODE[s.role]),
        uk(s.start_date), uk(s.end_date), s.leaving_reason ? String(LEAVING_REASON_CENSUS_CODE[s.leaving_reason]) : '',
        ctx.inAsye(s.staff_id, s.start_date) ? '1' : ''],
    },
  };
  // The census has no place for support workers, so they come in the canonical template.
  const support: FileSpec = {
    name: 'support-workers.csv', source: 'workers', preset: 'canonical', encoding: 'utf-8', eol: '\n', dateFormat: 'ISO',
    headers: [...CANONICAL_COLUMNS.workers], rows: { kind: 'spells', filter: (s) => s.role === 'support_worker', row: canonicalSpell },
  };
  return [census, support, ...canonicalOthers(true)];
}

function jobTitle(s: SpellRecord, ctx: LayoutContext): string {
  const alt = s.staff_id.charCodeAt(s.staff_id.length - 1) % 2 === 0;
  switch (s.role) {
    case 'senior_manager': return 'Head of Service';
    case 'middle_manager': return 'Service Manager';
    case 'first_line_manager': return 'Team Manager';
    case 'senior_practitioner': return alt ? 'Senior Practitioner' : 'Advanced Practitioner';
    case 'case_holder': return ctx.inAsye(s.staff_id, ctx.endDate) ? 'Social Worker (ASYE)' : 'Social Worker';
    case 'qualified_no_cases':
      return s.team === 'Safeguarding and Quality Assurance' ? (alt ? 'Independent Reviewing Officer' : 'Child Protection Chair') : 'Quality Assurance Officer';
    case 'support_worker': return alt ? 'Family Support Worker' : 'Social Work Assistant';
  }
}

function ssdFiles(ctx: LayoutContext): FileSpec[] {
  // Every column of the SSD objects in the extract's order (formats/ssd.ts), as SQL Server's
  // export writes them: NULL for empty. No worker's name is written: the demo has none.
  return [
    {
      name: 'ssd_professionals.csv', source: 'workers', preset: 'ssd', encoding: 'utf-8', eol: '\r\n', dateFormat: 'ISO',
      headers: ['prof_professional_id', 'prof_staff_id', 'prof_professional_name', 'prof_social_worker_registration_no',
        'prof_agency_worker_flag', 'prof_professional_job_title', 'prof_professional_caseload', 'prof_professional_department',
        'prof_full_time_equivalency'],
      // ssd_professionals is a snapshot: the professionals in post on the extract date.
      rows: {
        kind: 'spells',
        filter: (s) => covers(s, ctx.endDate),
        row: (s) => [s.staff_id, s.staff_id, 'NULL', s.swe_number ?? 'NULL', isAgency(s) ? 'Y' : 'N', jobTitle(s, ctx), 'NULL', s.team ?? 'NULL', fte(s.fte)],
      },
    },
    {
      name: 'ssd_involvements.csv', source: 'allocations', preset: 'ssd', encoding: 'utf-8', eol: '\r\n', dateFormat: 'ISO',
      headers: ['invo_involvements_id', 'invo_professional_id', 'invo_professional_role_id', 'invo_professional_team', 'invo_person_id',
        'invo_involvement_start_date', 'invo_involvement_end_date', 'invo_worker_change_reason', 'invo_referral_id'],
      rows: {
        kind: 'allocations',
        row: (a, n) => [String(n), a.staff_id, 'CW', a.team ?? 'NULL', a.case_id, `${iso(a.start_date)} 00:00:00.000`, a.end_date ? `${iso(a.end_date)} 00:00:00.000` : 'NULL', 'NULL', a.case_id],
      },
    },
    ...canonicalOthers(false),
  ];
}

// Team names as one council's HR system spells them: an ampersand and a curly apostrophe,
// so the Windows-1252 and UTF-8 files must decode to the same name.
const MESSY_TEAM: Record<string, string> = {
  'Duty and Assessment': 'Duty & Assessment',
  'Disabled Children': 'Children’s Disability Team',
};
const messyTeam = (t: string | null) => (t === null ? '' : MESSY_TEAM[t] ?? t);
const MESSY_EMPLOYMENT: Record<EmploymentType, string> = { permanent: 'Permanent', fixed_term: 'Fixed Term', agency: 'Agency' };
const MESSY_OUTCOME = { in_progress: 'In Progress', passed: 'Passed', failed: 'Failed', extended: 'Extended', withdrawn: 'Withdrawn' } as const;
const ANNUAL_COST: Record<Role, number> = {
  senior_manager: 85_000, middle_manager: 62_000, first_line_manager: 52_000, senior_practitioner: 45_000,
  case_holder: 41_000, qualified_no_cases: 46_000, support_worker: 28_000,
};
const pounds = (n: number) => `£${Math.round(n).toLocaleString('en-GB')}`;

function messyFiles(): FileSpec[] {
  const base = { preset: 'canonical' as const, eol: '\r\n' as const, dateFormat: 'UK' as const, trailingBlankRows: 3 };
  return [
    {
      ...base, name: 'workers.csv', source: 'workers', encoding: 'windows-1252',
      headers: ['Staff ID', 'SWE No', 'Role', 'Team', 'Employment Type', 'Agency Worker', 'FTE ', 'Start Date', 'End Date',
        'Reason for leaving', 'Date Qualified'],
      rows: {
        kind: 'spells',
        filter: () => true,
        row: (s) => [s.staff_id, s.swe_number ?? '', ROLE_LABEL[s.role], messyTeam(s.team), MESSY_EMPLOYMENT[s.employment_type],
          isAgency(s) ? 'Y' : 'N', String(s.fte), uk(s.start_date), uk(s.end_date),
          s.leaving_reason ? LEAVING_REASON_LABEL[s.leaving_reason] : '', uk(s.qualified_date)],
      },
    },
    {
      ...base, name: 'allocations.csv', source: 'allocations', encoding: 'utf-8-bom',
      headers: ['Case Ref', 'Case Type', 'Staff ID', 'Team', 'Date Allocated', 'Date Closed'],
      rows: { kind: 'allocations', row: (a) => [a.case_id, CASE_TYPE_LABEL[a.case_type], a.staff_id, messyTeam(a.team), uk(a.start_date), uk(a.end_date)] },
    },
    {
      ...base, name: 'asye.csv', source: 'asye', encoding: 'utf-8-bom',
      headers: ['Staff ID', 'Cohort', 'ASYE Start', 'Planned End', 'ASYE Outcome', 'Date of Outcome'],
      rows: { kind: 'asye', row: (a) => [a.staff_id, a.cohort ?? '', uk(a.start_date), uk(a.planned_end_date), MESSY_OUTCOME[a.outcome], uk(a.outcome_date)] },
    },
    {
      ...base, name: 'establishment.csv', source: 'establishment', encoding: 'windows-1252',
      headers: ['Team Name', 'Role', 'Budgeted FTE', 'From', 'To', 'Budget (£)', 'Notes'],
      rows: {
        kind: 'establishment',
        row: (e) => [messyTeam(e.team), ROLE_LABEL[e.role], String(e.funded_fte), uk(e.start_date), uk(e.end_date),
          pounds(e.funded_fte * ANNUAL_COST[e.role]), e.role === 'case_holder' ? '“Frontline” posts – includes ASYE places' : ''],
      },
    },
  ];
}

export function layoutFiles(layout: DemoLayout, ctx: LayoutContext): FileSpec[] {
  switch (layout) {
    case 'canonical': return canonicalFiles(ctx);
    case 'census': return censusFiles(ctx);
    case 'ssd': return ssdFiles(ctx);
    case 'messy': return messyFiles();
  }
}
