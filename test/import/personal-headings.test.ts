// The heading check against real-world spellings (issue 16): each spelling of a child's name or
// date of birth refuses a case file; in a staff file the same column is dropped unread.
import { describe, expect, it } from 'vitest';
import { isIdentityHeading, isPersonalHeading } from '../../electron/import/privacy';
import { foldHeading } from '../../electron/import/fold-heading';
import { csv, rows, setup } from './helpers';

// Spellings seen in council exports and in the census and SSD specifications.
const CHILD_IDENTITY = [
  'Name of child', 'Child Names', 'Names', 'Name 1', 'Child Name 2', 'Known As', 'Child', 'Alias', 'Initials',
  'Date Born', 'Born', 'Prénom', 'ＤＯＢ', 'Dоb' /* Cyrillic о */, 'DΟB' /* Greek Ο */, 'child_name', 'Forename',
  'SURNAME', 'dob', 'Date of Birth', 'person_birth_date', 'PersonBirthDate', 'pers_dob', 'pers_forename',
  'pers_surname', 'name', 'first name', 'Full Name', 'case_name', 'Young Person', 'Preferred Name', 'UPN', 'NHS Number',
];
// Not a child's identity: worker, team and department names, IDs and dates.
const NOT_IDENTITY = [
  'team_name', 'dept_team_name', 'Worker Name', 'prof_professional_name', 'staff_id', 'case_id', 'invo_professional_team',
  'start_date', 'SWENo', 'Allocated Team Name', 'Team Manager Name', 'RoleStartDate', 'Cases30', 'Unborn', 'Job Title',
  'Due Date', 'Review Due Date', 'Legal Status',
];
// A worker's own details in a staff file: dropped unread.
const STAFF_PERSONAL = [
  'PersonBirthDate', 'GenderCurrent', 'Ethnicity', 'prof_professional_name', 'Forename', 'Surname', 'Name',
  'Worker Name', 'Staff Name', 'Employee Name', 'Gender', 'Sex', 'Date of Birth', 'Ethnic Origin',
];
// "Title" is often the job title in HR exports: it must stay mappable to the role.
const NOT_PERSONAL = ['team_name', 'dept_team_name', 'prof_professional_department', 'Job Title', 'Title', 'OrgRole', 'AgencyWorker', 'FTE', 'QualInst'];

describe('personal headings', () => {
  it('folds full-width, accented and Cyrillic or Greek look-alike letters to plain Latin', () => {
    expect(foldHeading('ＤＯＢ')).toBe('dob');
    expect(foldHeading('Dоb')).toBe('dob');
    expect(foldHeading('Prénom')).toBe('prenom');
    expect(foldHeading('ΝΑΜΕ')).toBe('name');
  });

  it("catches every spelling of a child's name or date of birth, and leaves workers, teams and IDs alone", () => {
    for (const h of CHILD_IDENTITY) expect(isIdentityHeading(h), h).toBe(true);
    for (const h of NOT_IDENTITY) expect(isIdentityHeading(h), h).toBe(false);
    for (const h of STAFF_PERSONAL) expect(isPersonalHeading(h), h).toBe(true);
    for (const h of NOT_PERSONAL) expect(isPersonalHeading(h), h).toBe(false);
  });

  it('each spelling refuses a case file whole; in a staff file the same column is dropped and named', async () => {
    const A = 'case_id,case_type,staff_id,team,start_date,end_date';
    const W = 'staff_id,swe_number,role,team,employment_type,fte,start_date,end_date,leaving_reason,qualified_date';
    for (const h of CHILD_IDENTITY) {
      const t = setup();
      const quoted = `"${h}"`;
      const refused = (await t.run(t.file('a.csv', csv(`${A},${quoted}`, 'C1,CIN,S1,T,2019-01-01,,Amy Pond'))).catch((e: unknown) => e)) as Error & { code: string };
      expect(refused.code, h).toBe('child_identity');
      expect(refused.message).toContain(`"${h}"`);
      expect(rows(t.db, 'SELECT * FROM allocation')).toEqual([]);
      const r = await t.run(t.file('w.csv', csv(`${W},${quoted}`, 'S1,,case_holder,North,permanent,1,2019-01-01,,,,Amy Pond')), { source: 'workers' });
      expect(r.outcome, h).toBe('imported');
      expect(r.assumptions[0]).toBe(`${h}: not stored (a worker's own personal details are not needed for any figure, so this column was not read).`);
      expect(JSON.stringify(rows(t.db, 'SELECT * FROM spell'))).not.toContain('Amy');
    }
  }, 60_000);
});
