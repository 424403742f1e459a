import { expect, test } from './fixtures';

/**
 * A screen reader announces a change inside a live region it already knows, and often says nothing of a region
 * added already holding its text. The app's alerts (role="status", or "alert" for errors) are added empty and
 * filled once the browser has drawn them empty.
 */
test.use({ actionTimeout: 30_000 });

type RegionSeen = { role: string; textWhenAdded: string; textAfterAFrame: string | null; element: Element };

test('Settings saved: the status message arrives in a live region that was on the page, empty, a frame before', async ({
  app,
}) => {
  const page = app.page;
  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  // Every live region added from now on: its text as added, and after the browser has drawn the next frame.
  await page.evaluate(() => {
    const seen: RegionSeen[] = [];
    (window as unknown as { regionsSeen: RegionSeen[] }).regionsSeen = seen;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue;
          for (const region of [node, ...node.querySelectorAll('*')]) {
            const role = region.getAttribute('role');
            if (role !== 'status' && role !== 'alert') continue;
            const entry: RegionSeen = {
              role,
              textWhenAdded: region.textContent ?? '',
              textAfterAFrame: null,
              element: region,
            };
            seen.push(entry);
            // A task queued from a frame's callbacks runs once that frame has been drawn.
            requestAnimationFrame(() =>
              setTimeout(() => {
                entry.textAfterAFrame = region.textContent ?? '';
              }),
            );
          }
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  });

  await page.getByLabel('Days the Member has to respond to a finding').fill('75');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();

  const regions = await page.evaluate(() =>
    (window as unknown as { regionsSeen: RegionSeen[] }).regionsSeen
      .filter((r) => r.element.isConnected && r.element.textContent?.includes('Settings saved.'))
      .map(({ role, textWhenAdded, textAfterAFrame }) => ({ role, textWhenAdded, textAfterAFrame })),
  );
  expect(regions).toEqual([{ role: 'status', textWhenAdded: '', textAfterAFrame: '' }]);
});
