// Choosing how to read a file: the layout the user named (preset or column mapping), or the one
// its headings fit. When the named source does not fit but another does, the message says what
// the file looks like instead, which is the usual mistake (an allocations export given as workers).
import type { Db } from '../db/open';
import { CSV_SOURCES, type ColumnMappingSpec, type CsvSource } from '../../shared/import-types';
import { SOURCE_DESCRIPTION } from './fields';
import { bind, closestLayout, fittingLayouts, LAYOUTS, presetLayout, type Binding } from './layouts';
import { mappingLayout, resolveMapping } from './mapping';
import { fittingMappings } from './detect';
import { ImportProblem } from './problem';

export interface LayoutChoice {
  source?: CsvSource;
  preset?: string;
  mapping?: string | ColumnMappingSpec;
}

function wrongSource(headers: readonly string[], given: CsvSource, db: Db): ImportProblem | null {
  const other = [...fittingMappings(db, headers), ...fittingLayouts(headers)].find(
    (b) => b.source !== given && !(given === 'agency' && b.source === 'workers') && !(given === 'workers' && b.source === 'agency'),
  );
  if (!other) return null;
  return new ImportProblem(
    'wrong_source',
    `This looks like ${/^[aeiou]/i.test(other.description) ? 'an' : 'a'} ${other.description}, not ${given}. Import it with --source ${other.source}` +
      `${other.preset === 'canonical' ? '' : ` (it fits ${other.preset.startsWith('mapping:') ? `the saved mapping "${other.preset.slice(8)}"` : `the ${other.preset} preset`})`}.`,
  );
}

function missingMessage(b: Binding, what: string): string {
  const spellings = (f: string) => {
    const s = b.layout.columns[f];
    return s && s.length > 0 ? ` (a column headed ${s.slice(0, 3).map((x) => `"${x}"`).join(' or ')})` : '';
  };
  return (
    `The file does not fit ${what}: it has no column for ${b.missing.map((f) => `${f}${spellings(f)}`).join(', ')}. ` +
    `Its headings are: ${b.headers.map((h) => `"${h}"`).join(', ')}. ` +
    `If the file has those columns under other names, import it with a column mapping (--mapping FILE).`
  );
}

export function chooseLayout(db: Db, headers: readonly string[], choice: LayoutChoice): Binding {
  if (choice.mapping !== undefined) {
    const source = choice.source ?? (typeof choice.mapping === 'object' ? choice.mapping.source : undefined);
    let resolved: ReturnType<typeof resolveMapping>;
    if (source) resolved = resolveMapping(db, choice.mapping, source);
    else {
      // A saved mapping records its source; a mapping file may too.
      const errors: Error[] = [];
      const guess = CSV_SOURCES.map((s) => {
        try {
          return { s, r: resolveMapping(db, choice.mapping!, s) };
        } catch (e) {
          errors.push(e as Error);
          return null;
        }
      }).find((x) => x !== null && x.r.spec.source === x.s);
      // The same refusal for every source (no such mapping, not JSON) is the real answer.
      if (!guess && errors.length === CSV_SOURCES.length && errors.every((e) => e.message === errors[0]!.message)) throw errors[0]!;
      if (!guess) throw new ImportProblem('bad_mapping', 'Say which source the mapping is for (--source), or add "source" to the mapping.');
      resolved = guess.r;
    }
    const src = source ?? resolved.spec.source!;
    const b = bind(mappingLayout(resolved.spec, src, resolved.name), src, headers);
    if (b.missing.length > 0) {
      throw new ImportProblem(
        'bad_mapping',
        `The mapping "${resolved.name}" does not fit this file: ${b.missing.map((f) => `no column for ${f}`).join(', ')}. ` +
          `Check the column names in the mapping against the file's headings: ${headers.map((h) => `"${h}"`).join(', ')}.`,
      );
    }
    return b;
  }

  if (choice.preset !== undefined) {
    const sources = choice.source ? [choice.source] : CSV_SOURCES.filter((s) => presetLayout(s, choice.preset!) && !presetLayout(s, choice.preset!)!.detectOnlyAsSource);
    if (sources.length === 0 || !presetLayout(sources[0]!, choice.preset)) {
      const known = [...new Set(LAYOUTS.filter((l) => !choice.source || l.sources.includes(choice.source)).map((l) => l.preset))];
      throw new ImportProblem('unknown_layout', `There is no preset "${choice.preset}"${choice.source ? ` for ${choice.source} files` : ''}. Presets: ${known.join(', ')}.`);
    }
    const bindings = sources.map((s) => bind(presetLayout(s, choice.preset!)!, s, headers));
    const fit = bindings.find((b) => b.missing.length === 0);
    if (fit) return fit;
    if (choice.source) {
      const wrong = wrongSource(headers, choice.source, db);
      if (wrong) throw wrong;
    }
    throw new ImportProblem('unknown_layout', missingMessage(bindings[0]!, `the ${choice.preset} layout of ${SOURCE_DESCRIPTION[bindings[0]!.source]}`));
  }

  const sources = choice.source ? [choice.source] : CSV_SOURCES;
  const fits = [...fittingMappings(db, headers, sources), ...fittingLayouts(headers, sources)];
  if (fits[0]) return fits[0];
  if (choice.source) {
    const wrong = wrongSource(headers, choice.source, db);
    if (wrong) throw wrong;
    throw new ImportProblem('unknown_layout', missingMessage(closestLayout(headers, choice.source), `any known layout of ${SOURCE_DESCRIPTION[choice.source]}`));
  }
  throw new ImportProblem(
    'unknown_layout',
    `The file's headings (${headers.map((h) => `"${h}"`).join(', ')}) do not match any known layout. ` +
      `Say what it is with --source, and map its columns with --mapping FILE (see docs/import.md).`,
  );
}
