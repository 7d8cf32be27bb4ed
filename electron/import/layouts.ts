// The layouts (presets) the importer knows: the product's canonical templates, the DfE census
// field names and the Standard Safeguarding Dataset extracts. A layout says which heading fills
// which field; binding it to a file's headings gives the column of each field, or says what is
// missing. A saved column mapping becomes a layout of the same shape (see mapping.ts).
import type { CsvSource } from '../../shared/import-types';
import { CSV_SOURCES } from '../../shared/import-types';
import { SOURCE_FIELDS, SOURCE_KIND } from './fields';
import { norm } from './normalise';
import type { DateOrder } from './date-column';

export interface LayoutDef {
  preset: string;
  sources: readonly CsvSource[];
  /** How the layout is named to the user, e.g. "DfE census layout". */
  label: string;
  /** field -> the headings that fill it (matched by norm()). */
  columns: Record<string, readonly string[]>;
  /** Fields whose column must be present for a file to be this layout. */
  key: readonly string[];
  /** field -> raw value used when the file has no column for it. */
  defaults?: Record<string, string>;
  /** field -> another field whose column fills it when it has no column of its own. */
  fallbacks?: Record<string, string>;
  /** field -> (normalised file value -> canonical value). */
  valueMaps?: Record<string, Map<string, string>>;
  /** Roles are job titles to be placed by roleFromTitle(). */
  roleFromTitle?: boolean;
  /** Rows carry no dates: the start date is the extract date the user gives. */
  startFromExtractDate?: boolean;
  dateOrder?: DateOrder;
  /** Headings a column mapping explicitly marks as not used (read by nothing, stored nowhere). */
  unused?: readonly string[];
  /** Said to the user whenever this layout is used. */
  notes?: readonly string[];
}

const CANONICAL_WORKERS: Record<string, readonly string[]> = {
  staff_id: ['staff_id', 'staff_number', 'staff_no', 'staff_ref', 'employee_id', 'employee_number', 'employee_no', 'worker_id', 'payroll_number'],
  swe_number: ['swe_number', 'swe_no', 'swe_registration_number', 'swe_reg_no', 'social_work_england_number', 'registration_number'],
  role: ['role', 'job_role', 'org_role'],
  team: ['team', 'team_name'],
  employment_type: ['employment_type', 'contract_type', 'employment_status'],
  agency_flag: ['agency_worker', 'agency'],
  fte: ['fte', 'full_time_equivalent', 'wte'],
  start_date: ['start_date', 'date_started', 'spell_start', 'role_start_date', 'start'],
  end_date: ['end_date', 'date_ended', 'spell_end', 'leaving_date', 'date_left', 'role_end_date', 'end'],
  leaving_reason: ['leaving_reason', 'reason_for_leaving', 'reason_leaving', 'leaver_reason'],
  qualified_date: ['qualified_date', 'date_qualified', 'qualification_date'],
};

export const LAYOUTS: readonly LayoutDef[] = [
  {
    preset: 'canonical',
    sources: ['workers', 'agency'],
    label: 'canonical template',
    columns: CANONICAL_WORKERS,
    key: ['staff_id', 'role', 'fte', 'start_date'],
  },
  {
    preset: 'canonical',
    sources: ['allocations'],
    label: 'canonical template',
    columns: {
      case_id: ['case_id', 'case_ref', 'case_reference', 'case_number', 'case_no'],
      case_type: ['case_type', 'case_category', 'category'],
      staff_id: CANONICAL_WORKERS.staff_id!,
      team: ['team', 'team_name'],
      start_date: ['start_date', 'allocation_start', 'allocation_start_date', 'allocated_from', 'date_allocated', 'start'],
      end_date: ['end_date', 'allocation_end', 'allocation_end_date', 'allocated_to', 'date_closed', 'end'],
    },
    key: ['case_id', 'staff_id', 'start_date'],
  },
  {
    preset: 'canonical',
    sources: ['asye'],
    label: 'canonical template',
    columns: {
      staff_id: CANONICAL_WORKERS.staff_id!,
      cohort: ['cohort', 'cohort_label', 'asye_cohort'],
      start_date: ['start_date', 'asye_start', 'asye_start_date', 'start'],
      planned_end_date: ['planned_end_date', 'planned_end', 'expected_end_date', 'due_date'],
      outcome: ['outcome', 'asye_outcome', 'asye_status'],
      outcome_date: ['outcome_date', 'date_of_outcome'],
    },
    key: ['staff_id', 'start_date', 'outcome'],
  },
  {
    preset: 'canonical',
    sources: ['establishment'],
    label: 'canonical template',
    columns: {
      team: ['team', 'team_name'],
      role: ['role', 'org_role'],
      funded_fte: ['funded_fte', 'establishment_fte', 'budgeted_fte', 'funded_posts_fte'],
      start_date: ['start_date', 'from', 'start'],
      end_date: ['end_date', 'to', 'end'],
    },
    key: ['team', 'role', 'funded_fte', 'start_date'],
  },
  {
    preset: 'census',
    sources: ['workers', 'agency'],
    label: 'DfE census layout',
    columns: {
      staff_id: ['StaffID', 'staff_id'],
      swe_number: ['SWENo'],
      agency_flag: ['AgencyWorker'],
      fte: ['FTE'],
      role: ['OrgRole'],
      team: ['Team'],
      start_date: ['RoleStartDate'],
      end_date: ['RoleEndDate'],
      leaving_reason: ['ReasonLeave'],
      qualified_date: ['QualifiedDate'],
    },
    key: ['swe_number', 'role', 'fte', 'start_date'],
    fallbacks: { staff_id: 'swe_number' },
    defaults: { agency_flag: '0' },
    notes: [
      'The census layout does not say whether directly employed staff are permanent or fixed-term: they are recorded as permanent.',
      'CFKSSstatus (ASYE) is not read from this file: load the ASYE register with --source asye.',
    ],
  },
  {
    preset: 'ssd',
    sources: ['workers', 'agency'],
    label: 'ssd_professionals layout of the Standard Safeguarding Dataset',
    columns: {
      staff_id: ['prof_staff_id', 'prof_professional_id'],
      swe_number: ['prof_social_worker_registration_no'],
      role: ['prof_professional_job_title'],
      team: ['prof_professional_department'],
      fte: ['prof_full_time_equivalency'],
      agency_flag: ['prof_agency_worker_flag'],
    },
    key: ['staff_id', 'role', 'fte'],
    defaults: { agency_flag: 'N' },
    roleFromTitle: true,
    startFromExtractDate: true,
    notes: [
      'ssd_professionals has no dates: each professional is recorded as in post from the extract date, with no end date; earlier history is not known.',
      'Roles are worked out from job titles (e.g. "Team Manager" is a first line manager, "Family Support Worker" a support worker); a title that cannot be placed is an error: add it to a column mapping\'s value map.',
      'A blank agency flag is read as not agency (permanent).',
    ],
  },
  {
    preset: 'ssd',
    sources: ['allocations'],
    label: 'ssd_involvements layout of the Standard Safeguarding Dataset',
    columns: {
      case_id: ['invo_referral_id'],
      staff_id: ['invo_professional_id'],
      team: ['invo_professional_team'],
      start_date: ['invo_involvement_start_date'],
      end_date: ['invo_involvement_end_date'],
      case_type: ['invo_case_type', 'case_type'],
    },
    key: ['case_id', 'staff_id', 'start_date'],
    defaults: { case_type: 'other' },
  },
];

export interface Binding {
  layout: LayoutDef;
  source: CsvSource;
  preset: string;
  description: string;
  headers: string[];
  /** field -> column index in the file. */
  index: Record<string, number>;
  matched: string[];
  missing: string[];
  assumptions: string[];
}

export function describe(source: CsvSource, layout: LayoutDef): string {
  const k = SOURCE_KIND[source];
  return `${k.noun} (${k.from}, ${layout.label})`;
}

/** Fits a layout to a file's headings: which column fills each field, and what is missing. */
export function bind(layout: LayoutDef, source: CsvSource, headers: readonly string[]): Binding {
  const normalised = headers.map(norm);
  const index: Record<string, number> = {};
  const taken = new Set<number>();
  for (const [field, spellings] of Object.entries(layout.columns)) {
    for (const s of spellings) {
      const i = normalised.indexOf(norm(s));
      if (i >= 0 && !taken.has(i)) {
        index[field] = i;
        taken.add(i);
        break;
      }
    }
  }
  const matched = Object.keys(index);
  const assumptions = [...(layout.notes ?? [])];
  for (const [field, other] of Object.entries(layout.fallbacks ?? {})) {
    if (index[field] === undefined && index[other] !== undefined) {
      index[field] = index[other]!;
      if (field === 'staff_id' && other === 'swe_number') {
        assumptions.unshift(
          'There is no StaffID column, so each worker\'s SWENo is used as their staff ID: the case-management export must use the same IDs for caseloads to link.',
        );
      }
    }
  }
  const has = (f: string) => index[f] !== undefined || layout.defaults?.[f] !== undefined;
  const missing: string[] = [];
  for (const f of SOURCE_FIELDS[source]) {
    if (!f.required || has(f.name)) continue;
    if (f.name === 'employment_type' && has('agency_flag')) continue;
    if (f.name === 'start_date' && layout.startFromExtractDate) continue;
    missing.push(f.name);
  }
  for (const k of layout.key) if (index[k] === undefined && !missing.includes(k)) missing.push(k);
  if (source === 'agency') assumptions.push('Every row is recorded as an agency spell (the file was imported as agency).');
  if (source === 'allocations' && index.case_type === undefined && layout.defaults?.case_type !== undefined) {
    assumptions.push(
      `The file has no case type column, so every case is recorded as "${layout.defaults.case_type}": figures by case type (such as support workers' share of child-in-need cases) will not be available. A column mapping can say otherwise.`,
    );
  }
  return {
    layout,
    source,
    preset: layout.preset,
    description: describe(source, layout),
    headers: [...headers],
    index,
    matched,
    missing,
    assumptions,
  };
}

export function presetLayout(source: CsvSource, preset: string): LayoutDef | undefined {
  return LAYOUTS.find((l) => l.preset === preset && l.sources.includes(source));
}

/** Every built-in layout that fits the headings, best first (share of the layout's columns found). */
export function fittingLayouts(headers: readonly string[], sources: readonly CsvSource[] = CSV_SOURCES): Binding[] {
  const fits: { b: Binding; score: number; order: number }[] = [];
  let order = 0;
  for (const layout of LAYOUTS) {
    for (const source of layout.sources) {
      order++;
      if (!sources.includes(source)) continue;
      const b = bind(layout, source, headers);
      if (b.missing.length > 0) continue;
      fits.push({ b, score: b.matched.length / Object.keys(layout.columns).length, order });
    }
  }
  fits.sort((x, y) => y.score - x.score || y.b.matched.length - x.b.matched.length || x.order - y.order);
  return fits.map((f) => f.b);
}

/** The built-in layout of a source that comes closest, for saying what is missing. */
export function closestLayout(headers: readonly string[], source: CsvSource): Binding {
  const all = LAYOUTS.filter((l) => l.sources.includes(source)).map((l) => bind(l, source, headers));
  all.sort((a, b) => a.missing.length - b.missing.length || b.matched.length - a.matched.length);
  return all[0]!;
}
