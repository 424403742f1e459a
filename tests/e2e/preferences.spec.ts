import path from 'node:path';
import { expect, test } from './fixtures';
import { holdAnswers } from './hold-answer';
import { hqPerTest, type Laptop, startEnrolledLaptop } from './laptops';

/**
 * The enrolled person's preferences hold from the first screen after a start, before the sync status (which names
 * the person) has answered: no flash of the laptop's own language, and a choice made then is the person's. Settings
 * says it is checking the enrolment until then, and fills in the HQ address once it knows it.
 */
test.use({ actionTimeout: 30_000, viewport: { width: 1366, height: 768 } });

const laptops: Laptop[] = [];

const hq = hqPerTest(laptops);

test('a reload opens in the enrolled person’s language before the sync status answers, a choice made then is theirs, and Settings waits for it to say who is enrolled', async ({
  browser,
}) => {
  const { page } = await startEnrolledLaptop(laptops, browser, 'scss', hq, {
    name: 'Dana Ruiz',
    role: 'SCSS',
  });
  const html = page.locator('html');
  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('group', { name: 'Language' }).getByText('Español', { exact: true }).click();
  await expect(html).toHaveAttribute('lang', 'es');

  // The status is held back: the screen cannot yet know who is enrolled from it.
  const status = await holdAnswers(page, 'sync:status');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Configuración' })).toBeVisible();
  await expect(page.getByTestId('sync-status')).toHaveCount(0);
  await expect(html).toHaveAttribute('lang', 'es');
  // Nor can Settings say whether the laptop is enrolled: it says it is checking, never "not enrolled".
  await expect(page.getByTestId('hq-checking')).toHaveText('Comprobando si esta computadora está inscrita…');
  await expect(page.getByText(/Sin inscribir/)).toHaveCount(0);
  await page.screenshot({ path: path.resolve('test-results', 'screenshots', 'preferences-before-status.png') });

  // Still before the status: she switches back to English, and the status's answer does not undo it.
  await page.getByRole('group', { name: 'Idioma' }).getByText('English', { exact: true }).click();
  await expect(html).toHaveAttribute('lang', 'en-US');
  await status.release();
  await expect(page.getByTestId('sync-status')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(html).toHaveAttribute('lang', 'en-US');
  // The answer names her enrolment, and the form to enrol again starts from her HQ's address.
  await expect(page.getByTestId('hq-enrolled')).toContainText(`Enrolled with ${hq.url} as Dana Ruiz`);
  await expect(page.getByLabel('HQ address')).toHaveValue(hq.url);

  // Her choice, made before the status answered, is hers on the next start too.
  await page.reload();
  await expect(page.getByTestId('sync-status')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Language' }).getByRole('radio', { name: 'English' })).toBeChecked();
});

test('a supervisor’s navigation and approval list are on the first screen after a reload, before the sync status answers', async ({
  browser,
}) => {
  const { page } = await startEnrolledLaptop(laptops, browser, 'supervisor', hq, {
    name: 'Pat Nguyen',
    role: 'SUPERVISOR',
  });
  const nav = page.getByRole('navigation', { name: 'Primary' });
  const links = nav.getByRole('link');
  await nav.getByRole('link', { name: 'Reviews and approvals' }).click();
  await page.getByRole('button', { name: 'To approve', exact: true }).click();
  const hers = await links.allInnerTexts();
  expect(hers).toContain('Reviews and approvals');

  const status = await holdAnswers(page, 'sync:status');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Reviews and approvals' })).toBeVisible();
  await expect(page.getByTestId('sync-status')).toHaveCount(0);
  // Nothing moves when the status answers: the links and the list she chose are there before it.
  await expect(links).toHaveText(hers);
  await expect(page.getByRole('button', { name: 'To approve', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await status.release();
  await expect(page.getByTestId('sync-status')).toBeVisible();
  await expect(links).toHaveText(hers);
  await expect(page.getByRole('button', { name: 'To approve', exact: true })).toHaveAttribute('aria-pressed', 'true');
});
