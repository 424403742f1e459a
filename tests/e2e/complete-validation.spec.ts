import { writeFileSync } from 'node:fs';
import { makePng } from '../unit/evidence-fixtures';
import { expect, test } from './fixtures';
import { ChecklistPanelPage, SessionLogPage } from './pages/inspections-page';
import { MembersPage } from './pages/members-page';
import { NewValidationPage } from './pages/new-validation-page';
import { FieldWorkPage } from './pages/worksheet-page';

test.describe.configure({ timeout: 420_000 });

test('a complete in-person validation: sites, a finding, N/A justified, keyboard answers, completeness, submit', async ({
  app,
}) => {
  const page = app.page;
  await new MembersPage(page).startValidationOf('Great Lakes Auto Parts Distributors LLC');
  const form = new NewValidationPage(page);
  // A missing date is refused: an error summary above the form takes the focus and links to the field, where
  // a screen reader hears why with the field itself.
  await form.fill({ mode: 'In person', scheduledDate: '' });
  await form.create();
  const summary = page.getByTestId('new-validation-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('heading', { name: 'The validation was not created' })).toBeVisible();
  await expect(summary.getByRole('listitem')).toHaveText(['Enter the scheduled date.']);
  await app.screenshot('new-validation-error-summary');
  const date = page.getByLabel('Scheduled date');
  await expect(date).toHaveAccessibleDescription('Enter the scheduled date.');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await summary.getByRole('link', { name: 'Enter the scheduled date.' }).click();
  await expect(date).toBeFocused();
  // Trying again with the date still missing brings the focus back to the summary.
  await form.create();
  await expect(summary).toBeFocused();
  await expect(page.getByLabel('Entity type')).toHaveAccessibleDescription(
    'Decides which criteria are on the worksheet.',
  );
  await form.fill({ mode: 'In person', scheduledDate: '2026-12-07' });
  await form.create();
  const ws = new FieldWorkPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Great Lakes Auto Parts Distributors LLC' })).toBeVisible();

  // A site with no name is refused at its field.
  await ws.openSection('Sites');
  await page.getByRole('button', { name: 'Add a site' }).click();
  const siteForm = page.getByRole('form', { name: 'Add a site' });
  await siteForm.getByRole('button', { name: 'Add site' }).click();
  await expect(siteForm.getByLabel('Site name')).toHaveAccessibleDescription(
    'Give the site a name, e.g. “Houston distribution center”.',
  );
  await expect(siteForm.getByLabel('Site name')).toHaveAttribute('aria-invalid', 'true');
  await siteForm.getByRole('button', { name: 'Cancel' }).click();

  await ws.addSite({
    name: 'Detroit distribution center',
    type: 'Distribution center',
    address: '1200 Fort St, Detroit, MI',
    visitDate: '2026-12-07',
  });
  await app.screenshot('sites');

  // The completeness check lists the unanswered criteria and links to each one.
  await ws.openSection('Review and submit');
  await expect(ws.problems().first()).toContainText('1.1 has no result.');
  await expect(page.getByText('93 problems to fix before submitting')).toBeVisible();
  await ws.problems().filter({ hasText: '4.8 has no result.' }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 2, name: '4. Cybersecurity' })).toBeVisible();
  await expect(ws.criterion('4.8')).toBeFocused();

  // Keyboard: D on the focused criterion opens a finding.
  await page.keyboard.press('d');
  await ws.fillFinding('4.8', {
    reason: 'Partially implemented',
    description: 'Shared administrator account on the customs filing workstation; no MFA.',
  });
  await expect(ws.criterion('4.8').getByLabel('Member response due')).not.toHaveValue('');
  await ws.checkMethod('4.8', 'Observed on site');
  await ws.criterion('4.8').getByLabel('Verified at').selectOption({ label: 'Detroit distribution center' });

  await ws.openCategory(9, 'Physical Security');
  await ws.answer('9.6', 'Not applicable');
  await ws.justifyNotApplicable('9.6', 'No cargo handling after dark: the site closes at 17:00 and is alarmed.');

  // 5.3: a 7-point container inspection; 6.7: the seal check, item by item.
  await ws.openCategory(5, 'Conveyance & Instruments of International Traffic Security');
  const conveyance = new ChecklistPanelPage(page, ws.criterion('5.3'));
  await conveyance.add({ kind: 'Container / IIT inspection', label: 'TGHU 884120-3' });
  const container = conveyance.inspection('7-point container inspection: TGHU 884120-3');
  for (const item of ['Front wall', 'Left side', 'Right side', 'Floor', 'Ceiling / roof', 'Outside / undercarriage']) {
    await conveyance.record(container, item, 'Pass');
  }
  await conveyance.record(container, 'Inside / outside doors, including locking mechanism', 'Pass');
  await expect(container.getByTestId('inspection-progress')).toHaveText('7 of 7 items recorded');
  await ws.openCategory(6, 'Seal Security');
  const seals = new ChecklistPanelPage(page, ws.criterion('6.7'));
  await seals.add({ label: 'CBP-0042117' });
  const seal = seals.inspection('VVTT seal check: CBP-0042117');
  for (const item of [
    'View the seal and the container locking mechanisms',
    'Verify the seal number against the shipping documents',
    'Tug the seal to make sure it is affixed',
    'Twist and turn the bolt seal to make sure it does not unscrew or separate',
  ]) {
    await seals.record(seal, item, 'Pass');
  }

  await ws.answerRemainingWithKeyboard('c');
  await ws.openSection('Review and submit');
  await expect(page.getByText('Ready to submit')).toBeVisible();
  await page.getByText(/warnings? \(you can still submit\)/).click();
  await expect(ws.problems().filter({ hasText: 'inspection' })).toHaveCount(0);
  await app.screenshot('review');

  await ws.submit('Jordan A. Rivera');
  await expect(page.getByTestId('fingerprint')).toHaveText(/^[0-9a-f]{64}$/);
  // The typed signature, and the person the app knows, since the two differ.
  await expect(page.getByText(/Signed by Jordan A\. Rivera \(e2e\.scss\) on /)).toBeVisible();
  await app.screenshot('submitted');

  // Locked after submit, also after a restart.
  await app.restart();
  await ws.openCategory(4, 'Cybersecurity');
  await expect(page.getByText('This validation has been submitted; its answers are locked.')).toBeVisible();
  await expect(ws.criterion('4.8').getByTestId('locked-result')).toHaveText('Deficient');
  await expect(ws.criterion('4.8').getByRole('radio')).toHaveCount(0);

  // Reopening needs a reason; afterwards the worksheet takes changes again.
  await ws.openSection('Review and submit');
  await page.getByLabel('Reason for reopening').fill('typo');
  await page.getByRole('button', { name: 'Reopen validation' }).click();
  await expect(page.getByRole('alert')).toContainText('Give a reason of at least 10 characters');
  await page
    .getByLabel('Reason for reopening')
    .fill('Member sent the MFA rollout plan; 4.8 finding text to be corrected.');
  await page.getByRole('button', { name: 'Reopen validation' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Sign and submit' })).toBeVisible();
  await ws.openCategory(4, 'Cybersecurity');
  await expect(ws.criterion('4.8').getByRole('radio', { name: /Compliant/ })).toBeEnabled();
});

test('submit refuses an incomplete worksheet with a clear message and nothing typed is lost', async ({ app }) => {
  const page = app.page;
  await new MembersPage(page).startValidationOf('Gulf Coast Home Goods Imports, Inc.');
  const form = new NewValidationPage(page);
  await form.fill({ mode: 'In person', scheduledDate: '2026-12-02' });
  await form.create();
  const ws = new FieldWorkPage(page);
  await ws.answer('1.1', 'Compliant', 'Signed statement posted in the lobby.');
  await ws.openSection('Review and submit');
  await page.getByLabel('Your full name (signature)').fill('Jordan A. Rivera');
  await ws.attest();
  await page.getByRole('button', { name: 'Submit validation for review' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not submitted' })).toContainText(
    'The validation is not complete',
  );
  await ws.openCategory(1, 'Security Vision & Responsibility');
  await ws.expectAnswer('1.1', 'Compliant', 'Signed statement posted in the lobby.');
});

test('a complete virtual validation: session log, evidence observed remotely, a finding, completeness warnings, submit', async ({
  app,
}, testInfo) => {
  const page = app.page;
  await new MembersPage(page).startValidationOf('Manufacturas del Norte S.A. de C.V.');
  const form = new NewValidationPage(page);
  await form.fill({ mode: 'Virtual', scheduledDate: '2026-12-09' });
  await form.create();
  const ws = new FieldWorkPage(page);
  await expect(page.getByText('Foreign Manufacturer validation · Virtual')).toBeVisible();

  await ws.addSite({
    name: 'Monterrey assembly plant',
    type: 'Manufacturing plant',
    address: 'Av. Industrial 455, Apodaca, N.L., Mexico',
    visitDate: '2026-12-09',
  });

  // The session log: platform, times, who attended, what was asked for, what the live tour showed.
  const log = new SessionLogPage(page);
  await log.open();
  const session = log.session(1);
  await session.getByLabel('Video platform').selectOption('Microsoft Teams');
  await session.getByLabel('Session start').fill('2026-12-09T15:00');
  await session.getByLabel('Session end').fill('2026-12-09T18:30');
  await log.addParticipants(session, [
    { name: 'Jordan A. Rivera', role: 'CBP SCSS', organization: 'CBP Laredo Field Office' },
    { name: 'Mariana Treviño', role: 'Company CTPAT point of contact', organization: 'Manufacturas del Norte' },
  ]);
  await session.getByRole('button', { name: 'Add document' }).click();
  const doc = log.entry(session, 'Document 1');
  await doc.getByLabel('Title').fill('Business partner screening records, 2026');
  await doc.getByLabel('Requested on').fill('2026-11-25');
  await doc.getByLabel('Received on').fill('2026-12-02');
  await session.getByRole('button', { name: 'Add tour segment' }).click();
  const segment = log.entry(session, 'Tour segment 1');
  await segment.getByLabel('Time').fill('16:10');
  await segment.getByLabel('Area shown').fill('Shipping dock and trailer yard');
  await segment.getByLabel('Criteria shown').fill('5.3, 6.7, 9.6');
  await segment.getByLabel('What was seen').fill('Live trailer inspection and VVTT on an outbound load.');
  // No save button: the log saves itself; leaving the last field sends it.
  await segment.getByLabel('What was seen').blur();
  await expect(session).toHaveAttribute('data-saved', 'true');
  await expect(session.getByTestId('inspection-saved')).toBeVisible();
  await app.screenshot('virtual-session-log');

  // Evidence captured over video is marked as observed remotely.
  const photoPath = testInfo.outputPath('Dock camera still.png');
  writeFileSync(photoPath, await makePng(320, 240, 4));
  await ws.openCategory(1, 'Security Vision & Responsibility');
  const card = ws.criterion('1.1');
  await card.getByText('Evidence for 1.1 (0)').click();
  await card.getByTestId('evidence-panel').getByLabel('Attach photos or documents').setInputFiles(photoPath);
  const photo = card.getByTestId('evidence-item').filter({ hasText: 'Dock camera still.png' });
  await expect(photo).toContainText('Observed remotely');
  const thumbnail = photo.locator('img');
  await expect(thumbnail).toBeVisible();
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await ws.answer('1.1', 'Compliant');
  await ws.checkMethod('1.1', 'Live video');

  await ws.openCategory(3, 'Business Partners');
  await ws.answer('3.1', 'Deficient');
  await ws.fillFinding('3.1', {
    reason: 'Business partner gap',
    description: 'Two of five carriers were never screened; no money-laundering checks on any partner.',
  });
  await ws.answerRemainingWithKeyboard('c');
  await ws.openSection('Review and submit');
  await expect(page.getByText('Ready to submit')).toBeVisible();
  const virtualWarnings = page
    .locator('details')
    .filter({ hasText: 'Compliant without evidence (virtual validation)' });
  await virtualWarnings.locator('summary').click();
  await expect(virtualWarnings.getByTestId('problem').first()).toContainText(
    'is Compliant in a virtual validation with no evidence attached',
  );
  await expect(virtualWarnings.getByText(/^1\.1 is Compliant/)).toHaveCount(0);
  await expect(virtualWarnings.getByText(/^1\.2 is Compliant/)).toHaveCount(1);
  await app.screenshot('virtual-review');
  await ws.submit('Jordan A. Rivera');
  await expect(page.getByTestId('fingerprint')).toHaveText(/^[0-9a-f]{64}$/);

  await app.page.reload();
  await expect(page.getByTestId('submitted-summary')).toBeVisible();
});

test('keyboard first: shortcuts are listed, results are set from the keyboard, and Ctrl+Z undoes the last change durably', async ({
  app,
}) => {
  const page = app.page;
  await new MembersPage(page).startValidationOf('Rio Bravo Freight Lines LLC');
  const form = new NewValidationPage(page);
  await form.fill({ mode: 'In person', scheduledDate: '2026-12-03' });
  await form.create();
  const ws = new FieldWorkPage(page);
  await ws.criterion('1.1').focus();

  await page.keyboard.press('?');
  const help = page.getByTestId('shortcuts-help');
  await expect(help.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expect(help.getByRole('row', { name: /Ctrl\+Z/ })).toContainText('Undo');
  await app.screenshot('shortcuts');
  await page.keyboard.press('?');
  await expect(help).toHaveCount(0);

  await ws.criterion('1.1').focus();
  await page.keyboard.press('c');
  await page.keyboard.press('j');
  await expect(ws.criterion('1.2')).toBeFocused();
  await page.keyboard.press('n');
  await page.keyboard.press('j');
  await page.keyboard.press('v');
  await expect(ws.criterion('1.3').getByRole('radio', { name: /^Not verified/ })).toBeChecked();
  await page.keyboard.press('d');
  await expect(ws.criterion('1.3').getByTestId('finding-editor')).toBeVisible();
  // D moves on to the finding's reason; Esc comes back to the criterion.
  await expect(ws.criterion('1.3').getByLabel('Deficiency reason')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(ws.saveStatus()).toContainText('All changes saved');

  // Undo takes 1.3 back from Deficient to Not verified, and the store agrees after a reload.
  await page.keyboard.press('Control+z');
  await expect(page.getByText('Undid the last change to 1.3.')).toBeVisible();
  await expect(ws.criterion('1.3').getByRole('radio', { name: /^Not verified/ })).toBeChecked();
  await expect(ws.saveStatus()).toContainText('All changes saved');
  await page.reload();
  await ws.expectAnswer('1.1', 'Compliant');
  await ws.expectAnswer('1.2', 'Not applicable');
  await ws.expectAnswer('1.3', 'Not verified');

  // The finding D opened was still empty, so undo took it away with the result.
  await expect(ws.criterion('1.3').getByTestId('finding-editor')).toHaveCount(0);

  // ] and [ move between categories.
  await ws.criterion('1.1').focus();
  await page.keyboard.press(']');
  await expect(page.getByRole('heading', { level: 2, name: '2. Risk Assessment' })).toBeVisible();
});
