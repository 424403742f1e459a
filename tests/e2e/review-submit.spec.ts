import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { ChecklistPanelPage } from './pages/inspections-page';
import { MembersPage } from './pages/members-page';
import { NewValidationPage } from './pages/new-validation-page';
import { FieldWorkPage } from './pages/worksheet-page';

// Answering 93 criteria by keyboard takes minutes on a busy machine.
test.describe.configure({ timeout: 480_000 });
test.use({ actionTimeout: 30_000, viewport: { width: 1366, height: 768 } });

const MEMBER = 'Gulf Coast Home Goods Imports, Inc.';
const CONTAINER = 'TGHU 884120-3';
/** What a 1366×768 laptop screen shows (the fixture's full-page shots of a 90-warning list are slow and huge). */
const screenAt = async (page: Page, name: string) => {
  await expectAccessible(page, `review-submit-${name}`);
  await page.screenshot({ path: `test-results/screenshots/review-submit-${name}.png` });
};

const CONTAINER_ITEMS = [
  'Front wall',
  'Left side',
  'Right side',
  'Ceiling / roof',
  'Inside / outside doors, including locking mechanism',
  'Outside / undercarriage',
];

test('Review and submit: a failed 5.3 inspection blocks submit until resolved, warnings are grouped and marked considered across a reload, findings are summarised before signing', async ({
  app,
}) => {
  const page = app.page;
  await new MembersPage(page).startValidationOf(MEMBER);
  const form = new NewValidationPage(page);
  await form.fill({ mode: 'In person', scheduledDate: '2026-12-02' });
  await form.create();
  const ws = new FieldWorkPage(page);

  await ws.openCategory(4, 'Cybersecurity');
  await ws.answer('4.8', 'Deficient');
  await ws.fillFinding('4.8', {
    reason: 'Partially implemented',
    description: 'Shared administrator account on the customs filing workstation; no MFA.',
  });

  // 5.3 Compliant, but the container's floor failed and nothing says why.
  await ws.openCategory(5, 'Conveyance & Instruments of International Traffic Security');
  await ws.answer('5.3', 'Compliant');
  const conveyance = new ChecklistPanelPage(page, ws.criterion('5.3'));
  await conveyance.add({ kind: 'Container / IIT inspection', label: CONTAINER });
  const container = conveyance.inspection(`7-point container inspection: ${CONTAINER}`);
  for (const item of CONTAINER_ITEMS) await conveyance.record(container, item, 'Pass');
  await conveyance.record(container, 'Floor', 'Fail');
  await ws.answerRemainingWithKeyboard('c');

  await test.step('the failed item is an error that blocks submit and links to 5.3', async () => {
    await ws.openSection('Review and submit');
    await expect(page.getByText('1 problem to fix before submitting')).toBeVisible();
    const failed = page
      .getByTestId('error-group')
      .filter({ hasText: 'Compliant, but its own inspection failed an item' });
    await expect(failed.getByTestId('group-count')).toHaveText('(1)');
    await expect(failed.getByTestId('problem')).toHaveText(
      `5.3 is marked Compliant but its 7-point container inspection "${CONTAINER}" failed an item (Floor). ` +
        "Change the result to Deficient, or write in the failed item's note why 5.3 is still compliant.",
    );
    await page.getByLabel('Your full name (signature)').fill('Jordan A. Rivera');
    await ws.attest();
    await page.getByRole('button', { name: 'Submit validation for review' }).click();
    const summary = page.getByTestId('submit-error-summary');
    await expect(summary).toContainText('Not submitted');
    await expect(summary).toContainText('The validation is not complete: 1 problem to fix (5.3 is marked Compliant');
    await expect(summary).toBeFocused();
    await screenAt(page, 'failed-inspection');

    await failed.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 2, name: /^5\. Conveyance/ })).toBeVisible();
    await expect(ws.criterion('5.3')).toBeFocused();
  });

  await test.step('a note on the failed item saying why 5.3 is still met resolves it', async () => {
    await conveyance.record(container, 'Floor', 'Fail', 'Damaged floor found; the Member rejected the container.');
    await ws.openSection('Review and submit');
    await expect(page.getByText('Ready to submit')).toBeVisible();
    await expect(page.getByTestId('error-group')).toHaveCount(0);
  });

  const warningsHeading = page.getByRole('heading', { level: 3, name: /warnings? \(you can still submit\)$/ });
  const methods = page.getByTestId('warning-group').filter({ hasText: 'Verification method not recorded' });
  const considered = (id: string) =>
    methods.getByTestId('problem').filter({ hasText: new RegExp(`^${id.replace('.', '\\.')} does not say`) });

  await test.step('warnings are grouped by rule, counted, and collapsed until opened', async () => {
    const total = Number((await warningsHeading.textContent())?.split(' ')[0]);
    const counts = await page.getByTestId('warning-group').getByTestId('group-count').allTextContents();
    expect(counts.reduce((n, c) => n + Number(c.replace(/\D/g, '')), 0)).toBe(total);
    await expect(page.getByTestId('warning-group').filter({ hasText: 'Sites' }).getByTestId('group-count')).toHaveText(
      '(1)',
    );
    await expect(methods.getByTestId('group-count')).toHaveText(/^\(\d{2,}\)$/);
    await expect(page.getByTestId('considered-count')).toContainText(`0 of ${total} warnings considered`);

    await expect(considered('1.1')).toBeHidden();
    await methods.locator('summary').click();
    await expect(considered('1.1')).toBeVisible();
    await methods.locator('summary').click();
    await expect(considered('1.1')).toBeHidden();
  });

  await test.step('marking warnings considered is counted and survives a reload', async () => {
    const total = Number((await warningsHeading.textContent())?.split(' ')[0]);
    await methods.locator('summary').click();
    for (const id of ['1.1', '1.2']) {
      await considered(id).locator('label').click();
      await expect(considered(id).getByRole('checkbox', { name: /^Considered/ })).toBeChecked();
    }
    await expect(page.getByTestId('considered-count')).toContainText(`2 of ${total} warnings considered`);
    await expect(methods.locator('summary')).toContainText('2 considered');
    await methods.scrollIntoViewIfNeeded();
    await screenAt(page, 'warnings');

    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'Review and submit' })).toBeVisible();
    await expect(page.getByTestId('considered-count')).toContainText(`2 of ${total} warnings considered`);
    await methods.locator('summary').click();
    await expect(considered('1.1').getByRole('checkbox')).toBeChecked();
    await expect(considered('1.2').getByRole('checkbox')).toBeChecked();
    await expect(considered('1.3').getByRole('checkbox')).not.toBeChecked();

    // Unmarking is kept too.
    await considered('1.2').locator('label').click();
    await expect(page.getByTestId('considered-count')).toContainText(`1 of ${total} warnings considered`);

    // One press for the whole group of the same warning.
    const inGroup = Number((await methods.getByTestId('group-count').textContent())?.replace(/\D/g, ''));
    await methods
      .getByRole('button', { name: `Mark all ${inGroup} as considered (Verification method not recorded)` })
      .click();
    await expect(methods.locator('summary')).toContainText('all considered');
    await expect(page.getByTestId('considered-count')).toContainText(`${inGroup} of ${total} warnings considered`);
    await expect(considered('12.10').getByRole('checkbox')).toBeChecked();
  });

  await test.step('the findings are summarised before the signature', async () => {
    const summary = page.getByTestId('findings-summary');
    await expect(summary.getByRole('heading', { name: 'Summary of findings' })).toBeVisible();
    await expect(summary.getByTestId('findings-counts')).toContainText('1 Action required');
    await expect(summary.getByTestId('findings-counts')).toContainText('0 Recommendation');
    const row = summary.getByTestId('summary-finding');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('4.8');
    await expect(row).toContainText('Action required');
    await expect(row).toContainText('Partially implemented');
    await expect(row).toContainText(/[A-Z][a-z]{2} \d{1,2}, \d{4}/);
    await expect(row).toContainText('Shared administrator account');
    await summary.scrollIntoViewIfNeeded();
    await screenAt(page, 'findings-summary');
  });

  await ws.submit('Jordan A. Rivera');
  await expect(page.getByTestId('fingerprint')).toHaveText(/^[0-9a-f]{64}$/);
});

test('a refused signature is shown at its field in plain words, with a summary that links to it', async ({ app }) => {
  const page = app.page;
  await new MembersPage(page).startValidationOf(MEMBER);
  const form = new NewValidationPage(page);
  await form.fill({ mode: 'In person', scheduledDate: '2026-12-02' });
  await form.create();
  const ws = new FieldWorkPage(page);
  await ws.openSection('Review and submit');
  const name = page.getByLabel('Your full name (signature)');
  const summary = page.getByTestId('submit-error-summary');
  const submit = page.getByRole('button', { name: 'Submit validation for review' });

  // Checked before sending: both fields marked, the summary links to each.
  await name.fill('Jo');
  await submit.click();
  await expect(summary).toBeFocused();
  await expect(name).toHaveAccessibleDescription('Type your full name (at least 3 characters) to sign.');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(
    page.getByRole('checkbox', { name: 'I verified the criteria as recorded in this worksheet.' }),
  ).toHaveAccessibleDescription('Confirm that you verified the criteria as recorded.');
  await screenAt(page, 'signature-refused');
  await summary.getByRole('link', { name: 'Type your full name (at least 3 characters) to sign.' }).click();
  await expect(name).toBeFocused();

  // Refused by the main process (a broken character pasted into the name): shown at the field, no internals.
  await ws.attest();
  await name.evaluate((el: HTMLInputElement) => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setValue?.call(el, `Dana ${String.fromCharCode(0xd800)}Ruiz`);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await submit.click();
  await expect(name).toHaveAccessibleDescription(
    'This text contains a broken character (a lone UTF-16 surrogate), which cannot be stored.',
  );
  await expect(summary).not.toContainText('validations:submit');
  await expect(summary).not.toContainText('signedByName');

  // A good signature on an incomplete worksheet: the refusal says why and links to the problems to fix.
  await name.fill('Dana M. Ruiz');
  await submit.click();
  await expect(summary).toContainText('The validation is not complete');
  await expect(name).not.toHaveAttribute('aria-invalid');
  await summary.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 3, name: /problems to fix before submitting$/ })).toBeFocused();
});
