import path from 'node:path';
import { defaultDueDate, localToday } from '../../shared/domain/due-dates';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { MembersPage } from './pages/members-page';
import { NewValidationPage } from './pages/new-validation-page';
import { FieldWorkPage } from './pages/worksheet-page';

test.describe.configure({ timeout: 600_000 });
test.use({ actionTimeout: 30_000, viewport: { width: 1366, height: 768 } });

const shot = (name: string) => path.join('test-results', 'screenshots', `recommendations-${name}.png`);

test('a Recommendation on a Compliant criterion needs no reason or due date, and a due date before today is refused at the field', async ({
  app,
}) => {
  const page = app.page;
  await new MembersPage(page).startValidationOf('Great Lakes Auto Parts Distributors LLC');
  const form = new NewValidationPage(page);
  await form.fill({ mode: 'In person', scheduledDate: localToday() });
  await form.create();
  const ws = new FieldWorkPage(page);
  await ws.openCategory(4, 'Cybersecurity');

  // 4.1 is met; the SCSS advises an improvement the Member is not required to make.
  await ws.answer('4.1', 'Compliant');
  await ws.checkMethod('4.1', 'Document reviewed');
  const card = ws.criterion('4.1');
  await card.scrollIntoViewIfNeeded();
  await expectAccessible(page, 'recommendations-compliant-offer');
  await page.screenshot({ path: shot('compliant-offer') });
  await card.getByRole('button', { name: 'Add a recommendation for 4.1' }).click();
  const editor = card.getByTestId('finding-editor');
  await expect(editor.locator('legend')).toHaveText('Recommendation for 4.1');
  await expect(editor.getByRole('radio', { name: 'Recommendation' })).toBeChecked();
  await expect(editor.getByTestId('no-response-due')).toHaveText(
    'No response due: a Recommendation is advice the Member is not required to answer.',
  );
  await expect(editor.getByLabel('Member response due')).toHaveCount(0);
  await expect(editor.getByLabel(/Deficiency reason/)).toHaveCount(0);
  const advice = editor.getByLabel('What the Member could improve');
  await advice.fill('Review the password policy every six months rather than yearly.');
  await advice.blur();
  await expect(advice).toHaveAttribute('data-saved', 'true');
  await card.scrollIntoViewIfNeeded();
  await expectAccessible(page, 'recommendations-compliant-recommendation');
  await page.screenshot({ path: shot('compliant-recommendation') });

  // 4.8 is a Must not met: Action required, with a due date that cannot be before the report date.
  await ws.answer('4.8', 'Deficient');
  const finding = ws.criterion('4.8').getByTestId('finding-editor');
  await expect(finding.getByRole('radio', { name: 'Action required' })).toBeChecked();
  const due = finding.getByLabel('Member response due');
  const saved = await due.inputValue();
  expect(saved).toBe(defaultDueDate(localToday(), 90));
  const yesterday = defaultDueDate(localToday(), -1);
  await due.fill(yesterday);
  await expect(finding.getByRole('alert').filter({ hasText: 'is before the report date' })).toContainText(
    'the Member cannot be asked to answer before the report is issued',
  );
  await expect(due).toHaveAttribute('aria-invalid', 'true');
  await expect(due).toHaveValue(yesterday); // what the SCSS typed stays in view, with why
  await ws.criterion('4.8').scrollIntoViewIfNeeded();
  await expectAccessible(page, 'recommendations-due-date-refused');
  await page.screenshot({ path: shot('due-date-refused') });
  // Nothing was saved: a reload shows the date that was there.
  await page.reload();
  await ws.openCategory(4, 'Cybersecurity');
  await expect(ws.criterion('4.8').getByLabel('Member response due')).toHaveValue(saved);

  const later = defaultDueDate(localToday(), 30);
  const dueAgain = ws.criterion('4.8').getByLabel('Member response due');
  await dueAgain.fill(later);
  await expect(ws.criterion('4.8').getByTestId('finding-editor').getByText('Finding saved')).toBeVisible();
  await expect(dueAgain).not.toHaveAttribute('aria-invalid');
  await ws.fillFinding('4.8', { reason: 'Partially implemented', description: 'Shared administrator account.' });

  // Everything else Compliant by keyboard, then submit: the Recommendation blocks nothing.
  await ws.answerRemainingWithKeyboard('c');
  await ws.openSection('Review and submit');
  // Not even a warning names 4.1 (it says how it was verified).
  await expect(ws.problems().filter({ hasText: /(^|\s)4\.1(?!\d)/ })).toHaveCount(0);
  await ws.submit('Dana M. Ruiz');
  await expectAccessible(page, 'recommendations-submitted');
  await page.screenshot({ path: shot('submitted') });
});
