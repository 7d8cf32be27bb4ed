// `demo`: writes a synthetic council's exports (HR spells, agency, allocations, ASYE register,
// establishment) for trying the product, teaching, and testing importers on realistic files.
import path from 'node:path';
import { UsageError, type Command } from '../command';
import { isoDateOption } from '../date-option';
import { DEMO_LAYOUTS, type DemoLayout } from '../../demo/layouts';
import { writeDemoExports } from '../../demo/write';

function whole(name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || !Number.isSafeInteger(n)) {
    throw new UsageError(`--${name} must be a whole number (got "${String(value)}").`);
  }
  return n;
}

/** A path as it can be pasted into a shell (quoted if it has spaces or other special characters). */
const quoted = (p: string) => (/^[\w@%+=:,./-]+$/.test(p) ? p : `"${p}"`);

/** The database the suggested next commands use: a file of its own beside the exports, never the app's. */
export const DEMO_DB_NAME = 'demo.sqlite';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Write a synthetic council\'s exports (workers, agency, allocations, ASYE, establishment)',
  usage: 'demo --out DIR [--seed N] [--staff N] [--years N] [--allocations N] [--end-date YYYY-MM-DD] '
    + '[--layout canonical|census|ssd|messy]... [--agency separate|combined]\n\n'
    + '  --out          folder to write into (created if needed)\n'
    + '  --seed         the same seed always gives byte-identical files (default 1)\n'
    + '  --staff        social-work posts; support-worker posts are added to match (default 160)\n'
    + '  --years        years of history before the end date (default 3)\n'
    + '  --allocations  exactly this many allocation rows (the council grows, then its history lengthens)\n'
    + '  --end-date     the last day the files cover (default: the latest month end not after today)\n'
    + '  --layout       canonical, census, ssd or messy ("saved from Excel"); repeat for several\n'
    + '  --agency       agency spells in agency.csv (separate, the default) or in workers.csv (combined)',
  options: {
    out: { type: 'string' },
    seed: { type: 'string' },
    staff: { type: 'string' },
    years: { type: 'string' },
    allocations: { type: 'string' },
    'end-date': { type: 'string' },
    layout: { type: 'string', multiple: true },
    agency: { type: 'string' },
  },
  async run(ctx) {
    const v = ctx.values;
    if (typeof v.out !== 'string' || v.out === '') throw new UsageError('Say where to write the files with --out DIR.');
    const layouts = (Array.isArray(v.layout) ? v.layout : []) as string[];
    for (const l of layouts) {
      if (!(DEMO_LAYOUTS as readonly string[]).includes(l)) throw new UsageError(`Unknown layout "${l}": choose from ${DEMO_LAYOUTS.join(', ')}.`);
    }
    if (v.agency !== undefined && v.agency !== 'separate' && v.agency !== 'combined') {
      throw new UsageError('--agency must be "separate" (agency.csv) or "combined" (agency rows in workers.csv).');
    }
    if (typeof v['end-date'] === 'string') isoDateOption('end-date', v['end-date']);
    const outDir = path.resolve(v.out);
    let manifest;
    try {
      manifest = await writeDemoExports(outDir, {
        seed: whole('seed', v.seed),
        staff: whole('staff', v.staff),
        years: whole('years', v.years),
        allocations: whole('allocations', v.allocations),
        endDate: typeof v['end-date'] === 'string' ? v['end-date'] : undefined,
        layouts: layouts as DemoLayout[],
        agencyFile: v.agency as 'separate' | 'combined' | undefined,
      });
    } catch (e) {
      if (e instanceof UsageError) throw e;
      // Option values the generator refuses (e.g. a date that does not exist) are usage errors.
      throw new UsageError((e as Error).message);
    }
    if (ctx.json) {
      ctx.out(JSON.stringify({ ok: true, outDir, ...manifest }));
      return 0;
    }
    ctx.out(`Synthetic council (seed ${manifest.seed}, ${manifest.staff} social-work posts) from ${manifest.startDate} to ${manifest.endDate}, written to ${outDir}:`);
    for (const f of manifest.files) {
      ctx.out(`  ${f.file.padEnd(36)} ${f.source.padEnd(13)} ${f.layout.padEnd(9)} ${String(f.rows).padStart(9)} rows`);
    }
    // Each layout is a complete set: import one of them, not all. The suggested commands name a
    // database of their own (--db, beside the files unless demo was given one): without it they
    // would write into the desktop app's database.
    const folders = [...new Set(manifest.files.map((f) => path.posix.dirname(f.file)))];
    const db = quoted(typeof v.db === 'string' ? v.db : path.posix.join(v.out, DEMO_DB_NAME));
    ctx.out(folders.length === 1 ? 'Import with:' : 'Each folder is a complete set: import one of them:');
    for (const folder of folders) {
      ctx.out(`  npx scrutiny-pack import --db ${db} --extract-date ${manifest.endDate} ${quoted(path.posix.join(v.out, folder))}/*.csv`);
    }
    ctx.out('Then:');
    ctx.out(`  npx scrutiny-pack metrics --db ${db} --as-at ${manifest.endDate}`);
    ctx.out(`  npx scrutiny-pack report --db ${db} --as-at ${manifest.endDate} --out paper.pdf`);
    return 0;
  },
};
