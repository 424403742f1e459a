import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { startValidation } from './pages/new-validation-page';

/**
 * A screen reader announces a change inside a live region it already knows, and often says nothing of a region
 * added already holding its text. The app's alerts (role="status", or "alert" for errors) are added with nothing
 * a screen reader reads and filled once the browser has drawn them; they take their full height at once, so
 * nothing below them moves when the text arrives.
 */
test.use({ actionTimeout: 30_000 });

type RegionSeen = {
  role: string;
  /** The text a screen reader can read (not aria-hidden, not hidden from view) when the region was added. */
  readableWhenAdded: string;
  /** The same, once the browser has drawn the next frame. */
  readableAfterAFrame: string | null;
  heightWhenAdded: number;
  /** The region's height once it first held readable text. */
  heightWhenRead: number | null;
  /** The top of the element with id `watch` when the region was added and when it first held readable text. */
  watchedTopWhenAdded: number | null;
  watchedTopWhenRead: number | null;
};

/** Records every live region added from now on; `watch` is the id of an element below them to keep an eye on. */
async function recordLiveRegions(page: Page, watch?: string): Promise<void> {
  await page.evaluate((watchId) => {
    const readable = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
      if (!(node instanceof Element) || node.getAttribute('aria-hidden') === 'true') return '';
      const style = getComputedStyle(node);
      if (style.visibility === 'hidden' || style.display === 'none') return '';
      return [...node.childNodes].map(readable).join('');
    };
    const watchedTop = () => document.getElementById(watchId ?? '')?.getBoundingClientRect().top ?? null;
    const seen: (RegionSeen & { element: Element })[] = [];
    (window as unknown as { regionsSeen: typeof seen }).regionsSeen = seen;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue;
          for (const region of [node, ...node.querySelectorAll('*')]) {
            const role = region.getAttribute('role');
            if (role !== 'status' && role !== 'alert') continue;
            const entry = {
              role,
              readableWhenAdded: readable(region),
              readableAfterAFrame: null as string | null,
              heightWhenAdded: region.getBoundingClientRect().height,
              heightWhenRead: null as number | null,
              watchedTopWhenAdded: watchedTop(),
              watchedTopWhenRead: null as number | null,
              element: region,
            };
            seen.push(entry);
            // A task queued from a frame's callbacks runs once that frame has been drawn.
            requestAnimationFrame(() =>
              setTimeout(() => {
                entry.readableAfterAFrame = readable(region);
              }),
            );
            const whenRead = new MutationObserver(() => {
              if (readable(region) === '') return;
              entry.heightWhenRead = region.getBoundingClientRect().height;
              entry.watchedTopWhenRead = watchedTop();
              whenRead.disconnect();
            });
            whenRead.observe(region, { childList: true, subtree: true, characterData: true });
          }
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  }, watch);
}

/** The regions recorded that are still on the page and hold `text`, once each has been read. */
async function regionsRead(page: Page, text: string): Promise<RegionSeen[]> {
  const holding = () =>
    page.evaluate(
      (wanted) =>
        (window as unknown as { regionsSeen: (RegionSeen & { element: Element })[] }).regionsSeen
          .filter((r) => r.element.isConnected && r.element.textContent?.includes(wanted))
          .map(({ element: _element, ...seen }) => seen),
      text,
    );
  await expect
    .poll(async () => {
      const regions = await holding();
      return regions.length > 0 && regions.every((r) => r.heightWhenRead !== null);
    })
    .toBe(true);
  return holding();
}

test('Settings saved: the status message arrives in a live region that was on the page, unread, a frame before', async ({
  app,
}) => {
  const page = app.page;
  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await recordLiveRegions(page);

  await page.getByLabel('Days the Member has to respond to a finding').fill('75');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();

  const [region, ...others] = await regionsRead(page, 'Settings saved.');
  expect(others).toEqual([]);
  expect(region).toMatchObject({ role: 'status', readableWhenAdded: '', readableAfterAFrame: '' });
  // Already as tall as it is once read: the form below it does not jump.
  expect(region?.heightWhenRead).toBe(region?.heightWhenAdded);
});

test('Sites: “Add a site” stays where it is drawn while the “No sites yet.” alert fills, so a click on it is not lost', async ({
  app,
}) => {
  const page = app.page;
  const worksheet = await startValidation(page, 'Great Lakes Auto Parts Distributors LLC', {
    mode: 'In person',
    scheduledDate: '2026-12-07',
  });

  await recordLiveRegions(page, 'site-add');
  await worksheet.openSection('Sites');
  await expect(page.getByRole('status').filter({ hasText: 'No sites yet.' })).toBeVisible();
  const [region, ...others] = await regionsRead(page, 'No sites yet.');
  expect(others).toEqual([]);
  expect(region).toMatchObject({ role: 'status', readableWhenAdded: '' });
  expect(region?.heightWhenAdded).toBeGreaterThan(0);
  expect(region?.heightWhenRead).toBe(region?.heightWhenAdded);
  expect(region?.watchedTopWhenAdded).not.toBeNull();
  expect(region?.watchedTopWhenRead).toBe(region?.watchedTopWhenAdded);
});
