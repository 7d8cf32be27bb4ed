// `npm run bench`: runs each benchmark in its own process (so one's memory cannot flatter or
// penalise another's figures) and in sequence (two cores: running them together would measure
// contention, not the code).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const only = process.argv.slice(2);
const benches = ['import', 'measures', 'report']
  .filter((b) => only.length === 0 || only.includes(b))
  .filter((b) => fs.existsSync(path.join(here, `${b}.ts`)));

let failed = 0;
for (const b of benches) {
  console.log(`\n=== ${b} ===`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(here, `${b}.ts`)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
