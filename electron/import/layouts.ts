// The layouts (presets) the importer knows: the product's canonical templates, the DfE census
// field names and the Standard Safeguarding Dataset extracts. A layout says which heading fills
// which field; binding it to a file's headings gives the column of each field, or says what is
// missing. A saved column mapping becomes a layout of the same shape (see mapping.ts).
import type { CsvSource } from '../../shared/import-types';
import { CSV_SOURCES } from '../../shared/import-types';
import { SOURCE_FIELDS, SOURCE_KIND } from './fields';
import { norm } from './normalise';
import type { DateOrder } from './date-column';
import { CANONICAL_LAYOUTS } from './formats/canonical';
import { CENSUS_LAYOUTS } from './formats/census';
import { SSD_LAYOUTS } from './formats/ssd';

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
  /** Roles are job titles of every kind, placed by the job-title rules (formats/job-titles.ts); the value step leaves them out. */
  roleFromTitle?: boolean;
  /** A job title no rule places is not a social work role: the row is skipped and counted, not an error. */
  skipUnplacedTitles?: boolean;
  /**
   * field -> another field: on a row where this field's cell is blank, the other field's cell is
   * read as this field instead (and no longer as the other).
   */
  insteadWhenBlank?: Record<string, string>;
  /** field -> why: a row whose cell for the field is blank is skipped and counted for that reason. */
  skipWhenBlank?: Record<string, string>;
  /** ID map lines naming fewer than two identifiers link nothing: skipped and counted. */
  skipFewerThanTwoIds?: boolean;
  /** The team column holds a department ID: its name is looked up in the imported ssd_department. */
  teamFromDepartments?: boolean;
  /** Used only when the user names the source (--source), never chosen by detection alone. */
  detectOnlyAsSource?: boolean;
  /** A DfE census return: its items at 30 September are read against the census date (convert.ts). */
  census?: boolean;
  /** Rows carry no dates: the start date is the extract date the user gives. */
  startFromExtractDate?: boolean;
  dateOrder?: DateOrder;
  /** How the FTE column is written, when a mapping says (fte-reading.ts decides otherwise). */
  fteUnit?: 'fraction' | 'percent' | 'hours';
  standardHours?: number;
  /** Headings a column mapping explicitly marks as not used (read by nothing, stored nowhere). */
  unused?: readonly string[];
  /** Said to the user whenever this layout is used. */
  notes?: readonly string[];
  /**
   * Another source this layout also reads -> what every row of such a file says in a field, as
   * the importer reads it: detection takes the file for that source when its first rows all say
   * so (the demo's agency.csv has the HR headings; only its rows say "agency").
   */
  rowsSay?: Partial<Record<CsvSource, readonly RowsSay[]>>;
}

/** One field every row of a file of a source reads as the same code (detect.ts). */
export interface RowsSay {
  field: 'employment_type' | 'agency_flag';
  code: string;
}

// Each format is declared in its own file under formats/ (one per layout family, versioned when
// its specification changes); this list is the order in which they are tried.
export const LAYOUTS: readonly LayoutDef[] = [...CANONICAL_LAYOUTS, ...CENSUS_LAYOUTS, ...SSD_LAYOUTS];

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
      if (layout.detectOnlyAsSource && sources.length > 1) continue;
      const b = bind(layout, source, headers);
      if (b.missing.length > 0) continue;
      // The share of the layout's columns found, out of no more than the file has: a layout with
      // many optional items (the census's 23) is not out-scored by a smaller one matching fewer.
      fits.push({ b, score: b.matched.length / Math.min(Object.keys(layout.columns).length, headers.length), order });
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
