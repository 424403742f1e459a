import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness } from '../../electron/harness/server';
import { DATABASE_FILE_NAME } from '../../electron/services/app-services';

/**
 * The web harness's command line (`npm start` where Electron cannot run, `npm run dev:web`): a mistyped option
 * or a bare folder would otherwise start it on the default store, and `--port N` on the default port.
 */

const repoRoot = path.resolve(__dirname, '..', '..');
const USAGE =
  'Usage: node dist/harness/server.mjs [--data-dir=PATH] [--port=N] (npm start -- … and npm run dev:web -- … pass them on)';

const made: string[] = [];
const running: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of running.splice(0)) await close();
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-harness-cli-'));
  made.push(dir);
  return dir;
};

/** The harness entry point as its own process, the way `npm start` runs it. */
function runHarness(...args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      path.join(repoRoot, 'node_modules', '.bin', 'tsx'),
      [path.join(repoRoot, 'electron', 'harness', 'server.ts'), ...args],
      { cwd: tempDir(), env: { ...process.env, CTPAT_DATA_DIR: '' }, timeout: 60_000 },
      (error, _stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stderr }),
    );
  });
}

/** A port nothing listens on now: the harness is asked for it by number. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the web harness command line', () => {
  it('refuses a mistyped option or a bare folder with exit 2, saying what it takes, and makes no store', async () => {
    const folder = tempDir();

    const mistyped = await runHarness(`--datadir=${folder}`);
    const bare = await runHarness(folder);

    expect(mistyped).toEqual({ code: 2, stderr: `Unknown option '--datadir'. ${USAGE}\n` });
    expect(bare).toEqual({ code: 2, stderr: `Unexpected argument '${folder}'. ${USAGE}\n` });
    expect(fs.readdirSync(folder)).toEqual([]);
  }, 120_000);

  it('takes --data-dir and --port with a space as with an equals sign', async () => {
    const dataDir = tempDir();
    const port = await freePort();

    const harness = await startHarness(['node', 'server', '--data-dir', dataDir, '--port', String(port)], {});
    running.push(harness.close);

    expect(harness.url).toBe(`http://127.0.0.1:${port}/`);
    expect(harness.dataDir).toBe(dataDir);
    expect(fs.readdirSync(dataDir)).toContain(DATABASE_FILE_NAME);
  });
});
