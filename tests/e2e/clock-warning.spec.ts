import path from 'node:path';
import type { Locator, Page, Response } from '@playwright/test';
import type { ResponseOf } from '../../shared/ipc/contract';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { enrolAs, hqPerTest, type Laptop, startLaptop } from './laptops';
import { startValidation } from './pages/new-validation-page';

const LAPTOP_SCREEN = { viewport: { width: 1366, height: 768 } };
test.use(LAPTOP_SCREEN);

const MEMBER = 'Gulf Coast Home Goods Imports, Inc.';
/** About ten years, as a laptop whose clock battery died comes back. */
const TEN_YEARS_BEHIND_MS = -3650 * 24 * 60 * 60 * 1000;

const HEADING = 'This computer’s clock looks wrong';

/** The app's next clock check, answered: the warning's absence means something only once one was answered. */
const nextClockCheck = (page: Page): Promise<Response> =>
  page.waitForResponse((response) => response.url().endsWith(`/api/invoke/${encodeURIComponent('app:clock')}`));
const behindIn = async (check: Promise<Response>): Promise<boolean> =>
  ((await (await check).json()) as { value: ResponseOf<'app:clock'> }).value.wrong === 'behind-saved';
/** The clock check, asked through the page's own window.api as the screen asks it. */
const askClock = (page: Page): Promise<ResponseOf<'app:clock'>> =>
  page.evaluate(async () => {
    type Answer = { ok: boolean; value: ResponseOf<'app:clock'> };
    const api = (window as unknown as { api: { app: { clock: (request: object) => Promise<Answer> } } }).api;
    return (await api.app.clock({})).value;
  });
/** The warning's left edge lines up with the screen's heading, on narrow and widescreen screens alike. */
async function expectAlignedWithHeading(page: Page, warning: Locator): Promise<void> {
  const alert = await warning.locator('.usa-alert').boundingBox();
  const heading = await page.locator('main h1').boundingBox();
  if (!alert || !heading) throw new Error('the warning or the heading is not laid out');
  expect(Math.abs(alert.x - heading.x)).toBeLessThanOrEqual(1);
}

test('a clock set back years is named above the screen until it is set right, and saving under it does not hide it', async ({
  app,
}, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'Only the web harness can run its services on a shifted clock.');
  const { page } = app;
  const warning = page.getByTestId('clock-warning');

  // Work saved with a good clock: no warning.
  const ws = await startValidation(page, MEMBER, { mode: 'In person', scheduledDate: '2026-12-01' });
  await ws.openCategory(1, 'Security Vision & Responsibility');
  let check = nextClockCheck(page);
  await ws.answer('1.1', 'Compliant');
  expect(await behindIn(check)).toBe(false);
  await expect(warning).toHaveCount(0);

  // The laptop comes back with its clock ten years behind.
  check = nextClockCheck(page);
  await app.restart({ clockOffsetMs: TEN_YEARS_BEHIND_MS });
  expect(await behindIn(check)).toBe(true);
  await expect(warning.getByRole('heading', { level: 2, name: HEADING })).toBeVisible();
  const wrongYear = String(new Date(Date.now() + TEN_YEARS_BEHIND_MS).getFullYear());
  await expect(warning).toContainText(new RegExp(`It says .*${wrongYear}.*, earlier than the newest work saved here`));
  await expect(warning).toContainText(String(new Date().getFullYear()));
  await expect(page.getByRole('heading', { level: 1, name: MEMBER })).toBeVisible();
  await expectAlignedWithHeading(page, warning);
  await app.screenshot('clock-warning');

  // An answer saved under the wrong clock is kept, and the warning stays.
  check = nextClockCheck(page);
  await ws.answer('1.2', 'Compliant');
  expect(await behindIn(check)).toBe(true);
  await expect(warning).toBeVisible();

  // The clock is set right: the warning goes, and both answers are there.
  check = nextClockCheck(page);
  await app.restart();
  expect(await behindIn(check)).toBe(false);
  await expect(warning).toHaveCount(0);
  await ws.openCategory(1, 'Security Vision & Responsibility');
  await ws.expectAnswer('1.1', 'Compliant');
  await ws.expectAnswer('1.2', 'Compliant');
});

test.describe('with HQ', () => {
  const laptops: Laptop[] = [];
  const hq = hqPerTest(laptops);

  test('a clock three hours ahead of HQ (a wrong time zone) is named after the first sync', async ({ browser }) => {
    const { page } = await startLaptop(laptops, browser, 'scss', LAPTOP_SCREEN, { clockOffsetMs: 3 * 60 * 60 * 1000 });
    const warning = page.getByTestId('clock-warning');
    // Nothing here is dated later than this clock, and HQ has not been asked: nothing to say yet.
    expect(await askClock(page)).toMatchObject({ hqDifferenceMs: null, wrong: null });
    await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
    await expect(warning).toHaveCount(0);

    await enrolAs(page, hq, { name: 'Dana Ruiz', role: 'SCSS' });

    // Checked again when the sync ends, with HQ's clock now known.
    await expect(warning.getByRole('heading', { level: 2, name: HEADING })).toBeVisible();
    await expect(warning).toContainText(
      /It says .*, 3 hours ahead of HQ’s clock at the last sync\. Set the date, time and time zone/,
    );
    await expectAlignedWithHeading(page, warning);
    await expectAccessible(page, 'clock-ahead-of-hq');
    await page.screenshot({
      path: path.resolve('test-results', 'screenshots', 'clock-ahead-of-hq.png'),
      fullPage: true,
    });
  });
});
