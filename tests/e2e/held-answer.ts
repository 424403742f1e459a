import type { Page } from '@playwright/test';

/**
 * Holds back the answer to the first request matching `channel`: the request reaches the store at once, but the
 * page hears back only when `release` is called, as on a busy laptop. Later requests pass straight through.
 */
export async function holdFirstAnswer(
  page: Page,
  channel: RegExp,
): Promise<{ stored: Promise<void>; release: () => void }> {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let markStored: () => void = () => {};
  const stored = new Promise<void>((resolve) => {
    markStored = resolve;
  });
  let held = false;
  await page.route(channel, async (route) => {
    if (held) return route.continue();
    held = true;
    const response = await route.fetch();
    markStored();
    await released;
    await route.fulfill({ response });
  });
  return { stored, release };
}
