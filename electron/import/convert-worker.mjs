// The conversion worker when running from the TypeScript sources (the command line through tsx,
// the tests): register tsx in this thread with the project's tsconfig, then run the worker.
// Bundles (the desktop app, the command line's cached bundle) emit convert-worker.mjs compiled.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
await import('./convert-worker-thread.ts');
