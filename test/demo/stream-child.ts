// Run in a child process by stream.test.ts: writes a demo set with the given number of
// allocations and reports the rows written and the process's peak memory.
import { writeDemoExports } from '../../electron/demo/write';

const [dir, allocations] = process.argv.slice(2);
const started = Date.now();
const manifest = await writeDemoExports(dir!, { seed: 1, allocations: Number(allocations), endDate: '2025-09-30' });
const rows = manifest.files.find((f) => f.source === 'allocations')!.rows;
process.stdout.write(JSON.stringify({ rows, maxRssMb: process.resourceUsage().maxRSS / 1024, ms: Date.now() - started }) + '\n');
