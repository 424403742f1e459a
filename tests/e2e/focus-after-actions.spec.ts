import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ChecklistPanelPage, HOUSTON_SESSION_PARTICIPANTS, SessionLogPage } from './pages/inspections-page';
import { MembersPage } from './pages/members-page';
import { startValidation as startNewValidation } from './pages/new-validation-page';
import type { FieldWorkPage } from './pages/worksheet-page';
import { answerTheRestCompliant } from './stored-worksheet';

/**
 * Where the focus goes after a keyboard action that takes away, disables or replaces the control it was on: never
 * the page top (<body>), where a screen reader says nothing and the next Tab starts mid-page. Each action is made
 * as a keyboard user makes it: focus the control, press Enter (or Esc).
 */
test.describe.configure({ timeout: 180_000 });
test.use({ actionTimeout: 30_000 });

const MEMBER = 'Gulf Coast Home Goods Imports, Inc.';

const startValidation = (page: Page, mode: 'In person' | 'Virtual'): Promise<FieldWorkPage> =>
  startNewValidation(page, MEMBER, { mode, scheduledDate: '2026-12-02' });

/** Focuses a control and presses a key on it, as a keyboard user does. */
async function press(page: Page, control: Locator, key = 'Enter'): Promise<void> {
  await control.focus();
  await expect(control).toBeFocused();
  await page.keyboard.press(key);
}

test('the keyboard shortcuts list closes with Esc and with Close, and the focus returns to the button that opened it', async ({
  app,
}) => {
  const page = app.page;
  await startValidation(page, 'In person');
  const opener = page.getByRole('button', { name: 'Keyboard shortcuts (?)' });
  const help = page.getByTestId('shortcuts-help');

  await press(page, opener);
  await expect(help).toBeVisible();
  await expect(opener).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(opener).toBeFocused();

  await press(page, opener);
  await expect(help).toBeVisible();
  await press(page, help.getByRole('button', { name: 'Close keyboard shortcuts' }));
  await expect(help).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(opener).toHaveAttribute('aria-expanded', 'false');

  // Esc from inside the list closes it too, back to the opener.
  await press(page, opener);
  await help.getByRole('button', { name: 'Close keyboard shortcuts' }).focus();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(opener).toBeFocused();
});

test('Sites: Add a site moves into the form, Cancel returns to it, a saved site is announced and the focus stays on Add a site', async ({
  app,
}) => {
  const page = app.page;
  const ws = await startValidation(page, 'In person');
  await ws.openSection('Sites');
  const addButton = page.getByRole('button', { name: 'Add a site' });
  const form = page.getByRole('form', { name: 'Add a site' });

  await press(page, addButton);
  await expect(form.getByLabel('Site name')).toBeFocused();
  await press(page, form.getByRole('button', { name: 'Cancel' }));
  await expect(form).toBeHidden();
  await expect(addButton).toBeFocused();

  await press(page, addButton);
  await expect(form.getByLabel('Site name')).toBeFocused();
  await page.keyboard.type('Houston distribution center');
  await form.getByLabel('Site type').selectOption({ label: 'Distribution center' });
  await press(page, form.getByRole('button', { name: 'Add site' }));
  await expect(page.getByTestId('site').filter({ hasText: 'Houston distribution center' })).toBeVisible();
  await expect(addButton).toBeFocused();
  await expect(page.getByTestId('sites-announcement')).toHaveText('Site added: Houston distribution center.');

  // Editing returns to the site's Edit button; removing the only site, to Add a site.
  const edit = page.getByRole('button', { name: 'Edit Houston distribution center' });
  await press(page, edit);
  const editForm = page.getByRole('form', { name: 'Edit Houston distribution center' });
  await expect(editForm.getByLabel('Site name')).toBeFocused();
  await press(page, editForm.getByRole('button', { name: 'Cancel' }));
  await expect(edit).toBeFocused();
  await press(page, page.getByRole('button', { name: 'Remove Houston distribution center' }));
  await expect(page.getByTestId('site')).toHaveCount(0);
  await expect(addButton).toBeFocused();
  await expect(page.getByTestId('sites-announcement')).toHaveText('Site removed: Houston distribution center.');
});

/** Signs and submits from Review and submit by keyboard; the submitted state's heading takes the focus. */
async function signAndSubmit(page: Page, ws: FieldWorkPage): Promise<void> {
  await expect(page.getByText('Ready to submit')).toBeVisible();
  await page.getByLabel('Your full name (signature)').fill('Jordan A. Rivera');
  await ws.attest();
  await press(page, page.getByRole('button', { name: 'Submit validation for review' }));
  const summary = page.getByTestId('submitted-summary');
  await expect(summary).toBeVisible();
  const heading = summary.getByRole('heading', { level: 2 });
  await expect(heading).toHaveText(/^Submitted/);
  await expect(heading).toBeFocused();
}

/** A new in-person validation with every criterion answered, on Review and submit. */
async function readyToSubmit(page: Page): Promise<FieldWorkPage> {
  const ws = await startValidation(page, 'In person');
  const validationId = new URL(page.url()).hash.match(/[0-9a-f-]{36}/)?.[0] ?? '';
  expect(validationId).not.toBe('');
  await answerTheRestCompliant(page, validationId);
  await page.reload();
  await ws.openSection('Review and submit');
  return ws;
}

test('Submit validation for review: the submitted state’s heading takes the focus', async ({ app }) => {
  const page = app.page;
  const ws = await readyToSubmit(page);
  await signAndSubmit(page, ws);
});

test('Reopen validation: the notice that it was reopened takes the focus from the button that went with the summary', async ({
  app,
}) => {
  const page = app.page;
  const ws = await readyToSubmit(page);
  await signAndSubmit(page, ws);
  await page.getByLabel('Reason for reopening').fill('A second site was visited and is not in the worksheet.');
  await press(page, page.getByRole('button', { name: 'Reopen validation' }));
  await expect(page.getByTestId('submitted-summary')).toBeHidden();
  const notice = page.getByRole('status').filter({ hasText: 'Reopened for changes' });
  await expect(notice.getByRole('heading', { level: 2, name: 'Reopened for changes' })).toBeFocused();
  await expect(notice).toContainText('The worksheet is unlocked and the signature cleared.');
  // The keyboard goes on from the notice into the section, not from the top of the page.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Check again' })).toBeFocused();

  // Submitted again, the notice is gone, and the submitted heading has the focus once more.
  await signAndSubmit(page, ws);
  await expect(page.getByRole('heading', { name: 'Reopened for changes' })).toHaveCount(0);
});

/** The 5.3 inspections panel of a new in-person validation. */
async function conveyancePanel(page: Page): Promise<ChecklistPanelPage> {
  const ws = await startValidation(page, 'In person');
  await ws.openCategory(5, 'Conveyance & Instruments of International Traffic Security');
  return new ChecklistPanelPage(page, ws.criterion('5.3'));
}

test('Inspections: the focus stays on Add inspection while the inspection is added', async ({ app }) => {
  const page = app.page;
  const conveyance = await conveyancePanel(page);
  const form = conveyance.panel.getByRole('form', { name: /^Add an inspection/ });
  await form.getByRole('textbox').fill('MSKU 123456-7');
  const add = form.getByRole('button', { name: 'Add inspection' });
  await press(page, add);
  await expect(conveyance.inspections()).toHaveCount(1);
  await expect(form.getByRole('textbox')).toBeEnabled();
  await expect(add).toBeFocused();
  await expect(form.getByText('Inspection MSKU 123456-7 added.')).toBeVisible();
});

test('Inspections: Keep it returns the focus to Remove inspection', async ({ app }) => {
  const page = app.page;
  const conveyance = await conveyancePanel(page);
  await conveyance.add({ label: 'MSKU 123456-7' });

  const inspection = conveyance.inspections().first();
  const remove = inspection.getByRole('button', { name: /^Remove inspection/ });
  await press(page, remove);
  await expect(inspection.getByRole('button', { name: 'Yes, remove it' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(inspection.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(remove).toBeFocused();
  await expect(conveyance.inspections()).toHaveCount(1);
});

test('Virtual session log: removing a participant moves to the next one, or to Add participant after the last', async ({
  app,
}) => {
  const page = app.page;
  await startValidation(page, 'Virtual');
  const log = new SessionLogPage(page);
  await log.open();
  const session = log.session(1);
  await log.addParticipants(session, HOUSTON_SESSION_PARTICIPANTS);

  await press(page, session.getByRole('button', { name: 'Remove participant 1' }));
  const first = log.entry(session, 'Participant 1');
  await expect(first.getByLabel('Name')).toHaveValue('Lee Chen');
  await expect(first.getByLabel('Name')).toBeFocused();

  await press(page, session.getByRole('button', { name: 'Remove participant 1' }));
  await expect(session.getByRole('group', { name: /^Participant \d+$/ })).toHaveCount(0);
  await expect(session.getByRole('button', { name: 'Add participant' })).toBeFocused();
});

test('Settings: removing a reason moves to the next reason, or to Add a reason after the last', async ({ app }) => {
  const page = app.page;
  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const rows = page.getByTestId('reason-row');
  await expect(rows).toHaveCount(9);
  const third = await page.getByLabel('Label of reason 3').inputValue();

  await press(page, page.getByRole('button', { name: 'Remove reason 2' }));
  await expect(rows).toHaveCount(8);
  await expect(page.getByLabel('Label of reason 2')).toHaveValue(third);
  await expect(page.getByLabel('Label of reason 2')).toBeFocused();

  await press(page, page.getByRole('button', { name: 'Remove reason 8' }));
  await expect(rows).toHaveCount(7);
  await expect(page.getByRole('button', { name: 'Add a reason' })).toBeFocused();
});

test('Member record: a refused certification date is marked at its field, which takes the focus; nothing is recorded', async ({
  app,
}) => {
  const page = app.page;
  const members = new MembersPage(page);
  await members.openMembers();
  await members.memberCard(MEMBER).getByRole('link', { name: MEMBER, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: MEMBER })).toBeVisible();
  await expect(page.getByTestId('record-status')).toHaveText('Not recorded yet');

  await page.getByLabel('What happened').selectOption({ label: 'Enter the record from CBP’s files' });
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Certified' });
  const date = page.getByLabel('Certification date');
  await expect(date).toHaveValue('');
  const record = page.getByRole('button', { name: 'Record', exact: true });

  await press(page, record);
  await expect(date).toBeFocused();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveAccessibleDescription('A certified or validated Member needs its certification date.');
  await expect(page.getByText('Nothing was recorded: correct the marked fields.')).toBeVisible();
  await expect(page.getByTestId('record-status')).toHaveText('Not recorded yet');

  await date.fill('2030-01-01');
  await press(page, record);
  await expect(date).toBeFocused();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveAccessibleDescription('The certification date cannot be in the future.');
  await expect(page.getByTestId('record-status')).toHaveText('Not recorded yet');
  await app.screenshot('focus-member-record-refused-date');
});
