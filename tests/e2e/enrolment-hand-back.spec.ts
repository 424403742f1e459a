import type { Page } from '@playwright/test';
import { issueEnrolmentCode } from '../../hq/identity';
import { danaSyncedValidation } from './assigned-member';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { type HqGate, startHqGate } from './hq-gate';
import { hqPerTest, type Laptop, syncNow } from './laptops';

// Two enrolments, an assignment pulled and a validation synced: more than the default minute on a loaded machine.
test.describe.configure({ timeout: 180_000 });
test.use({ actionTimeout: 30_000 });

const laptops: Laptop[] = [];
const hq = hqPerTest(laptops);
const MEMBER = 'Gulf Coast Importers LLC';
let gate: HqGate | null = null;
test.afterEach(async () => {
  await gate?.close();
  gate = null;
});

/**
 * Dana's laptop, synced; Sam's code goes to HQ through a load balancer that is down for the hand-back, and Dana
 * saves an answer while it is on its way. Ends on Settings, the enrolment still to hand back.
 */
async function enrolmentRaceWithHandBackDown(page: Page, account: string) {
  await page.setViewportSize({ width: 1366, height: 768 });
  const { validationId } = await danaSyncedValidation(page, hq, MEMBER, account);
  const opened = await startHqGate(hq.url, (path) => path === '/v1/enroll/undo', { shut: true });
  gate = opened;
  const { code, user: sam } = await issueEnrolmentCode(hq.db, {
    name: 'Sam Ortiz',
    role: 'SCSS',
    fieldOffice: 'Houston',
  });
  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('HQ address').fill(opened.url);
  await page.getByLabel('Enrolment code').fill(code);
  const enrolHeld = opened.holdNext((path) => path === '/v1/enroll');
  await page.getByRole('button', { name: 'Enrol this computer' }).click();
  const release = await enrolHeld;
  await page.evaluate(async (id) => {
    type Api = { responses: { save: (request: object) => Promise<{ ok: boolean }> } };
    const saved = await (window as unknown as { api: Api }).api.responses.save({
      validationId: id,
      criterionId: '1.2',
      result: 'COMPLIANT',
      notes: 'Saved while the code was on its way.',
    });
    if (!saved.ok) throw new Error('the answer was not saved');
  }, validationId);
  release();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be asked just now to undo that' })).toContainText(
    'This computer asks again at each sync: once HQ has undone it, Dana Ruiz’s work goes to HQ',
  );
  await expect(page.getByTestId('hq-enrolled')).toContainText('Dana Ruiz');
  return { validationId, gate: opened, sam };
}

const WAITING =
  'HQ has yet to undo its enrolment of Sam Ortiz here; this computer asks again at each sync, then sends its work';

test('an enrolment HQ could not be asked to undo at once is handed back at a later sync, and the first person’s work goes to HQ', async ({
  app,
}) => {
  const page = app.page;
  const { validationId, gate: opened } = await enrolmentRaceWithHandBackDown(page, 'IMP-61045');
  // The status says what the laptop waits for at once, and still after a sync that could not hand it back.
  const status = page.getByTestId('sync-status');
  await expect(status).toHaveText(WAITING);
  const synced = page.waitForResponse((r) => r.url().endsWith(`/api/invoke/${encodeURIComponent('sync:now')}`));
  await page.getByRole('button', { name: 'Sync', exact: true }).click();
  await synced;
  await expect(status).toHaveText(WAITING);
  await expectAccessible(page, 'settings with an enrolment to hand back');
  await app.screenshot('enrolment-hand-back-waiting');
  // The same in Spanish, for an SCSS working in it; then back to English.
  await page.getByRole('group', { name: 'Language' }).getByText('Español', { exact: true }).click();
  await expect(status).toHaveText(
    'La sede central aún debe deshacer su inscripción de Sam Ortiz aquí; esta computadora lo pide de nuevo en cada sincronización y después envía su trabajo',
  );
  await app.screenshot('enrolment-hand-back-waiting-es');
  await page.getByRole('group', { name: 'Idioma' }).getByText('English', { exact: true }).click();
  await expect(status).toHaveText(WAITING);

  // The load balancer is back: the next sync hands Sam's enrolment back, and Dana's answer reaches HQ.
  opened.open();
  await syncNow(page);
  await expect(status).toContainText('Synced at');
  await expect(page.getByTestId('enrol-outcome')).toHaveText(
    'HQ has undone its enrolment of Sam Ortiz here: this computer stays enrolled as Dana Ruiz, whose work now goes to HQ. Sam Ortiz’s code works again until it expires.',
  );
  const atHq = await hq.db.query<{ notes: string }>(
    `SELECT payload ->> 'notes' AS notes FROM records WHERE entity = 'criterion_response' AND entity_id = $1`,
    [`${validationId}/1.2`],
  );
  expect(atHq.map((r) => r.notes)).toEqual(['Saved while the code was on its way.']);
  await app.screenshot('enrolment-handed-back');
});

test('a hand-back HQ refuses later (the code expired) says both people need a new code', async ({ app }) => {
  const page = app.page;
  const { gate: opened, sam } = await enrolmentRaceWithHandBackDown(page, 'IMP-61046');
  await expect(page.getByTestId('sync-status')).toHaveText(WAITING);

  await hq.db.query(`UPDATE enrolment_codes SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [sam.id]);
  opened.open();
  await page.getByRole('button', { name: 'Sync', exact: true }).click();
  await expect(page.getByTestId('enrol-outcome')).toHaveText(
    'HQ would not undo its enrolment of Sam Ortiz here (its code may have expired), so its enrolment of this computer as Dana Ruiz stays closed: Dana Ruiz needs a new code to send the work waiting here, and Sam Ortiz one too.',
  );
  await expect(page.getByTestId('sync-status')).toHaveText(
    'HQ no longer accepts this computer: enrol it again in Settings',
  );
  await expectAccessible(page, 'settings after a hand-back HQ refused');
  await app.screenshot('enrolment-hand-back-refused');
});
