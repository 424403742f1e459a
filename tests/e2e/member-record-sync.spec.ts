import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { enrolDevice, issueEnrolmentCode } from '../../hq/identity';
import { pushMemberRecordChanges } from '../../hq/member-records';
import type { Hq } from '../sync/sync-harness';
import { expect, test } from './fixtures';
import { enrolFromHeader, hqPerTest, type Laptop, startLaptop, syncNow } from './laptops';
import { MembersPage } from './pages/members-page';

/**
 * A Member's CTPAT record held at HQ (issue 15, item 5): a change waits on the laptop until a sync sends it; one
 * made on a version another laptop's change moved HQ past is refused, shown with HQ's reason, and HQ's change
 * is on the record.
 */
test.describe.configure({ timeout: 300_000 });
test.use({ actionTimeout: 30_000 });

const GULF = 'Gulf Coast Home Goods Imports, Inc.';
let hq: Hq;
let hqUrl: string;
const laptops: Laptop[] = [];

hqPerTest((started, url) => {
  hq = started;
  hqUrl = url;
}, laptops);

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
  const { code } = await issueEnrolmentCode(hq.db, { name: 'Lou Ames', role: 'SUPERVISOR', fieldOffice: 'Houston' });
  await enrolFromHeader(lou, hqUrl, code);
  // The sync enrolment starts ends first: no later pull but the one the test asks for.
  await syncNow(lou);

  await openRecord(lou);
  await fillHistory(lou, 'From an old spreadsheet.');
  // Meanwhile another supervisor's laptop records this Member's history at HQ.
  await recordAtHqAsPat();
  await lou.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(lou.getByText('Recorded.')).toBeVisible();
  await expect(lou.getByTestId('record-sync-state')).toHaveText('1 change to this record is waiting to be sent to HQ.');

  await syncNow(lou);
  await openRecord(lou);
  await expect(lou.getByRole('heading', { name: 'HQ refused 1 change made here' })).toBeVisible();
  const refused = lou.getByTestId('record-refused-change');
  await expect(refused).toContainText('Enter the record from CBP’s files');
  await expect(refused).toContainText('HQ kept its changes, not yours');
  await expect(lou.getByTestId('record-history-row')).toHaveCount(1);
  await expect(lou.getByTestId('record-history-row')).toContainText('Pat Nguyen');
  await expect(lou.getByTestId('record-sync-state')).toHaveText('HQ holds every change to this record made here.');
});
