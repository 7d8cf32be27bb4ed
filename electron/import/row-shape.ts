// The checks on a row's shape and raw text that come before its fields are read (rules.ts,
// IMP-01 to IMP-04): too many values, a quoted value that swallowed the lines after it, a
// control character, a value longer than its field. Most batches are plain text with one line
// per row (csv-stream tells), and then only the cheap counts run.
import type { CsvSource, RowProblem } from '../../shared/import-types';
import { SOURCE_FIELDS } from './fields';
import type { Binding } from './layouts';
import { norm } from './normalise';
import { controlCharacter, DEFAULT_MAX_CHARS, MAX_CHARS, messages, shown } from './rules';

export type ShapeCheck = (cells: readonly string[], row: number, plain: boolean, problems: RowProblem[]) => boolean;

/** Fields whose values may run over lines in a spreadsheet cell (collapsed to one line when stored). */
const MULTILINE_FIELDS = new Set(['team']);

function lineBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/** delimiter null: a workbook, whose cells may hold line breaks and have no quotes to go wrong. */
export function makeShapeCheck(binding: Binding, source: CsvSource, delimiter: string | null): ShapeCheck {
  const width = binding.headers.length;
  const fieldAt: (string | undefined)[] = [];
  for (const [field, i] of Object.entries(binding.index)) fieldAt[i] = field;
  const labels = Object.fromEntries(SOURCE_FIELDS[source].map((f) => [f.name, f.label.replace(/ \(.*$/, '')]));
  const bound = Object.entries(binding.index).map(([field, i]) => ({ field, i, max: MAX_CHARS[field] ?? DEFAULT_MAX_CHARS }));

  return (cells, row, plain, problems) => {
    let ok = true;
    const add = (column: string | null, value: string | null, reason: string) => {
      ok = false;
      problems.push({ row, column, value, reason });
    };
    if (cells.length > width) {
      let last = cells.length;
      while (last > width && cells[last - 1]!.trim() === '') last--;
      if (last > width) add(null, null, messages.extraValues(last, width));
    }
    if (!plain) {
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i]!;
        const field = fieldAt[i];
        const heading = binding.headers[i] ?? `column ${i + 1}`;
        if (delimiter !== null && (cell.includes('\n') || cell.includes('\r'))) {
          const breaks = lineBreaks(cell);
          const continued = cell.split(/\r\n|\r|\n/).slice(1);
          const swallowed = continued.some((l) => l.includes(delimiter));
          if (swallowed || (field !== undefined && !MULTILINE_FIELDS.has(field))) {
            add(heading, shown(cell), messages.quoteSpansLines(row, breaks));
            continue;
          }
        }
        if (field !== undefined) {
          const cp = controlCharacter(cell);
          if (cp) add(heading, shown(cell), messages.controlCharacter(cp));
        }
      }
    }
    for (const b of bound) {
      const cell = cells[b.i];
      if (cell !== undefined && cell.length > b.max && cell.trim().length > b.max) {
        add(binding.headers[b.i] ?? b.field, shown(cell), messages.tooLong(cell.length, labels[b.field] ?? b.field, b.max));
      }
    }
    return ok;
  };
}

/** IMP-05: a heading the layout reads that two columns share, as a message; null when none. */
export function duplicateHeading(binding: Binding): string | null {
  for (const i of Object.values(binding.index)) {
    const name = norm(binding.headers[i] ?? '');
    const same = binding.headers.map((h, j) => (norm(h) === name ? j + 1 : 0)).filter((j) => j > 0);
    if (same.length > 1) return messages.duplicateHeading(binding.headers[i]!, same);
  }
  return null;
}
