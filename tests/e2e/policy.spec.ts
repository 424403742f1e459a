import path from 'node:path';
import type { Page } from '@playwright/test';
import { defaultDueDate, localToday } from '../../shared/domain/due-dates';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { enrolAs, hqPerTest, type Laptop, startLaptop, syncNow } from './laptops';
import { MembersPage } from './pages/members-page';
import { NewValidationPage } from './pages/new-validation-page';
import { FieldWorkPage } from './pages/worksheet-page';

/**
 * Settings that are policy come from HQ for an enrolled laptop: a supervisor changes them
 * at HQ from their laptop, an SCSS laptop takes them at its next sync and shows them read-only.
 */
test.describe.configure({ timeout: 300_000 });
test.use({ actionTimeout: 30_000 });

const LAPTOP_SCREEN = { viewport: { width: 1366, height: 768 } };
const laptops: Laptop[] = [];

const hq = hqPerTest(laptops);

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
}

const shot = async (page: Page, name: string) => {
  await expectAccessible(page, `policy-${name}`);
  await page.screenshot({ path: path.resolve('test-results', 'screenshots', `policy-${name}.png`), fullPage: true });
};

test('a supervisor changes the response period at HQ; an SCSS laptop takes it on sync, read-only, and new findings use it', async ({
  browser,
}) => {
  const scss = (await startLaptop(laptops, browser, 'scss', LAPTOP_SCREEN)).page;
  const supervisor = (await startLaptop(laptops, browser, 'supervisor', LAPTOP_SCREEN)).page;
  const responseDays = scss.getByLabel('Days the Member has to respond to a finding');

  // Never enrolled: this laptop's own values, editable.
  await openSettings(scss);
  await expect(scss.getByRole('heading', { name: 'Local defaults: this laptop is not enrolled' })).toBeVisible();
  await expect(responseDays).toBeEditable();
  await shot(scss, 'not-enrolled');

  await enrolAs(scss, hq, { name: 'Dana Ruiz', role: 'SCSS' });
  await enrolAs(supervisor, hq, { name: 'Pat Nguyen', role: 'SUPERVISOR' });

  // The supervisor's change goes to HQ as its version 1.
  await openSettings(supervisor);
  await supervisor.getByLabel('Days the Member has to respond to a finding').fill('45');
  const save = supervisor.getByRole('button', { name: 'Save settings' });
  await save.click();
  // Said where the person is looking, below Save, which has the focus back once the form is released.
  const outcome = supervisor.getByTestId('settings-save-outcome');
  await expect(outcome).toHaveText('Settings saved at HQ.');
  await expect(save).toBeFocused();
  expect((await outcome.boundingBox())?.y ?? 0).toBeGreaterThan(
    (await save.boundingBox())?.y ?? Number.POSITIVE_INFINITY,
  );
  await expect(supervisor.getByTestId('policy-source')).toContainText(
    /Set by HQ \(version 1, updated .* by Pat Nguyen\)/,
  );
  await shot(supervisor, 'supervisor');

  // The SCSS laptop takes it on its next sync and shows it read-only.
  await syncNow(scss);
  await openSettings(scss);
  await expect(scss.getByTestId('policy-source')).toContainText('Set by HQ (version 1');
  await expect(scss.getByTestId('policy-source')).toContainText('only a supervisor can change them');
  await expect(scss.getByTestId('policy-response-days')).toHaveText('45 days');
  await expect(responseDays).toHaveCount(0);
  await expect(scss.getByRole('button', { name: 'Save settings' })).toHaveCount(0);
  await shot(scss, 'scss-read-only');

  // A new finding on the SCSS laptop is due 45 days out.
  const members = new MembersPage(scss);
  await members.openMembers();
  await members.startValidationOf('Gulf Coast Home Goods Imports, Inc.');
  const form = new NewValidationPage(scss);
  await form.fill({ mode: 'In person', scheduledDate: '2026-12-04' });
  await form.create();
  const ws = new FieldWorkPage(scss);
  await ws.openCategory(6, 'Seal Security');
  await ws.answer('6.6', 'Deficient');
  await expect(ws.criterion('6.6').getByTestId('finding-editor').getByLabel('Member response due')).toHaveValue(
    defaultDueDate(localToday(), 45),
  );
});
