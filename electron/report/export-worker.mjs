// The paper export worker when running from the TypeScript sources (the tests): register tsx in
// this thread with the project's tsconfig, then run the worker. The app's bundle emits
// export-worker.cjs, compiled, beside main.cjs (scripts/build-electron.mjs).
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
await import('./export-worker-thread.ts');
