import { defaultDueDate, localToday } from '../../shared/domain/due-dates';
import { expect, test } from './fixtures';
import { holdAnswers } from './hold-answer';
import { MembersPage } from './pages/members-page';
import { NewValidationPage } from './pages/new-validation-page';
import { FieldWorkPage } from './pages/worksheet-page';

// Settings, a new validation and a finding in one test: more than the default minute on a loaded machine.
test.describe.configure({ timeout: 180_000 });
test.use({ actionTimeout: 30_000 });

test('deficiency reasons and the response period are configurable, and findings use them', async ({ app }) => {
  const page = app.page;
  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  // The navigation says which screen is shown.
  const nav = page.getByRole('navigation', { name: 'Primary' });
  await expect(nav.getByRole('link', { name: 'Settings' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Members' })).not.toHaveAttribute('aria-current');
  const rows = page.getByTestId('reason-row');
  await expect(rows).toHaveCount(9);
  await expect(page.getByRole('heading', { name: 'Local defaults: this laptop is not enrolled' })).toBeVisible();

  // Enrolment refuses what cannot be HQ's address or a code at the fields, in words, before anything is sent.
  const address = page.getByLabel('HQ address');
  await address.fill('http://ctpat-hq.cbp.example');
  await page.getByLabel('Enrolment code').fill('abc');
  await page.getByRole('button', { name: 'Enrol this computer' }).click();
  await expect(address).toHaveAccessibleDescription(
    'HQ’s address must start with https:// (http:// is allowed only for localhost).',
  );
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Enrolment code')).toHaveAccessibleDescription(
    'Enter the enrolment code HQ gave you (at least 8 characters).',
  );
  await expect(page.getByText(/sync:enroll|hqUrl/)).toHaveCount(0);
  await address.fill('');
  await page.getByLabel('Enrolment code').fill('');

  // Retire "Other", add a reason of our own, shorten the response period.
  await page.getByLabel('Reason 9 in use').uncheck();
  await page.getByRole('button', { name: 'Add a reason' }).click();
  await page.getByLabel('Label of reason 10').fill('Seal log gap');
  await page.getByLabel('Code of reason 10').fill('seal log');
  await page.getByLabel('Days the Member has to respond to a finding').fill('1.5');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Use capitals, digits and _ (e.g. SEAL_LOG_GAP).')).toBeVisible();
  // Focus goes to the first marked field as the form reads, the added reason's code, not the days below it.
  await expect(page.getByLabel('Code of reason 10')).toBeFocused();
  // A fraction of a day is named as such, not as "not a number".
  await expect(page.getByLabel('Days the Member has to respond to a finding')).toHaveAccessibleDescription(
    /A whole number of days\.$/,
  );
  await page.getByLabel('Days the Member has to respond to a finding').fill('60');
  // The error is read with its field, which is marked invalid; a hint is read with its field too.
  await expect(page.getByLabel('Code of reason 10')).toHaveAccessibleDescription(
    'Use capitals, digits and _ (e.g. SEAL_LOG_GAP).',
  );
  await expect(page.getByLabel('Code of reason 10')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Days the Member has to respond to a finding')).toHaveAccessibleDescription(
    'New findings are due this many days after the day they are recorded. A report already approved keeps the due date its approval set.',
  );
  // A code another reason has is marked at the field that repeats it, naming the reason it repeats.
  const firstCode = await page.getByLabel('Code of reason 1', { exact: true }).inputValue();
  await page.getByLabel('Code of reason 10').fill(firstCode);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Two reasons have the same code.')).toBeVisible();
  await expect(page.getByLabel('Code of reason 10')).toHaveAccessibleDescription('Reason 1 has this code too.');
  await expect(page.getByLabel('Code of reason 10')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Code of reason 1', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Code of reason 10').fill('SEAL_LOG_GAP');
  // While it saves the form is held: the answer resets it to what was saved, which would drop an edit made meanwhile.
  const held = await holdAnswers(page, 'settings:update');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByLabel('Days the Member has to respond to a finding')).toBeDisabled();
  await held.release();
  await expect(page.getByText('Settings saved.', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Days the Member has to respond to a finding')).toBeEnabled();
  await app.screenshot('settings');

  await new MembersPage(page).openMembers();
  await new MembersPage(page).startValidationOf('Gulf Coast Home Goods Imports, Inc.');
  const form = new NewValidationPage(page);
  await form.fill({ mode: 'In person', scheduledDate: '2026-12-04' });
  await form.create();
  const ws = new FieldWorkPage(page);
  await ws.openCategory(6, 'Seal Security');
  await ws.answer('6.6', 'Deficient');
  const editor = ws.criterion('6.6').getByTestId('finding-editor');
  await expect(editor.getByLabel('Member response due')).toHaveValue(defaultDueDate(localToday(), 60));
  const reasonOptions = editor.getByLabel('Deficiency reason').locator('option');
  await expect(reasonOptions.filter({ hasText: 'Seal log gap' })).toHaveCount(1);
  await expect(reasonOptions.filter({ hasText: /^Other$/ })).toHaveCount(0);
  await ws.fillFinding('6.6', { reason: 'Seal log gap', description: 'Seal log not reconciled since August.' });

  // A reason a finding uses cannot be removed; the settings stay as they were.
  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Remove reason 10' }).click();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert')).toContainText('SEAL_LOG_GAP is used by findings');
  await page.reload();
  await expect(rows).toHaveCount(10);
});
