import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, type ElectronApplication, _electron as electron, type Page } from '@playwright/test';
import { expectAccessible } from './axe';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The app under test, whichever way it runs: a page, its data folder, and a full restart on that folder. */
export type AppUnderTest = {
  page: Page;
  dataDir: string;
  /** With clockOffsetMs (web harness only), the services' clock runs that far from the computer's. */
  restart: (options?: { clockOffsetMs?: number }) => Promise<void>;
  screenshot: (name: string) => Promise<void>;
};

/**
 * The installed Electron executable, or null. Resolved like electron/index.js does but without
 * require('electron'), which tries to download a missing binary.
 */
function electronBinary(): string | null {
  const electronDir = path.join(repoRoot, 'node_modules', 'electron');
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(electronDir, 'dist');
  const binary = path.join(distDir, executable);
  return existsSync(binary) ? binary : null;
}

export type Harness = { url: string; process: ChildProcess };

/**
 * A web harness on `dataDir`, resolved with its address once it listens; `actor` names it before enrolment.
 * Demo Members' validations stay on it, as in the app, unless `sendDemoToHq` (a spec that needs HQ to refuse
 * a change of a Member no assignment brought).
 */
export async function startHarness(
  dataDir: string,
  actor = 'e2e.scss',
  options: { sendDemoToHq?: boolean; clockOffsetMs?: number } = {},
): Promise<Harness> {
  const child = spawn(
    process.execPath,
    [path.join(repoRoot, 'dist/harness/server.mjs'), `--data-dir=${dataDir}`, '--port=0'],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        CTPAT_ACTOR: actor,
        CTPAT_SEND_DEMO_TO_HQ: options.sendDemoToHq ? '1' : '0',
        CTPAT_CLOCK_OFFSET_MS: options.clockOffsetMs === undefined ? '' : String(options.clockOffsetMs),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web harness did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/web harness: (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`web harness exited with ${code}:\n${output}`)));
  });
  return { url, process: child };
}

export async function stopHarness(harness: Harness): Promise<void> {
  if (harness.process.exitCode !== null) return;
  const exited = new Promise((resolve) => harness.process.once('exit', resolve));
  harness.process.kill('SIGTERM');
  await exited;
}

export const test = base.extend<{ app: AppUnderTest; sendDemoToHq: boolean; notEnrolledActor: boolean }>({
  sendDemoToHq: [false, { option: true }],
  /** The harness names its actor as the app does before enrolment ("Not enrolled"), not "e2e.scss". */
  notEnrolledActor: [false, { option: true }],
  app: async ({ browser, sendDemoToHq, notEnrolledActor }, use, testInfo) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ctpat-e2e-'));
    const screenshot = async (name: string) => {
      // Every screen a spec looks at fails the spec on a serious or critical accessibility violation.
      await expectAccessible(app.page, name);
      const file = path.join(repoRoot, 'test-results', 'screenshots', `${testInfo.project.name}-${name}.png`);
      await app.page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(name, { path: file, contentType: 'image/png' });
    };
    let app: AppUnderTest;

    if (testInfo.project.name === 'electron') {
      const binary = electronBinary();
      test.skip(
        binary === null,
        'No Electron binary on this machine (its download needs internet beyond the npm registry); the web-harness project runs these specs in Chromium.',
      );
      test.skip(sendDemoToHq, 'The desktop app never sends a demo Member’s validation to HQ.');
      let electronApp: ElectronApplication = await electron.launch({
        executablePath: binary as string,
        args: [repoRoot, `--data-dir=${dataDir}`],
      });
      app = {
        page: await electronApp.firstWindow(),
        dataDir,
        screenshot,
        restart: async () => {
          await electronApp.close();
          electronApp = await electron.launch({
            executablePath: binary as string,
            args: [repoRoot, `--data-dir=${dataDir}`],
          });
          app.page = await electronApp.firstWindow();
        },
      };
      await use(app);
      await electronApp.close();
    } else {
      const actor = notEnrolledActor ? '' : undefined;
      let harness = await startHarness(dataDir, actor, { sendDemoToHq });
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(harness.url);
      app = {
        page,
        dataDir,
        screenshot,
        restart: async ({ clockOffsetMs } = {}) => {
          // Keep the screen the SCSS was on (the hash route); the new harness listens on a new port.
          const hash = new URL(app.page.url()).hash;
          await stopHarness(harness);
          harness = await startHarness(dataDir, actor, {
            sendDemoToHq,
            ...(clockOffsetMs === undefined ? {} : { clockOffsetMs }),
          });
          await app.page.goto(`${harness.url}${hash}`);
        },
      };
      await use(app);
      await context.close();
      await stopHarness(harness);
    }
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
