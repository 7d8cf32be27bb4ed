// Data for telling a column of people's names from a column of team names (privacy.ts): common
// forenames in England and Wales (ONS baby-name lists across the decades children and social
// workers were born in), and words that appear in team names but not in people's names.
export const COMMON_FORENAMES: readonly string[] = [
  'aaliyah', 'abdul', 'abigail', 'adam', 'adrian', 'ahmed', 'aidan', 'aisha', 'alan', 'albert', 'alex', 'alexander',
  'alfie', 'alice', 'alison', 'amanda', 'amelia', 'amir', 'amy', 'andrew', 'angela', 'ann', 'anna', 'anne', 'anthony',
  'archie', 'arthur', 'ava', 'barbara', 'barry', 'ben', 'benjamin', 'beth', 'bethany', 'bob', 'brian', 'callum',
  'carl', 'carol', 'caroline', 'catherine', 'charles', 'charlie', 'charlotte', 'chloe', 'chris', 'christine',
  'christopher', 'claire', 'connor', 'craig', 'daniel', 'darren', 'david', 'dawn', 'dean', 'deborah', 'debbie',
  'dennis', 'diane', 'dylan', 'edward', 'eleanor', 'elizabeth', 'ella', 'ellie', 'emily', 'emma', 'eric', 'ethan',
  'evie', 'fatima', 'finley', 'florence', 'frances', 'freddie', 'freya', 'gary', 'gemma', 'george', 'georgia',
  'grace', 'graham', 'hannah', 'harper', 'harrison', 'harry', 'hassan', 'hayley', 'heather', 'helen', 'henry',
  'holly', 'hugo', 'ian', 'imran', 'isaac', 'isabella', 'isla', 'ivy', 'jack', 'jacob', 'jade', 'james', 'jamie',
  'jane', 'janet', 'jason', 'jayden', 'jean', 'jennifer', 'jessica', 'joan', 'joanne', 'john', 'jonathan', 'joseph',
  'joshua', 'julie', 'karen', 'kate', 'katie', 'keith', 'kelly', 'kevin', 'kieran', 'kyle', 'laura', 'lauren',
  'leah', 'lee', 'leo', 'lewis', 'lily', 'linda', 'lisa', 'logan', 'louis', 'louise', 'lucy', 'luke', 'maisie',
  'margaret', 'maria', 'mark', 'martin', 'mary', 'mason', 'matthew', 'megan', 'mia', 'michael', 'michelle', 'mohammed',
  'muhammad', 'nathan', 'neil', 'nicola', 'noah', 'oliver', 'olivia', 'oscar', 'patricia', 'paul', 'peter', 'phoebe',
  'poppy', 'rachel', 'rebecca', 'richard', 'robert', 'ruby', 'ryan', 'sally', 'sam', 'samuel', 'sandra', 'sarah',
  'scott', 'sean', 'sharon', 'sophia', 'sophie', 'stephen', 'steven', 'stuart', 'susan', 'teresa', 'theo',
  'thomas', 'tom', 'tony', 'tracey', 'tyler', 'victoria', 'william', 'willow', 'yusuf', 'zara', 'zoe',
];

export const TEAM_WORDS: readonly string[] = [
  'team', 'teams', 'service', 'services', 'hub', 'unit', 'north', 'south', 'east', 'west', 'central', 'city',
  'county', 'district', 'locality', 'area', 'cin', 'cp', 'cla', 'lac', 'mash', 'duty', 'assessment', 'safeguarding',
  'children', 'family', 'families', 'care', 'leaving', 'leavers', 'court', 'fostering', 'adoption', 'edge',
  'disabled', 'disability', 'youth', 'early', 'help', 'support', 'office', 'group', 'pod', 'practice', 'referral',
];
