import { describe, expect, it } from 'vitest';
import { readRowBatches, sniffFile } from '../../electron/import/csv-stream';
import { detectFile } from '../../electron/import/index';
import { csv, rows, setup } from './helpers';

const HEADER = 'staff_id,swe_number,role,team,employment_type,fte,start_date,end_date,leaving_reason,qualified_date';
// A team name with a pound sign and curly quotes: the characters Windows-1252 and UTF-8 write differently.
const TEAM = 'Children’s “North” £ Team';
const TEXT = csv(HEADER, `S1,,case_holder,${TEAM},permanent,1,2019-01-01,,,`, 'S2,,case_holder,Plain,permanent,1,2019-01-01,,,');

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

const WIN1252: Record<string, number> = { '’': 0x92, '“': 0x93, '”': 0x94, '£': 0xa3 };
function windows1252(text: string): Buffer {
  return Buffer.from([...text].map((ch) => WIN1252[ch] ?? ch.charCodeAt(0)));
}

describe('encodings', () => {
  const cases: Array<[string, Buffer, string]> = [
    ['UTF-8', Buffer.from(TEXT, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]), 'utf-8-bom'],
    ['Windows-1252', windows1252(TEXT), 'windows-1252'],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]), 'utf-16le'],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]), 'utf-16be'],
  ];
  for (const [name, bytes, encoding] of cases) {
    it(`reads ${name} and keeps the team name's characters`, async () => {
      const t = setup();
      const f = t.file('w.csv', bytes);
      expect(detectFile(f).encoding).toBe(encoding);
      const r = await t.run(f);
      expect(r).toMatchObject({ outcome: 'imported', inserted: 2, encoding });
      expect(rows(t.db, `SELECT staff_id, team FROM spell ORDER BY staff_id`)).toEqual([
        { staff_id: 'S1', team: TEAM },
        { staff_id: 'S2', team: 'Plain' },
      ]);
    });
  }

  it('refuses a file that starts as UTF-8 and turns into something else, storing nothing', async () => {
    const t = setup();
    const good = `S1,,case_holder,North,permanent,1,2019-01-01,,,\n`.repeat(20_000);
    const f = t.file('mixed.csv', Buffer.concat([Buffer.from(HEADER + '\n' + good, 'utf8'), windows1252(`S9,,case_holder,£,permanent,1,2019-01-01,,,\n`)]));
    await expect(t.run(f)).rejects.toMatchObject({ code: 'unreadable' });
    expect(rows(t.db, `SELECT * FROM spell`)).toEqual([]);
  });
});

describe('delimiters, quoting and blank rows', () => {
  it('semicolons, Windows line endings and Excel blank trailing rows', async () => {
    const t = setup();
    const body = [HEADER.replaceAll(',', ';'), 'S1;;case_holder;North;permanent;0,5;2019-01-01;;;'.replace('0,5', '1'), ';;;;;;;;;', '', ';;;;;;;;;'].join('\r\n') + '\r\n';
    const f = t.file('semi.csv', body);
    expect(detectFile(f).delimiter).toBe(';');
    expect(await t.run(f)).toMatchObject({ outcome: 'imported', rowsRead: 1, inserted: 1 });
  });

  it('tabs', async () => {
    const t = setup();
    const f = t.file('tab.tsv', csv(HEADER.replaceAll(',', '\t'), ['S1', '', 'case_holder', 'North', 'permanent', '1', '2019-01-01', '', '', ''].join('\t')));
    expect(detectFile(f).delimiter).toBe('\t');
    expect(await t.run(f)).toMatchObject({ outcome: 'imported', inserted: 1 });
  });

  it('quoted values with commas, quotes and newlines; row numbers count records as a spreadsheet does', async () => {
    const t = setup();
    const f = t.file('q.csv', csv(
      HEADER,
      'S1,,case_holder,"North, ""East""\nand more",permanent,1,2019-01-01,,,',
      'S2,,case_holder,North,permanent,2,2019-01-01,,,',
    ));
    const r = await t.run(f);
    expect(r.problems).toEqual([expect.objectContaining({ row: 3, column: 'fte', value: '2' })]);
    const ok = await t.run(t.file('q2.csv', csv(HEADER, 'S1,,case_holder,"North, ""East""\nand more",permanent,1,2019-01-01,,,')));
    expect(ok.outcome).toBe('imported');
    expect(rows(t.db, `SELECT team FROM spell`)).toEqual([{ team: 'North, "East" and more' }]);
  });

  it('rows split across chunks, inside quotes and between \\r and \\n, come through whole', async () => {
    const t = setup();
    const lines = [HEADER];
    for (let i = 0; i < 200; i++) lines.push(`S${i},,case_holder,"Team\r\n${i}, £",permanent,1,2019-01-01,,,`);
    const f = t.file('chunks.csv', lines.join('\r\n') + '\r\n');
    const sniffed = sniffFile(f);
    const all: string[][] = [];
    let firstRows: number[] = [];
    for await (const b of readRowBatches(f, sniffed, { chunkBytes: 7 })) {
      all.push(...b.rows);
      firstRows.push(b.firstRow);
    }
    expect(all.length).toBe(201);
    expect(all[0]).toEqual(HEADER.split(','));
    expect(all[200]).toEqual(['S199', '', 'case_holder', 'Team\r\n199, £', 'permanent', '1', '2019-01-01', '', '', '']);
    expect(firstRows[0]).toBe(1);
    firstRows = [];
  });
});
