import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { issueEnrolmentCode } from '../../hq/identity';
import { danaSyncedValidation } from './assigned-member';
import { expect, test } from './fixtures';
import { type HqGate, startHqGate } from './hq-gate';
import { hqPerTest, type Laptop, syncNow } from './laptops';
import { FieldWorkPage } from './pages/worksheet-page';

// An enrolment, an assignment pulled, a validation synced, a restart and a second enrolment.
test.describe.configure({ timeout: 180_000 });
test.use({ actionTimeout: 30_000 });

const laptops: Laptop[] = [];
const hq = hqPerTest(laptops);
let gate: HqGate | null = null;
test.afterEach(async () => {
  await gate?.close();
  gate = null;
});

/**
 * The data folder as another computer finds it after a copy or a restore: the HQ credentials were encrypted with the
 * first computer's key, so here they are bytes nothing can read.
 */
function credentialsOfAnotherComputer(dataDir: string): void {
  const files = ['hq-credentials', 'hq-credentials.enc'].map((name) => path.join(dataDir, name)).filter(existsSync);
  expect(files).toHaveLength(1);
  for (const file of files) writeFileSync(file, randomBytes(96));
}

test('a data folder restored on another computer opens, says whose enrolment it cannot read, and sends the work once that person enrols it', async ({
  app,
}) => {
  const page = app.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  // HQ through a load balancer that turns pushes away for a while: the last answer is still to send at the move.
  const opened = await startHqGate(hq.url, (path) => path.startsWith('/v1/push'));
  gate = opened;
  const hqBehindGate = { db: hq.db, url: opened.url };
  const { dana, validationId } = await danaSyncedValidation(
    page,
    hqBehindGate,
    'Gulf Coast Importers LLC',
    'IMP-61071',
  );
  opened.shut();
  await new FieldWorkPage(page).answer('1.2', 'Compliant', 'Saved just before the laptop was replaced.');
  await expect(page.getByTestId('sync-status')).toContainText(/\d+ changes? to send/);

  credentialsOfAnotherComputer(app.dataDir);
  await app.restart();

  // The header says why there is no HQ connection; Settings says what happened and what to do.
  await page.getByRole('link', { name: 'This computer cannot read its HQ enrolment: enrol it in Settings' }).click();
  const warning = page.getByTestId('hq-unreadable');
  await expect(warning.getByRole('heading')).toHaveText(
    'This computer cannot read the HQ enrolment kept with this data',
  );
  await expect(warning).toContainText(
    'Ask HQ for a new enrolment code for Dana Ruiz and enter it below: the work waiting here then goes to HQ in Dana Ruiz’s name.',
  );
  await expect(page.getByLabel('HQ address')).toHaveValue(opened.url);
  await app.screenshot('moved-data-folder-settings');
  // The same in Spanish, for an SCSS working in it; then back to English.
  await page.getByRole('group', { name: 'Language' }).getByText('Español', { exact: true }).click();
  await expect(warning.getByRole('heading')).toHaveText(
    'Esta computadora no puede leer la inscripción en la sede central guardada con estos datos',
  );
  await expect(
    page.getByRole('link', {
      name: 'Esta computadora no puede leer su inscripción en la sede central: inscríbala en Configuración',
    }),
  ).toBeVisible();
  await app.screenshot('moved-data-folder-settings-es');
  await page.getByRole('group', { name: 'Idioma' }).getByText('English', { exact: true }).click();
  await expect(warning.getByRole('heading')).toHaveText(
    'This computer cannot read the HQ enrolment kept with this data',
  );

  // Another person's code is refused while Dana's work waits, and the warning stays.
  const sams = await issueEnrolmentCode(hq.db, { name: 'Sam Ortiz', role: 'SCSS', fieldOffice: 'Houston' });
  await page.getByLabel('Enrolment code').fill(sams.code);
  await page.getByRole('button', { name: 'Enrol this computer' }).click();
  await expect(page.getByTestId('enrol-outcome')).toContainText(
    'This computer is not enrolled, and it holds work by Dana Ruiz that HQ has not taken yet',
  );
  await expect(warning).toBeVisible();
  await app.screenshot('moved-data-folder-other-code');

  // Dana's new code: enrolled, and her answer saved before the move reaches HQ.
  opened.open();
  const danas = await issueEnrolmentCode(hq.db, dana.id);
  await page.getByLabel('Enrolment code').fill(danas.code);
  await page.getByRole('button', { name: 'Enrol this computer' }).click();
  await expect(page.getByTestId('hq-enrolled')).toContainText('Dana Ruiz');
  await expect(warning).toHaveCount(0);
  await syncNow(page);
  const atHq = await hq.db.query<{ notes: string }>(
    `SELECT payload ->> 'notes' AS notes FROM records WHERE entity = 'criterion_response' AND entity_id = $1`,
    [`${validationId}/1.2`],
  );
  expect(atHq.map((r) => r.notes)).toEqual(['Saved just before the laptop was replaced.']);
});
