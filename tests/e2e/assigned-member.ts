import type { Page } from '@playwright/test';
import { createAssignment } from '../../hq/assignments';
import type { HqDb } from '../../hq/db/types';
import { expect } from './fixtures';
import { MembersPage } from './pages/members-page';

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
