import type { Page } from '@playwright/test';
import { createAssignment } from '../../hq/assignments';
import type { HqDb } from '../../hq/db/types';
import type { HqUser } from '../../shared/sync/protocol';
import { expect } from './fixtures';
import { enrolAs, type HqAt, syncNow } from './laptops';
import { MembersPage } from './pages/members-page';
import { FieldWorkPage } from './pages/worksheet-page';
import { answerTheRestCompliant } from './stored-worksheet';

/** A Member as HQ assigns it: a real (non-demo) company whose validations the app sends to HQ. */
export type AssignedMember = { legalName: string; accountNumber: string; targetDate: string };

/** HQ assigns the Member's in-person validation to the SCSS, as `npm run hq -- assign` does. */
export async function assignMember(db: HqDb, scssUserId: string, member: AssignedMember): Promise<void> {
  await createAssignment(db, {
    'member-name': member.legalName,
    account: member.accountNumber,
    'entity-type': 'IMP',
    mode: 'IN_PERSON',
    'target-date': member.targetDate,
    scss: scssUserId,
    city: 'Houston, TX',
    country: 'United States',
  });
}

/** Syncs until the assignment shows under Members, then starts it: the worksheet opens on its first category. */
export async function startAssignedValidation(page: Page, legalName: string): Promise<string> {
  const members = new MembersPage(page);
  await members.openMembers();
  const start = page.getByRole('button', { name: `Start validation of ${legalName}` });
  await expect(async () => {
    await page.getByRole('button', { name: 'Sync', exact: true }).click();
    await expect(start).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000, intervals: [1_000, 2_000, 3_000] });
  await start.click();
  await expect(page.getByRole('heading', { level: 1, name: legalName })).toBeVisible();
  const validationId = new URL(page.url()).hash.split('/')[2] ?? '';
  expect(validationId).toMatch(/^[0-9a-f-]{36}$/);
  return validationId;
}

/**
 * Dana Ruiz enrols the laptop on `page`, starts the in-person validation HQ assigned her of `legalName`, answers
 * 1.1 and syncs: the first person of a laptop about to be handed over, with nothing left to send.
 */
export async function danaSyncedValidation(
  page: Page,
  hq: HqAt,
  legalName: string,
  accountNumber: string,
): Promise<{ dana: HqUser; validationId: string }> {
  const dana = await enrolAs(page, hq, { name: 'Dana Ruiz', role: 'SCSS' });
  await assignMember(hq.db, dana.id, { legalName, accountNumber, targetDate: '2027-01-14' });
  const validationId = await startAssignedValidation(page, legalName);
  await new FieldWorkPage(page).answer('1.1', 'Compliant', 'Dana read the written risk assessment.');
  await syncNow(page);
  return { dana, validationId };
}

/** The validation open on `page` submitted and synced with one finding for the field office (a Recommendation on 3.1). */
export async function submitWithOneRecommendation(page: Page, validationId: string): Promise<void> {
  const ws = new FieldWorkPage(page);
  await ws.openCategory(3, 'Business Partners');
  await ws.answer('3.1', 'Deficient');
  await ws.fillFinding('3.1', {
    classification: 'Recommendation',
    reason: 'Business partner gap',
    description: 'The carrier screening list was last refreshed fourteen months ago.',
  });
  await answerTheRestCompliant(page, validationId);
  await page.reload();
  await ws.submit('Dana M. Ruiz');
  await syncNow(page);
}
