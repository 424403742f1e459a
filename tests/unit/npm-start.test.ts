import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const electronCanBeHad =
  spawnSync(process.execPath, ['-e', "require('electron')"], { cwd: root, stdio: 'ignore' }).status === 0;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('npm start', () => {
  it.skipIf(electronCanBeHad)(
    'where Electron cannot be had, says so in one line and serves the app through the web harness',
    async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-start-'));
      const child = spawn(process.execPath, ['scripts/start.mjs', '--port=0', `--data-dir=${dataDir}`], { cwd: root });
      cleanups.push(() => {
        child.kill();
        fs.rmSync(dataDir, { recursive: true, force: true });
      });
      let output = '';
      child.stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      const address = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const found = /web harness: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
          if (found?.[1]) resolve(found[1]);
        });
        child.on('exit', (code) => reject(new Error(`npm start ended (${code}) before serving:\n${output}`)));
      });
      expect(output).toMatch(/^Electron's binary could not be had here \(.+\); starting the web harness instead\.$/m);
      expect(output, 'no stack trace').not.toMatch(/^\s+at /m);
      const page = await fetch(address);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    },
    120_000,
  );
});
