import path from 'node:path';
import type { Page } from '@playwright/test';
import { addDays, format, formatISO } from 'date-fns';
import { createUser, issueEnrolmentCode } from '../../hq/identity';
import type { Hq } from '../sync/sync-harness';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { enrolFromHeader, hqPerTest, type Laptop, startLaptop, syncNow } from './laptops';
import { MembersPage } from './pages/members-page';

/**
 * Issue 15, the work plan: an enrolled supervisor assigns an SCSS of the field office (HQ's list, pulled) to a
 * Member's first validation, from the plan; the row then shows who, how and by when, and the record keeps it.
 */
test.describe.configure({ timeout: 300_000 });
test.use({ actionTimeout: 30_000 });

const LAPTOP_SCREEN = { viewport: { width: 1366, height: 768 } };
const GULF = 'Gulf Coast Home Goods Imports, Inc.';
const today = new Date();
const iso = (d: Date) => formatISO(d, { representation: 'date' });
const shown = (d: Date) => format(d, 'MMM d, yyyy');
/** Certified 300 days ago: the first validation is due in 65 days. */
const certified = addDays(today, -300);
const validationDue = addDays(certified, 365);
const target = addDays(today, 30);

let hq: Hq;
let hqUrl: string;
const laptops: Laptop[] = [];
hqPerTest((started, url) => {
  hq = started;
  hqUrl = url;
}, laptops);

const shot = async (page: Page, name: string) => {
  await expectAccessible(page, name);
  await page.screenshot({ path: path.resolve('test-results', 'screenshots', `${name}.png`), fullPage: false });
};

test('a supervisor assigns an SCSS of the field office from the work plan; the row shows who, how and by when', async ({
  browser,
}) => {
  await createUser(hq.db, { name: 'Dana Ruiz', role: 'SCSS', fieldOffice: 'Houston' });
  await createUser(hq.db, { name: 'Sam Ortiz', role: 'FIELD_OFFICE_REVIEWER', fieldOffice: 'Houston' });
  await createUser(hq.db, { name: 'Jo Park', role: 'SCSS', fieldOffice: 'Miami' });
  const page = (await startLaptop(laptops, browser, 'supervisor', LAPTOP_SCREEN)).page;
  const { code } = await issueEnrolmentCode(hq.db, { name: 'Pat Nguyen', role: 'SUPERVISOR', fieldOffice: 'Houston' });
  await enrolFromHeader(page, hqUrl, code);
  await syncNow(page);

  // The Member's certification puts its first validation on the plan.
  const members = new MembersPage(page);
  await members.openMembers();
  await members.memberCard(GULF).getByRole('link', { name: GULF, exact: true }).click();
  await page.getByLabel('What happened').selectOption({ label: 'Certified' });
  await page.getByLabel('Certification date').fill(iso(certified));
  await page.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(page.getByTestId('record-status')).toHaveText('CertifiedTier 1');

  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Work plan' }).click();
  if (validationDue.getFullYear() !== today.getFullYear()) {
    await page.getByRole('button', { name: 'Next year' }).click();
  }
  const row = page.getByTestId('work-plan-row').filter({ hasText: GULF }).filter({ hasText: 'Validation' });
  await expect(row).toContainText(shown(validationDue));
  await expect(row).toContainText('Planned');
  await expect(row).toContainText('Not assigned');

  await row.getByRole('button', { name: `Assign an SCSS: ${GULF}, Validation` }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Assign an SCSS' })).toBeFocused();
  await expect(page.getByText(`Validation of ${GULF}, due ${shown(validationDue)}`)).toBeVisible();
  // Only the SCSSs of the supervisor's own field office are offered.
  await expect(page.getByLabel('SCSS', { exact: true }).locator('option')).toHaveText([
    '- Choose an SCSS -',
    'Dana Ruiz',
  ]);

  await page.getByRole('button', { name: 'Save assignment' }).click();
  await expect(page.getByText('Choose the SCSS.')).toBeVisible();
  await expect(page.getByText('Enter the target date.')).toBeVisible();
  await expect(page.getByLabel('SCSS', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('SCSS', { exact: true }).selectOption({ label: 'Dana Ruiz' });
  await page.locator('label', { hasText: 'Virtual' }).click();
  await page.getByLabel('Target date').fill(iso(target));
  await expect(page.getByText('Choose the SCSS.')).toHaveCount(0);
  await expect(page.getByText('Enter the target date.')).toHaveCount(0);
  await shot(page, 'work-plan-assign-form');
  await page.getByRole('button', { name: 'Save assignment' }).click();

  await expect(page.getByTestId('work-plan-notice')).toHaveText(`${GULF}: assigned to Dana Ruiz.`);
  await expect(row).toContainText('Assigned');
  await expect(row).toContainText('Dana Ruiz');
  await expect(row).toContainText(`Target ${shown(target)} · Virtual`);
  await expect(row.getByRole('button', { name: `Reassign: ${GULF}, Validation` })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Assign an SCSS' })).toHaveCount(0);
  await shot(page, 'work-plan-assigned');

  // Kept on the record: after a reload the plan still shows it, and the history names it.
  await page.reload();
  await expect(row).toContainText('Dana Ruiz');
  await row.getByRole('link', { name: GULF }).click();
  await expect(page.getByTestId('record-history-row').first()).toContainText(
    `SCSS assigned Validation to Dana Ruiz, Virtual, by ${shown(target)}`,
  );
});
