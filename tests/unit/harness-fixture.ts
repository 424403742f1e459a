import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startHarness } from '../../electron/harness/server';

/** One web harness on a free port over a fresh data folder for the whole file; read its fields inside tests. */
export function harnessForFile(prefix: string) {
  const fixture = {} as { harness: Awaited<ReturnType<typeof startHarness>>; dataDir: string; origin: string };
  beforeAll(async () => {
    fixture.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    fixture.harness = await startHarness(['node', 'server', `--data-dir=${fixture.dataDir}`, '--port=0'], {
      CTPAT_ACTOR: 'harness.test',
    });
    fixture.origin = fixture.harness.url.replace(/\/$/, '');
  });
  afterAll(async () => {
    await fixture.harness?.close();
    if (fixture.dataDir) fs.rmSync(fixture.dataDir, { recursive: true, force: true });
  });
  return fixture;
}
