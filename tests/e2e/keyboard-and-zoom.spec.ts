import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { MembersPage } from './pages/members-page';
import { NewValidationPage } from './pages/new-validation-page';
import { FieldWorkPage } from './pages/worksheet-page';

test.use({ actionTimeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

const CARRIER = 'Rio Bravo Freight Lines LLC';

async function startInPerson(page: Page): Promise<FieldWorkPage> {
  await new MembersPage(page).startValidationOf(CARRIER);
  const form = new NewValidationPage(page);
  await form.fill({ mode: 'In person', scheduledDate: '2026-11-30' });
  await form.create();
  // The worksheet loads after its route: focus still lands on its heading, so a screen reader says where it is.
  await expect(page.getByRole('heading', { level: 1, name: CARRIER })).toBeFocused();
  return new FieldWorkPage(page);
}

/** How far the page scrolls sideways: 0 when everything fits the window's width. */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('the skip link moves focus into the worksheet and leaves the SCSS on it', async ({ app }) => {
  const { page } = app;
  await startInPerson(page);
  const worksheetUrl = page.url();
  await page.getByRole('link', { name: 'Skip to main content' }).focus();
  await page.keyboard.press('Enter');
  // Followed as a plain link its hash was read as a route, and the SCSS landed on Members.
  expect(page.url()).toBe(worksheetUrl);
  await expect(page.getByRole('heading', { level: 1, name: CARRIER })).toBeFocused();
});

test('moving up the worksheet with Shift+Tab, the focused control is never under the sticky bar', async ({ app }) => {
  const { page } = app;
  const ws = await startInPerson(page);
  await ws.openCategory(1, 'Security Vision & Responsibility');
  const bar = page.locator('.worksheet__bar');
  await ws.criterion('1.4').getByLabel('Notes for 1.4').focus();
  for (let step = 0; step < 25; step += 1) {
    await page.keyboard.press('Shift+Tab');
    const seen = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      if (!el?.closest('.worksheet__body')) return null;
      // USWDS moves a checkbox or radio off to the left; its label is what a person sees.
      const offToTheLeft = el.type === 'checkbox' || el.type === 'radio';
      const shown = (offToTheLeft && el.labels?.[0]) || el;
      const r = shown.getBoundingClientRect();
      return { top: r.top, name: shown.textContent?.trim().slice(0, 40) || el.id };
    });
    if (!seen) break;
    const barBottom = (await bar.boundingBox())?.height ?? 0;
    expect(seen.top, `${seen.name} is under the sticky bar`).toBeGreaterThanOrEqual(barBottom - 1);
  }
});

test('zoomed to 200% on a field laptop, the worksheet is one column and nothing scrolls sideways', async ({ app }) => {
  const { page } = app;
  const ws = await startInPerson(page);
  await ws.openCategory(6, 'Seal Security');
  // 1366×768 at 200% is 683×384 CSS pixels.
  await page.setViewportSize({ width: 683, height: 384 });

  await page.getByRole('button', { name: 'Compact' }).click();
  const firstRow = page.getByTestId('criterion-row').first();
  await expect(firstRow.getByRole('radio', { name: 'Not verified', exact: true })).toBeAttached();
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  const rightmost = await firstRow
    .locator('.result-group label')
    .evaluateAll((labels) => Math.max(...labels.map((l) => l.getBoundingClientRect().right)));
  expect(rightmost).toBeLessThanOrEqual(683);
  await app.screenshot('worksheet-compact-zoomed');

  await page.getByRole('button', { name: 'Detailed' }).click();
  const id = await page
    .locator('[data-criterion]')
    .first()
    .evaluate((el) => (el as HTMLElement).dataset.criterion ?? '');
  await ws.answer(id, 'Deficient');
  const editor = ws.criterion(id).getByTestId('finding-editor');
  await expect(editor).toBeVisible();
  // The reason list and due date were 63 px wide side by side; one above the other each has the width to read.
  for (const field of [editor.getByLabel('Deficiency reason'), editor.locator('input[type="date"]')]) {
    expect((await field.boundingBox())?.width ?? 0).toBeGreaterThan(250);
  }
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  await editor.scrollIntoViewIfNeeded();
  await app.screenshot('worksheet-finding-zoomed');
});
