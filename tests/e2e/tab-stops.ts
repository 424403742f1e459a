import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** Tab from `radio` reaches `next`, and Shift+Tab comes back to `radio`: its group is one stop either way. */
export async function expectOneTabStop(page: Page, radio: Locator, next: Locator): Promise<void> {
  await expect(radio).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(next).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(radio).toBeFocused();
}
