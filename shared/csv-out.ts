// CSV the product writes (problem lists, data exports) for people to open in Excel. Excel runs a
// cell that starts like a formula, so every opener it honours is neutralised with a leading
// apostrophe (shown by Excel as nothing): = + - @, a tab or carriage return, the same after
// leading spaces or line breaks, and the full-width forms (＝ ＋ － ＠) Excel also accepts.
// Fields are quoted for the delimiter in use, so a semicolon-separated locale is safe too.

export type CsvDelimiter = ',' | ';' | '\t';

const FORMULA_START = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/;

/** A text cell as Excel will show it, never run it. */
export function neutralised(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: string | number | null, delimiter: CsvDelimiter = ','): string {
  // Numbers the product computed are data, not text a person typed: written as they are.
  const s = value === null ? '' : typeof value === 'number' ? String(value) : neutralised(value);
  return s.includes('"') || s.includes('\n') || s.includes('\r') || s.includes(delimiter) || s.includes(',') || s.includes(';')
    ? `"${s.replace(/"/g, '""')}"`
    : s;
}

/** CSV text with a heading row, fields quoted where needed (RFC 4180), Windows line endings. */
export function toCsv(columns: string[], rows: Array<Array<string | number | null>>, delimiter: CsvDelimiter = ','): string {
  return [columns, ...rows].map((r) => r.map((v) => csvCell(v, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}
