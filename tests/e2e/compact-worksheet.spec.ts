import type { Page } from '@playwright/test';
import { makePng } from '../unit/evidence-fixtures';
import { expect, test } from './fixtures';
import { MembersPage } from './pages/members-page';
import { NewValidationPage } from './pages/new-validation-page';
import { FieldWorkPage } from './pages/worksheet-page';
import { storedWorksheet as stored } from './stored-worksheet';

test.use({ actionTimeout: 30_000 });
// Long keyboard runs on a busy 2-core machine: each key is a save through the store.
test.describe.configure({ timeout: 240_000 });

const CARRIER = 'Rio Bravo Freight Lines LLC';

async function startInPerson(page: Page): Promise<{ ws: FieldWorkPage; validationId: string }> {
  const members = new MembersPage(page);
  await members.startValidationOf(CARRIER);
  const form = new NewValidationPage(page);
  await form.fill({ mode: 'In person', scheduledDate: '2026-11-30' });
  await form.create();
  const ws = new FieldWorkPage(page);
  await expect(page.getByRole('heading', { level: 1, name: CARRIER })).toBeVisible();
  const validationId = /#\/validations\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  if (!validationId) throw new Error(`no validation id in ${page.url()}`);
  return { ws, validationId };
}

const row = (page: Page, id: string) => page.locator(`[data-criterion="${id}"]`);
const activeCriterion = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest<HTMLElement>('[data-criterion]')?.dataset.criterion ?? null);

test('an SCSS answers a whole category in the compact view with the keyboard alone', async ({ app }) => {
  const { page } = app;
  const { ws, validationId } = await startInPerson(page);
  await ws.addSite({
    name: 'Laredo yard',
    type: 'Carrier yard or terminal',
    address: '1 Mines Rd, Laredo TX',
    visitDate: '2026-11-30',
  });
  await ws.openCategory(6, 'Seal Security');

  // The layout switch is a pair of toggle buttons; the choice is remembered.
  await page.getByRole('button', { name: 'Compact' }).click();
  await expect(page.getByRole('button', { name: 'Compact' })).toHaveAttribute('aria-pressed', 'true');
  const rows = page.getByTestId('criterion-row');
  const ids = await rows.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.criterion ?? ''));
  expect(ids.length).toBeGreaterThan(5);
  // Density: at 1366×768 many rows fit on one screen (a detailed card takes most of it).
  const visible = await rows.evaluateAll(
    (els) => els.filter((el) => el.getBoundingClientRect().bottom <= window.innerHeight).length,
  );
  await app.screenshot('worksheet-compact');
  expect(visible).toBeGreaterThanOrEqual(6);

  // Result buttons are named by their result alone; the key is announced as a shortcut.
  const compliant = row(page, ids[0] ?? '').getByRole('radio', { name: 'Compliant', exact: true });
  await expect(compliant).toHaveAttribute('aria-keyshortcuts', 'C');
  // In person, the remote methods are not offered until the SCSS turns them on.
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  const first = row(page, ids[0] ?? '');
  await expect(first.getByRole('checkbox', { name: 'Observed on site' })).toBeVisible();
  await expect(first.getByRole('checkbox', { name: 'Live video' })).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(first.getByRole('checkbox', { name: 'Observed on site' })).toHaveCount(0);

  // From here on: only keys. Every criterion of the category gets a result; some get methods, a site, notes.
  const deficientId = ids[1] ?? '';
  for (const [index, id] of ids.entries()) {
    expect(await activeCriterion(page)).toBe(id);
    if (id === deficientId) {
      await page.keyboard.press('d');
      // Focus moves to the finding: its deficiency reason first.
      const reason = row(page, id).getByLabel('Deficiency reason');
      await expect(reason).toBeFocused();
      await reason.press('n'); // first option starting with "N": No written procedure
      await expect(reason).not.toHaveValue('');
      await page.keyboard.press('Escape');
      expect(await activeCriterion(page)).toBe(id);
    } else {
      await page.keyboard.press(index % 3 === 2 ? 'v' : 'c');
      await page.keyboard.press('1');
      if (index % 2 === 0) await page.keyboard.press('2');
    }
    if (index === 0) {
      await page.keyboard.press('s');
      const site = row(page, id).getByLabel('Verified at');
      await expect(site).toBeFocused();
      await site.press('ArrowDown');
      await page.keyboard.press('Escape');
      await page.keyboard.press('e');
      const notes = row(page, id).getByLabel(`Notes for ${id}`);
      await expect(notes).toBeFocused();
      await page.keyboard.type('Seal log checked against the bill of lading.');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Enter'); // close the row again
    }
    await page.keyboard.press('j');
  }
  await expect(ws.saveStatus()).toContainText('All changes saved');
  await app.screenshot('worksheet-compact-answered');

  // What the screen shows is what the store holds.
  const worksheet = await stored(page, validationId);
  const responses = new Map(worksheet.responses.map((r) => [r.criterionId, r]));
  for (const [index, id] of ids.entries()) {
    const expected = id === deficientId ? 'DEFICIENT' : index % 3 === 2 ? 'NOT_VERIFIED' : 'COMPLIANT';
    expect(responses.get(id)?.result, id).toBe(expected);
    if (id !== deficientId) {
      expect(responses.get(id)?.verificationMethods, id).toEqual(
        index % 2 === 0 ? ['OBSERVED_ON_SITE', 'DOCUMENT_REVIEWED'] : ['OBSERVED_ON_SITE'],
      );
    }
  }
  expect(responses.get(ids[0] ?? '')?.notes).toBe('Seal log checked against the bill of lading.');
  expect(responses.get(ids[0] ?? '')?.siteId).toBe(worksheet.sites[0]?.id);
  const finding = worksheet.findings.find((f) => f.criterionId === deficientId);
  expect(finding?.reasonCode).toBe('NO_WRITTEN_PROCEDURE');

  // The compact view is remembered across a reload; the indicators say what each row holds.
  await page.reload();
  await expect(rows.first()).toBeVisible();
  await expect(row(page, ids[0] ?? '').locator('.criterion-row__indicators')).toContainText('Notes');
  await expect(row(page, deficientId).locator('.criterion-row__indicators')).toContainText('Finding');
});

test('at 1366×768 a row holding notes, evidence and a finding keeps its toggle and all four results inside it', async ({
  app,
}) => {
  const { page } = app;
  await page.setViewportSize({ width: 1366, height: 768 });
  const { ws } = await startInPerson(page);
  await ws.openCategory(1, 'Security Vision & Responsibility');
  await page.getByRole('button', { name: 'Compact' }).click();
  const first = row(page, '1.1');
  await ws.answer('1.1', 'Deficient', 'No signed statement at the Laredo yard.');
  await first.locator('summary', { hasText: 'Evidence for 1.1 (0)' }).click();
  await first
    .getByTestId('evidence-panel')
    .filter({ has: page.getByRole('heading', { name: 'Evidence for 1.1' }) })
    .getByLabel('Attach photos or documents')
    .setInputFiles({ name: 'lobby.png', mimeType: 'image/png', buffer: await makePng(64, 48) });
  await expect(first.locator('summary', { hasText: 'Evidence for 1.1 (1)' })).toBeVisible();
  const toggle = first.getByRole('button', { name: 'Details of 1.1' });
  await toggle.click();
  await expect(first.locator('.criterion-row__indicators')).toHaveText(/Notes.*Evidence 1.*Finding/);

  // The tags take room from the summary, never from the toggle or the result buttons.
  const card = await first.boundingBox();
  expect((await toggle.boundingBox())?.width).toBeGreaterThanOrEqual(27);
  for (const label of await first.locator('.result-group label').all()) {
    const box = await label.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0), await label.innerText()).toBeLessThanOrEqual(
      (card?.x ?? 0) + (card?.width ?? 0),
    );
  }
});

test('undoing an accidental D takes the empty finding away, but keeps one the SCSS wrote into', async ({ app }) => {
  const { page } = app;
  const { ws, validationId } = await startInPerson(page);
  await ws.openCategory(1, 'Security Vision & Responsibility');
  const card = ws.criterion('1.1');
  await card.focus();
  await page.keyboard.press('d');
  await expect(card.getByTestId('finding-editor')).toBeVisible();
  await expect(card.getByLabel('Deficiency reason')).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await expect(page.getByText('Undid the last change to 1.1.')).toBeVisible();
  await expect(card.getByRole('radio', { name: 'Deficient', exact: true })).not.toBeChecked();
  await expect(card.getByTestId('finding-editor')).toHaveCount(0);
  await expect.poll(async () => (await stored(page, validationId)).findings.length).toBe(0);

  // A finding with words in it is the SCSS's work: undoing the result leaves it for them to decide.
  await ws.criterion('1.2').focus();
  await page.keyboard.press('d');
  await ws.fillFinding('1.2', { reason: 'Not implemented', description: 'No review of the program in 2026.' });
  await ws.criterion('1.2').focus();
  await page.keyboard.press('Control+z');
  await expect(ws.criterion('1.2').getByRole('radio', { name: 'Deficient', exact: true })).not.toBeChecked();
  await expect(ws.criterion('1.2').getByTestId('finding-editor')).toBeVisible();
  expect((await stored(page, validationId)).findings.map((f) => f.criterionId)).toEqual(['1.2']);
});

test('N on a Must criterion moves to the justification, and the worksheet reopens at the criterion last worked on', async ({
  app,
}) => {
  const { page } = app;
  const { ws } = await startInPerson(page);
  await ws.openCategory(5, 'Conveyance & Instruments of International Traffic Security');
  const card = ws.criterion('5.4');
  await card.focus();
  await page.keyboard.press('n');
  await expect(card.getByLabel(/^Why 5\.4 does not apply/)).toBeFocused();
  await page.keyboard.type('No conveyances cross at this site.');
  await page.keyboard.press('Escape');
  await page.keyboard.press('j');
  const next = await activeCriterion(page);
  expect(next).not.toBe('5.4');

  await page.reload();
  await expect.poll(() => activeCriterion(page)).toBe(next);
  await expect(ws.criterion('5.4').getByLabel(/^Why 5\.4 does not apply/)).toHaveValue(
    'No conveyances cross at this site.',
  );

  // From the Members list, the validation opens at the same place, not at category 1.
  const members = new MembersPage(page);
  await members.openMembers();
  await page.getByTestId('validation-row').filter({ hasText: 'In person' }).getByRole('link').first().click();
  await expect(
    page.getByRole('heading', { level: 2, name: '5. Conveyance & Instruments of International Traffic Security' }),
  ).toBeVisible();
  await expect.poll(() => activeCriterion(page)).toBe(next);
});

test('a link from Review and submit opens the compact row it names, at the field to complete', async ({ app }) => {
  const { page } = app;
  const { ws } = await startInPerson(page);
  await page.getByRole('button', { name: 'Compact' }).click();
  await ws.openCategory(5, 'Conveyance & Instruments of International Traffic Security');
  const card = ws.criterion('5.4');
  await card.focus();
  await page.keyboard.press('n');
  const justification = card.getByLabel(/^Why 5\.4 does not apply/);
  await expect(justification).toBeFocused();
  // Folded without a justification: Review and submit names it, and its link must show the field, not a folded row.
  await card.getByRole('button', { name: /5\.4/, expanded: true }).click();
  await expect(justification).toBeHidden();

  await ws.openSection('Review and submit');
  await page.getByRole('link', { name: /5\.4.*justification/ }).click();
  await expect(card.getByRole('button', { name: /5\.4/, expanded: true })).toBeVisible();
  await expect(justification).toBeVisible();
  await expect(justification).toBeInViewport();
  await app.screenshot('compact-row-opened-from-review');
});

test('a note over the limit is kept on screen and named at the field, never cut', async ({ app }) => {
  const { page } = app;
  const { ws, validationId } = await startInPerson(page);
  await ws.openCategory(1, 'Security Vision & Responsibility');
  const notes = ws.criterion('1.1').getByLabel('Notes for 1.1');
  await notes.fill('x'.repeat(19_000));
  await expect(ws.criterion('1.1').getByText('1,000 characters left')).toBeVisible();
  await notes.blur();
  await expect(notes).toHaveAttribute('data-saved', 'true');

  const pasted = `${'Seal audit. '.repeat(1950)}`; // 23,400 characters
  expect(pasted.length).toBe(23_400);
  await notes.fill(pasted);
  await notes.blur();
  await expect(ws.criterion('1.1').getByRole('alert')).toContainText(
    'this text is 23,400 characters and the limit is 20,000. Shorten it by 3,400 characters',
  );
  await expect(notes).toHaveValue(pasted);
  await expect(notes).toHaveAttribute('aria-invalid', 'true');
  await app.screenshot('worksheet-note-over-limit');
  // The store still holds the last text that fit; nothing was silently cut to 20,000.
  const response = (await stored(page, validationId)).responses.find((r) => r.criterionId === '1.1');
  expect(response?.notes).toBe('x'.repeat(19_000));

  await notes.fill(pasted.slice(0, 20_000));
  await notes.blur();
  await expect(notes).toHaveAttribute('data-saved', 'true');
  await expect(ws.criterion('1.1').getByRole('alert')).toHaveCount(0);
  await expect
    .poll(async () => (await stored(page, validationId)).responses.find((r) => r.criterionId === '1.1')?.notes)
    .toBe(pasted.slice(0, 20_000));
});

test('a whole 98-criterion in-person validation, answered and submitted with the keyboard alone', async ({ app }) => {
  const { page } = app;
  const { ws } = await startInPerson(page);
  await page.getByRole('button', { name: 'Compact' }).click();
  await ws.openCategory(1, 'Security Vision & Responsibility');
  // From here, keys only: every row of every category gets a result and a method, `]` moves on.
  for (let category = 1; category <= 12; category++) {
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${category}\\. `) })).toBeVisible();
    const count = await page.getByTestId('criterion-row').count();
    for (let i = 0; i < count; i++) {
      await page.keyboard.press('j');
      const id = await activeCriterion(page);
      await page.keyboard.press('c');
      await page.keyboard.press('1');
      await expect(row(page, id ?? '').getByRole('radio', { name: 'Compliant', exact: true })).toBeChecked();
    }
    await page.keyboard.press(']');
  }
  await expect(page.getByRole('heading', { level: 2, name: 'Review and submit' })).toBeVisible();
  await expect(ws.overallProgress()).toHaveText('98 of 98 answered (100%)');
  await expect(page.getByText('Ready to submit')).toBeVisible();

  // Tab to the signature, type it, tick the attestation with Space, submit with Enter.
  const signature = page.getByLabel('Your full name (signature)');
  for (let tabs = 0; tabs < 60 && !(await signature.evaluate((el) => el === document.activeElement)); tabs++) {
    await page.keyboard.press('Tab');
  }
  await expect(signature).toBeFocused();
  await page.keyboard.type('Dana Ruiz');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(
    page.getByRole('checkbox', { name: 'I verified the criteria as recorded in this worksheet.' }),
  ).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Submit validation for review' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('submitted-summary')).toBeVisible();
  await app.screenshot('compact-submitted');
});
