import type { Page, Response } from '@playwright/test';
import { expect, test } from './fixtures';
import { startValidation } from './pages/new-validation-page';

test.use({ viewport: { width: 1366, height: 768 } });

const MEMBER = 'Gulf Coast Home Goods Imports, Inc.';
/** About ten years, as a laptop whose clock battery died comes back. */
const TEN_YEARS_BEHIND_MS = -3650 * 24 * 60 * 60 * 1000;

/** The app's next clock check, answered: the warning's absence means something only once one was answered. */
const nextClockCheck = (page: Page): Promise<Response> =>
  page.waitForResponse((response) => response.url().endsWith(`/api/invoke/${encodeURIComponent('app:clock')}`));
const behindIn = async (check: Promise<Response>): Promise<boolean> =>
  ((await (await check).json()) as { value: { behind: boolean } }).value.behind;

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
  await expect(warning.getByRole('heading', { level: 2, name: 'This computer’s clock looks wrong' })).toBeVisible();
  const wrongYear = String(new Date(Date.now() + TEN_YEARS_BEHIND_MS).getFullYear());
  await expect(warning).toContainText(new RegExp(`It says .*${wrongYear}.*, earlier than the newest work saved here`));
  await expect(warning).toContainText(String(new Date().getFullYear()));
  await expect(page.getByRole('heading', { level: 1, name: MEMBER })).toBeVisible();
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
