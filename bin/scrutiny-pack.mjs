#!/usr/bin/env node
// Runs the TypeScript command line directly through tsx, so `npx scrutiny-pack` works straight
// after `npm install` with no build step. The project's own tsconfig is named explicitly: tsx
// otherwise looks for one in the current folder, and a user runs this from wherever their
// exports are (without it, JSX in the chart components compiles for the wrong runtime).
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
