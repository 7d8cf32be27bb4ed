// Column headings that hold a person's identity, as real exports spell them. Data, not code:
// each list is tested spelling by spelling (test/import/personal-headings.test.ts). Headings
// are compared after foldHeading() (Unicode look-alikes, accents, case and punctuation gone).

/**
 * A child's name or date of birth (or an identifier that names a child): a case file with one
 * of these is refused. Exact headings after folding.
 */
export const IDENTITY_HEADINGS: readonly string[] = [
  // names
  'name', 'names', 'child', 'childs', 'childname', 'childnames', 'childsname', 'nameofchild', 'nameofchildren',
  'childfullname', 'youngperson', 'youngpersonname', 'youngpersonsname', 'clientname', 'serviceusername',
  'personname', 'casename', 'knownas', 'alias', 'aliases', 'akaname', 'aka', 'initials', 'childinitials',
  'prenom', 'nom', 'nomdefamille', 'firstnames', 'othernames', 'maidenname', 'previousname', 'previousnames',
  // dates of birth
  'dob', 'dateofbirth', 'birthdate', 'born', 'dateborn', 'borndate', 'birthday', 'datenaissance', 'datedenaissance',
  'expecteddob', 'expecteddateofbirth',
  // the census and SSD spellings
  'personbirthdate', 'persondob', 'persdob', 'persexpecteddob', 'persforename', 'perssurname', 'persname',
  'personforename', 'personsurname', 'legalforename', 'legalsurname',
  // identifiers that name a child outside the council
  'upn', 'uniquepupilnumber', 'formerupn', 'nhsnumber', 'nhsno', 'persupn', 'persnhsnumber',
];

/** Parts that make a heading a name or a date of birth wherever they appear in it. */
export const IDENTITY_PARTS: readonly string[] = [
  'forename', 'surname', 'firstname', 'lastname', 'givenname', 'familyname', 'middlename', 'fullname',
  'preferredname', 'birth', 'dob', 'prenom',
];

/**
 * Whose name a "... name" heading may be without being a child's: the part before "name"
 * (workers, teams, services, places). A worker's name is still a staff personal column.
 */
export const NOT_A_CHILD_BEFORE_NAME: readonly string[] = [
  'team', 'deptteam', 'deptteamparent', 'department', 'dept', 'worker', 'staff', 'employee', 'professional', 'prof', 'profprofessional',
  'manager', 'teammanager', 'linemanager', 'agency', 'service', 'job', 'role', 'file', 'user', 'socialworker',
  'practitioner', 'provider', 'organisation', 'org', 'la', 'localauthority', 'council', 'school', 'establishment',
  'unit', 'cohort', 'invoprofessional', 'allocatedworker', 'keyworker', 'supervisor', 'locality', 'area', 'hub',
  'region', 'office', 'site', 'costcentre', 'post', 'grade', 'course', 'university', 'institution',
];

/** The worker's own name in a staff file: dropped unread (and not a child's). */
export const STAFF_NAME_BEFORE_NAME: readonly string[] = [
  'worker', 'staff', 'employee', 'professional', 'prof', 'profprofessional', 'manager', 'teammanager', 'linemanager',
  'socialworker', 'practitioner', 'allocatedworker', 'keyworker', 'supervisor', 'user',
];

/** A worker's own characteristics, which the DfE census carries to de-duplicate: dropped in staff files. */
export const STAFF_PERSONAL_HEADINGS: readonly string[] = [
  'gendercurrent', 'gender', 'sex', 'legalsex', 'ethnicity', 'ethnicorigin', 'ethnicgroup', 'ethnicitycode',
  'religion', 'disability', 'sexualorientation', 'nationality', 'maritalstatus', 'age', 'ageband',
  'homeaddress', 'address', 'postcode', 'homepostcode', 'email', 'personalemail', 'phone', 'mobile',
  'nationalinsurancenumber', 'ninumber', 'nino',
];
