import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { MembersPage } from './pages/members-page';
import { NewValidationPage } from './pages/new-validation-page';
import { WorksheetPage } from './pages/worksheet-page';

const TAMPERED_MEMBER = 'Gulf Coast Home Goods Imports, Inc.';
const OTHER_MEMBER = 'Great Lakes Auto Parts Distributors LLC';
const screenshotsDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'test-results',
  'screenshots',
);

/** Starts a validation of `member`, answers 1.1 Compliant, and returns its id (from the page address). */
async function startAndAnswer(page: Page, member: string, scheduledDate: string): Promise<string> {
  const members = new MembersPage(page);
  await members.openMembers();
  await members.startValidationOf(member);
  const form = new NewValidationPage(page);
  await form.fill({ mode: 'In person', scheduledDate });
  await form.create();
  await expect(page.getByRole('heading', { level: 1, name: member })).toBeVisible();
  await new WorksheetPage(page).answer('1.1', 'Compliant');
  const id = /#\/validations\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  if (!id) throw new Error(`no validation id in ${page.url()}`);
  return id;
}

/** A 1366×768 picture of what the person sees around `target`. */
async function screenshotAround(page: Page, target: Locator, name: string, project: string): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  await expectAccessible(page, name);
  await page.screenshot({ path: path.join(screenshotsDir, `${project}-${name}.png`) });
}

test('an audit log altered behind the app: warned on start, saves to that validation refused, others saved', async ({
  app,
}, testInfo) => {
  const page = app.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  const tamperedId = await startAndAnswer(page, TAMPERED_MEMBER, '2026-12-04');
  const otherId = await startAndAnswer(page, OTHER_MEMBER, '2026-12-11');

  // Intact so far: Settings → Verify audit log says so.
  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Settings' }).click();
  const result = page.getByTestId('audit-verify-result');
  await page.getByRole('button', { name: 'Verify audit log' }).click();
  await expect(result).toContainText('Audit chain intact');
  await expect(result).toHaveAttribute('role', 'status');
  await screenshotAround(page, page.getByRole('region', { name: 'Audit log' }), 'audit-intact', testInfo.project.name);

  // Someone with the laptop's file rewrites the recorded answer, then the app is started again.
  await page.goto(page.url().replace(/#.*$/, `#/validations/${tamperedId}`));
  const raw = new Database(path.join(app.dataDir, 'ctpat-validator.sqlite3'));
  const changed = raw
    .prepare(
      `UPDATE audit_log SET after_json = replace(after_json, 'COMPLIANT', 'NOT_VERIFIED')
       WHERE entity = 'criterion_response' AND entity_id = ?`,
    )
    .run(`${tamperedId}/1.1`).changes;
  raw.close();
  expect(changed).toBe(1);
  await app.restart();

  const banner = page.getByTestId('audit-chain-banner');
  await expect(page.getByRole('heading', { level: 1, name: TAMPERED_MEMBER })).toBeVisible();
  await expect(banner).toHaveAttribute('role', 'alert');
  await expect(banner).toContainText('This validation is read-only');
  await expect(banner).toContainText('Contact your field office');
  await screenshotAround(page, banner, 'audit-worksheet-banner', testInfo.project.name);

  // A save to it is refused, saying why and what to do; nothing is stored.
  const worksheet = new WorksheetPage(page);
  const card = worksheet.criterion('1.2');
  await card
    .locator('.result-group label')
    .filter({ hasText: /^Compliant/ })
    .click();
  await expect(card.getByRole('alert')).toContainText('Not saved: This validation is read-only');
  await expect(card.getByRole('alert')).toContainText('do not re-enter the data');
  // Sending it again cannot help, and the choice must not look kept.
  await expect(card.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await expect(card.getByRole('radio', { name: /^Compliant/ })).not.toBeChecked();
  await screenshotAround(page, card, 'audit-save-refused', testInfo.project.name);
  await page.reload();
  await expect(worksheet.criterion('1.2').getByRole('radio', { name: /^Compliant/ })).not.toBeChecked();
  await worksheet.expectAnswer('1.1', 'Compliant');

  // The other validation carries on.
  await page.goto(page.url().replace(/#.*$/, `#/validations/${otherId}`));
  await expect(page.getByRole('heading', { level: 1, name: OTHER_MEMBER })).toBeVisible();
  await expect(banner).toHaveCount(0);
  await worksheet.answer('1.2', 'Compliant');

  // Settings reports the start-up finding, and Verify audit log finds it again.
  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Settings' }).click();
  await expect(result).toContainText('The audit log was changed outside the app');
  const verified = page.waitForResponse((r) => decodeURIComponent(r.url()).endsWith('/api/invoke/audit:verify'));
  await page.getByRole('button', { name: 'Verify audit log' }).click();
  await verified;
  await expect(result).toContainText('These validations are read-only');
  await expect(result.getByRole('listitem')).toHaveText([`${TAMPERED_MEMBER}, scheduled Dec 4, 2026`]);
  await screenshotAround(page, page.getByRole('region', { name: 'Audit log' }), 'audit-broken', testInfo.project.name);
});
