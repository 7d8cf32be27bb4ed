import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  esbuild: { jsx: 'automatic' },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: more workers only thrash.
    maxWorkers: 2,
    // Case keys made by tests go to a scratch folder, never the user's own key folder.
    env: { SCRUTINY_KEY_DIR: path.join(os.tmpdir(), 'scrutiny-pack-test-keys') },
  },
});
