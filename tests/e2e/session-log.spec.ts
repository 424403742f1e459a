import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { holdFirstAnswer } from './held-answer';
import { HOUSTON_SESSION_PARTICIPANTS, SessionLogPage } from './pages/inspections-page';
import { startValidation } from './pages/new-validation-page';
import { WorksheetPage } from './pages/worksheet-page';

test.use({ actionTimeout: 30_000, viewport: { width: 1366, height: 768 } });
// Each test types a whole session log and opens the app up to three times over.
test.describe.configure({ timeout: 240_000 });

const MEMBER = 'Gulf Coast Home Goods Imports, Inc.';
const CATEGORY = [1, 'Security Vision & Responsibility'] as const;
const TOUR_NOTE = 'Live 7-point inspection of MSKU 123456-7; VVTT on seal CBP-0042117.';

async function startVirtualValidation(page: Page): Promise<void> {
  await startValidation(page, MEMBER, { mode: 'Virtual', scheduledDate: '2026-12-01' });
}

/** Whether the store (read through the app's own channel, as a restart would) holds this session end. */
function storedEndIs(page: Page, localEnd: string): Promise<boolean> {
  return page.evaluate(async (end) => {
    type Answer = { ok: boolean; value?: { virtualSessions: { endedAt: string | null }[] } };
    const api = (
      window as unknown as { api: { worksheet: { open: (r: { validationId: string }) => Promise<Answer> } } }
    ).api;
    const validationId = /#\/validations\/([^/]+)/.exec(window.location.hash)?.[1] ?? '';
    const answer = await api.worksheet.open({ validationId });
    return answer.value?.virtualSessions[0]?.endedAt === new Date(end).toISOString();
  }, localEnd);
}

/** Everything the SCSS typed in the first part of the test, as the log shows it. */
async function expectTypedSession(log: SessionLogPage, session: Locator): Promise<void> {
  await expect(session.getByLabel('Video platform')).toHaveValue('Zoom');
  await expect(session.getByLabel('Session start')).toHaveValue('2026-12-01T14:00');
  await expect(session.getByLabel('Session end')).toHaveValue('2026-12-01T16:30');
  const p1 = log.entry(session, 'Participant 1');
  await expect(p1.getByLabel('Name')).toHaveValue('Dana Ruiz');
  await expect(p1.getByLabel('Role')).toHaveValue('CBP_SCSS');
  await expect(p1.getByLabel('Organization')).toHaveValue('CBP Houston Field Office');
  const p2 = log.entry(session, 'Participant 2');
  await expect(p2.getByLabel('Name')).toHaveValue('Lee Chen');
  await expect(p2.getByLabel('Role')).toHaveValue('COMPANY_POINT_OF_CONTACT');
  const d1 = log.entry(session, 'Document 1');
  await expect(d1.getByLabel('Title')).toHaveValue('Seal log, Oct–Nov 2026');
  await expect(d1.getByLabel('Requested on')).toHaveValue('2026-11-20');
  await expect(d1.getByLabel('Received on')).toHaveValue('2026-11-28');
  const s1 = log.entry(session, 'Tour segment 1');
  await expect(s1.getByLabel('Time')).toHaveValue('14:40');
  await expect(s1.getByLabel('Area shown')).toHaveValue('Loading dock 3');
  await expect(s1.getByLabel('Criteria shown')).toHaveValue('5.3, 6.7');
  await expect(s1.getByLabel('What was seen')).toHaveValue(TOUR_NOTE);
}

test('the session log saves itself as the SCSS types: leaving for a category, reloading and a fresh window all find it', async ({
  app,
  browser,
}) => {
  const page = app.page;
  await startVirtualValidation(page);
  const log = new SessionLogPage(page);
  await log.open();
  const session = log.session(1);
  await expect(session.getByRole('button', { name: /save/i })).toHaveCount(0);

  await session.getByLabel('Video platform').selectOption('Zoom');
  // The first choice creates the session: it is no longer "new", and says it is saved.
  await expect(page.getByRole('heading', { level: 3, name: 'Session 1' })).toBeVisible();
  await expect(session.getByTestId('inspection-saved')).toBeVisible();
  await session.getByLabel('Session start').fill('2026-12-01T14:00');
  await session.getByLabel('Session end').fill('2026-12-01T16:30');
  await log.addParticipants(session, HOUSTON_SESSION_PARTICIPANTS);
  await session.getByRole('button', { name: 'Add document' }).click();
  const doc = log.entry(session, 'Document 1');
  await doc.getByLabel('Title').fill('Seal log, Oct–Nov 2026');
  await doc.getByLabel('Requested on').fill('2026-11-20');
  await doc.getByLabel('Received on').fill('2026-11-28');
  await session.getByRole('button', { name: 'Add tour segment' }).click();
  const segment = log.entry(session, 'Tour segment 1');
  await segment.getByLabel('Time').fill('14:40');
  await segment.getByLabel('Area shown').fill('Loading dock 3');
  await segment.getByLabel('Criteria shown').fill('5.3, 6.7');
  await segment.getByLabel('What was seen').fill(TOUR_NOTE);

  // Straight to a category while the last words are still in the pause before their save.
  const worksheet = new WorksheetPage(page);
  await worksheet.openCategory(...CATEGORY);
  await log.open();
  await expectTypedSession(log, log.session(1));
  await expect(log.session(1)).toHaveAttribute('data-saved', 'true');
  await expect(log.session(1).getByTestId('inspection-saved')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Virtual session log' })).toBeVisible();
  await expectTypedSession(log, log.session(1));

  // A window with no memory of this one reads only what the store holds.
  const fresh = await browser.newContext();
  try {
    const other = await fresh.newPage();
    await other.goto(page.url());
    const otherLog = new SessionLogPage(other);
    await expect(other.getByRole('heading', { level: 2, name: 'Virtual session log' })).toBeVisible();
    await expectTypedSession(otherLog, otherLog.session(1));
  } finally {
    await fresh.close();
  }
  await app.screenshot('session-log-autosaved');
});

test('a refused field is marked where it is and kept on screen while the rest saves; leaving the screen loses neither', async ({
  app,
  browser,
}) => {
  const page = app.page;
  await startVirtualValidation(page);
  const log = new SessionLogPage(page);
  await log.open();
  const session = log.session(1);

  // Nothing is stored until there is a platform, and the form says so at the platform.
  await session.getByLabel('Session start').fill('2026-12-01T14:00');
  await expect(session.getByTestId('session-save-status')).toContainText(
    'Not saved yet: choose the video platform; the session is saved as soon as it has one.',
  );
  await expect(session.getByLabel('Video platform')).toHaveAttribute('aria-invalid', 'true');
  await session.getByLabel('Video platform').selectOption('Microsoft Teams');
  await expect(session.getByTestId('inspection-saved')).toBeVisible();
  await expect(session.getByLabel('Video platform')).not.toHaveAttribute('aria-invalid', 'true');
  await session.getByRole('button', { name: 'Add participant' }).click();
  await log.entry(session, 'Participant 1').getByLabel('Name').fill('Dana Ruiz');

  // The end before the start: said at the end, in plain words; the typed end stays; the participant saves.
  await session.getByLabel('Session end').fill('2026-12-01T13:30');
  const end = session.getByLabel('Session end');
  await expect(session.getByText('The end must be after the start.')).toBeVisible();
  await expect(end).toHaveAttribute('aria-invalid', 'true');
  await expect(session.getByTestId('session-held-back')).toContainText('One marked field is not saved until fixed');
  // 6.3 is a highway-carrier criterion, not on an importer's worksheet.
  await session.getByRole('button', { name: 'Add tour segment' }).click();
  const segment = log.entry(session, 'Tour segment 1');
  await segment.getByLabel('Time').fill('14:40');
  await segment.getByLabel('Area shown').fill('Loading dock 3');
  await segment.getByLabel('Criteria shown').fill('5.3, 6.3');
  await expect(segment.getByText('6.3 is not on this worksheet.')).toBeVisible();
  await segment.getByLabel('Criteria shown').blur();
  await expect(session.getByTestId('inspection-saved')).toBeVisible();
  await app.screenshot('session-log-refused-fields');

  // Leave and come back: the refused values are still there, still marked.
  await new WorksheetPage(page).openCategory(...CATEGORY);
  await log.open();
  const back = log.session(1);
  await expect(back.getByLabel('Session end')).toHaveValue('2026-12-01T13:30');
  await expect(back.getByText('The end must be after the start.')).toBeVisible();
  await expect(back).toHaveAttribute('data-saved', 'false');
  await expect(log.entry(back, 'Tour segment 1').getByLabel('Criteria shown')).toHaveValue('5.3, 6.3');
  await expect(log.entry(back, 'Participant 1').getByLabel('Name')).toHaveValue('Dana Ruiz');

  // The store has what passed (the platform, the start, the participant), not the refused parts.
  const fresh = await browser.newContext();
  try {
    const other = await fresh.newPage();
    await other.goto(page.url());
    const stored = new SessionLogPage(other).session(1);
    await expect(stored.getByLabel('Video platform')).toHaveValue('Microsoft Teams');
    await expect(stored.getByLabel('Session start')).toHaveValue('2026-12-01T14:00');
    await expect(stored.getByLabel('Session end')).toHaveValue('');
    await expect(new SessionLogPage(other).entry(stored, 'Participant 1').getByLabel('Name')).toHaveValue('Dana Ruiz');
    await expect(new SessionLogPage(other).entry(stored, 'Tour segment 1')).toHaveCount(0);
  } finally {
    await fresh.close();
  }

  // Fixed, and the screen left at once by its address (no blur): the fix reaches the store on the way out.
  await back.getByLabel('Session end').fill('2026-12-01T16:30');
  await log.entry(back, 'Tour segment 1').getByLabel('Criteria shown').fill('5.3, 6.7');
  await expect(back.getByTestId('session-held-back')).toHaveCount(0);
  const worksheetUrl = page.url().replace(/\/session$/, '/category/1');
  await page.evaluate((url) => {
    window.location.href = url;
  }, worksheetUrl);
  await expect(page.getByRole('heading', { level: 2, name: `${CATEGORY[0]}. ${CATEGORY[1]}` })).toBeVisible();
  await expect.poll(() => storedEndIs(page, '2026-12-01T16:30')).toBe(true);

  await app.restart();
  await log.open();
  const restarted = log.session(1);
  await expect(restarted.getByLabel('Session end')).toHaveValue('2026-12-01T16:30');
  await expect(restarted.getByText('The end must be after the start.')).toHaveCount(0);
  await expect(log.entry(restarted, 'Tour segment 1').getByLabel('Criteria shown')).toHaveValue('5.3, 6.7');
  await expect(log.entry(restarted, 'Tour segment 1').getByLabel('Area shown')).toHaveValue('Loading dock 3');
});

const SESSION_SAVE = /\/api\/invoke\/sessions(%3A|:)save$/;

test('a save still on its way when the SCSS leaves and comes back ends as saved, not "Saving…" for good', async ({
  app,
}) => {
  const page = app.page;
  await startVirtualValidation(page);
  const log = new SessionLogPage(page);
  await log.open();
  await log.session(1).getByLabel('Video platform').selectOption('Zoom');
  await expect(log.session(1).getByTestId('inspection-saved')).toBeVisible();

  // The save sent on leaving is stored at once, but the page hears back only after the SCSS has returned.
  const save = await holdFirstAnswer(page, SESSION_SAVE);
  await log.session(1).getByLabel('Session start').fill('2026-12-01T14:00');
  await new WorksheetPage(page).openCategory(...CATEGORY);
  await save.stored;
  await log.open();
  await expect(log.session(1).getByText('Saving…')).toBeVisible();

  const answered = page.waitForResponse(SESSION_SAVE);
  save.release();
  await answered;
  await expect(log.session(1).getByTestId('inspection-saved')).toBeVisible();
  await expect(log.session(1).getByText('Saving…')).toHaveCount(0);
  await expect(log.session(1)).toHaveAttribute('data-saved', 'true');
  await expect(log.session(1).getByLabel('Session start')).toHaveValue('2026-12-01T14:00');
});
