import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { HqDb } from '../../hq/db/types';
import { issueEnrolmentCode } from '../../hq/identity';
import type { HqUser, UserRole } from '../../shared/sync/protocol';
import { type Hq, startHq } from '../sync/sync-harness';
import { expect, type Harness, startHarness, stopHarness, test } from './fixtures';

/** Several field laptops in one spec: each a web harness on its own data folder, in its own browser context. */
export type Laptop = { name: string; page: Page; context: BrowserContext; dataDir: string; harness: Harness };

const SLOW = { timeout: 30_000 };

/** Another laptop (as the `app` fixture starts one), added to `laptops` so closeLaptops can tear it down. */
export async function startLaptop(
  laptops: Laptop[],
  browser: Browser,
  name: string,
  contextOptions: Parameters<Browser['newContext']>[0] = {},
  harnessOptions: Parameters<typeof startHarness>[2] = {},
): Promise<Laptop> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `ctpat-e2e-${name}-`));
  const harness = await startHarness(dataDir, `e2e.${name}`, harnessOptions);
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  await page.goto(harness.url);
  const laptop = { name, page, context, dataDir, harness };
  laptops.push(laptop);
  return laptop;
}

/** Closes the laptops the spec started and deletes their data folders. */
export async function closeLaptops(laptops: Laptop[]): Promise<void> {
  for (const laptop of laptops.splice(0)) {
    await laptop.context.close().catch(() => undefined);
    await stopHarness(laptop.harness);
    rmSync(laptop.dataDir, { recursive: true, force: true });
  }
}

/** Enrols from the header's "Not connected to HQ" link, as a person would. */
export async function enrolFromHeader(page: Page, hqUrl: string, code: string): Promise<void> {
  await page.getByRole('link', { name: 'Not connected to HQ' }).click();
  await page.getByLabel('HQ address').fill(hqUrl);
  await page.getByLabel('Enrolment code').fill(code);
  await page.getByRole('button', { name: 'Enrol this computer' }).click();
  await expect(page.getByText('This computer is enrolled with HQ.')).toBeVisible();
}

/** HQ as a spec reaches it: its database (to add users and codes) and the address laptops enrol against. */
export type HqAt = { db: HqDb; url: string };

/**
 * Enrols the laptop on `page` as a new HQ user (of Houston unless told), from the header as a person would, and
 * waits for the first sync enrolment starts to end, so the spec's own syncs are the only ones after it.
 */
export async function enrolAs(
  page: Page,
  hq: HqAt,
  user: { name: string; role: UserRole; fieldOffice?: string },
): Promise<HqUser> {
  const { code, user: enrolled } = await issueEnrolmentCode(hq.db, { fieldOffice: 'Houston', ...user });
  await enrolFromHeader(page, hq.url, code);
  await syncNow(page);
  return enrolled;
}

/** The laptop on `page` handed to a new HQ user (of Houston unless told), who enrols it from Settings. */
export async function handOverTo(
  page: Page,
  hq: HqAt,
  user: { name: string; role: UserRole; fieldOffice?: string },
): Promise<HqUser> {
  const { code, user: enrolled } = await issueEnrolmentCode(hq.db, { fieldOffice: 'Houston', ...user });
  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('HQ address').fill(hq.url);
  await page.getByLabel('Enrolment code').fill(code);
  await page.getByRole('button', { name: 'Enrol this computer' }).click();
  await expect(page.getByTestId('hq-enrolled')).toContainText(user.name);
  return enrolled;
}

/** Another laptop (startLaptop), enrolled as a new HQ user (enrolAs). */
export async function startEnrolledLaptop(
  laptops: Laptop[],
  browser: Browser,
  name: string,
  hq: HqAt,
  user: { name: string; role: UserRole; fieldOffice?: string },
  contextOptions: Parameters<Browser['newContext']>[0] = {},
): Promise<Laptop & { user: HqUser }> {
  const laptop = await startLaptop(laptops, browser, name, contextOptions);
  return { ...laptop, user: await enrolAs(laptop.page, hq, user) };
}

/** Presses the header's Sync and waits until nothing is left to send (or HQ refused something). */
export async function syncNow(page: Page): Promise<void> {
  const status = page.getByTestId('sync-status');
  await page.getByRole('button', { name: 'Sync', exact: true }).click();
  await expect(status).not.toContainText(/Syncing|to send/, SLOW);
  await expect(status).toContainText(/Synced at|need/, SLOW);
}

/** Syncs until the check passes: a pull shows up when the screen is read again. */
export async function syncUntil(page: Page, check: () => Promise<void>, timeout = 60_000): Promise<void> {
  await expect(async () => {
    await syncNow(page);
    await check();
  }).toPass({ timeout, intervals: [1_000, 2_000, 3_000] });
}

/** HQ as the running test reaches it (database and address), and its harness for what those do not cover. */
export type HqOfTest = HqAt & { readonly harness: Hq };

/**
 * Each test of the calling spec gets a fresh HQ listening on a free port, read through the returned object while
 * the test runs; after the test the spec's laptops and that HQ are closed.
 */
export function hqPerTest(laptops: Laptop[]): HqOfTest {
  let hq: Hq | undefined;
  let url = '';
  const running = (): Hq => {
    if (!hq) throw new Error('HQ starts before each test: read it inside a test, not when the spec loads');
    return hq;
  };
  test.beforeEach(async () => {
    hq = await startHq();
    url = await hq.app.listen({ port: 0, host: '127.0.0.1' });
  });
  test.afterEach(async () => {
    await closeLaptops(laptops);
    await hq?.close();
    hq = undefined;
  });
  return {
    get harness() {
      return running();
    },
    get db() {
      return running().db;
    },
    get url() {
      running();
      return url;
    },
  };
}
