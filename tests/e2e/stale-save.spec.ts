import { expect, test } from './fixtures';
import { holdFirstAnswer } from './held-answer';
import { MembersPage } from './pages/members-page';
import { NewValidationPage } from './pages/new-validation-page';
import { WorksheetPage } from './pages/worksheet-page';

const FIRST = 'Gulf Coast Home Goods Imports, Inc.';
const SECOND = 'Great Lakes Auto Parts Distributors LLC';
const ANSWER_SAVE = /\/api\/invoke\/responses(%3A|:)save$/;

test('an answer whose save finishes after the SCSS opened another validation stays with its own validation', async ({
  app,
}) => {
  const page = app.page;
  const members = new MembersPage(page);
  const worksheet = new WorksheetPage(page);
  for (const [member, date] of [
    [SECOND, '2026-12-02'],
    [FIRST, '2026-12-01'],
  ] as const) {
    await members.openMembers();
    await members.startValidationOf(member);
    const form = new NewValidationPage(page);
    await form.fill({ mode: 'In person', scheduledDate: date });
    await form.create();
    await expect(page.getByRole('heading', { level: 1, name: member })).toBeVisible();
  }

  // The first validation's answer to 1.1 is stored at once, but the page hears back only later (a busy laptop).
  const answer = await holdFirstAnswer(page, ANSWER_SAVE);
  await worksheet
    .criterion('1.1')
    .locator('.result-group label')
    .filter({ hasText: /^Compliant/ })
    .click();
  await answer.stored;

  // The SCSS moves on to the second validation before the answer comes back.
  await members.openMembers();
  await members.memberCard(SECOND).getByTestId('validation-row').getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: SECOND })).toBeVisible();
  await expect(worksheet.overallProgress()).toContainText('0 of');

  const lateAnswer = page.waitForResponse(ANSWER_SAVE);
  answer.release();
  await lateAnswer;
  // A save in this worksheet after the late answer arrived: the page has handled both by the time it shows.
  await worksheet.answer('1.2', 'Not verified');

  await expect(worksheet.criterion('1.1').getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(worksheet.overallProgress()).toContainText('1 of');
  await worksheet.expectAnswer('1.2', 'Not verified');

  // The held answer was saved where it was given.
  await members.openMembers();
  await members.memberCard(FIRST).getByTestId('validation-row').getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: FIRST })).toBeVisible();
  await worksheet.expectAnswer('1.1', 'Compliant');
  await expect(worksheet.overallProgress()).toContainText('1 of');
});

const FINDING_SAVE = /\/api\/invoke\/findings(%3A|:)save$/;

test('two quick edits to a finding both stay, even when the first save is slow to come back', async ({ app }) => {
  const page = app.page;
  const members = new MembersPage(page);
  await members.openMembers();
  await members.startValidationOf(FIRST);
  const form = new NewValidationPage(page);
  await form.fill({ mode: 'In person', scheduledDate: '2026-12-03' });
  await form.create();
  const worksheet = new WorksheetPage(page);
  // 3.1 is a Must: Deficient opens an Action required finding.
  await worksheet.openCategory(3, 'Business Partners');
  await worksheet.answer('3.1', 'Deficient');
  const editor = worksheet.criterion('3.1').getByTestId('finding-editor');
  await expect(editor.getByRole('radio', { name: 'Action required' })).toBeChecked();

  // The classification's save is held on its way (a busy laptop); the SCSS picks a reason meanwhile.
  let releaseFirst: () => void = () => {};
  const firstReleased = new Promise<void>((resolve) => {
    releaseFirst = resolve;
  });
  const sent: string[] = [];
  await page.route(FINDING_SAVE, async (route) => {
    sent.push(route.request().postData() ?? '');
    if (sent.length === 1) await firstReleased;
    await route.continue();
  });
  await editor.getByText('Recommendation', { exact: true }).click();
  await expect(editor.getByRole('radio', { name: 'Recommendation' })).toBeChecked();
  await editor.getByLabel('Deficiency reason').selectOption({ label: 'Partially implemented' });
  await expect(editor.getByLabel('Deficiency reason')).toHaveValue(/.+/);
  expect(sent).toHaveLength(1);

  const bothSaved = page.waitForResponse((r) => FINDING_SAVE.test(r.url()) && sent.length === 2);
  releaseFirst();
  await bothSaved;
  await expect(editor.getByText('Finding saved')).toBeVisible();
  expect(JSON.parse(sent[1] ?? '{}')).toMatchObject({ classification: 'RECOMMENDATION' });

  // What is stored is both edits: a reload shows the Recommendation with its reason.
  await page.unroute(FINDING_SAVE);
  await page.reload();
  const reloaded = worksheet.criterion('3.1').getByTestId('finding-editor');
  await expect(reloaded.getByRole('radio', { name: 'Recommendation' })).toBeChecked();
  await expect(reloaded.getByLabel('Deficiency reason').locator('option:checked')).toHaveText('Partially implemented');
});
