import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { evidenceFilePath } from '../../electron/services/evidence-store';
import { issueEnrolmentCode } from '../../hq/identity';
import { type Hq, startHq } from '../sync/sync-harness';
import { assignMember, startAssignedValidation } from './assigned-member';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { startHqGate } from './hq-gate';
import { WorksheetPage } from './pages/worksheet-page';

test.describe.configure({ timeout: 180_000 });

/** Assigned by HQ at enrolment, so its validation travels (a demo Member's stays on the laptop). */
const MEMBER = 'Bayou Freight Imports LLC';
const SCREENSHOTS = path.resolve('test-results', 'screenshots');

let hq: Hq;
let hqUrl: string;

test.beforeEach(async ({ app }) => {
  // A real HQ service (Fastify on PGlite) listening on 127.0.0.1 beside the harness.
  hq = await startHq();
  hqUrl = (await hq.app.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '');
  // The smallest screen these laptops have: what the SCSS sees must fit it.
  await app.page.setViewportSize({ width: 1366, height: 768 });
});

// Tear down only what setup made: where the app fixture skips (no Electron binary), no HQ was started.
test.afterEach(async () => {
  await hq?.close();
  hq = undefined as unknown as Hq;
});

/** What the SCSS sees at 1366×768 (the viewport only, not the whole page), kept for review. */
async function viewportScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await expectAccessible(page, name);
  await page.screenshot({ path: path.join(SCREENSHOTS, `web-harness-${name}.png`) });
}

/** A PDF as the evidence check accepts it: the signature, then incompressible bytes. */
const pdfOf = (sizeBytes: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(sizeBytes - 9)]);
const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Starts the assigned validation of MEMBER and attaches the files to criterion 1.1 through the evidence panel. */
async function validationWithEvidence(
  page: Page,
  files: Record<string, Buffer>,
  outputPath: (name: string) => string,
): Promise<void> {
  await startAssignedValidation(page, MEMBER);
  const worksheet = new WorksheetPage(page);
  await worksheet.criterion('1.1').locator('summary', { hasText: 'Evidence for 1.1 (0)' }).click();
  const panel = worksheet.criterion('1.1').getByTestId('evidence-panel');
  const paths = Object.entries(files).map(([name, bytes]) => {
    const at = outputPath(name);
    writeFileSync(at, bytes);
    return at;
  });
  await panel.getByLabel('Attach photos or documents').setInputFiles(paths);
  await expect(panel.getByTestId('evidence-item')).toHaveCount(paths.length);
}

/**
 * From the header's "Not connected to HQ" link, enrols this computer with a one-time code at `address`; HQ
 * has assigned MEMBER's validation to the enrolled SCSS.
 */
async function enrol(page: Page, address: string): Promise<void> {
  const { code, user } = await issueEnrolmentCode(hq.db, {
    name: 'Jordan A. Rivera',
    role: 'SCSS',
    fieldOffice: 'Detroit',
  });
  await assignMember(hq.db, user.id, { legalName: MEMBER, accountNumber: 'IMP-40417', targetDate: '2026-11-23' });
  await page.getByRole('link', { name: 'Not connected to HQ' }).click();
  await page.getByLabel('HQ address').fill(address);
  await page.getByLabel('Enrolment code').fill(code);
  await page.getByRole('button', { name: 'Enrol this computer' }).click();
  await expect(page.getByText('This computer is enrolled with HQ.')).toBeVisible();
}

const heldAtHq = async () =>
  (await hq.db.query<{ sha256: string }>('SELECT sha256 FROM evidence_files ORDER BY sha256')).map((r) => r.sha256);

test('a file HQ refused is listed with its validation and reason, and can be sent again or kept off HQ', async ({
  app,
}, testInfo) => {
  const page = app.page;
  const sealLog = pdfOf(80_000);
  const training = pdfOf(50_000);
  await enrol(page, hqUrl);
  await validationWithEvidence(page, { 'Seal log.pdf': sealLog, 'Training record.pdf': training }, (name) =>
    testInfo.outputPath(name),
  );
  // Both copies rot in the laptop's data folder before they are sent: same size, one byte different.
  const damage = (bytes: Buffer) => {
    const file = evidenceFilePath(app.dataDir, sha256Of(bytes));
    expect(existsSync(file)).toBe(true);
    const damaged = Buffer.from(bytes);
    damaged[2_000] = (damaged[2_000] ?? 0) ^ 0xff;
    writeFileSync(file, damaged);
  };
  damage(sealLog);
  damage(training);

  await page.getByRole('button', { name: 'Sync', exact: true }).click();
  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Settings' }).click();
  const files = page.getByTestId('refused-file');
  await expect(files).toHaveCount(2);
  const seal = files.filter({ hasText: 'Seal log.pdf' });
  await expect(seal.getByTestId('refused-file-validation')).toHaveText(
    `Evidence in the validation of ${MEMBER}, scheduled Nov 23, 2026`,
  );
  await expect(seal.getByTestId('refused-reason')).toContainText(
    'HQ refused "Seal log.pdf": the copy on this laptop does not match its fingerprint (SHA-256)',
  );
  for (const file of [seal, files.filter({ hasText: 'Training record.pdf' })]) {
    await expect(file.getByRole('button', { name: 'Send again' })).toBeVisible();
    await expect(file.getByRole('button', { name: 'Don’t send…' })).toBeVisible();
  }
  await page.getByRole('heading', { name: 'Evidence files HQ refused' }).scrollIntoViewIfNeeded();
  await viewportScreenshot(page, 'refused-evidence');
  expect(await heldAtHq()).toEqual([]);

  // The original seal log is put back; sent again, it reaches HQ.
  writeFileSync(evidenceFilePath(app.dataDir, sha256Of(sealLog)), sealLog);
  await seal.getByRole('button', { name: 'Send again' }).click();
  await expect(files).toHaveCount(1);
  await page.getByRole('button', { name: 'Sync', exact: true }).click();
  await expect(page.getByTestId('sync-status')).toContainText('Synced at');
  await expect.poll(heldAtHq).toEqual([sha256Of(sealLog)]);

  // The training record is kept off HQ, with a reason.
  const trainingRow = files.filter({ hasText: 'Training record.pdf' });
  await trainingRow.getByRole('button', { name: 'Don’t send…' }).click();
  await trainingRow.getByRole('button', { name: 'Don’t send this file' }).click();
  await expect(trainingRow.getByRole('alert')).toContainText('Say why this file should not be sent');
  await trainingRow.getByLabel('Why should HQ not get this file?').fill('HQ has the signed paper copy.');
  await viewportScreenshot(page, 'refused-evidence-dont-send');
  await trainingRow.getByRole('button', { name: 'Don’t send this file' }).click();
  await expect(files).toHaveCount(0);
  await page.getByRole('button', { name: 'Sync', exact: true }).click();
  await expect(page.getByTestId('sync-status')).toContainText('Synced at');
  await expect(files).toHaveCount(0);
  expect(await heldAtHq()).toEqual([sha256Of(sealLog)]);
});

test('the header says when evidence could not reach HQ and when it tries again, then clears once HQ takes it', async ({
  app,
}, testInfo) => {
  const page = app.page;
  // HQ's load balancer answers 503 for uploads until HQ recovers; everything else goes through.
  const gate = await startHqGate(hqUrl, (url) => url.startsWith('/v1/evidence/'), { shut: true });
  try {
    await enrol(page, gate.url);
    const photo = pdfOf(60_000);
    await validationWithEvidence(page, { 'Dock door 4.pdf': photo }, (name) => testInfo.outputPath(name));
    await page.getByRole('button', { name: 'Sync', exact: true }).click();

    const status = page.getByTestId('sync-status');
    await expect(status).toHaveText(
      /^Last sync failed: 1 evidence file could not reach HQ; trying again at \d{1,2}:\d{2} [AP]M\.$/,
    );
    await viewportScreenshot(page, 'header-evidence-retrying');
    expect(await heldAtHq()).toEqual([]);

    // HQ recovers: without anyone pressing Sync, the file goes up and the header clears.
    gate.open();
    await expect(status).toContainText('Synced at', { timeout: 60_000 });
    expect(await heldAtHq()).toEqual([sha256Of(photo)]);
  } finally {
    await gate.close();
  }
});
