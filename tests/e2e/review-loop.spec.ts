import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { issueEnrolmentCode } from '../../hq/identity';
import { defaultDueDate, localToday } from '../../shared/domain/due-dates';
import { makePdf, makePng } from '../unit/evidence-fixtures';
import { assignMember, startAssignedValidation } from './assigned-member';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { enrolFromHeader, hqPerTest, type Laptop, startLaptop, syncNow, syncUntil } from './laptops';
import { MembersPage } from './pages/members-page';
import { type AssessmentLabel, ResponsesPage } from './pages/responses-page';
import { ReviewPage } from './pages/review-page';
import { FieldWorkPage } from './pages/worksheet-page';
import { expectOneTabStop } from './tab-stops';

/**
 * The whole review loop across three harness laptops (an SCSS, a field office reviewer and a supervisor, each
 * with its own data folder, harness process and browser page) and a real HQ, driven only through the app's UI.
 */
test.describe.configure({ timeout: 600_000 });

/** Assigned by HQ, so its validation travels (a demo Member's stays on the laptop). */
const MEMBER = 'Bayou Freight Imports LLC';
const SLOW = { timeout: 30_000 };
const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const laptops: Laptop[] = [];

const hq = hqPerTest(laptops);

/** The supervisor's list switch; pressing the list already shown keeps it on screen. */
async function showSupervisorList(review: ReviewPage, list: 'To review' | 'To approve'): Promise<void> {
  await review.showList(list);
  await expect(review.page.getByTestId('work-count')).toContainText(list === 'To review' ? 'to review' : 'to approve');
}

async function shot(page: Page, name: string): Promise<void> {
  await expectAccessible(page, `review-loop-${name}`);
  await page.screenshot({
    path: path.resolve('test-results', 'screenshots', `review-loop-${name}.png`),
    fullPage: true,
  });
}

test('SCSS submits → reviewer returns → SCSS corrects and resubmits → concur → approve → issue → responses → closed on all three laptops; a stale review is refused', async ({
  browser,
}, testInfo) => {
  const scssLaptop = await startLaptop(laptops, browser, 'scss');
  const reviewerLaptop = await startLaptop(laptops, browser, 'reviewer');
  const supervisorLaptop = await startLaptop(laptops, browser, 'supervisor');
  const scss = scssLaptop.page;
  const reviewer = reviewerLaptop.page;
  const supervisor = supervisorLaptop.page;

  for (const [page, user] of [
    [scss, { name: 'Dana Ruiz', role: 'SCSS' }],
    [reviewer, { name: 'Sam Ortiz', role: 'FIELD_OFFICE_REVIEWER' }],
    [supervisor, { name: 'Pat Nguyen', role: 'SUPERVISOR' }],
  ] as const) {
    const { code, user: enrolled } = await issueEnrolmentCode(hq.db, { ...user, fieldOffice: 'Houston' });
    await enrolFromHeader(page, hq.url, code);
    if (user.role === 'SCSS') {
      await assignMember(hq.db, enrolled.id, {
        legalName: MEMBER,
        accountNumber: 'IMP-40417',
        targetDate: '2026-12-10',
      });
    }
  }

  // ── The SCSS does the field work in the browser: two findings, the rest Compliant by keyboard. ──
  const members = new MembersPage(scss);
  await startAssignedValidation(scss, MEMBER);
  const ws = new FieldWorkPage(scss);
  await ws.openCategory(3, 'Business Partners');
  await ws.answer('3.1', 'Deficient');
  await ws.fillFinding('3.1', {
    classification: 'Recommendation',
    reason: 'Business partner gap',
    description: 'Two of five carriers were never screened.',
  });
  await ws.openCategory(4, 'Cybersecurity');
  await ws.answer('4.8', 'Deficient');
  await ws.fillFinding('4.8', {
    reason: 'Partially implemented',
    description: 'Shared administrator account on the customs filing workstation.',
  });
  // The SCSS proposes a later due date for 4.8; once the report is dated, the report date sets it.
  const proposedDue = defaultDueDate(localToday(), 120);
  const due48 = ws.criterion('4.8').getByTestId('finding-editor').getByLabel('Member response due');
  await due48.fill(proposedDue);
  await due48.blur();
  await expect(ws.criterion('4.8').getByTestId('finding-editor').getByText('Finding saved')).toBeVisible();
  // A photo of what was seen, on the 4.8 finding: the reviewer's laptop fetches it from HQ and shows it.
  const photoPath = testInfo.outputPath('shared-admin-login.png');
  writeFileSync(photoPath, await makePng(800, 600, 5));
  const evidencePanel = ws.criterion('4.8').getByTestId('finding-editor').getByTestId('evidence-panel');
  await evidencePanel.getByLabel('Attach photos or documents').setInputFiles(photoPath);
  await expect(evidencePanel.getByTestId('evidence-item')).toHaveCount(1);
  await ws.answerRemainingWithKeyboard('c');
  await ws.submit('Dana M. Ruiz');
  await syncNow(scss);

  // ── The reviewer returns 4.8 for correction and non-concurs on 3.1 (proposing Action required). ──
  const review = new ReviewPage(reviewer);
  await syncUntil(reviewer, async () => {
    await review.openList();
    await expect(review.row(MEMBER)).toContainText('Awaiting review');
  });
  await review.openValidation(MEMBER);
  const reviewHash = new URL(reviewer.url()).hash;
  // The SCSS's photo came down with the sync: its thumbnail is drawn, and it opens full size.
  const thumbnail = review.finding('4.8').getByTestId('review-evidence').locator('img');
  await expect(thumbnail).toHaveJSProperty('complete', true);
  expect(await thumbnail.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  const photoDialog = await review.openEvidence('shared-admin-login.png', review.finding('4.8'));
  await expect(photoDialog.getByTestId('evidence-missing')).toHaveCount(0);
  await expect(photoDialog.locator('img')).toHaveJSProperty('naturalWidth', 800);
  await review.closeEvidence();
  // A return without its comment is refused at the comment box, which reads the reason and says it is invalid.
  await review.decide('4.8', 'Return for correction');
  const correction = review.finding('4.8').getByLabel(/What the SCSS must correct/);
  await expect(correction).toHaveAttribute('aria-invalid', 'true');
  await expect(correction).toHaveAccessibleDescription('Say what the SCSS must correct (at least 10 characters).');
  await review.decideAndExpectSaved('4.8', 'Return for correction', {
    comment: 'Say which workstation and attach the revised account policy.',
  });
  await review.decideAndExpectSaved('3.1', 'Non-concur', {
    propose: 'Action required',
    comment: 'Unscreened carriers are an Action Required finding, not a recommendation.',
  });
  // A sync brings the history up to date ("Review started" reaches HQ and its "Not at HQ yet" line goes) while the
  // reviewer is about to press a step: Return and Approve hold their place on the page, so a press aimed before it
  // lands on them. (Where on the page, not the window: pressing Sync scrolls the header into view.)
  const notAtHqYet = review.lifecyclePanel().getByTestId('history-sync');
  await expect(notAtHqYet.first()).toBeVisible();
  const stepsBefore = await review.stepBoxes();
  await syncNow(reviewer);
  await expect(notAtHqYet).toHaveCount(0, SLOW);
  expect(await review.stepBoxes()).toEqual(stepsBefore);
  // Zoomed to 200% on a field laptop (683 px wide) the page is one column that reads as Tab and a screen reader
  // take it: the findings, the steps they lead to, then the whole record (WCAG 2.4.3). Full size, the steps stand
  // beside the findings.
  const fullSize = reviewer.viewportSize();
  await reviewer.setViewportSize({ width: 683, height: 384 });
  const readingOrder = ['findings', 'steps', 'record'];
  await expect.poll(() => review.regionOrder()).toEqual({ document: readingOrder, seen: readingOrder });
  await shot(reviewer, '0-reviewer-zoomed');
  if (fullSize) await reviewer.setViewportSize(fullSize);
  await expect
    .poll(async () => {
      const [findings, steps] = await Promise.all([
        review.findingsSection().boundingBox(),
        review.actions().boundingBox(),
      ]);
      return findings && steps ? steps.x - (findings.x + findings.width) : null;
    })
    .toBeGreaterThan(0);
  // So is returning the whole validation: the box reads its hint and the reason, and says it is invalid.
  const confirmReturn = await review.openReturn();
  await confirmReturn.getByRole('button', { name: 'Return for correction', exact: true }).click();
  const returnBox = confirmReturn.getByLabel(/What the SCSS must correct/);
  await expect(returnBox).toHaveAttribute('aria-invalid', 'true');
  await expect(returnBox).toHaveAccessibleDescription(
    'Sent with your decisions on each finding. Say what the SCSS must correct (at least 10 characters).',
  );
  await confirmReturn.getByRole('button', { name: 'Cancel' }).click();
  await review.returnValidation('Two findings need work before approval; see the comment on each.', { held: true });
  await expect(review.state()).toContainText('Returned for correction', SLOW);
  await shot(reviewer, '1-reviewer-returned');
  await syncNow(reviewer);

  // ── The SCSS's laptop, after Sync, shows the returned banner and the highlighted findings. ──
  const responses = new ResponsesPage(scss);
  await syncUntil(scss, async () => {
    await members.openMembers();
    await expect(members.memberCard(MEMBER).getByTestId('returned-notice')).toBeVisible();
  });
  await members.memberCard(MEMBER).getByTestId('returned-notice').getByRole('link').click();
  await expect(responses.state()).toHaveText('Returned for correction');
  await ws.openSection('Review and submit');
  await expect(responses.returnedComment()).toHaveText(
    'Two findings need work before approval; see the comment on each.',
  );
  await expect(responses.returnedFindings()).toHaveCount(2);
  await expect(responses.returnedFindings().filter({ hasText: 'Finding on 4.8' })).toContainText(
    'Returned for correction',
  );
  const returned31 = responses.returnedFindings().filter({ hasText: 'Finding on 3.1' });
  await expect(returned31).toContainText('Reviewer does not concur');
  await expect(returned31).toContainText(/Proposed classification: Action required/i);
  await shot(scss, '2-scss-returned-banner');

  // Corrects 4.8's description and reclassifies 3.1 as proposed, then signs and submits again.
  const card48 = await responses.openReturnedFinding('4.8');
  await expect(responses.returnedNote('4.8')).toContainText('Say which workstation');
  const description48 = card48.getByLabel('Description of the deficiency');
  await description48.fill('Shared administrator account on customs workstation CF-2; no MFA.');
  await description48.blur();
  await expect(description48).toHaveAttribute('data-saved', 'true');
  await ws.openCategory(3, 'Business Partners');
  await expect(responses.returnedNote('3.1')).toContainText('Proposed classification');
  const editor31 = ws.criterion('3.1').getByTestId('finding-editor');
  await editor31.locator('label.usa-radio__label').filter({ hasText: 'Action required' }).click();
  await expect(editor31.getByRole('radio', { name: 'Action required' })).toBeChecked();
  await expect(editor31.getByText('Finding saved')).toBeVisible();
  await ws.submit('Dana M. Ruiz');
  await syncNow(scss);

  // The supervisor pulls the resubmitted copy now: its decision below is made from this (soon stale) version.
  const boss = new ReviewPage(supervisor);
  await syncUntil(supervisor, async () => {
    await boss.openList();
    await showSupervisorList(boss, 'To review');
    await expect(boss.row(MEMBER)).toBeVisible();
  });

  // ── The reviewer sees what changed since the last review, and concurs with all. ──
  await syncUntil(reviewer, async () => {
    await review.openList();
    await expect(review.row(MEMBER)).toBeVisible();
    await review.openValidation(MEMBER);
    await expect(review.changes().first()).toBeVisible();
  });
  await expect(review.changes().filter({ hasText: '4.8' }).first()).toBeVisible();
  await expect(review.changes().filter({ hasText: '3.1' }).first()).toBeVisible();
  // The first round's decisions were made on words the SCSS has since changed: each says it no longer counts.
  await expect(review.finding('4.8').getByTestId('review-outdated')).toHaveText(
    'The SCSS changed this finding after this decision, so it no longer counts. Read the finding as it is now and decide again.',
  );
  await expect(review.finding('3.1').getByTestId('review-outdated')).toBeVisible();
  await shot(reviewer, '3-reviewer-changes');
  await review.concurWithAllRemaining();
  await expect(review.decisionOf('4.8')).toHaveText('Concur');
  await expect(review.decisionOf('3.1')).toHaveText('Concur');
  await expect(review.findingsSection().getByTestId('review-outdated')).toHaveCount(0);
  await syncNow(reviewer);

  // ── Stale: the supervisor decides 3.1 from the version before the reviewer's concurrence; HQ refuses it. ──
  await boss.openValidation(MEMBER);
  await boss.decideAndExpectSaved('3.1', 'Return for correction', { comment: 'Name the two unscreened carriers.' });
  await syncNow(supervisor);
  await expect(supervisor.getByTestId('sync-status')).toContainText(/changes? needs? attention/, SLOW);
  await supervisor.getByTestId('sync-status').getByRole('link', { name: 'Review' }).click();
  const refused = supervisor.getByTestId('refused-change');
  await expect(refused.first()).toBeVisible();
  await expect(refused.getByRole('heading', { name: 'Review decision (change)' }).first()).toBeVisible();
  await expect(refused.getByTestId('refused-reason').filter({ hasText: /HQ has a newer version/ })).toContainText(
    /Concur by Sam Ortiz/,
  );
  await shot(supervisor, '4-supervisor-refused');
  // Kept off HQ, so HQ's current copy comes through.
  // One at a time, each answered before the next: the list re-renders as each leaves it.
  while ((await refused.count()) > 0) {
    const count = await refused.count();
    const first = refused.first();
    const open = first.getByRole('button', { name: 'Don’t send…' });
    if (await open.isVisible()) await open.click();
    await first.getByLabel('Why should HQ not get this change?').fill('The reviewer concurred first; HQ holds that.');
    await first.getByRole('button', { name: 'Don’t send this change' }).click();
    await expect(refused).toHaveCount(count - 1, SLOW);
  }
  await expect(supervisor.getByTestId('no-refused-changes')).toBeVisible();

  // ── The SCSS is never offered Approve. ──
  await syncNow(scss);
  await expect(scss.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: /^Reviews/ })).toHaveCount(
    0,
  );
  await expect(scss.getByRole('button', { name: 'Approve' })).toHaveCount(0);

  // ── The supervisor approves and issues the report. ──
  await syncUntil(supervisor, async () => {
    await boss.openList();
    await showSupervisorList(boss, 'To approve');
    await expect(boss.row(MEMBER)).toBeVisible();
  });
  await boss.openValidation(MEMBER);
  await expect(boss.decisionOf('3.1')).toHaveText('Concur');
  await boss.approve();
  await boss.issueReport();
  await expect(boss.finding('4.8').getByTestId('finding-due')).toContainText(
    `The SCSS proposed ${calendarDate(proposedDue)}; the report date sets it.`,
  );
  await shot(supervisor, '5-supervisor-issued');
  await syncNow(supervisor);

  // ── The SCSS records the Member's responses: 3.1 not accepted then accepted, 4.8 accepted: closed. ──
  await syncUntil(scss, async () => {
    await members.openMembers();
    await members.memberCard(MEMBER).getByTestId('validation-row').getByRole('link').first().click();
    await responses.openResponsesSection();
  });
  // The work list shows what needs attention first. Just issued, both findings are open and not due within 14
  // days: it says they are left out by the statuses chosen, not that there are none, and offers every status.
  await responses.openResponsesList();
  await expect(scss.getByText(/^No finding has the statuses chosen above\./)).toBeVisible();
  await scss.getByRole('button', { name: 'Show every status' }).click();
  await expect(responses.row(MEMBER, '3.1')).toHaveAttribute('data-status', 'OPEN');
  await expect(responses.row(MEMBER, '4.8')).toHaveAttribute('data-status', 'OPEN');
  await responses.openFromList(MEMBER);
  // The Member answers the report it was sent: a date before the report went out is refused at the field.
  await responses.finding('3.1').getByRole('button', { name: 'Record a Member response to 3.1' }).click();
  const early = responses.finding('3.1').getByRole('form', { name: 'Record a Member response to 3.1' });
  await early.getByLabel('Date received').fill('2020-01-02');
  await early.getByLabel('Corrective action').fill('Screened the carriers in 2020.');
  await early.getByRole('button', { name: 'Save response' }).click();
  await expect(early.getByLabel('Date received')).toBeFocused();
  await expect(early).toContainText('A response cannot have arrived before the report was issued on');
  await shot(scss, '5a-scss-response-before-issue');
  await early.getByRole('button', { name: 'Cancel' }).click();
  await expect(responses.responses('3.1')).toHaveCount(0);
  await responses.recordResponse('3.1', { correctiveAction: 'We will screen the carriers next quarter.' });
  // Saved with no assessment, the form says so and focuses the first one; its re-render gave the group two Tab stops.
  // The three are one stop, chosen or not, and the arrow keys move between them.
  const assessForm = responses.finding('3.1').getByRole('form', { name: /^Assess the response to 3\.1/ });
  const assessment = (name: AssessmentLabel) => assessForm.getByRole('radio', { name, exact: true });
  const assessNote = assessForm.getByRole('textbox');
  await assessForm.getByRole('button', { name: 'Save assessment' }).click();
  await expect(assessForm.getByText('Choose an assessment.')).toBeVisible();
  await expectOneTabStop(scss, assessment('Accepted'), assessNote);
  await scss.keyboard.press('ArrowDown');
  await expect(assessment('Not accepted')).toBeChecked();
  await expectOneTabStop(scss, assessment('Not accepted'), assessNote);
  await responses.assess('3.1', 'Not accepted', 'Screen both carriers now and send the screening records.');
  // The Member's files are stored and fingerprinted as they are attached, and listed with the response.
  const screening = makePdf();
  const screeningPhoto = await makePng(640, 480, 9);
  await responses.recordResponse('3.1', {
    correctiveAction: 'Both carriers screened; records attached.',
    files: [
      { name: 'Carrier screening.pdf', mimeType: 'application/pdf', buffer: screening },
      { name: 'Screening log.png', mimeType: 'image/png', buffer: screeningPhoto },
    ],
    beforeSave: () => shot(scss, '5b-scss-response-files'),
  });
  await expect(responses.responseFiles('3.1')).toHaveText([
    new RegExp(`^Carrier screening\\.pdf.*SHA-256 ${sha256Hex(screening).slice(0, 12)}…`),
    new RegExp(`^Screening log\\.png.*SHA-256 ${sha256Hex(screeningPhoto).slice(0, 12)}…`),
  ]);
  await responses.assess('3.1', 'Accepted');
  await expect(responses.findingStatus('3.1')).toContainText('Resolved');
  await responses.recordResponse('4.8', { correctiveAction: 'Individual accounts and MFA on CF-2 since Monday.' });
  await responses.assess('4.8', 'Accepted');
  await expect(responses.closedAlert()).toBeVisible();
  await expect(responses.state()).toHaveText('Closed');
  await shot(scss, '6-scss-closed');
  // The Member's files reach HQ with the response, each by its fingerprint.
  const memberFiles = [sha256Hex(screening), sha256Hex(screeningPhoto)].sort();
  await syncUntil(scss, async () => {
    const held = await hq.db.query<{ sha256: string }>(
      'SELECT sha256 FROM evidence_files WHERE sha256 = ANY($1::text[]) ORDER BY sha256',
      [memberFiles],
    );
    expect(held.map((row) => row.sha256)).toEqual(memberFiles);
  });

  // ── Closed on all three laptops after each syncs. ──
  for (const [page, pageReview] of [
    [reviewer, review],
    [supervisor, boss],
  ] as const) {
    const base = new URL(page.url());
    await syncUntil(page, async () => {
      await page.goto(`${base.origin}/${reviewHash}`);
      await expect(pageReview.state()).toContainText('Closed');
    });
  }
  await shot(reviewer, '7-reviewer-closed');
  expect(await review.historyKinds()).toEqual(
    expect.arrayContaining(['SUBMIT', 'START_REVIEW', 'RETURN', 'APPROVE', 'ISSUE_REPORT', 'CLOSE']),
  );
  await scss.reload();
  await expect(responses.state()).toHaveText('Closed');
});

/** A YYYY-MM-DD date as the English screens write it: "Mar 3, 2027". */
const calendarDate = (isoDate: string): string =>
  new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
