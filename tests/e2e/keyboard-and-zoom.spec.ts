import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { ChecklistPanelPage } from './pages/inspections-page';
import { MembersPage } from './pages/members-page';
import { NewValidationPage } from './pages/new-validation-page';
import { FieldWorkPage } from './pages/worksheet-page';
import { expectOneTabStop } from './tab-stops';

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

/** A new in-person validation open at category 6, Seal Security: criteria with notes, methods and a checklist. */
async function openSealSecurity(page: Page): Promise<FieldWorkPage> {
  const ws = await startInPerson(page);
  await ws.openCategory(6, 'Seal Security');
  return ws;
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

test('a criterion’s four results are one Tab stop, answered or not, and the arrow keys move between them', async ({
  app,
}) => {
  const { page } = app;
  const ws = await openSealSecurity(page);
  const card = ws.criterion('6.1');
  const result = (name: string) => card.getByRole('radio', { name, exact: true });
  const firstMethod = card.getByRole('checkbox', { name: 'Observed on site' });

  await result('Compliant').focus();
  await expectOneTabStop(page, result('Compliant'), firstMethod);

  await page.keyboard.press('ArrowRight');
  await expect(result('Deficient')).toBeChecked();
  await expectOneTabStop(page, result('Deficient'), firstMethod);
});

test('an inspection item’s Pass, Fail and N/A are one Tab stop, recorded or not, and the arrow keys move between them', async ({
  app,
}) => {
  const { page } = app;
  const ws = await openSealSecurity(page);
  const seals = new ChecklistPanelPage(page, ws.criterion('6.7'));
  await seals.add({ label: 'CBP-0042117' });
  const item = 'View the seal and the container locking mechanisms';
  const inspection = seals.inspection('VVTT seal check: CBP-0042117');
  const choice = (status: string) => inspection.getByRole('radio', { name: `${item}: ${status}`, exact: true });
  const note = inspection.getByRole('textbox', { name: `Note on ${item}`, exact: true });

  // Reached from another criterion, as a screen reader or a click on the row may: focusing the item makes 6.7 the
  // active card, and that re-render is what gave an unrecorded item a second stop.
  await ws.criterion('6.1').getByLabel('Notes for 6.1').focus();
  await choice('Pass').focus();
  await expectOneTabStop(page, choice('Pass'), note);

  await page.keyboard.press('ArrowRight');
  await expect(choice('Fail')).toBeFocused();
  await expect(choice('Fail')).toBeChecked();
  await ws.criterion('6.1').getByLabel('Notes for 6.1').focus();
  await choice('Fail').focus();
  await expectOneTabStop(page, choice('Fail'), note);
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

test('zoomed to 200%, the worksheet’s bar scrolls away with the page rather than cover a third of the window', async ({
  app,
}) => {
  const { page } = app;
  const ws = await openSealSecurity(page);
  const bar = page.locator('.worksheet__bar');
  const notes = ws.criterion('6.3').getByLabel('Notes for 6.3');
  // At 1366×768 the bar stays in view: the page scrolls under it.
  await page.setViewportSize({ width: 1366, height: 768 });
  await notes.focus();
  expect((await bar.boundingBox())?.y).toBe(0);

  // 1366×768 at 200% is 683×384 CSS pixels: the bar goes up with the page, and the control Tab reaches is in view.
  await page.setViewportSize({ width: 683, height: 384 });
  await ws.criterion('6.1').getByLabel('Notes for 6.1').focus();
  await notes.focus();
  const box = await bar.boundingBox();
  expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(0);
  const shown = await notes.boundingBox();
  expect(shown?.y ?? -1).toBeGreaterThanOrEqual(0);
  expect((shown?.y ?? 384) + (shown?.height ?? 0)).toBeLessThanOrEqual(384);
  await page.screenshot({ path: 'test-results/screenshots/web-harness-worksheet-bar-zoomed.png' });
});

test('zoomed to 200% on a field laptop, the worksheet is one column and nothing scrolls sideways', async ({ app }) => {
  const { page } = app;
  const ws = await openSealSecurity(page);
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

/**
 * Where the focused element's focus ring is cut off: by the window's side edges, or by an ancestor that clips what
 * overflows it (a scrolling box clips to inside its borders). Empty when the whole ring shows.
 */
const ringCutOff = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    const reach =
      style.outlineStyle === 'none'
        ? 0
        : Number.parseFloat(style.outlineWidth) + Number.parseFloat(style.outlineOffset);
    const r = el.getBoundingClientRect();
    const ring = { left: r.left - reach, right: r.right + reach, top: r.top - reach, bottom: r.bottom + reach };
    const cut: string[] = [];
    if (ring.left < 0) cut.push(`the window's left edge (ring from x=${ring.left})`);
    if (ring.right > document.documentElement.clientWidth)
      cut.push(`the window's right edge (ring to x=${ring.right})`);
    for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
      const s = getComputedStyle(box);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      const b = box.getBoundingClientRect();
      const left = b.left + box.clientLeft;
      const top = b.top + box.clientTop;
      if (
        ring.left < left - 0.5 ||
        ring.top < top - 0.5 ||
        ring.right > left + box.clientWidth + 0.5 ||
        ring.bottom > top + box.clientHeight + 0.5
      ) {
        cut.push(`${box.tagName.toLowerCase()}.${box.className} (ring ${JSON.stringify(ring)})`);
      }
    }
    return cut;
  });

test('zoomed to 200%, the focus rings of the side navigation and the header show whole, not cut off at an edge', async ({
  app,
}) => {
  const { page } = app;
  await startInPerson(page);
  await page.setViewportSize({ width: 683, height: 384 });
  const sections = page.getByRole('navigation', { name: 'Worksheet sections' });
  const categories = page.getByRole('navigation', { name: 'Criteria categories' });
  await sections.getByRole('link').first().focus();
  expect(await ringCutOff(page)).toEqual([]);
  // A link in the middle of the list, and the current category, as Tab reaches them.
  await categories.getByRole('link', { name: /^2\. Risk Assessment/ }).focus();
  await page.keyboard.press('Tab');
  await expect(categories.getByRole('link', { name: /^3\. Business Partners/ })).toBeFocused();
  expect(await ringCutOff(page)).toEqual([]);
  await categories.getByRole('link', { name: /^1\. Security Vision/ }).focus();
  expect(await ringCutOff(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/web-harness-sidenav-focus-zoomed.png' });

  // The header's links and HQ link too: narrow, USWDS had them touching the window's edges.
  const primary = page.getByRole('navigation', { name: 'Primary' });
  for (const link of [
    primary.getByRole('link', { name: 'Members' }),
    primary.getByRole('link', { name: 'Settings' }),
    page.getByRole('link', { name: 'Not connected to HQ' }),
  ]) {
    await link.focus();
    expect(await ringCutOff(page), await link.innerText()).toEqual([]);
  }
});

test('zoomed to 200%, the Members table scrolls in its own named region, never the page, and the keyboard scrolls it', async ({
  app,
}) => {
  const { page } = app;
  const members = new MembersPage(page);
  await page.setViewportSize({ width: 683, height: 384 });
  await expect(members.memberRows().first()).toBeVisible();
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(1);

  const region = page.getByRole('region', { name: 'Table of Member companies' });
  await expect(region.getByTestId('member-row').first()).toBeVisible();
  const widths = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(widths.scroll, 'the table is wider than the window, so its region scrolls').toBeGreaterThan(widths.client);
  await region.focus();
  await expect(region).toBeFocused();
  // Keyboard scrolling is animated: read where it stopped. The listener is in place before the key is pressed (added
  // with the press under way, it could miss a scroll that ended first on a busy machine, and the test hung).
  type Watched = HTMLElement & { scrollEnded?: Promise<number> };
  await region.evaluate((el: Watched) => {
    el.scrollEnded = new Promise((resolve) =>
      el.addEventListener('scrollend', () => resolve(el.scrollLeft), { once: true }),
    );
  });
  await page.keyboard.press('ArrowRight');
  expect(await region.evaluate((el: Watched) => el.scrollEnded)).toBeGreaterThan(0);
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(1);

  // The first column's links sit at the region's edge: their focus ring still shows whole.
  await region.evaluate((el) => el.scrollTo({ left: 0, behavior: 'instant' }));
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBe(0);
  await members.memberRows().first().getByRole('link').first().focus();
  expect(await ringCutOff(page)).toEqual([]);
  await app.screenshot('members-zoomed');
});

test('zoomed to 200% and 250%, Review and submit’s findings table scrolls in its own named region, never the page', async ({
  app,
}) => {
  const { page } = app;
  const ws = await startInPerson(page);
  await ws.openCategory(4, 'Cybersecurity');
  await ws.answer('4.8', 'Deficient');
  await ws.fillFinding('4.8', {
    reason: 'No evidence of implementation',
    description: 'Shared administrator account on the customs filing workstation; no MFA for remote access.',
  });
  await ws.openSection('Review and submit');
  const region = page.getByRole('region', { name: '1 finding in this validation' });
  await expect(region.getByTestId('summary-finding')).toHaveCount(1);
  await expect(region).toHaveAttribute('tabindex', '0');

  // 1366 px at 200% (683) and at 250% (546): the table needs about 600 px, so at 250% it scrolls, in its region.
  for (const width of [683, 546]) {
    await page.setViewportSize({ width, height: 384 });
    await expect(region).toBeVisible();
    expect(await sidewaysOverflow(page), `the page scrolls sideways at ${width} px`).toBeLessThanOrEqual(1);
  }
  await region.scrollIntoViewIfNeeded();
  await region.getByRole('link', { name: '4.8' }).focus();
  expect(await ringCutOff(page)).toEqual([]);

  await page.setViewportSize({ width: 683, height: 384 });
  // What the window shows, not a full page: the sticky progress bar would be drawn over the table in one.
  await region.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await expectAccessible(page, 'review-submit-zoomed');
  await page.screenshot({ path: 'test-results/screenshots/web-harness-review-submit-zoomed.png' });
});
