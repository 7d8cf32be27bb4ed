import { describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { isIdentityHeading } from '../../electron/import/privacy';
import { csv, dump, rows, setup } from './helpers';

describe("children's identities", () => {
  it('a file with a child-name or date-of-birth column is refused whole, nothing stored', async () => {
    const t = setup();
    const before = dump(t.db, ['allocation', 'import_log', 'meta']);
    const f = t.file('a.csv', csv('case_id,case_type,staff_id,team,start_date,end_date,Child Name,DOB', 'C1,CIN,S1,T,2019-01-01,,Jane Doe,01/01/2015'));
    const err = (await t.run(f).catch((e: unknown) => e)) as Error & { code: string };
    expect(err.code).toBe('child_identity');
    expect(err.message).toMatch(/"Child Name", "DOB".*never stores children's identities.*nothing was stored/);
    expect(dump(t.db, ['allocation', 'import_log', 'meta'])).toEqual(before);
  });

  it("a staff file drops a worker's own name, date of birth, gender and ethnicity unread, and says so", async () => {
    const t = setup();
    const W = 'staff_id,swe_number,role,team,employment_type,fte,start_date,end_date,leaving_reason,qualified_date';
    for (const [source, heading] of [['workers', 'Name'], ['agency', 'Surname'], ['asye', 'Date of Birth']] as const) {
      const content = source === 'asye' ? csv(`staff_id,cohort,start_date,planned_end_date,outcome,outcome_date,${heading}`, 'S1,2018-09,2018-09-03,2019-09-02,passed,2019-09-02,Xavier Quill') : csv(`${W},${heading},Gender,Ethnicity`, `S1,,case_holder,N,${source === 'workers' ? 'permanent' : ''},1,2019-01-01,,,,Xavier Quill,2,WBRI`);
      const r = await t.run(t.file(`${source}.csv`, content), { source });
      expect(r.outcome, source).toBe('imported');
      expect(r.assumptions[0]).toBe(
        source === 'asye'
          ? `${heading}: not stored (a worker's own personal details are not needed for any figure, so this column was not read).`
          : `${heading}, Gender, Ethnicity: not stored (a worker's own personal details are not needed for any figure, so these columns were not read).`,
      );
    }
    expect(JSON.stringify(dump(t.db))).not.toMatch(/Xavier|WBRI/);
    // A personal column read into a field is refused, whatever the mapping calls it.
    const columns = Object.fromEntries(W.split(',').filter((c) => c !== 'team').map((c) => [c, c]));
    const mapped = t.file('w2.csv', csv(`${W},Child Names`, 'S1,,case_holder,North,permanent,1,2019-01-01,,,,Amy Smith'));
    const err = (await t.run(mapped, { source: 'workers', mapping: { columns: { ...columns, 'Child Names': 'team' } } }).catch((e: unknown) => e)) as Error & { code: string };
    expect(err.code).toBe('child_identity');
    expect(err.message).toBe(
      'The column "Child Names" (used as team) looks like a person\'s name or date of birth, which Scrutiny Pack never stores, so the file has been refused and nothing was stored. Map it to "Not used" and choose the right column for that field.',
    );
    // An allocations file stays refused whatever the mapping says.
    const A = 'case_id,case_type,staff_id,team,start_date,end_date';
    const alloc = t.file('a.csv', csv(`${A},Name`, 'C1,CIN,S1,T,2019-01-01,,Amy'));
    const refused = (await t.run(alloc, { source: 'allocations', mapping: { columns: { ...Object.fromEntries(A.split(',').map((c) => [c, c])), Name: '' } } }).catch((e: unknown) => e)) as Error & { code: string };
    expect(refused.message).toMatch(/child's name or date of birth/);
    expect(rows(t.db, 'SELECT * FROM allocation')).toEqual([]);
  });

  it("a team column holding people's names is refused; one of team names is not", async () => {
    const t = setup();
    const W = 'staff_id,swe_number,role,team,employment_type,fte,start_date,end_date,leaving_reason,qualified_date';
    const names = t.file('n.csv', csv(W, 'S1,,case_holder,Jane Smith,permanent,1,2019-01-01,,,', 'S2,,case_holder,"Brown, Oliver",permanent,1,2019-01-01,,,', 'S3,,case_holder,Mohammed Khan,permanent,1,2019-01-01,,,', 'S4,,case_holder,North CIN Team,permanent,1,2019-01-01,,,'));
    const err = (await t.run(names).catch((e: unknown) => e)) as Error & { code: string };
    expect(err.code).toBe('child_identity');
    expect(err.message).toMatch(/^The column "team", read as the team, holds what look like people's names rather than team names/);
    expect(rows(t.db, 'SELECT * FROM spell')).toEqual([]);
    const teams = t.file('t.csv', csv(W, 'S1,,case_holder,Leeds North,permanent,1,2019-01-01,,,', 'S2,,case_holder,Children in Care 2,permanent,1,2019-01-01,,,', 'S3,,case_holder,Emma Team,permanent,1,2019-01-01,,,', 'S4,,case_holder,MASH,permanent,1,2019-01-01,,,'));
    expect((await t.run(teams)).outcome).toBe('imported');
  });

  it('recognises the usual spellings and leaves workers and teams alone', () => {
    for (const h of ['child_name', 'Forename', 'SURNAME', 'dob', 'Date of Birth', 'person_birth_date', 'name', 'first name', 'Full Name', 'case_name']) {
      expect(isIdentityHeading(h), h).toBe(true);
    }
    for (const h of ['team_name', 'Worker Name', 'staff_id', 'case_id', 'invo_professional_team', 'start_date', 'SWENo']) {
      expect(isIdentityHeading(h), h).toBe(false);
    }
  });

  it('case IDs are stored as HMAC-SHA-256 under the database key, the same in every import', async () => {
    const t = setup();
    await t.run(t.file('a.csv', csv('case_id,case_type,staff_id,team,start_date,end_date', 'C-0042,CIN,S1,T,2019-01-01,', 'C-0042,CIN,S2,T,2019-01-01,')));
    await t.run(t.file('b.csv', csv('case_id,case_type,staff_id,team,start_date,end_date', 'C-0042,CIN,S3,T,2019-01-01,')));
    // The key is kept outside the database (electron/keys), never in it.
    expect(rows(t.db, `SELECT * FROM meta WHERE key = 'case_id_hmac_key'`)).toEqual([]);
    const { KeyStore, databaseId } = await import('../../electron/keys');
    const key = KeyStore.fromEnv().find(databaseId(t.db), null)!.key.toString('hex');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    // The first 16 bytes of the HMAC (a truncated HMAC-SHA-256), as 32 hex digits.
    const expected = crypto.createHmac('sha256', Buffer.from(key, 'hex')).update('C-0042').digest('hex').slice(0, 32);
    expect(expected).toMatch(/^[0-9a-f]{32}$/);
    expect(rows(t.db, 'SELECT DISTINCT case_key FROM allocation')).toEqual([{ case_key: expected }]);
    expect(JSON.stringify(dump(t.db, ['allocation', 'import_log', 'import_change']))).not.toContain('C-0042');
    // A different database has a different key, so its pseudonyms differ.
    const other = setup();
    await other.run(other.file('a.csv', csv('case_id,case_type,staff_id,team,start_date,end_date', 'C-0042,CIN,S1,T,2019-01-01,')));
    expect(rows(other.db, 'SELECT case_key FROM allocation')).not.toEqual([{ case_key: expected }]);
  });
});

describe('the case-ID hasher', () => {
  it('gives the first 16 bytes of the HMAC of every ID, asked once or again', async () => {
    const { caseHasher } = await import('../../electron/import/pseudonym');
    const secret = crypto.randomBytes(32);
    const hash = caseHasher(secret);
    const hmac = (id: string) => crypto.createHmac('sha256', secret).update(id, 'utf8').digest('hex').slice(0, 32);
    const ids = Array.from({ length: 25_000 }, (_, i) => `C${i}`);
    for (const id of ids) expect(hash(id)).toBe(hmac(id));
    for (const id of ['C0', 'C24999', 'C12345', 'Café-7']) expect(hash(id)).toBe(hmac(id));
  });
});

describe('HMAC-SHA-256 in JavaScript', () => {
  it("equals Node's createHmac for every length around the one-block limit, non-ASCII text and long keys", async () => {
    const { hmacSha256Hex } = await import('../../electron/import/hmac-sha256');
    for (const keyBytes of [32, 16, 64, 65, 100]) {
      const key = crypto.randomBytes(keyBytes);
      const hash = hmacSha256Hex(key);
      const hmac = (v: string) => crypto.createHmac('sha256', key).update(v, 'utf8').digest('hex');
      const values = ['', 'C', 'C-0042', 'Café-7', '儿童-1', 'emoji 😀', '\x7f\x00'];
      for (let n = 1; n <= 130; n++) values.push(Array.from({ length: n }, (_, i) => String.fromCharCode(32 + ((i * 7 + n) % 95))).join(''));
      for (let i = 0; i < 2000; i++) values.push(crypto.randomBytes(1 + (i % 40)).toString('base64'));
      for (const v of values) expect(hash(v), JSON.stringify(v)).toBe(hmac(v));
      // Truncated: the leading bytes of the same HMAC, by either path (short ASCII or createHmac).
      for (const bytes of [4, 16, 28]) {
        const short = hmacSha256Hex(key, bytes);
        for (const v of values.slice(0, 200)) expect(short(v), `${bytes} ${JSON.stringify(v)}`).toBe(hmac(v).slice(0, bytes * 2));
      }
    }
  });

  it('refuses a truncation that is not whole words of the hash', async () => {
    const { hmacSha256Hex } = await import('../../electron/import/hmac-sha256');
    for (const bytes of [0, 3, 17, 36]) expect(() => hmacSha256Hex(Buffer.alloc(32), bytes)).toThrow(RangeError);
  });
});
