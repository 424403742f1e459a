import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { makePng } from '../unit/evidence-fixtures';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { MembersPage } from './pages/members-page';
import { NewValidationPage } from './pages/new-validation-page';
import { FieldWorkPage } from './pages/worksheet-page';
import { answerTheRestCompliant, invoke } from './stored-worksheet';

test.describe.configure({ timeout: 180_000 });
test.use({ actionTimeout: 30_000 });

const MEMBER = 'Great Lakes Auto Parts Distributors LLC';
const SITE = 'Detroit distribution center';
const NOTES_48 = 'Admin password shared by three clerks.\nMFA rollout planned for Q2 per the IT manager.';
const FINDING_48 = 'Shared administrator account on the customs filing workstation; no MFA.';
const CONTAINER = 'TGHU 884120-3';
const FLOOR_NOTE = 'New screws and fresh sealant on one floor panel';
const WHY_NA_96 = 'No cargo handling after dark: the site closes at 17:00 and is alarmed.';

async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.resolve('test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await expectAccessible(page, `locked-summary-${name}`);
  await page.screenshot({ path: path.join(dir, `locked-summary-${name}.png`) });
}

/** A 7-point container inspection on 5.3 with one failed item. */
async function recordContainerInspection(page: Page, validationId: string): Promise<void> {
  const keys = ['front-wall', 'left-side', 'right-side', 'floor', 'ceiling-roof', 'doors', 'undercarriage'];
  await invoke(page, 'checklists:save', {
    validationId,
    criterionId: '5.3',
    kind: 'CONTAINER_7_POINT',
    label: CONTAINER,
    refrigerated: false,
    items: keys.map((key) =>
      key === 'floor' ? { key, status: 'FAIL', note: FLOOR_NOTE } : { key, status: 'PASS', note: '' },
    ),
  });
}

test('a submitted worksheet reads as a summary: results, notes and the finding as text, no form controls, links still land', async ({
  app,
}, testInfo) => {
  const page = app.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  await new MembersPage(page).startValidationOf(MEMBER);
  const form = new NewValidationPage(page);
  await form.fill({ mode: 'In person', scheduledDate: '2026-12-07' });
  await form.create();
  const ws = new FieldWorkPage(page);
  await expect(page.getByRole('heading', { level: 1, name: MEMBER })).toBeVisible();
  const validationId = new URL(page.url()).hash.match(/[0-9a-f-]{36}/)?.[0] ?? '';
  expect(validationId).not.toBe('');

  await ws.addSite({
    name: SITE,
    type: 'Distribution center',
    address: '1200 Fort St, Detroit, MI',
    visitDate: '2026-12-07',
  });

  // 4.8: Deficient with a finding, a photo on the finding, two lines of notes, a method and a site.
  await ws.openCategory(4, 'Cybersecurity');
  await ws.answer('4.8', 'Deficient', NOTES_48);
  await ws.fillFinding('4.8', { reason: 'Partially implemented', description: FINDING_48 });
  await ws.checkMethod('4.8', 'Observed on site');
  await ws.criterion('4.8').getByLabel('Verified at').selectOption({ label: SITE });
  await expect(ws.saveStatus()).not.toContainText('Saving');
  const photo = testInfo.outputPath('shared-admin-login.png');
  writeFileSync(photo, await makePng(640, 480, 3));
  const findingEvidence = ws.criterion('4.8').getByTestId('finding-editor').getByTestId('evidence-panel');
  await findingEvidence.getByLabel('Attach photos or documents').setInputFiles(photo);
  await expect(findingEvidence.getByTestId('evidence-item')).toHaveCount(1);

  await ws.openCategory(9, 'Physical Security');
  await ws.answer('9.6', 'Not applicable');
  await ws.justifyNotApplicable('9.6', WHY_NA_96);

  await recordContainerInspection(page, validationId);
  await answerTheRestCompliant(page, validationId);
  await page.reload();
  await ws.openSection('Review and submit');
  await expect(page.getByText('Ready to submit')).toBeVisible();
  // A link the completeness check offers (kept to follow once the worksheet is locked).
  const warning = ws
    .problems()
    .filter({ hasText: /^11\.\d+ does not say how it was verified\./ })
    .first();
  const linkedCriterion = (await warning.locator('a').textContent())?.split(' ')[0] ?? '';
  const linkHref = (await warning.locator('a').getAttribute('href')) ?? '';
  expect(linkHref).toContain(`focus=${linkedCriterion}`);
  await ws.submit('Jordan A. Rivera');

  // Category 4, locked: a summary with no form controls at all among the criteria.
  await ws.openCategory(4, 'Cybersecurity');
  await expect(page.getByText('This validation has been submitted; its answers are locked.')).toBeVisible();
  const criteriaArea = page.getByRole('region', { name: '4. Cybersecurity' });
  await expect(criteriaArea.getByTestId('locked-criterion').first()).toBeVisible();
  await expect(criteriaArea.locator('input, textarea, select')).toHaveCount(0);
  await expect(criteriaArea.getByTestId('criterion-card')).toHaveCount(0);

  const c48 = ws.criterion('4.8');
  await expect(c48.getByRole('heading', { level: 3, name: '4.8' })).toBeVisible();
  await expect(c48.getByTestId('locked-result')).toHaveText('Deficient');
  await expect(c48).toContainText('Observed on site');
  await expect(c48).toContainText(SITE);
  // The notes keep their line break: two lines on screen, not one run-on line.
  const notes = c48.locator('dd').filter({ hasText: 'Admin password shared' });
  expect(await notes.innerText()).toBe(NOTES_48);
  const finding = c48.getByTestId('locked-finding');
  await expect(finding.getByRole('heading', { level: 4, name: /^Finding for 4.8/ })).toHaveText(
    'Finding for 4.8 Action required',
  );
  await expect(finding).toContainText('Partially implemented');
  await expect(finding).toContainText(FINDING_48);
  await expect(finding.locator('dd').nth(1)).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
  await expect(finding.getByRole('link', { name: 'shared-admin-login.png' })).toBeVisible();
  await expect(ws.criterion('4.1').getByTestId('locked-result')).toHaveText('Compliant');
  await expect(ws.criterion('4.1')).toContainText('No notes');
  await c48.scrollIntoViewIfNeeded();
  await screenshot(page, 'category-4');

  // The keyboard still moves between criteria, and a result key changes nothing.
  await c48.focus();
  await page.keyboard.press('j');
  const focused = page.locator('[data-testid="locked-criterion"]:focus');
  await expect(focused).toHaveCount(1);
  await expect(focused).not.toHaveAttribute('data-criterion', '4.8');
  await page.keyboard.press('k');
  await expect(c48).toBeFocused();
  await page.keyboard.press('c');
  await expect(c48.getByTestId('locked-result')).toHaveText('Deficient');

  // The inspection on 5.3 reads as its tally and the failed item with the SCSS's note.
  await ws.openCategory(5, 'Conveyance & Instruments of International Traffic Security');
  const inspections = ws.criterion('5.3').getByTestId('locked-checklists');
  await expect(inspections).toContainText(
    `7-point container inspection: ${CONTAINER} · 7 of 7 items recorded: 6 passed, 1 failed`,
  );
  await expect(inspections).toContainText(`Failed: Floor (${FLOOR_NOTE})`);
  await ws.criterion('5.3').scrollIntoViewIfNeeded();
  await screenshot(page, 'category-5');

  await ws.openCategory(9, 'Physical Security');
  await expect(ws.criterion('9.6').getByTestId('locked-result')).toHaveText('Not applicable');
  await expect(ws.criterion('9.6')).toContainText(WHY_NA_96);
  await ws.criterion('9.6').scrollIntoViewIfNeeded();
  await screenshot(page, 'category-9');

  // The link from Review and submit still lands on its criterion in the locked summary.
  await page.evaluate((href) => {
    window.location.hash = new URL(href, window.location.href).hash;
  }, linkHref);
  await expect(page.getByRole('heading', { level: 2, name: /^11\. / })).toBeVisible();
  await expect(ws.criterion(linkedCriterion)).toBeFocused();
  await screenshot(page, 'focused-link');

  // Still a summary after a restart.
  await app.restart();
  await expect(ws.criterion(linkedCriterion).getByTestId('locked-result')).toHaveText('Compliant');
  await expect(page.locator('.worksheet__criteria').locator('input, textarea, select')).toHaveCount(0);
});
