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

test('an enrolment HQ could not be asked to undo at once is handed back at a later sync, and the first person’s work goes to HQ', async ({
  app,
}) => {
  const page = app.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  const { validationId } = await danaSyncedValidation(page, hq, MEMBER, 'IMP-61045');

  // Sam's code goes to HQ through a load balancer that is down for the hand-back; Dana saves while it is on its way.
  const opened = await startHqGate(hq.url, (path) => path === '/v1/enroll/undo', { shut: true });
  gate = opened;
  const { code } = await issueEnrolmentCode(hq.db, { name: 'Sam Ortiz', role: 'SCSS', fieldOffice: 'Houston' });
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
  const status = page.getByTestId('sync-status');
  await page.getByRole('button', { name: 'Sync', exact: true }).click();
  await expect(status).toHaveText(
    'HQ has yet to undo its enrolment of Sam Ortiz here; this computer asks again at each sync, then sends its work',
  );
  await expectAccessible(page, 'settings with an enrolment to hand back');
  await app.screenshot('enrolment-hand-back-waiting');

  // The load balancer is back: the next sync hands Sam's enrolment back, and Dana's answer reaches HQ.
  opened.open();
  await syncNow(page);
  await expect(status).toContainText('Synced at');
  const atHq = await hq.db.query<{ notes: string }>(
    `SELECT payload ->> 'notes' AS notes FROM records WHERE entity = 'criterion_response' AND entity_id = $1`,
    [`${validationId}/1.2`],
  );
  expect(atHq.map((r) => r.notes)).toEqual(['Saved while the code was on its way.']);
  await app.screenshot('enrolment-handed-back');
});
