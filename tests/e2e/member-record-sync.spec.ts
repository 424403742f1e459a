import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { enrolDevice, issueEnrolmentCode } from '../../hq/identity';
import { pushMemberRecordChanges } from '../../hq/member-records';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { holdAnswers } from './hold-answer';
import { type HqGate, startHqGate } from './hq-gate';
import { enrolFromHeader, hqPerTest, type Laptop, startLaptop, syncNow } from './laptops';
import { MembersPage } from './pages/members-page';

/**
 * A Member's CTPAT record held at HQ: a change waits on the laptop until a sync sends it; one
 * made on a version another laptop's change moved HQ past is refused, shown with HQ's reason, and HQ's change
 * is on the record. A refused change is sent again (on HQ's version) or not sent.
 */
test.describe.configure({ timeout: 300_000 });
test.use({ actionTimeout: 30_000 });

const GULF = 'Gulf Coast Home Goods Imports, Inc.';
const laptops: Laptop[] = [];

const hq = hqPerTest(laptops);
const gates: HqGate[] = [];
test.afterEach(async () => {
  for (const gate of gates.splice(0)) await gate.close();
});

async function openRecord(page: Page): Promise<void> {
  const members = new MembersPage(page);
  await members.openMembers();
  await members.memberCard(GULF).getByRole('link', { name: GULF, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: GULF })).toBeVisible();
}

async function fillHistory(page: Page, note: string): Promise<void> {
  await page.getByLabel('What happened').selectOption({ label: 'Enter the record from CBP’s files' });
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Certified' });
  await page.getByLabel('Tier', { exact: true }).selectOption({ label: 'Tier 1' });
  await page.getByLabel('Certification date').fill('2023-05-02');
  await page.getByLabel('Note (where these come from)').fill(note);
}

/** Pat's laptop sends the Member's history to HQ, as a sync would. */
async function recordAtHqAsPat(): Promise<void> {
  const { code } = await issueEnrolmentCode(hq.db, { name: 'Pat Nguyen', role: 'SUPERVISOR', fieldOffice: 'Houston' });
  const device = await enrolDevice(hq.db, code, 'Pat’s laptop');
  if (!device) throw new Error('Pat could not enrol');
  const kept = await pushMemberRecordChanges(hq.db, device.user, device.deviceId, {
    member: {
      id: randomUUID(),
      accountNumber: 'DEMO-IMP-10421',
      legalName: GULF,
      entityType: 'IMP',
      city: 'Houston, TX',
      country: 'United States',
      correspondenceLanguage: 'en',
    },
    events: [
      {
        id: randomUUID(),
        baseVersion: 0,
        at: new Date().toISOString(),
        change: {
          kind: 'HISTORY_SET',
          status: 'CERTIFIED',
          tier: 1,
          certifiedOn: '2023-05-02',
          lastValidatedOn: null,
          note: 'CTPAT Portal',
        },
      },
    ],
  });
  if ('status' in kept) throw new Error(kept.told.message);
}

test('a record change waits until sent; made on a version HQ has moved past, it is refused and shown with HQ’s reason', async ({
  browser,
}) => {
  const lou = (await startLaptop(laptops, browser, 'lou')).page;
  // Lou's change stays on the laptop until the test syncs, however long its steps take (the laptop syncs by itself
  // five seconds after a write).
  const gate = await startHqGate(hq.url, (url) => url.startsWith('/v1/member-records/'));
  gates.push(gate);
  const { code } = await issueEnrolmentCode(hq.db, { name: 'Lou Ames', role: 'SUPERVISOR', fieldOffice: 'Houston' });
  await enrolFromHeader(lou, gate.url, code);
  // This sync takes the place of the one enrolment schedules: nothing pulls Pat's change before the test asks.
  await syncNow(lou);
  gate.shut();

  await openRecord(lou);
  await fillHistory(lou, 'From an old spreadsheet.');
  // Meanwhile another supervisor's laptop records this Member's history at HQ.
  await recordAtHqAsPat();
  await lou.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(lou.getByText('Recorded.', { exact: true })).toBeVisible();
  await expect(lou.getByTestId('record-sync-state')).toHaveText('1 change to this record is waiting to be sent to HQ.');

  gate.open();
  await syncNow(lou);
  await openRecord(lou);
  await expect(lou.getByRole('heading', { name: 'HQ refused 1 change made here' })).toBeVisible();
  const refused = lou.getByTestId('record-refused-change');
  await expect(refused).toContainText('Enter the record from CBP’s files');
  await expect(refused).toContainText('HQ kept its changes, not yours');
  await expect(lou.getByTestId('record-history-row')).toHaveCount(1);
  await expect(lou.getByTestId('record-history-row')).toContainText('Pat Nguyen');
  await expect(lou.getByTestId('record-sync-state')).toHaveText(
    'No change to this record is waiting to be sent to HQ.',
  );
});

// Beside the other specs' screenshots, for a person to look at.
const SHOTS = path.resolve('test-results', 'screenshots');

test('a refused change is sent again on HQ’s version and reaches HQ; one the record no longer allows stays refused, then is not sent', async ({
  browser,
}) => {
  const lou = (await startLaptop(laptops, browser, 'lou', { viewport: { width: 1366, height: 768 } })).page;
  // Both of Lou's changes must reach HQ in one sync: HQ's load balancer turns away the record's changes until Lou
  // has made both, however long that takes (the laptop syncs by itself five seconds after a write).
  const gate = await startHqGate(hq.url, (url) => url.startsWith('/v1/member-records/'));
  gates.push(gate);
  const { code } = await issueEnrolmentCode(hq.db, { name: 'Lou Ames', role: 'SUPERVISOR', fieldOffice: 'Houston' });
  await enrolFromHeader(lou, gate.url, code);
  // This sync takes the place of the one enrolment schedules: nothing pulls Pat's change before the test asks.
  await syncNow(lou);
  gate.shut();
  // Another supervisor's laptop records this Member's history at HQ before Lou's changes get there.
  await recordAtHqAsPat();

  await openRecord(lou);
  await fillHistory(lou, 'From an old spreadsheet.');
  // While the change is being recorded the form is held: its answer closes the form, which would otherwise drop a
  // choice made in the meantime.
  const held = await holdAnswers(lou, 'members:change');
  await lou.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(lou.getByLabel('What happened')).toBeDisabled();
  await expect(lou.getByLabel('Note (where these come from)')).toBeDisabled();
  await held.release();
  await expect(lou.getByText('Recorded.', { exact: true })).toBeVisible();
  await lou.getByLabel('What happened').selectOption({ label: 'Language and points of contact' });
  await lou.getByLabel('Language for correspondence').selectOption({ label: 'Spanish' });
  await lou.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(lou.getByTestId('record-language')).toHaveText('Language: Spanish');

  gate.open();
  await syncNow(lou);
  await openRecord(lou);
  await expect(lou.getByRole('heading', { name: 'HQ refused 2 changes made here' })).toBeVisible();
  await expect(lou.getByTestId('record-language')).toHaveText('Language: English');
  mkdirSync(SHOTS, { recursive: true });
  await expectAccessible(lou, 'member-record-refused');
  await lou.screenshot({ path: path.join(SHOTS, 'member-record-refused.png') });

  // Send again: made anew on the record as HQ holds it, then a sync takes it to HQ.
  const language = lou.getByTestId('record-refused-change').filter({ hasText: 'Language and points of contact' });
  await language.getByRole('button', { name: 'Send again' }).click();
  await expect(lou.getByTestId('record-refusal-outcome')).toHaveText(
    'Sent again: the change is on the record and goes to HQ with the next sync.',
  );
  await expect(lou.getByRole('heading', { name: 'HQ refused 1 change made here' })).toBeVisible();
  await expect(lou.getByTestId('record-language')).toHaveText('Language: Spanish');
  await syncNow(lou);
  await openRecord(lou);
  await expect(lou.getByTestId('record-sync-state')).toHaveText(
    'No change to this record is waiting to be sent to HQ.',
  );
  await expect(lou.getByTestId('record-history-row')).toHaveCount(2);
  await expect(lou.getByTestId('record-history-row').first()).toContainText('Lou Ames');
  const atHq = await hq.db.query<{ kind: string; actor_name: string }>(
    'SELECT kind, actor_name FROM member_record_events ORDER BY version',
  );
  expect(atHq.map((r) => [r.kind, r.actor_name])).toEqual([
    ['HISTORY_SET', 'Pat Nguyen'],
    ['DETAILS_SET', 'Lou Ames'],
  ]);

  // The history cannot be entered on a record that has one: sending it again keeps it refused, saying why.
  const history = lou.getByTestId('record-refused-change');
  await history.getByRole('button', { name: 'Send again' }).click();
  await expect(lou.getByTestId('record-refusal-outcome')).toHaveText(
    'Not sent again: the record as it is now does not allow it. The reason is below.',
  );
  await expect(history.getByTestId('record-refused-reason')).toHaveText(
    'Not sent again: the record as it is now does not allow it. The record’s history can only be entered first, before any other change is recorded.',
  );
  await history.getByRole('button', { name: 'Don’t send…' }).click();
  await history.getByLabel('Why should HQ not get this change?').fill('Pat’s history is the one on file.');
  await lou.screenshot({ path: path.join(SHOTS, 'member-record-dont-send.png') });
  await history.getByRole('button', { name: 'Don’t send this change' }).click();
  await expect(lou.getByTestId('record-refusal-outcome')).toHaveText(
    'Not sent: the change is off this record for good. The audit log keeps it, with your reason.',
  );
  await expect(lou.getByTestId('record-refused-change')).toHaveCount(0);
  await expect(lou.getByTestId('record-history-row')).toHaveCount(2);
  await syncNow(lou);
  expect(await hq.db.query('SELECT id FROM member_record_events')).toHaveLength(2);
});
