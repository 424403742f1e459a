import path from 'node:path';
import type { Page } from '@playwright/test';
import { addDays, format, formatISO } from 'date-fns';
import { createUser, issueEnrolmentCode } from '../../hq/identity';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { holdAnswers } from './hold-answer';
import { enrolFromHeader, hqPerTest, type Laptop, startLaptop, syncNow } from './laptops';
import { MembersPage } from './pages/members-page';
import { WorksheetPage } from './pages/worksheet-page';

/**
 * The work plan: an enrolled supervisor assigns an SCSS of the field office (HQ's list, pulled) to a
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

const laptops: Laptop[] = [];
const hq = hqPerTest(laptops);

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
  await enrolFromHeader(page, hq.url, code);
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
  // A target after the due date is refused at its field, in the words saving would use, before anything is sent.
  await page.getByLabel('Target date').fill(iso(addDays(validationDue, 1)));
  await page.getByRole('button', { name: 'Save assignment' }).click();
  await expect(page.getByLabel('Target date')).toHaveAccessibleDescription(
    `From today until ${shown(validationDue)}. The target date must be on or before the date the validation is due (${shown(validationDue)}).`,
  );
  await expect(page.getByLabel('Target date')).toBeFocused();
  await shot(page, 'work-plan-assign-refused');
  await page.getByLabel('Target date').fill(iso(target));
  await expect(page.getByText('Choose the SCSS.')).toHaveCount(0);
  await expect(page.getByText('Enter the target date.')).toHaveCount(0);
  await shot(page, 'work-plan-assign-form');
  // Held while it saves: the answer closes the form, so nothing can be changed in it meanwhile.
  const held = await holdAnswers(page, 'members:change');
  await page.getByRole('button', { name: 'Save assignment' }).click();
  await expect(page.getByLabel('Target date')).toBeDisabled();
  await expect(page.getByLabel('SCSS', { exact: true })).toBeDisabled();
  await held.release();

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

test('a reassignment withdraws the first SCSS’s assignment; the validation she started stays, marked withdrawn', async ({
  browser,
}) => {
  const dana = await createUser(hq.db, { name: 'Dana Ruiz', role: 'SCSS', fieldOffice: 'Houston' });
  await createUser(hq.db, { name: 'Lee Park', role: 'SCSS', fieldOffice: 'Houston' });
  const pat = (await startLaptop(laptops, browser, 'supervisor', LAPTOP_SCREEN)).page;
  await enrolFromHeader(
    pat,
    hq.url,
    (await issueEnrolmentCode(hq.db, { name: 'Pat Nguyen', role: 'SUPERVISOR', fieldOffice: 'Houston' })).code,
  );
  const scss = (await startLaptop(laptops, browser, 'scss', LAPTOP_SCREEN)).page;
  await enrolFromHeader(scss, hq.url, (await issueEnrolmentCode(hq.db, dana.id)).code);
  await syncNow(pat);

  // Pat records the certification and gives the validation to Dana from the plan.
  await new MembersPage(pat).openMembers();
  await new MembersPage(pat).memberCard(GULF).getByRole('link', { name: GULF, exact: true }).click();
  await pat.getByLabel('What happened').selectOption({ label: 'Certified' });
  await pat.getByLabel('Certification date').fill(iso(certified));
  await pat.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(pat.getByTestId('record-status')).toHaveText('CertifiedTier 1');
  await pat.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Work plan' }).click();
  if (validationDue.getFullYear() !== today.getFullYear()) await pat.getByRole('button', { name: 'Next year' }).click();
  const row = pat.getByTestId('work-plan-row').filter({ hasText: GULF }).filter({ hasText: 'Validation' });
  const assign = async (button: string, name: string) => {
    await row.getByRole('button', { name: `${button}: ${GULF}, Validation` }).click();
    await pat.getByLabel('SCSS', { exact: true }).selectOption({ label: name });
    await pat.locator('label', { hasText: 'Virtual' }).click();
    await pat.getByLabel('Target date').fill(iso(target));
    await pat.getByRole('button', { name: 'Save assignment' }).click();
    await expect(pat.getByTestId('work-plan-notice')).toHaveText(`${GULF}: assigned to ${name}.`);
    await syncNow(pat);
  };
  await assign('Assign an SCSS', 'Dana Ruiz');

  // Dana pulls the assignment and starts it.
  await syncNow(scss);
  const members = new MembersPage(scss);
  await members.openMembers();
  const panel = scss.getByTestId('assignments-panel');
  await panel.getByRole('button', { name: /^Start validation/ }).click();
  await expect(scss).toHaveURL(/#\/validations\//);
  const worksheet = new WorksheetPage(scss);
  await worksheet.answer('1.1', 'Compliant', 'Security vision statement signed by the CEO');

  await assign('Reassign', 'Lee Park');

  // Her next pull withdraws it: nothing more is offered; the validation stays, saying why.
  await syncNow(scss);
  await members.openMembers();
  await expect(panel).toHaveCount(0);
  const notice = scss.getByTestId('assignment-withdrawn-notice');
  await expect(notice).toHaveText(`Assignment withdrawn on ${shown(today)} — reassigned by Pat Nguyen.`);
  await notice.scrollIntoViewIfNeeded();
  await shot(scss, 'assignment-withdrawn-members');
  await members.memberCard(GULF).getByTestId('validation-row').getByRole('link').first().click();
  const banner = scss.getByTestId('assignment-withdrawn-banner');
  await expect(banner.getByRole('heading')).toHaveText(
    `Assignment withdrawn on ${shown(today)} — reassigned by Pat Nguyen`,
  );
  await worksheet.expectAnswer('1.1', 'Compliant', 'Security vision statement signed by the CEO');
  await shot(scss, 'assignment-withdrawn-worksheet');

  // In Spanish as well.
  await scss.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Settings' }).click();
  await scss.getByRole('group', { name: 'Language' }).getByText('Español', { exact: true }).click();
  await scss.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Socios', exact: true }).click();
  await expect(notice).toHaveText(/^Asignación retirada el .+ — reasignada por Pat Nguyen\.$/);
  await notice.scrollIntoViewIfNeeded();
  await shot(scss, 'assignment-withdrawn-members-es');
  await members.memberCard(GULF).getByTestId('validation-row').getByRole('link').first().click();
  await expect(banner.getByRole('heading')).toHaveText(/^Asignación retirada el .+ — reasignada por Pat Nguyen$/);
  await shot(scss, 'assignment-withdrawn-worksheet-es');
});
