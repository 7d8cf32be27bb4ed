// The Import screen's words: the importer's messages (shared with the command line) name the
// screen's controls instead of command-line options, and codes in words; row problems grouped.
import { describe, expect, it } from 'vitest';
import { forScreen } from '../../electron/handlers/import';
import { groupProblems } from '../../renderer/problem-groups';

describe('messages on the Import screen', () => {
  it('name the control that does what a command-line option does, and codes in words', () => {
    expect(forScreen('This looks like an ASYE register (…), not workers. Import it with --source asye.')).toBe(
      'This looks like an ASYE register (…), not workers. Choose “ASYE register” under “Import it as” on the first step.',
    );
    expect(forScreen('Correct them, or import the 3 valid rows alone with --accept-valid.')).toBe('Correct them, or import the 3 valid rows alone by choosing “Import the valid rows”.');
    expect(forScreen('"Zero hours" is not a recognised employment type; use one of: permanent, fixed_term, agency; or, as no rule places it, choose what it is in the import\'s value step (or a mapping\'s "values" for employment_type)')).toBe(
      '"Zero hours" is not a recognised employment type; use one of: permanent, fixed-term, agency; or, as no rule places it, choose what it is in the “Match the values” step',
    );
    expect(forScreen('use one of: senior_manager, case_holder')).toBe('use one of: Senior manager, Case holder');
    for (const m of ['Import it with --source allocations', 'choose it with --sheet NAME.', 'a column mapping (--mapping FILE).']) expect(forScreen(m)).not.toMatch(/--/);
  });
});

describe('grouping row problems', () => {
  it('says each column\'s problem once, with its distinct values and how many rows have each', () => {
    const reason = 'is not a recognised role; use one of: …';
    const problems = [
      ...['Snr SW', 'Snr SW', 'Snr SW', 'Practice Lead', 'Practice Lead', 'Locum', 'ATM', 'ATM'].map((value, i) => ({ row: i + 2, column: 'role', value, reason })),
      { row: 4, column: 'start_date', value: '31/02/2019', reason: 'is not a real date (31/02/2019)' },
      { row: 7, column: 'start_date', value: '30/02/2019', reason: 'is not a real date (30/02/2019)' },
    ];
    expect(groupProblems(problems)).toEqual([
      {
        column: 'role', reason: 'is not a recognised role', unrecognised: true, rows: 8, firstRow: 2,
        values: [{ value: 'Snr SW', rows: 3 }, { value: 'ATM', rows: 2 }, { value: 'Practice Lead', rows: 2 }, { value: 'Locum', rows: 1 }],
      },
      {
        column: 'start_date', reason: 'is not a real date (…)', unrecognised: false, rows: 2, firstRow: 4,
        values: [{ value: '30/02/2019', rows: 1 }, { value: '31/02/2019', rows: 1 }],
      },
    ]);
  });
});

describe("a row problem's column", () => {
  it('keeps its key through the handler door, so the value step can match it, and the screens say it in words', async () => {
    const { plainProblem } = await import('../../electron/handlers/plain-words');
    const { columnWords } = await import('../../shared/labels');
    const p = plainProblem({ row: 2, column: 'employment_type', value: 'Zero hours', reason: '"Zero hours" is not a recognised employment type; use one of: permanent, fixed_term, agency' });
    expect(p.column).toBe('employment_type');
    expect(p.reason).toContain('use one of: Permanent, Fixed-term, Agency');
    expect(columnWords(p.column)).toBe('Employment type');
    // A heading from the council's own file is shown as the file has it; a whole-row problem has none.
    expect(columnWords('Job Title (HR)')).toBe('Job Title (HR)');
    expect(columnWords(null)).toBe('');
  });
});
