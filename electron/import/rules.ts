// The catalogue of checks on a file's shape and its raw text (issue 16): each rule has an id,
// what it refuses, and the message a council HR officer reads, as the DfE's 903 validator lists
// its rules. Field rules (codes, dates, FTE range) live in convert.ts; these come before them.
// docs/import.md#rules lists the same table; test/import/rules.test.ts tests each rule by id.

/** Longest value kept in a stored text field, by field; others get DEFAULT_MAX_CHARS. */
export const MAX_CHARS: Record<string, number> = {
  staff_id: 64,
  case_id: 64,
  swe_number: 64,
  // The case-management system's worker and department IDs, and its department names (SSD).
  cms_id: 64,
  team_id: 64,
  parent_id: 64,
  team: 200,
  team_name: 200,
  parent_name: 200,
  cohort: 64,
  assignment_ref: 64,
  // Numbers have their own rules (IMP-09, IMP-10), which say more than a length would.
  fte: 1000,
  funded_fte: 1000,
};
export const DEFAULT_MAX_CHARS = 100;

/**
 * SQL reading a stored text column cut to its field's limit, the last character an ellipsis.
 * Databases written before the limits can hold a 1 MB team name (issue 16: a report of ~970 MB);
 * whatever reads names to print them (the figures, and so the paper and the screens) reads them
 * through this, so SQLite hands over 200 characters, not the megabyte. `column` is a constant of
 * the caller's query, never user text.
 */
export function boundedTextSql(column: string, field = column): string {
  const max = MAX_CHARS[field] ?? DEFAULT_MAX_CHARS;
  return `CASE WHEN length(${column}) > ${max} THEN substr(${column}, 1, ${max - 1}) || '\u2026' ELSE ${column} END`;
}
/** A heading row longer than this is not an export's heading row. */
export const MAX_HEADING_CHARS = 64 * 1024;
/** Funded FTE above this is not one team's establishment. */
export const MAX_FUNDED_FTE = 10_000;
/** An hourly charge rate or price cap above this (in pounds) is not an hourly rate. */
export const MAX_HOURLY_RATE = 1000;
/** The smallest FTE a contract can have (0.01 FTE is about 22 minutes a week). */
export const MIN_FTE = 0.01;

export interface Rule {
  id: string;
  /** What it refuses, for the catalogue in docs/import.md. */
  refuses: string;
}

export const RULES = {
  extraValues: { id: 'IMP-01', refuses: 'a row with more values than the heading row has columns' },
  quoteSpansLines: { id: 'IMP-02', refuses: 'a quoted value running over several lines where the column cannot hold line breaks, or swallowing whole rows' },
  controlCharacter: { id: 'IMP-03', refuses: 'a NUL or other control character in a value that is read' },
  tooLong: { id: 'IMP-04', refuses: 'a value longer than its field can be (IDs 64 characters, team 200, others 100)' },
  duplicateHeading: { id: 'IMP-05', refuses: 'two columns with the same heading where the importer reads that heading' },
  longHeading: { id: 'IMP-06', refuses: 'a heading row longer than 64 KB' },
  notText: { id: 'IMP-07', refuses: 'an Excel workbook, a zip, a PDF or any other file that is not text' },
  mixedEncoding: { id: 'IMP-08', refuses: 'a UTF-8 file with a stray byte that would turn it into Windows-1252 ("Childrenâ€™s")' },
  numberTooLarge: { id: 'IMP-09', refuses: 'a number too large to be real (funded FTE over 10,000, or beyond what a computer number holds)' },
  fteTooSmall: { id: 'IMP-10', refuses: 'an FTE above 0 but below 0.01' },
  impossibleTime: { id: 'IMP-11', refuses: 'a date with an impossible time of day (25:00, 12:61)' },
  notMoney: { id: 'IMP-12', refuses: 'a charge rate or price cap that is not an hourly amount in pounds (such as 45.50 or £45.50)' },
  rateNotAgency: { id: 'IMP-13', refuses: 'a charge rate on a row that is not an agency assignment' },
} as const satisfies Record<string, Rule>;

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const CONTROL_ALL = /[\u0000-\u001F\u007F-\u009F]/g;

/** The first control character in a text, as U+XXXX, or null. */
export function controlCharacter(text: string): string | null {
  const m = CONTROL.exec(text);
  return m ? codePoint(m[0]) : null;
}

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A value as it may be shown in a message or on a terminal: control characters as [U+XXXX],
 * and no more than 60 characters, so no file can write raw bytes or megabytes to the screen.
 */
export function shown(value: string, max = 60): string {
  const head = value.length > max ? value.slice(0, max) : value;
  const safe = head.replace(CONTROL_ALL, (c) => (c === '\n' || c === '\r' ? '⏎' : c === '\t' ? '⇥' : `[${codePoint(c)}]`));
  return value.length > max ? `${safe}… (${value.length.toLocaleString('en-GB')} characters)` : safe;
}

export const messages = {
  extraValues: (values: number, columns: number) =>
    `has ${values.toLocaleString('en-GB')} values but the heading row has ${columns.toLocaleString('en-GB')} columns: a comma, delimiter or quote mark in this row is out of place`,
  quoteSpansLines: (row: number, lines: number) =>
    `a quote mark opened in row ${row} is closed ${lines.toLocaleString('en-GB')} line${lines === 1 ? '' : 's'} further down, so ${lines === 1 ? 'that line was' : 'those lines were'} read as part of this one value; a quote mark is missing or extra in row ${row}`,
  controlCharacter: (cp: string) => `contains a control character (${cp}) that no export holds: the file may be damaged, or this column is not what it seems`,
  tooLong: (length: number, label: string, max: number) =>
    `is ${length.toLocaleString('en-GB')} characters long; a ${label} is at most ${max.toLocaleString('en-GB')} characters (is this the right column?)`,
  duplicateHeading: (heading: string, columns: number[]) =>
    `Two columns are called "${shown(heading)}" (columns ${columns.join(' and ')}), so the importer cannot tell which one to read. Rename or remove one of them and import the file again; nothing was written.`,
  longHeading: (file: string, chars: number) =>
    `The file ${file} does not start with a heading row: its first line is ${chars >= MAX_HEADING_CHARS ? 'more than ' : ''}${Math.round(chars / 1024).toLocaleString('en-GB')} KB long, far longer than any export's headings. Check it is the CSV export you meant; nothing was written.`,
  notText: (file: string, what: string, advice: string) => `The file ${file} is not a CSV file: this is ${what}. ${advice} Nothing was written.`,
  mixedEncoding: (file: string, offset: number, line: number) =>
    `The file ${file} is UTF-8 text with one or more bytes that are not UTF-8 (the first at byte ${offset.toLocaleString('en-GB')}, line ${line.toLocaleString('en-GB')}). ` +
    `Reading it as Windows-1252 instead would turn every ’ and £ into nonsense such as "Childrenâ€™s", so it is refused. Save it again from Excel as "CSV UTF-8" and import that; nothing was written.`,
  numberTooLarge: (max: number, what: string) => `is larger than ${what} can be (at most ${max.toLocaleString('en-GB')})`,
  fteTooSmall: () => `is less than ${MIN_FTE} FTE (about 22 minutes a week), which no contract is: check the column holds FTE, not hours or a percentage`,
  impossibleTime: (time: string) => `has the time of day "${time}", which no clock shows; check the column`,
  notMoney: (why: string) => `is not an hourly amount in pounds (write it as 45.50 or £45.50)${why}`,
  rateNotAgency: (type: string) =>
    `is a charge rate, but this row is a ${type} spell, not an agency assignment: charge rates are for agency workers only, so leave the cell blank or check the employment type`,
};
