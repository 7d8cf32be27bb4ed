// `scrutiny-pack settings | head -1`: the reader stops early; the command ends quietly (issue 16).
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { tempDir } from '../support/tmp';

const BIN = path.resolve(__dirname, '../../bin/scrutiny-pack.mjs');

function settingsIntoClosedPipe(db: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    // SCRUTINY_CLI_TSX: the sources themselves, not a bundle another test may be rebuilding.
    const child = spawn('sh', ['-c', `"${process.execPath}" "${BIN}" settings --db "${db}" | head -c 1 >/dev/null`], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, SCRUTINY_CLI_TSX: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a closed pipe', () => {
  it('settings into a reader that stops after one byte: no EPIPE crash, nothing on stderr (3 of 3)', async () => {
    const db = path.join(tempDir(), 'pipe.sqlite');
    for (let i = 0; i < 3; i++) {
      const r = await settingsIntoClosedPipe(db);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  }, 60_000);
});
