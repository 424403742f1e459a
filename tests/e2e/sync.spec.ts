import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { getMember } from '../../db/queries/members';
import { submitValidation } from '../../electron/services/submission-service';
import { issueEnrolmentCode } from '../../hq/identity';
import { buildCompleteValidation } from '../db/complete-validation';
import { enrolClient, type Hq, removeTempDirs, startHq } from '../sync/sync-harness';
import { assignMember, startAssignedValidation } from './assigned-member';
import { expect, test } from './fixtures';
import { MembersPage } from './pages/members-page';
import { NewValidationPage } from './pages/new-validation-page';
import { ReviewPage } from './pages/review-page';
import { FieldWorkPage } from './pages/worksheet-page';

test.describe.configure({ timeout: 180_000 });

/** Assigned by HQ to the SCSS, so its validation travels (a demo Member's stays on the laptop). */
const MEMBER = 'Huron Auto Parts Distributors LLC';

let hq: Hq;
let hqUrl: string;

test.beforeEach(async () => {
  // A real HQ service (Fastify on PGlite) listening on 127.0.0.1 beside the harness.
  hq = await startHq();
  hqUrl = await hq.app.listen({ port: 0, host: '127.0.0.1' });
});

test.afterEach(async () => {
  await hq.close();
});

/** From the header's "Not connected to HQ" link, enrols this computer with a one-time code. */
async function enrolFromHeader(page: Page, code: string): Promise<void> {
  await page.getByRole('link', { name: 'Not connected to HQ' }).click();
  await page.getByLabel('HQ address').fill(hqUrl);
  await page.getByLabel('Enrolment code').fill(code);
  await page.getByRole('button', { name: 'Enrol this computer' }).click();
  await expect(page.getByText('This computer is enrolled with HQ.')).toBeVisible();
}

test('an SCSS enrols the laptop, submits a validation, syncs, and HQ holds it with the same fingerprint', async ({
  app,
}) => {
  const page = app.page;
  const { code, user } = await issueEnrolmentCode(hq.db, {
    name: 'Jordan A. Rivera',
    role: 'SCSS',
    fieldOffice: 'Detroit',
  });
  await assignMember(hq.db, user.id, { legalName: MEMBER, accountNumber: 'IMP-52018', targetDate: '2026-12-10' });

  await page.getByRole('link', { name: 'Not connected to HQ' }).click();
  await page.getByLabel('HQ address').fill(hqUrl);
  await page.getByLabel('Enrolment code').fill('WRONG-CODE-0000');
  await page.getByRole('button', { name: 'Enrol this computer' }).click();
  await expect(page.getByRole('alert')).toContainText('HQ did not accept that enrolment code');
  // HQ's answer is said below the button, which has the focus back: it was disabled while HQ answered.
  const enrol = page.getByRole('button', { name: 'Enrol this computer' });
  await expect(enrol).toBeFocused();
  await expect(page.getByTestId('enrol-outcome')).toContainText('HQ did not accept that enrolment code');
  await page.getByLabel('Enrolment code').fill(code);
  await enrol.click();
  await expect(page.getByText('This computer is enrolled with HQ.')).toBeVisible();
  await expect(enrol).toBeFocused();
  await expect(page.getByTestId('hq-enrolled')).toContainText('Jordan A. Rivera');
  // In the harness the token is a file only this user can read (Electron keeps it with safeStorage).
  const credentialsFile = path.join(app.dataDir, 'hq-credentials');
  expect(statSync(credentialsFile).mode & 0o777).toBe(0o600);
  const { token } = JSON.parse(readFileSync(credentialsFile, 'utf8')) as { token: string };

  const members = new MembersPage(page);
  await startAssignedValidation(page, MEMBER);
  const ws = new FieldWorkPage(page);
  await ws.answerRemainingWithKeyboard('c');
  await ws.submit('Jordan A. Rivera');
  // Signed in the enrolled person's own name: named once.
  await expect(page.getByText(/Signed by Jordan A\. Rivera on /)).toBeVisible();
  const fingerprint = (await page.getByTestId('fingerprint').textContent()) ?? '';
  await expect(page.getByTestId('sync-status')).toContainText(/changes? to send|Syncing|Synced at/);

  // Nobody presses Sync: a few seconds after the last change the app sends everything by itself.
  await members.openMembers();
  const row = members.memberCard(MEMBER).getByTestId('validation-row');
  await expect(row.getByTestId('validation-sync-state')).toHaveText(/^Synced at /, { timeout: 30_000 });
  await expect(page.getByTestId('sync-status')).toContainText('Synced at');
  // HQ's receipt carries this laptop's fingerprint: the laptop's copy may now be archived.
  await expect(row.getByTestId('validation-safe-to-archive')).toHaveText('Safe to archive');
  await app.screenshot('synced');
  await page.getByRole('button', { name: 'Sync', exact: true }).click();
  await expect(page.getByTestId('sync-status')).toContainText('Synced at');

  // HQ, asked through its API with this laptop's token, holds the submitted validation and its fingerprint.
  const validationId = new URL(
    await row
      .getByRole('link')
      .first()
      .evaluate((a) => (a as HTMLAnchorElement).href),
  ).hash.split('/')[2];
  const receipt = await fetch(`${hqUrl}/v1/validations/${validationId}/receipt`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(receipt.status).toBe(200);
  expect(await receipt.json()).toMatchObject({ validationId, status: 'SUBMITTED', contentSha256: fingerprint });
});

test.describe('a Member no assignment brought (a demo Member sent to HQ on purpose)', () => {
  // A reviewer's account has no assignment: the change HQ must refuse is a demo Member's, sent on purpose.
  test.use({ sendDemoToHq: true });

  test('a change HQ refuses is listed with its reason and can be kept off HQ without losing the answer', async ({
    app,
  }) => {
    const page = app.page;
    // A reviewer's account may not change an SCSS's content: HQ refuses it (forbidden), and the app refuses it.
    const { code } = await issueEnrolmentCode(hq.db, {
      name: 'Morgan Lee',
      role: 'FIELD_OFFICE_REVIEWER',
      fieldOffice: 'Detroit',
    });
    await enrolFromHeader(page, code);
    await expect(page.getByTestId('no-refused-changes')).toBeVisible();

    const members = new MembersPage(page);
    await members.openMembers();
    await members.startValidationOf('Great Lakes Auto Parts Distributors LLC');
    const form = new NewValidationPage(page);
    await form.fill({ mode: 'In person', scheduledDate: '2026-12-10' });
    await form.create();
    await page.getByRole('button', { name: 'Sync', exact: true }).click();
    await expect(page.getByTestId('sync-status')).toContainText('1 change needs attention');
    await expect(page.getByTestId('validation-sync-state')).toContainText(
      'Needs attention: HQ refused this validation: your account may not change it',
    );
    await app.screenshot('needs-attention');

    await page.getByTestId('sync-status').getByRole('link', { name: 'Review' }).click();
    const refused = page.getByTestId('refused-change');
    await expect(refused).toHaveCount(1);
    await expect(refused.getByTestId('refused-reason')).toContainText('your account may not change it');
    await expect(refused).toContainText('Great Lakes Auto Parts Distributors LLC');
    await refused.getByRole('button', { name: 'Send again' }).click();
    await page.getByRole('button', { name: 'Sync', exact: true }).click();
    await expect(page.getByTestId('refused-change')).toHaveCount(1);
    await refused.getByRole('button', { name: 'Don’t send…' }).click();
    await refused.getByRole('button', { name: 'Don’t send this change' }).click();
    await expect(refused.getByRole('alert')).toContainText('Say why this change should not be sent');
    await refused.getByLabel('Why should HQ not get this change?').fill('Created under the wrong account; HQ has it.');
    await app.screenshot('refused-changes');
    await refused.getByRole('button', { name: 'Don’t send this change' }).click();
    await expect(page.getByTestId('no-refused-changes')).toBeVisible();

    // The validation itself is still on this computer.
    await members.openMembers();
    await expect(
      members.memberCard('Great Lakes Auto Parts Distributors LLC').getByTestId('validation-row'),
    ).toHaveCount(1);
  });
});

test('a field office reviewer receives a submitted validation from HQ and returns a finding for correction', async ({
  app,
}) => {
  const page = app.page;
  // Dana's laptop (in this process) submits a validation with a finding on 4.1 and pushes it to HQ.
  const dana = await enrolClient(hq, 'Dana Ruiz');
  const { validation, finding } = buildCompleteValidation(dana.services);
  submitValidation(dana.services.ctx, validation.id, 'Dana Ruiz');
  const memberName = getMember(dana.services.ctx.db, validation.memberId)?.legalName ?? '';
  await dana.push();
  dana.close();
  removeTempDirs();

  const { code } = await issueEnrolmentCode(hq.db, {
    name: 'Sam Ortiz',
    role: 'FIELD_OFFICE_REVIEWER',
    fieldOffice: 'Houston',
  });
  await enrolFromHeader(page, code);
  await page.getByRole('button', { name: 'Sync', exact: true }).click();
  await expect(page.getByTestId('sync-status')).toContainText('Synced at');

  const review = new ReviewPage(page);
  await review.openList();
  await expect(review.row(memberName)).toContainText('Dana Ruiz');
  await review.openValidation(memberName);
  await expect(review.finding('4.1')).toContainText(finding.description);
  await review.decide('4.1', 'Return for correction');
  await expect(review.decisionError('4.1')).toContainText('Say what the SCSS must correct');
  await review.decideAndExpectSaved('4.1', 'Return for correction', {
    comment: 'Attach the access-control policy the finding cites.',
  });
  await app.screenshot('review-findings');

  await page.getByRole('button', { name: 'Sync', exact: true }).click();
  await expect(page.getByTestId('sync-status')).toContainText('Synced at');
  const held = await hq.db.query<{ decision: string; comment: string }>(
    `SELECT payload->>'decision' AS decision, payload->>'comment' AS comment FROM records WHERE entity = 'finding_review'`,
  );
  expect(held).toEqual([
    { decision: 'RETURN_FOR_CORRECTION', comment: 'Attach the access-control policy the finding cites.' },
  ]);
  // The first decision on a submitted validation started the review, named for the enrolled reviewer.
  const [started] = await hq.db.query<{ kind: string; name: string }>(
    `SELECT payload->>'kind' AS kind, payload->'actor'->>'name' AS name FROM records WHERE entity = 'workflow_event'
     AND payload->>'kind' = 'START_REVIEW'`,
  );
  expect(started).toEqual({ kind: 'START_REVIEW', name: 'Sam Ortiz' });
});
