import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { addDays, addYears, format, formatISO } from 'date-fns';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { MembersPage } from './pages/members-page';

/**
 * A Member's CTPAT record from the Members list: the record entered from CBP's files, an extension that moves the
 * profile review, the review received, a refused suspension and a recorded one, the correspondence language, a
 * change made on a stale copy refused, a removed Member that cannot be validated, and the year's work plan with
 * its CSV. Dates are relative to today, as the app's own clock is.
 */
test.describe.configure({ timeout: 180_000 });

const GULF = 'Gulf Coast Home Goods Imports, Inc.';
const RIO = 'Rio Bravo Freight Lines LLC';
const today = new Date();
const iso = (d: Date) => formatISO(d, { representation: 'date' });
const shown = (d: Date) => format(d, 'MMM d, yyyy');
/** Certified five years ago less 30 days: this year's profile review is due in 30 days, its window open. */
const certified = addDays(addYears(today, -5), 30);
const anniversary = addYears(certified, 5);
/** Validated four years ago less 60 days: the revalidation is due in 60 days. */
const lastValidated = addDays(addYears(today, -4), 60);
const revalidationDue = addYears(lastValidated, 4);

async function openRecord(page: Page, member: string): Promise<void> {
  const members = new MembersPage(page);
  await members.openMembers();
  await members.memberCard(member).getByRole('link', { name: member, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: member })).toBeVisible();
}

async function recordChange(page: Page, action: string, fill: () => Promise<void>): Promise<void> {
  await page.getByLabel('What happened').selectOption({ label: action });
  await fill();
  await page.getByRole('button', { name: 'Record', exact: true }).click();
}

/** A real-world address with nothing to break a line at. */
const LONG_EMAIL = 'ana.flores.gutierrez.nunez@gulfcoasthomegoods-imports-example.com.mx';

// As the app names its actor before enrolment: the history says who recorded each change.
test.use({ notEnrolledActor: true });

test('a supervisor keeps a Member’s CTPAT record: dates, profile review with an extension, status, language; the plan follows', async ({
  app,
}, testInfo) => {
  const page = app.page;
  await openRecord(page, GULF);
  await expect(page.getByTestId('record-status')).toHaveText('Not recorded yet');
  await expect(page.getByText('Nothing recorded yet.')).toBeVisible();

  await recordChange(page, 'Enter the record from CBP’s files', async () => {
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Validated' });
    await page.getByLabel('Tier', { exact: true }).selectOption({ label: 'Tier 2' });
    await page.getByLabel('Certification date').fill(iso(certified));
    await page.getByLabel('Last validation date (if any)').fill(iso(lastValidated));
    await page.getByLabel('Note (where these come from)').fill('CTPAT Portal, partner profile.');
  });
  await expect(page.getByText('Recorded.', { exact: true })).toBeVisible();
  await expect(page.getByTestId('record-status')).toHaveText('ValidatedTier 2');
  await expect(page.getByTestId('record-next-validation')).toHaveText(`Revalidation due by ${shown(revalidationDue)}`);
  await expect(page.getByTestId('record-review')).toContainText(`Due ${shown(anniversary)}`);
  await expect(page.getByTestId('record-review-state')).toHaveText('Open');

  // The Member asks for 60 more days; the supervisor grants them and the due date moves.
  await recordChange(page, 'Extension requested', async () => {
    await page.getByLabel('Days requested').selectOption({ label: '60 days' });
    await page.getByLabel('The Member’s reason').fill('A new security manager starts next month.');
  });
  await expect(page.getByTestId('record-summary')).toContainText('Extension of 60 days requested');
  await recordChange(page, 'Extension decided', async () => {
    await page.getByLabel('Decision').selectOption({ label: 'Grant 60 days' });
  });
  await expect(page.getByTestId('record-review')).toContainText(`Due ${shown(addDays(anniversary, 60))}`);
  await expect(page.getByText('Extended by 60 days')).toBeVisible();

  await recordChange(page, 'Security-profile review', async () => {
    await expect(page.getByLabel('Outcome')).toHaveValue('RECEIVED');
  });
  await expect(page.getByTestId('record-review-state')).toHaveText('Received, to approve');

  // A suspension needs what the Member must do to be reinstated: refused at that field, the rest kept.
  await recordChange(page, 'Suspended', async () => {
    await page.getByLabel('Reason', { exact: true }).fill('Narcotics found in a trailer at Laredo.');
  });
  const condition = page.getByLabel('What the Member must do to be reinstated (e.g. a corrective action plan)');
  await expect(condition).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('What the Member must do to be reinstated is required')).toBeVisible();
  await expect(condition).toHaveAccessibleDescription(/What the Member must do to be reinstated is required/);
  await expect(page.getByLabel('Reason', { exact: true })).toHaveValue('Narcotics found in a trailer at Laredo.');
  await condition.fill('A corrective action plan with timeframes, and consent to unannounced visits.');
  await page.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(page.getByTestId('record-status')).toHaveText('Suspended');
  await expect(page.getByTestId('record-summary')).toContainText('To be reinstated: A corrective action plan');

  await recordChange(page, 'Language and points of contact', async () => {
    await page.getByLabel('Language for correspondence').selectOption({ label: 'Spanish' });
    await page.getByRole('button', { name: 'Add a point of contact' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Ana Flores');
    await page.getByLabel('Email', { exact: true }).fill(LONG_EMAIL);
  });
  await expect(page.getByTestId('record-language')).toHaveText('Language: Spanish');
  await expect(page.getByTestId('record-summary')).toContainText('Ana Flores');
  await expect(page.getByTestId('record-history-row')).toHaveCount(6);
  await expect(page.getByTestId('record-history-row').first()).toContainText(
    'Correspondence in Spanish; 1 point of contact',
  );
  // The first entry keeps the tier and the note saying where the record came from.
  await expect(page.getByTestId('record-history-row').last()).toContainText(
    `Validated, Tier 2; certified ${shown(certified)}; last validated ${shown(lastValidated)}. Note: CTPAT Portal, partner profile.`,
  );
  // A long email address wraps in its card: the page does not scroll sideways on a field laptop's screen.
  await page.setViewportSize({ width: 1366, height: 768 });
  await expect(page.getByTestId('record-summary')).toContainText(LONG_EMAIL);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()?.width ?? 0,
  );
  await app.screenshot('member-record');
  // Recorded on this computer before it was enrolled: said so, not as a person's name.
  await expect(page.getByTestId('record-history-row').first().getByRole('cell').nth(1)).toHaveText('Not enrolled');
  const recordUrl = page.url();

  // A change made on a copy someone has since changed is refused, and the screen shows the record as it is. What
  // still applies keeps what was typed; what no longer applies (reinstating a reinstated Member) closes and says so.
  const other = await page.context().newPage();
  const third = await page.context().newPage();
  for (const stale of [other, third]) {
    await stale.goto(page.url());
    await expect(stale.getByRole('heading', { level: 1, name: GULF })).toBeVisible();
  }
  await recordChange(page, 'Reinstated', async () => {
    await page.getByLabel('Reason', { exact: true }).fill('Corrective action plan accepted.');
  });
  await expect(page.getByTestId('record-status')).toHaveText('ValidatedTier 2');
  await recordChange(other, 'Removed from CTPAT', async () => {
    await other.getByLabel('Reason', { exact: true }).fill('Second seizure.');
  });
  await expect(other.getByText('Someone changed this record while you had it open.')).toBeVisible();
  await expect(other.getByTestId('record-status')).toHaveText('ValidatedTier 2');
  await expect(other.getByLabel('What happened')).toHaveValue('REMOVED');
  await expect(other.getByLabel('Reason', { exact: true })).toHaveValue('Second seizure.');
  await recordChange(third, 'Reinstated', async () => {
    await third.getByLabel('Reason', { exact: true }).fill('Plan accepted (second copy).');
  });
  await expect(third.getByRole('alert')).toContainText(
    'Someone changed this record while you had it open, and “Reinstated” no longer applies to it. Nothing was recorded',
  );
  await expect(third.getByTestId('record-status')).toHaveText('ValidatedTier 2');
  await expect(third.getByLabel('What happened')).toHaveValue('');
  await expect(third.getByLabel('Reason', { exact: true })).toHaveCount(0);
  await third.setViewportSize({ width: 1366, height: 768 });
  await third.getByRole('heading', { name: 'Record a change' }).scrollIntoViewIfNeeded();
  await expectAccessible(third, 'member-record-conflict');
  await third.screenshot({ path: testInfo.outputPath('member-record-conflict.png') });
  await expect(third.getByTestId('record-history-row').filter({ hasText: 'Plan accepted (second copy).' })).toHaveCount(
    0,
  );
  await other.close();
  await third.close();

  // The year's plan lists the review (due with its extension) and the revalidation; the CSV holds what is shown.
  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Work plan' }).click();
  const reviewYear = addDays(anniversary, 60).getFullYear();
  if (reviewYear !== today.getFullYear()) await page.getByRole('button', { name: 'Next year' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Work plan for ${reviewYear}` })).toBeVisible();
  const reviewRow = page.getByTestId('work-plan-row').filter({ hasText: 'Profile review' }).filter({ hasText: GULF });
  await expect(reviewRow).toContainText(shown(addDays(anniversary, 60)));
  await expect(reviewRow).toContainText('Received');
  await page.getByLabel('Work', { exact: true }).selectOption({ label: 'Profile review' });
  await expect(page.getByTestId('work-plan-count')).toHaveText('1 item');
  await app.screenshot('work-plan');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as CSV' }).click();
  const download = await downloading;
  const csv = readFileSync((await download.path()) ?? '', 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(csv).toHaveLength(2);
  expect(csv[1]).toContain(`${iso(addDays(anniversary, 60))},PROFILE_REVIEW,RECEIVED,"${GULF}"`);
  // The message names the file saved; once the filters change it no longer describes what is shown, and goes.
  await expect(page.getByTestId('work-plan-outcome')).toBeVisible();
  await page.getByLabel('Work', { exact: true }).selectOption({ index: 0 });
  await expect(page.getByTestId('work-plan-outcome')).toHaveCount(0);

  // In Spanish, the history says the same in Spanish: the stored marker is not shown as it was stored.
  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByText('Español', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.goto(recordUrl);
  await expect(page.getByRole('heading', { level: 1, name: GULF })).toBeVisible();
  await expect(page.getByTestId('record-history-row').first().getByRole('cell').nth(1)).toHaveText(
    'Computadora no inscrita',
  );
});

test('a Member removed from CTPAT cannot be validated, and says why', async ({ app }) => {
  const page = app.page;
  await openRecord(page, RIO);
  // The record's own link names the Member for a screen reader's list of links (the navigation's opens it blank).
  await expect(
    page.getByRole('main').getByRole('link', { name: `Start a validation for ${RIO}`, exact: true }),
  ).toHaveAttribute('href', /^#\/validations\/new\?member=/);
  await recordChange(page, 'Certified', async () => {
    await page.getByLabel('Certification date').fill(iso(addYears(today, -2)));
  });
  await expect(page.getByTestId('record-status')).toHaveText('CertifiedTier 1');
  await expect(page.getByTestId('record-next-validation')).toContainText('First validation due by');
  await expect(page.getByTestId('record-summary')).toContainText('Overdue');
  await recordChange(page, 'Removed from CTPAT', async () => {
    await page.getByLabel('Reason', { exact: true }).fill('False information in the security profile.');
  });
  await expect(page.getByTestId('record-status')).toHaveText('Removed');
  await expect(page.getByTestId('record-next-validation')).toHaveText('None: the Member was removed from CTPAT');
  await expect(page.getByTestId('validation-blocked')).toContainText(
    'This Member was removed from CTPAT and cannot be validated.',
  );
  await expect(page.getByRole('main').getByRole('link', { name: 'Start a validation' })).toHaveCount(0);
  await expect(page.getByLabel('What happened').locator('option')).toHaveText([
    '- Choose -',
    'Language and points of contact',
  ]);
  await app.screenshot('member-record-removed');
});
