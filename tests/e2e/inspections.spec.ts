import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from './fixtures';
import { ChecklistPanelPage, HOUSTON_SESSION_PARTICIPANTS, SessionLogPage } from './pages/inspections-page';
import { MembersPage } from './pages/members-page';
import { NewValidationPage, startValidation } from './pages/new-validation-page';
import { WorksheetPage } from './pages/worksheet-page';

test.use({ actionTimeout: 30_000 });

const MEMBER = 'Gulf Coast Home Goods Imports, Inc.';
const CONVEYANCE = 'Conveyance & Instruments of International Traffic Security';

const CONTAINER = '8-point container inspection: MSKU 123456-7';
const CONTAINER_ITEMS = ['Front wall', 'Left side', 'Right side', 'Ceiling / roof', 'Outside / undercarriage'] as const;
const DOORS = 'Inside / outside doors, including locking mechanism';
const FAN = 'Fan housing (refrigerated units)';
const SEAL = 'VVTT seal check: CBP-0042117';
const VVTT = {
  view: 'View the seal and the container locking mechanisms',
  verify: 'Verify the seal number against the shipping documents',
  tug: 'Tug the seal to make sure it is affixed',
  twist: 'Twist and turn the bolt seal to make sure it does not unscrew or separate',
};

/**
 * Makes the main process refuse the next saves (as it does for a submitted validation) by changing the
 * store behind the app's back; returns the status to put back.
 */
function setValidationStatus(dataDir: string, status: string): string {
  const db = new Database(path.join(dataDir, 'ctpat-validator.sqlite3'));
  try {
    const before = db.prepare('SELECT status FROM validations').get() as { status: string };
    db.prepare('UPDATE validations SET status = ?').run(status);
    return before.status;
  } finally {
    db.close();
  }
}

test('an SCSS records a container inspection under 5.3 and a VVTT seal check under 6.7 item by item, and finds them after a reload', async ({
  app,
}) => {
  const page = app.page;
  await new MembersPage(page).startValidationOf(MEMBER);
  const form = new NewValidationPage(page);
  await form.fill({ mode: 'In person', scheduledDate: '2026-11-30' });
  await form.create();
  const worksheet = new WorksheetPage(page);

  await worksheet.openCategory(5, CONVEYANCE);
  const conveyance = new ChecklistPanelPage(page, worksheet.criterion('5.3'));
  await expect(conveyance.panel).toContainText('No inspection recorded yet.');

  // A refrigerated container: the 8-point inspection adds the fan housing.
  await conveyance.add({ kind: 'Container / IIT inspection', label: 'MSKU 123456-7', refrigerated: true });
  const container = conveyance.inspection(CONTAINER);
  await expect(container.getByTestId('inspection-progress')).toHaveText('0 of 8 items recorded');
  await expect(container.getByRole('rowheader', { name: FAN })).toBeVisible();
  for (const item of CONTAINER_ITEMS) await conveyance.record(container, item, 'Pass');
  await conveyance.record(container, 'Floor', 'Fail', 'False floor panel: new screws, fresh sealant');
  await expect(container.getByTestId('inspection-progress')).toHaveText('6 of 8 items recorded · 1 failed');

  // Keyboard only: Space picks the focused choice, arrow keys move within the item's choices.
  await container.getByRole('radio', { name: `${DOORS}: Pass` }).focus();
  await page.keyboard.press('Space');
  await expect(container.getByRole('radio', { name: `${DOORS}: Pass` })).toBeChecked();
  await container.getByRole('radio', { name: `${FAN}: Pass` }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(container.getByRole('radio', { name: `${FAN}: Not applicable` })).toBeChecked();
  await expect(container.getByTestId('inspection-progress')).toHaveText('8 of 8 items recorded · 1 failed');
  await expect(container.getByTestId('inspection-saved')).toBeVisible();

  // A truck inspected too: tractor and trailer items are grouped; then it is removed again.
  await conveyance.add({
    kind: 'Tractor (7) and trailer (10) inspection',
    label: 'Tractor 42 / trailer 881',
    held: true,
  });
  const truck = conveyance.inspection('17-point tractor/trailer inspection: Tractor 42 / trailer 881');
  await expect(truck.locator('caption')).toHaveText(['Tractor (7 points)', 'Trailer (10 points)']);
  await expect(truck.getByTestId('inspection-progress')).toHaveText('0 of 17 items recorded');
  await conveyance.record(truck, 'Trailer front wall', 'Pass');
  await expect(truck.getByTestId('inspection-progress')).toHaveText('1 of 17 items recorded');
  await expect(conveyance.panel).toContainText('2 inspections recorded.');
  await app.screenshot('checklists');

  await truck.getByRole('button', { name: /^Remove inspection/ }).click();
  await expect(truck.getByRole('button', { name: 'Yes, remove it' })).toBeFocused();
  await truck.getByRole('button', { name: 'Yes, remove it' }).click();
  await expect(conveyance.inspections()).toHaveCount(1);
  await expect(conveyance.panel).toContainText('1 inspection recorded.');

  await worksheet.openCategory(6, 'Seal Security');
  const seals = new ChecklistPanelPage(page, worksheet.criterion('6.7'));
  // 6.7 calls for one kind only: no kind to choose.
  await expect(seals.panel.getByRole('radio', { name: /Container/ })).toHaveCount(0);
  await seals.add({ label: 'CBP-0042117' });
  const seal = seals.inspection(SEAL);
  await seals.record(seal, VVTT.view, 'Pass');
  await seals.record(seal, VVTT.verify, 'Pass', 'Matches BOL 7781 and the seal log');
  await seals.record(seal, VVTT.tug, 'Pass');

  // A save the store refuses: the choice stays on screen with the reason, and Try again saves it.
  const status = setValidationStatus(app.dataDir, 'SUBMITTED');
  const twistFail = seal.getByRole('radio', { name: `${VVTT.twist}: Fail`, exact: true });
  await seal.locator(`label[for="${await twistFail.getAttribute('id')}"]`).click();
  await expect(seal.getByRole('alert')).toContainText('Not saved: This validation has been submitted and is locked');
  await expect(twistFail).toBeChecked();
  await expect(seal.getByTestId('inspection-progress')).toHaveText('4 of 4 items recorded · 1 failed');
  setValidationStatus(app.dataDir, status);
  await seal.getByRole('button', { name: 'Try again' }).click();
  await expect(seal.getByTestId('inspection-saved')).toBeVisible();
  await expect(seal.getByRole('alert')).toHaveCount(0);
  await seals.record(seal, VVTT.twist, 'Fail', 'Bolt turned freely; seal replaced');

  const expectEverything = async () => {
    await worksheet.openCategory(5, CONVEYANCE);
    const reopened = new ChecklistPanelPage(page, worksheet.criterion('5.3'));
    await expect(reopened.inspections()).toHaveCount(1);
    const c = reopened.inspection(CONTAINER);
    await expect(c.getByTestId('inspection-progress')).toHaveText('8 of 8 items recorded · 1 failed');
    await expect(c.getByRole('checkbox', { name: /Refrigerated container/ })).toBeChecked();
    await expect(c.getByRole('textbox', { name: 'Container or IIT number' })).toHaveValue('MSKU 123456-7');
    for (const item of CONTAINER_ITEMS) await reopened.expectItem(c, item, 'Pass');
    await reopened.expectItem(c, 'Floor', 'Fail', 'False floor panel: new screws, fresh sealant');
    await reopened.expectItem(c, DOORS, 'Pass');
    await reopened.expectItem(c, FAN, 'Not applicable');

    await worksheet.openCategory(6, 'Seal Security');
    const s = new ChecklistPanelPage(page, worksheet.criterion('6.7')).inspection(SEAL);
    await expect(s.getByTestId('inspection-progress')).toHaveText('4 of 4 items recorded · 1 failed');
    await reopened.expectItem(s, VVTT.view, 'Pass');
    await reopened.expectItem(s, VVTT.verify, 'Pass', 'Matches BOL 7781 and the seal log');
    await reopened.expectItem(s, VVTT.tug, 'Pass');
    await reopened.expectItem(s, VVTT.twist, 'Fail', 'Bolt turned freely; seal replaced');
  };

  await page.reload();
  await expectEverything();
  await app.restart();
  await expectEverything();
});

test('two inspections added without a number are told apart by their place, until one is given a number', async ({
  app,
}) => {
  const page = app.page;
  const worksheet = await startValidation(page, 'Rio Bravo Freight Lines LLC', {
    mode: 'In person',
    scheduledDate: '2026-11-30',
  });
  await worksheet.openCategory(5, CONVEYANCE);
  const conveyance = new ChecklistPanelPage(page, worksheet.criterion('5.3'));
  const TRUCK = '17-point tractor/trailer inspection';

  await conveyance.add({ kind: 'Tractor (7) and trailer (10) inspection', label: '' });
  await expect(conveyance.inspection(TRUCK)).toBeVisible();
  await conveyance.add({ kind: 'Tractor (7) and trailer (10) inspection', label: '' });
  // Each is a region of its own name: a screen reader's list of regions no longer shows the same one twice.
  await expect(conveyance.inspection(`${TRUCK}: 1`)).toBeVisible();
  await expect(conveyance.inspection(`${TRUCK}: 2`)).toBeVisible();

  await conveyance
    .inspection(`${TRUCK}: 1`)
    .getByRole('textbox', { name: 'Tractor and trailer numbers' })
    .fill('TRK-9');
  await expect(conveyance.inspection(`${TRUCK}: TRK-9`)).toBeVisible();
  await expect(conveyance.inspection(TRUCK)).toBeVisible();
});

test('an SCSS logs a virtual session: platform, times, participants, documents and the tour, saved as typed and checked field by field', async ({
  app,
}) => {
  // A whole session log typed field by field, a reload and a restart.
  test.setTimeout(180_000);
  const page = app.page;
  await new MembersPage(page).startValidationOf(MEMBER);
  const form = new NewValidationPage(page);
  await form.fill({ mode: 'Virtual', scheduledDate: '2026-12-01' });
  await form.create();
  await expect(page.getByRole('heading', { level: 1, name: MEMBER })).toBeVisible();

  const log = new SessionLogPage(page);
  await log.open();
  const session = log.session(1);

  // Typing before a platform is chosen: the form says what the store is waiting for, and what else is missing.
  await session.getByRole('button', { name: 'Add tour segment' }).click();
  const segment = log.entry(session, 'Tour segment 1');
  await expect(segment.getByLabel('Time')).toBeFocused();
  await segment.getByLabel('Area shown').fill('Loading dock 3');
  await expect(session.getByTestId('session-save-status')).toContainText('Not saved yet: choose the video platform');
  await expect(session.getByText('Choose the video platform.')).toBeVisible();
  await expect(session.getByLabel('Video platform')).toHaveAttribute('aria-invalid', 'true');
  await expect(segment.getByText('Enter the time of this part of the tour.')).toBeVisible();
  await expect(session.getByTestId('inspection-saved')).toHaveCount(0);

  await session.getByLabel('Video platform').selectOption('Microsoft Teams');
  await expect(session.getByTestId('inspection-saved')).toBeVisible();
  await session.getByLabel('Session start').fill('2026-12-01T14:00');
  await session.getByLabel('Session end').fill('2026-12-01T13:30');
  await expect(session.getByText('The end must be after the start.')).toBeVisible();

  await log.addParticipants(session, HOUSTON_SESSION_PARTICIPANTS);
  await session.getByRole('button', { name: 'Add participant' }).click();
  await log.entry(session, 'Participant 3').getByLabel('Name').fill('Someone who did not join');
  await session.getByRole('button', { name: 'Remove participant 3' }).click();
  await expect(log.entry(session, 'Participant 3')).toHaveCount(0);

  await session.getByRole('button', { name: 'Add document' }).click();
  const doc = log.entry(session, 'Document 1');
  await doc.getByLabel('Title').fill('Seal log, Oct–Nov 2026');
  await doc.getByLabel('Requested on').fill('2026-11-20');
  await doc.getByLabel('Received on').fill('2026-11-28');

  await segment.getByLabel('Time').fill('14:40');
  await segment.getByLabel('Criteria shown').fill('5.3, 6.3');
  await segment.getByLabel('What was seen').fill('Live 7-point inspection of MSKU 123456-7; VVTT on seal CBP-0042117.');
  // 6.3 is a highway-carrier criterion, not on an importer's worksheet.
  await expect(segment.getByText('6.3 is not on this worksheet.')).toBeVisible();
  await expect(session.getByTestId('session-held-back')).toContainText('2 marked fields are not saved until fixed');

  // The store refuses the save: the reason is shown and nothing typed is lost.
  const status = setValidationStatus(app.dataDir, 'SUBMITTED');
  await session.getByLabel('Session end').fill('2026-12-01T16:30');
  await segment.getByLabel('Criteria shown').fill('5.3, 6.7');
  await segment.getByLabel('Criteria shown').blur();
  await expect(session.getByRole('alert')).toContainText('Not saved: This validation has been submitted and is locked');
  await expect(session.getByLabel('Session end')).toHaveValue('2026-12-01T16:30');
  await expect(log.entry(session, 'Participant 2').getByLabel('Name')).toHaveValue('Lee Chen');
  setValidationStatus(app.dataDir, status);

  await session.getByRole('button', { name: 'Try again' }).click();
  await expect(session.getByTestId('inspection-saved')).toBeVisible();
  await expect(session.getByText('The end must be after the start.')).toHaveCount(0);
  await expect(session.getByTestId('session-held-back')).toHaveCount(0);
  await app.screenshot('virtual-session');

  const expectSession = async () => {
    const saved = log.session(1);
    await expect(saved.getByLabel('Video platform')).toHaveValue('Microsoft Teams');
    await expect(saved.getByLabel('Session start')).toHaveValue('2026-12-01T14:00');
    await expect(saved.getByLabel('Session end')).toHaveValue('2026-12-01T16:30');
    const p1 = log.entry(saved, 'Participant 1');
    await expect(p1.getByLabel('Name')).toHaveValue('Dana Ruiz');
    await expect(p1.getByLabel('Role')).toHaveValue('CBP_SCSS');
    await expect(p1.getByLabel('Organization')).toHaveValue('CBP Houston Field Office');
    const p2 = log.entry(saved, 'Participant 2');
    await expect(p2.getByLabel('Name')).toHaveValue('Lee Chen');
    await expect(p2.getByLabel('Role')).toHaveValue('COMPANY_POINT_OF_CONTACT');
    await expect(log.entry(saved, 'Participant 3')).toHaveCount(0);
    const d1 = log.entry(saved, 'Document 1');
    await expect(d1.getByLabel('Title')).toHaveValue('Seal log, Oct–Nov 2026');
    await expect(d1.getByLabel('Requested on')).toHaveValue('2026-11-20');
    await expect(d1.getByLabel('Received on')).toHaveValue('2026-11-28');
    const s1 = log.entry(saved, 'Tour segment 1');
    await expect(s1.getByLabel('Time')).toHaveValue('14:40');
    await expect(s1.getByLabel('Area shown')).toHaveValue('Loading dock 3');
    await expect(s1.getByLabel('Criteria shown')).toHaveValue('5.3, 6.7');
    await expect(s1.getByLabel('What was seen')).toHaveValue(
      'Live 7-point inspection of MSKU 123456-7; VVTT on seal CBP-0042117.',
    );
  };

  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Virtual session log' })).toBeVisible();
  await expectSession();
  await app.restart();
  await expectSession();
});
