// The label catalogue: every code of the domain has its words, and messages written for the
// command line read in the app's words.
import { describe, expect, it } from 'vitest';
import { ASYE_OUTCOMES, CASE_TYPES, EMPLOYMENT_TYPES, IMPORT_SOURCES, LEAVING_REASONS, ROLES } from '../../shared/domain';
import { IMPORT_SOURCE_LABEL, fieldLabel, inPlainWords, labelOf } from '../../shared/labels';
import { SOURCE_FIELDS } from '../../electron/import';
import { codeWords } from './code-words';
import { scriptedApp } from './scripted-host';
import { invokeHandler } from '../../electron/handlers';

describe('plain words for codes', () => {
  it('has words for every code in shared/domain.ts, none of them a code', () => {
    for (const code of [...ROLES, ...EMPLOYMENT_TYPES, ...LEAVING_REASONS, ...CASE_TYPES, ...ASYE_OUTCOMES]) {
      expect(labelOf(code), code).not.toBe(code);
      expect(codeWords(labelOf(code)), code).toEqual([]);
    }
    for (const s of IMPORT_SOURCES) expect(codeWords(IMPORT_SOURCE_LABEL[s])).toEqual([]);
    expect(labelOf('senior_manager')).toBe('Senior manager');
    expect(labelOf('fixed_term')).toBe('Fixed-term');
  });

  it('has words for every field of every import layout', () => {
    for (const fields of Object.values(SOURCE_FIELDS)) for (const f of fields) expect(codeWords(fieldLabel(f.name)), f.name).toEqual([]);
  });

  it('rewrites command-line messages in the words of the screens', () => {
    expect(inPlainWords('No ASYE data: import it with --source asye.')).toBe('No ASYE data: import it with load the ASYE register on the Import screen.'.replace('import it with ', ''));
    expect(inPlainWords('"x.csv" is the DfE statistical-neighbour file, not the indicator file: import it with --source neighbours.')).toBe(
      '"x.csv" is the DfE statistical-neighbour file, not the indicator file: import it with load the file on the Import screen.'.replace('import it with ', ''),
    );
    expect(inPlainWords('HR spells (canonical template)')).toBe('HR spells (Scrutiny Pack template)');
    expect(inPlainWords('is not a recognised Role; use one of: senior_manager, case_holder')).toBe('is not a recognised Role; use one of: Senior manager, Case holder');
    expect(inPlainWords(`is not a recognised Employment type; use one of: permanent, fixed_term, agency; or, as no rule places it, choose what it is in the import's value step (or a mapping's "values" for employment_type)`)).toBe(
      "is not a recognised Employment type; use one of: Permanent, Fixed-term, Agency; or, as no rule places it, choose what it is in the import's value step",
    );
    expect(inPlainWords('use one of: senior_manager, case_holder (or census codes 1-6)')).toBe('use one of: Senior manager, Case holder (or census codes 1-6)');
    expect(inPlainWords('Correct them, or import the 3 valid rows alone with --accept-valid.')).toBe('Correct them, or import the 3 valid rows alone with “Import the valid rows” on the Import screen.');
    expect(inPlainWords("The council's DfE code is not set (settings: laCode, e.g. \"892\" for Nottingham).")).toBe("The council's DfE code is not set (Settings, DfE local authority code).");
    // A team called north_east is the council's word, not ours: left alone.
    expect(inPlainWords('team north_east')).toBe('team north_east');
  });
});

describe('the handler door speaks the app’s words', () => {
  it('describes a file in the Scrutiny Pack template, and names the mapping fields, with no code', async () => {
    const { handlers, ctx } = scriptedApp();
    const csv = 'staff_id,swe_number,role,team,employment_type,fte,start_date,end_date,leaving_reason,qualified_date\nS1,,case_holder,North,permanent,1,2019-01-01,,,\n';
    const file = await handlers.stageFile({ name: 'workers.csv', base64: Buffer.from(csv).toString('base64') });
    const d = await handlers.detectFile({ fileId: file.id });
    expect(d.description).toMatch(/Scrutiny Pack template/);
    expect(codeWords(d.description)).toEqual([]);
    for (const list of Object.values(d.fields)) for (const f of list) expect(codeWords(f.label), f.name).toEqual([]);
    ctx.close();
  });

  it('turns an error written for the command line into the app’s words', async () => {
    const { handlers, ctx } = scriptedApp();
    const r = await invokeHandler(handlers, 'benchmarkSummary', {});
    expect(r.ok && codeWords((r.value as { message: string }).message)).toEqual([]);
    ctx.close();
  });
});
