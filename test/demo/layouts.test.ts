// Every layout the demo writes has the right headings, encodings, line endings and date forms,
// is byte-identical for the same seed, and imports through the real importer without a problem.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDemoExports, type DemoManifest } from '../../electron/demo/write';
import { runImport } from '../../electron/import';
import { CANONICAL_COLUMNS } from '../../shared/records';
import { tempDb, tempDir } from '../support/tmp';

const OPTIONS = { seed: 4, staff: 40, years: 2, endDate: '2025-09-30', layouts: ['canonical', 'census', 'ssd', 'messy'] as const };
let dir: string;
let manifest: DemoManifest;

beforeAll(async () => {
  dir = tempDir('demo-layouts-');
  manifest = await writeDemoExports(dir, { ...OPTIONS, layouts: [...OPTIONS.layouts] });
});

const bytes = (file: string) => fs.readFileSync(path.join(dir, file));
const firstLine = (file: string) => bytes(file).toString('latin1').split(/\r?\n/)[0]!.replace(/^\xef\xbb\xbf/, '');

describe('demo layouts', () => {
  it('writes canonical files with the canonical headings, UTF-8 without BOM, LF, ISO dates', () => {
    expect(firstLine('canonical/workers.csv')).toBe(CANONICAL_COLUMNS.workers.join(','));
    expect(firstLine('canonical/agency.csv')).toBe(CANONICAL_COLUMNS.workers.join(','));
    expect(firstLine('canonical/allocations.csv')).toBe(CANONICAL_COLUMNS.allocations.join(','));
    expect(firstLine('canonical/asye.csv')).toBe(CANONICAL_COLUMNS.asye.join(','));
    expect(firstLine('canonical/establishment.csv')).toBe(CANONICAL_COLUMNS.establishment.join(','));
    const workers = bytes('canonical/workers.csv');
    expect(workers.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(workers.includes('\r\n')).toBe(false);
    expect(workers.toString('utf8').split('\n')[1]).toMatch(/,\d{4}-\d{2}-\d{2},/);
    // Agency spells are in agency.csv only.
    const agencyRows = bytes('canonical/agency.csv').toString('utf8').trim().split('\n').slice(1);
    expect(agencyRows.length).toBeGreaterThan(0);
    for (const r of agencyRows) expect(r.split(',')[4]).toBe('agency');
    expect(workers.toString('utf8').includes(',agency,')).toBe(false);
  });

  it('writes the census layout with the DfE field names, codes and UK dates', () => {
    expect(firstLine('census/census-workers.csv')).toBe('StaffID,SWENo,Team,AgencyWorker,FTE,OrgRole,RoleStartDate,RoleEndDate,ReasonLeave,CFKSSstatus');
    const rows = bytes('census/census-workers.csv').toString('utf8').trim().split('\n').slice(1).map((r) => r.split(','));
    for (const r of rows) {
      expect(['0', '1']).toContain(r[3]);
      expect(['1', '2', '3', '4', '5', '6']).toContain(r[5]);
      expect(r[6]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    }
    expect(rows.some((r) => r[8] === '1')).toBe(true); // ReasonLeave 1: resignation
    expect(firstLine('census/support-workers.csv')).toBe(CANONICAL_COLUMNS.workers.join(','));
  });

  it('writes the SSD extracts with their field names', () => {
    // Every column of the SSD objects, in the order the extract writes them (formats/ssd.ts).
    expect(firstLine('ssd/ssd_professionals.csv')).toBe(
      'prof_professional_id,prof_staff_id,prof_professional_name,prof_social_worker_registration_no,prof_agency_worker_flag,prof_professional_job_title,prof_professional_caseload,prof_professional_department,prof_full_time_equivalency',
    );
    expect(firstLine('ssd/ssd_involvements.csv')).toBe(
      'invo_involvements_id,invo_professional_id,invo_professional_role_id,invo_professional_team,invo_person_id,invo_involvement_start_date,invo_involvement_end_date,invo_worker_change_reason,invo_referral_id',
    );
  });

  it('writes the messy variant as Excel saves it: Windows-1252 and BOM files, CRLF, UK dates, Y/N, blank trailing rows', () => {
    const workers = bytes('messy/workers.csv');
    expect(firstLine('messy/workers.csv')).toBe('Staff ID,SWE No,Role,Team,Employment Type,Agency Worker,FTE ,Start Date,End Date,Reason for leaving,Date Qualified');
    expect(workers.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(workers.includes(Buffer.from('Children\x92s Disability Team', 'latin1'))).toBe(true); // ’ in Windows-1252
    expect(workers.includes(Buffer.from('’', 'utf8'))).toBe(false);
    const text = workers.toString('latin1');
    expect(text.split('\r\n').length).toBeGreaterThan(10);
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
    expect(text.endsWith(',,,,,,,,,,\r\n,,,,,,,,,,\r\n,,,,,,,,,,\r\n')).toBe(true);
    expect(text).toMatch(/,(Y|N),[01](\.\d)?,\d{2}\/\d{2}\/\d{4},/);

    const allocations = bytes('messy/allocations.csv');
    expect(allocations.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    expect(allocations.toString('utf8')).toContain('Children’s Disability Team');
    expect(bytes('messy/asye.csv').subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);

    const establishment = bytes('messy/establishment.csv');
    expect(establishment.includes(Buffer.from([0xa3]))).toBe(true); // £
    expect(establishment.includes(Buffer.from([0x93]))).toBe(true); // “
    expect(establishment.includes(Buffer.from([0x94]))).toBe(true); // ”
  });

  it('lists every file in manifest.json with its source, layout, encoding and row count', () => {
    const onDisk = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as DemoManifest;
    expect(onDisk).toEqual(manifest);
    for (const f of manifest.files) {
      const lines = bytes(f.file).toString('latin1').split(/\r?\n/).filter((l) => l !== '' && !/^,*$/.test(l));
      expect(lines.length - 1).toBe(f.rows);
    }
    expect(manifest.files.map((f) => `${f.layout}/${f.source}`)).toContain('messy/allocations');
  });

  it('gives the same bytes for the same seed and different data for another seed', async () => {
    const again = tempDir('demo-again-');
    const other = tempDir('demo-other-');
    await writeDemoExports(again, { ...OPTIONS, layouts: [...OPTIONS.layouts] });
    await writeDemoExports(other, { ...OPTIONS, seed: 5, layouts: ['canonical'] });
    for (const f of manifest.files) expect(fs.readFileSync(path.join(again, f.file)).equals(bytes(f.file))).toBe(true);
    for (const name of ['workers.csv', 'allocations.csv']) {
      expect(fs.readFileSync(path.join(other, name)).equals(bytes(`canonical/${name}`))).toBe(false);
    }
  });

  it('imports every file of every layout without a single problem', async () => {
    for (const layout of OPTIONS.layouts) {
      const { db, file } = tempDb();
      for (const f of manifest.files.filter((x) => x.layout === layout)) {
        // agency.csv has the workers headings, so only its name says it is the agency file.
        // ssd_professionals is detected as a crosswalk of IDs; the demo imports it as its workers.
        const source = f.source === 'agency' ? 'agency' : f.file.endsWith('ssd_professionals.csv') ? 'workers' : undefined;
        const result = await runImport(db, { file: path.join(dir, f.file), source, dbPath: file, extractDate: manifest.endDate });
        expect({ file: f.file, outcome: result.outcome, problems: result.problems.slice(0, 3) }).toEqual({ file: f.file, outcome: 'imported', problems: [] });
        expect(result.source).toBe(f.source);
        expect(result.preset).toBe(f.preset);
        expect(result.encoding).toBe(f.encoding);
        expect(result.inserted).toBe(f.rows);
      }
    }
  });
});
