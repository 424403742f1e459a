import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { holdAnswers } from './hold-answer';
import { MembersPage } from './pages/members-page';
import { NewValidationPage, startValidation } from './pages/new-validation-page';
import { WorksheetPage } from './pages/worksheet-page';

const MEMBER = 'Gulf Coast Home Goods Imports, Inc.';

test('an SCSS records answers in three categories and finds them after a reload and a restart', async ({ app }) => {
  const members = new MembersPage(app.page);
  await expect(members.heading()).toBeVisible();
  await expect(members.memberCards()).toHaveCount(5);
  await app.screenshot('members');

  await members.startValidationOf(MEMBER);
  const form = new NewValidationPage(app.page);
  await form.fill({ mode: 'Virtual', scheduledDate: '2026-12-01' });
  await app.screenshot('new-validation');
  await form.create();

  const worksheet = new WorksheetPage(app.page);
  await expect(app.page.getByRole('heading', { level: 1, name: MEMBER })).toBeVisible();
  await expect(app.page.getByText('U.S. Importer validation · Virtual · scheduled Dec 1, 2026')).toBeVisible();
  await expect(worksheet.overallProgress()).toHaveText('0 of 93 answered (0%)');

  await worksheet.answer('1.1', 'Compliant');
  await worksheet.answer('1.3', 'Deficient', 'Security program has no written review component.');
  await worksheet.openCategory(4, 'Cybersecurity');
  await worksheet.answer('4.1', 'Compliant', 'Policy v3 reviewed on screen share.');
  await worksheet.answer('4.8', 'Not verified');
  await worksheet.openCategory(9, 'Physical Security');
  await worksheet.answer('9.6', 'Not applicable', 'No night operations at this site.');
  await expect(worksheet.overallProgress()).toHaveText('5 of 93 answered (5%)');
  await expect(worksheet.saveStatus()).toContainText('All changes saved');
  await app.screenshot('worksheet');

  // A best-practice observation: the box is read-only while it is added (the answer empties it), then it is listed.
  const observation = app.page.getByLabel('Record a best practice seen in this category');
  await observation.fill('Guard tour system logs every patrol with GPS checkpoints.');
  const held = await holdAnswers(app.page, 'observations:save');
  await app.page.getByRole('button', { name: 'Add observation' }).click();
  await expect(observation).not.toBeEditable();
  await held.release();
  await expect(app.page.getByTestId('observation')).toHaveText([/^Guard tour system logs every patrol/]);
  await expect(observation).toHaveValue('');
  await expect(observation).toBeEditable();

  const expectAllAnswers = async () => {
    await worksheet.openCategory(1, 'Security Vision & Responsibility');
    await worksheet.expectAnswer('1.1', 'Compliant');
    await worksheet.expectAnswer('1.3', 'Deficient', 'Security program has no written review component.');
    await worksheet.openCategory(4, 'Cybersecurity');
    await worksheet.expectAnswer('4.1', 'Compliant', 'Policy v3 reviewed on screen share.');
    await worksheet.expectAnswer('4.8', 'Not verified');
    await worksheet.openCategory(9, 'Physical Security');
    await worksheet.expectAnswer('9.6', 'Not applicable', 'No night operations at this site.');
    await expect(app.page.getByTestId('observation')).toHaveText([/^Guard tour system logs every patrol/]);
    await expect(worksheet.overallProgress()).toHaveText('5 of 93 answered (5%)');
  };

  await app.page.reload();
  await expectAllAnswers();

  await app.restart();
  await expectAllAnswers();

  await members.openMembers();
  const card = members.memberCard(MEMBER);
  await expect(card.getByTestId('validation-row')).toHaveCount(1);
  await expect(card.getByTestId('validation-row')).toContainText('In progress');
  await expect(card.getByTestId('validation-row')).toContainText('5 of 93 answered');
});

test('at 1366×768 the category list scrolls below the progress bar, so its first and last entries can be reached', async ({
  app,
}) => {
  const { page } = app;
  await page.setViewportSize({ width: 1366, height: 768 });
  await new MembersPage(page).startValidationOf(MEMBER);
  const form = new NewValidationPage(page);
  await form.fill({ mode: 'Virtual', scheduledDate: '2026-12-01' });
  await form.create();
  await expect(page.getByRole('heading', { level: 1, name: MEMBER })).toBeVisible();
  // At the foot of the page the sticky list is pushed up furthest.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const sections = page.getByRole('navigation', { name: 'Worksheet sections' });
  const categories = page.getByRole('navigation', { name: 'Criteria categories' });
  for (const link of [sections.getByRole('link').first(), categories.getByRole('link', { name: /^12\. / })]) {
    await link.scrollIntoViewIfNeeded();
    await expect(link).toBeInViewport({ ratio: 1 });
    // Seen, not under the sticky bar: the point at its centre is the link itself.
    const onTop = await link.evaluate((a) => {
      const r = a.getBoundingClientRect();
      return a.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
    });
    expect(onTop, await link.innerText()).toBe(true);
  }
});

test('changing an answer keeps only the latest choice, and notes typed just before leaving a category are kept', async ({
  app,
}) => {
  const members = new MembersPage(app.page);
  await members.startValidationOf('Rio Bravo Freight Lines LLC');
  const form = new NewValidationPage(app.page);
  await form.fill({ mode: 'In person', scheduledDate: '2026-11-30' });
  await form.create();

  const worksheet = new WorksheetPage(app.page);
  await worksheet.openCategory(6, 'Seal Security');
  // 6.3 (LTL high-security locks) applies to highway carriers only.
  await expect(worksheet.criterion('6.3')).toBeVisible();
  // The sticky bar keeps one height through "Saving…" and "All changes saved": were it to change, the navigation
  // below it would move under the pointer between press and release, and the click leaving the category be lost.
  await app.page.getByTestId('worksheet-bar').evaluate((bar) => {
    const heights: number[] = [];
    (window as unknown as { barHeights: number[] }).barHeights = heights;
    new ResizeObserver(() => heights.push(Math.round(bar.getBoundingClientRect().height))).observe(bar);
  });
  await worksheet.answer('6.3', 'Compliant');
  await worksheet.answer('6.3', 'Deficient');
  await worksheet.criterion('6.7').getByLabel('Notes for 6.7').fill('VVTT demonstrated by the yard lead.');
  // Leave right away, without waiting for the typing pause that normally triggers the save.
  await worksheet.openCategory(7, 'Procedural Security');
  await expect(worksheet.saveStatus()).toContainText('All changes saved');
  const barHeights = await app.page.evaluate(() => (window as unknown as { barHeights: number[] }).barHeights);
  expect(new Set(barHeights).size, `bar heights seen: ${barHeights.join(', ')}`).toBe(1);

  await app.page.reload();
  await worksheet.openCategory(6, 'Seal Security');
  await worksheet.expectAnswer('6.3', 'Deficient');
  await expect(worksheet.criterion('6.7').getByLabel('Notes for 6.7')).toHaveValue(
    'VVTT demonstrated by the yard lead.',
  );
});

/** What the page's beforeunload listeners decide, as on a reload or closing the window: true when they ask first. */
const leavingAsksFirst = (page: Page): Promise<boolean> =>
  page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });

test('notes typed just before a reload are saved, and text too long to save makes leaving the page ask first', async ({
  app,
}) => {
  const { page } = app;
  await startValidation(page, 'Rio Bravo Freight Lines LLC', { mode: 'In person', scheduledDate: '2026-11-30' });
  const worksheet = new WorksheetPage(page);
  await worksheet.openCategory(6, 'Seal Security');
  const notes = (id: string) => worksheet.criterion(id).getByLabel(`Notes for ${id}`);

  // Reloaded (or the window closed) before the typing pause ends: nothing unmounts, yet the note is sent.
  await notes('6.7').fill('Seal log reviewed, 3 gaps found');
  await page.reload();
  await worksheet.openCategory(6, 'Seal Security');
  await expect(notes('6.7')).toHaveValue('Seal log reviewed, 3 gaps found');

  // Text over the limit is never sent: it is only on screen, so leaving asks first, until it is shortened.
  expect(await leavingAsksFirst(page)).toBe(false);
  await notes('6.3').fill('x'.repeat(20_001));
  await expect(worksheet.criterion('6.3')).toContainText('Not saved: this text is 20,001 characters');
  await expect(worksheet.saveStatus()).toHaveText('1 text is too long to save: shorten it to save it');
  expect(await leavingAsksFirst(page)).toBe(true);
  await notes('6.3').fill('x'.repeat(20_000));
  await expect(notes('6.3')).toHaveAttribute('data-saved', 'true');
  await expect(worksheet.saveStatus()).toContainText('All changes saved');
  expect(await leavingAsksFirst(page)).toBe(false);
});

test('a site name or address too long is named at its field in words, and no site is added', async ({ app }) => {
  const { page } = app;
  const ws = await startValidation(page, 'Rio Bravo Freight Lines LLC', {
    mode: 'In person',
    scheduledDate: '2026-11-30',
  });
  await ws.openSection('Sites');
  await page.getByRole('button', { name: 'Add a site' }).click();
  const form = page.getByRole('form', { name: 'Add a site' });
  await form.getByLabel('Site name').fill('Laredo terminal '.repeat(13));
  await form.getByLabel('Address').fill('Carretera Nuevo Laredo–Monterrey km 12, '.repeat(13));
  await form.getByRole('button', { name: 'Add site' }).click();

  await expect(form.getByLabel('Site name')).toHaveAccessibleDescription(
    'A site name can be at most 200 characters; this one has 207. Shorten it.',
  );
  await expect(form.getByLabel('Address')).toHaveAccessibleDescription(
    'An address can be at most 500 characters; this one has 520. Shorten it.',
  );
  await expect(page.getByTestId('site')).toHaveCount(0);

  await form.getByLabel('Site name').fill('Laredo terminal');
  await form.getByLabel('Address').fill('Carretera Nuevo Laredo–Monterrey km 12');
  await form.getByRole('button', { name: 'Add site' }).click();
  await expect(page.getByTestId('site').filter({ hasText: 'Laredo terminal' })).toBeVisible();
});

test('the new-validation form explains what is missing and creates nothing', async ({ app }) => {
  const members = new MembersPage(app.page);
  await app.page.getByRole('main').getByRole('link', { name: 'Start a validation', exact: true }).click();
  const page = app.page;
  await page.getByLabel('Scheduled date').fill('');
  await page.getByRole('button', { name: 'Create validation' }).click();
  // Both errors at once, in the form's order, in the summary that took the focus; each also with its field.
  const summary = page.getByTestId('new-validation-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([
    'Choose the Member company to validate.',
    'Enter the scheduled date.',
  ]);
  await expect(page.getByLabel('Member company')).toHaveAccessibleDescription('Choose the Member company to validate.');
  await expect(page.getByLabel('Scheduled date')).toHaveAccessibleDescription('Enter the scheduled date.');
  await app.screenshot('new-validation-errors');
  await summary.getByRole('link', { name: 'Choose the Member company to validate.' }).click();
  await expect(page.getByLabel('Member company')).toBeFocused();

  await members.openMembers();
  await expect(page.getByTestId('validation-row')).toHaveCount(0);
});

test('the Members screen filters validations by status and scheduled date', async ({ app }) => {
  const page = app.page;
  const members = new MembersPage(page);
  const form = new NewValidationPage(page);
  const worksheet = new WorksheetPage(page);

  await members.startValidationOf(MEMBER);
  await form.fill({ mode: 'In person', scheduledDate: '2026-12-01' });
  await form.create();
  await worksheet.answer('1.1', 'Compliant');
  await members.openMembers();
  await members.startValidationOf('Rio Bravo Freight Lines LLC');
  await form.fill({ mode: 'Virtual', scheduledDate: '2027-01-15' });
  await form.create();
  await expect(page.getByRole('heading', { level: 1, name: 'Rio Bravo Freight Lines LLC' })).toBeVisible();
  await members.openMembers();
  await expect(members.memberCards()).toHaveCount(5);

  await page.getByLabel('Validation status').selectOption('In progress');
  await expect(page.getByRole('status').filter({ hasText: 'validation' })).toHaveText(/1 validation matches\./);
  await expect(members.memberCards()).toHaveCount(1);
  await expect(members.memberCard(MEMBER)).toBeVisible();

  await page.getByLabel('Validation status').selectOption('Any status');
  await page.getByLabel('Scheduled from').fill('2027-01-01');
  await expect(members.memberCards()).toHaveCount(1);
  await expect(members.memberCard('Rio Bravo Freight Lines LLC')).toBeVisible();
  await app.screenshot('members-filtered');

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(members.memberCards()).toHaveCount(5);
});
