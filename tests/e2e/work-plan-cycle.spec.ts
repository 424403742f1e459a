import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { addDays, addYears, format, formatISO } from 'date-fns';
import { enrolDevice, issueEnrolmentCode } from '../../hq/identity';
import { pushMemberRecordChanges } from '../../hq/member-records';
import { startAssignedValidation, submitWithOneRecommendation } from './assigned-member';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { hqPerTest, type Laptop, startEnrolledLaptop, syncNow, syncUntil } from './laptops';
import { MembersPage } from './pages/members-page';
import { ReviewPage } from './pages/review-page';

/**
 * The whole cycle: a supervisor finds a Member's revalidation on the year's work plan and assigns it
 * to an SCSS; the SCSS's laptop pulls it, the SCSS validates and submits; the supervisor reviews and approves,
 * which moves the Member's last validation and next revalidation dates, and records the tier from that
 * approval. Both laptops then show the same record and the plan's row done. Two harness laptops, a real HQ.
 */
test.describe.configure({ timeout: 600_000 });
test.use({ actionTimeout: 30_000 });

const LAPTOP_SCREEN = { viewport: { width: 1366, height: 768 } };
/** Not a demo Member: its validation travels to HQ and the field office. */
const MEMBER = { legalName: 'Lone Star Cold Chain Imports LLC', accountNumber: 'IMP-52210' };
const today = new Date();
const iso = (d: Date) => formatISO(d, { representation: 'date' });
const shown = (d: Date) => format(d, 'MMM d, yyyy');
/** Validated four years ago less 20 days: the revalidation is due in 20 days. */
const lastValidated = addDays(addYears(today, -4), 20);
const revalidationDue = addYears(lastValidated, 4);
const certified = addYears(lastValidated, -3);
const target = addDays(today, 10);
/** The approval dates the validation today; the next revalidation is four years on. */
const nextRevalidation = addYears(today, 4);

const laptops: Laptop[] = [];

const hq = hqPerTest(laptops);

async function shot(page: Page, name: string): Promise<void> {
  await expectAccessible(page, `work-plan-cycle-${name}`);
  await page.screenshot({
    path: path.resolve('test-results', 'screenshots', `work-plan-cycle-${name}.png`),
    fullPage: false,
  });
}

/**
 * The Member as the field office's record holds it at HQ: Tier 3 from CBP's files, entered from another
 * supervisor's laptop before these two were enrolled.
 */
async function memberOnHqRecord(): Promise<void> {
  const { code } = await issueEnrolmentCode(hq.db, { name: 'Lee Chan', role: 'SUPERVISOR', fieldOffice: 'Houston' });
  const device = await enrolDevice(hq.db, code, 'Lee’s laptop');
  if (!device) throw new Error('Lee could not enrol');
  const kept = await pushMemberRecordChanges(hq.db, device.user, device.deviceId, {
    member: {
      id: randomUUID(),
      ...MEMBER,
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
          status: 'VALIDATED',
          tier: 3,
          certifiedOn: iso(certified),
          lastValidatedOn: iso(lastValidated),
          note: 'CTPAT Portal, partner profile.',
        },
      },
    ],
  });
  if ('status' in kept) throw new Error(kept.told.message);
}

/** The plan for a year, read afresh (the screen loads it when it opens). */
async function openWorkPlan(page: Page, year: number): Promise<void> {
  await new MembersPage(page).openMembers();
  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Work plan' }).click();
  if (year !== today.getFullYear()) await page.getByRole('button', { name: 'Next year' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Work plan for ${year}` })).toBeVisible();
  await expect(page.getByTestId('work-plan-count')).toBeVisible();
}

const planRow = (page: Page, work: 'Revalidation') =>
  page.getByTestId('work-plan-row').filter({ hasText: MEMBER.legalName }).filter({ hasText: work });

async function openRecord(page: Page): Promise<void> {
  const members = new MembersPage(page);
  await members.openMembers();
  await members.memberCard(MEMBER.legalName).getByRole('link', { name: MEMBER.legalName, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: MEMBER.legalName })).toBeVisible();
}

/** What anyone opening the Member's record sees once the revalidation is approved and the tier recorded. */
async function expectRevalidatedRecord(page: Page): Promise<void> {
  await expect(page.getByTestId('record-status')).toHaveText('ValidatedTier 2');
  await expect(page.getByTestId('record-last-validation')).toHaveText(`Last validated on ${shown(today)}`);
  await expect(page.getByTestId('record-next-validation')).toHaveText(`Revalidation due by ${shown(nextRevalidation)}`);
}

test('a supervisor assigns the year’s revalidation; the SCSS’s laptop pulls it, validates, submits; the approval moves the dates and the tier on both laptops', async ({
  browser,
}) => {
  await memberOnHqRecord();
  // The SCSS first, so the supervisor's first pull lists them among the office's people.
  const scss = (
    await startEnrolledLaptop(laptops, browser, 'scss', hq, { name: 'Dana Ruiz', role: 'SCSS' }, LAPTOP_SCREEN)
  ).page;
  const supervisor = (
    await startEnrolledLaptop(
      laptops,
      browser,
      'supervisor',
      hq,
      { name: 'Pat Nguyen', role: 'SUPERVISOR' },
      LAPTOP_SCREEN,
    )
  ).page;

  // ── The supervisor's plan for the year holds the Member's revalidation, not yet assigned. ──
  await openWorkPlan(supervisor, revalidationDue.getFullYear());
  const supervisorRow = planRow(supervisor, 'Revalidation');
  await expect(supervisorRow).toContainText(shown(revalidationDue));
  await expect(supervisorRow).toContainText('Planned');
  await expect(supervisorRow).toContainText('Not assigned');
  await shot(supervisor, '1-supervisor-plan');

  await supervisorRow.getByRole('button', { name: `Assign an SCSS: ${MEMBER.legalName}, Revalidation` }).click();
  await expect(
    supervisor.getByText(`Revalidation of ${MEMBER.legalName}, due ${shown(revalidationDue)}`),
  ).toBeVisible();
  await supervisor.getByLabel('SCSS', { exact: true }).selectOption({ label: 'Dana Ruiz' });
  await supervisor.locator('label', { hasText: 'In person' }).click();
  await supervisor.getByLabel('Target date').fill(iso(target));
  await supervisor.getByRole('button', { name: 'Save assignment' }).click();
  await expect(supervisor.getByTestId('work-plan-notice')).toHaveText(`${MEMBER.legalName}: assigned to Dana Ruiz.`);
  await expect(supervisorRow).toContainText('Assigned');
  await expect(supervisorRow).toContainText(`Target ${shown(target)} · In person`);
  await syncNow(supervisor);
  await openRecord(supervisor);
  await expect(supervisor.getByTestId('record-sync-state')).toHaveText(
    'HQ holds every change to this record made here.',
  );

  // ── The SCSS's laptop pulls the assignment: their own plan shows it, and Members offers to start it. ──
  await syncUntil(
    scss,
    async () => {
      await openWorkPlan(scss, revalidationDue.getFullYear());
      await expect(planRow(scss, 'Revalidation')).toContainText('Assigned');
    },
    90_000,
  );
  await scss.getByText('Only my work').click();
  await expect(scss.getByTestId('work-plan-count')).toHaveText('1 item');
  const scssRow = planRow(scss, 'Revalidation');
  await expect(scssRow).toContainText(shown(revalidationDue));
  await expect(scssRow).toContainText('Dana Ruiz');
  await expect(scssRow).toContainText(`Target ${shown(target)} · In person`);
  await shot(scss, '2-scss-own-plan');

  const validationId = await startAssignedValidation(scss, MEMBER.legalName);
  // One finding for the field office to decide on; the rest Compliant.
  await submitWithOneRecommendation(scss, validationId);
  await openWorkPlan(scss, revalidationDue.getFullYear());
  await expect(planRow(scss, 'Revalidation')).toContainText('Submitted');

  // ── The supervisor pulls it, concurs with the finding and approves, then issues the report. ──
  const review = new ReviewPage(supervisor);
  await syncUntil(
    supervisor,
    async () => {
      await review.openList();
      await expect(review.row(MEMBER.legalName)).toBeVisible();
    },
    90_000,
  );
  // The plan shows who submitted it, and opens it for review.
  await openWorkPlan(supervisor, revalidationDue.getFullYear());
  await expect(supervisorRow).toContainText('Submitted');
  await expect(supervisorRow).toContainText('Dana Ruiz');
  await supervisorRow.getByRole('link', { name: 'Open the validation' }).click();
  await expect(supervisor.getByRole('heading', { level: 1, name: MEMBER.legalName })).toBeVisible();
  await expect(review.state()).toContainText('Submitted');
  await review.concurWithAllRemaining();
  await expect(review.decisionOf('3.1')).toHaveText('Concur');
  await review.approve();
  await review.issueReport();
  await expect(review.state()).toContainText('Closed');
  await shot(supervisor, '3-supervisor-approved');

  // The approval moved the record's dates on this laptop; the supervisor records the tier from it.
  await openRecord(supervisor);
  await expect(supervisor.getByTestId('record-last-validation')).toHaveText(`Last validated on ${shown(today)}`);
  await expect(supervisor.getByTestId('record-status')).toHaveText('ValidatedTier 3');
  await supervisor.getByLabel('What happened').selectOption({ label: 'Tier from an approved validation' });
  await supervisor.getByLabel('Approved validation').selectOption({ label: `Approved on ${shown(today)}` });
  await supervisor
    .getByLabel('Tier', { exact: true })
    .selectOption({ label: 'Tier 2: meets the Minimum Security Criteria' });
  await supervisor.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(supervisor.getByText('Recorded.', { exact: true })).toBeVisible();
  await syncNow(supervisor);
  await openRecord(supervisor);
  await expectRevalidatedRecord(supervisor);
  await expect(supervisor.getByTestId('record-sync-state')).toHaveText(
    'HQ holds every change to this record made here.',
  );
  await expect(supervisor.getByTestId('record-history-row').first()).toContainText('Tier 2');
  await shot(supervisor, '4-supervisor-record');

  // The year's plan: the revalidation is done, and the next is years away.
  await openWorkPlan(supervisor, today.getFullYear());
  const doneRow = planRow(supervisor, 'Revalidation');
  await expect(doneRow).toHaveCount(1);
  await expect(doneRow).toContainText(shown(today));
  await expect(doneRow).toContainText('Done');
  await expect(doneRow).toContainText('Dana Ruiz');
  await shot(supervisor, '5-supervisor-plan-done');

  // ── The SCSS's laptop, after it pulls, shows the same record and its plan's row done. ──
  await syncUntil(
    scss,
    async () => {
      await openRecord(scss);
      await expect(scss.getByTestId('record-status')).toHaveText('ValidatedTier 2', { timeout: 2_000 });
    },
    90_000,
  );
  await expectRevalidatedRecord(scss);
  await shot(scss, '6-scss-record');
  await openWorkPlan(scss, today.getFullYear());
  const scssDone = planRow(scss, 'Revalidation');
  await expect(scssDone).toHaveCount(1);
  await expect(scssDone).toContainText(shown(today));
  await expect(scssDone).toContainText('Done');
  await expect(scssDone).toContainText('Dana Ruiz');
  await shot(scss, '7-scss-plan-done');
});
