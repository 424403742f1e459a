import type { Page } from '@playwright/test';

export type HeldAnswer = {
  /** Lets the held requests through, and stops holding later ones. */
  release(): Promise<void>;
};

/**
 * Holds the page's requests on one IPC channel (the web harness's `/api/invoke/<channel>`) until released, so a
 * spec can see what the screen does while a save is in flight, whatever the machine's speed.
 */
export async function holdAnswers(page: Page, channel: string): Promise<HeldAnswer> {
  let letThrough!: () => void;
  const released = new Promise<void>((resolve) => {
    letThrough = resolve;
  });
  const onChannel = (url: URL) => decodeURIComponent(url.pathname).endsWith(`/api/invoke/${channel}`);
  const inFlight: Promise<void>[] = [];
  await page.route(onChannel, (route) => {
    const handled = released.then(() => route.continue());
    inFlight.push(handled);
    return handled;
  });
  return {
    release: async () => {
      letThrough();
      // Unrouting while a held request is still being let through would let Playwright answer it a second time.
      await Promise.all(inFlight);
      await page.unroute(onChannel);
    },
  };
}
