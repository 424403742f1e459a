import { danaSyncedValidation, submitWithOneRecommendation } from './assigned-member';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { handOverTo, hqPerTest, type Laptop, syncNow } from './laptops';
import { MembersPage } from './pages/members-page';
import { ReviewPage } from './pages/review-page';
import { FieldWorkPage } from './pages/worksheet-page';

// Two enrolments, an assignment pulled and a validation synced: more than the default minute on a loaded machine.
test.describe.configure({ timeout: 180_000 });
test.use({ actionTimeout: 30_000 });

const laptops: Laptop[] = [];
const hq = hqPerTest(laptops);
const MEMBER = 'Gulf Coast Importers LLC';

test('a laptop handed to another SCSS shows the first one’s validation to read, with nothing to change', async ({
  app,
}) => {
  const page = app.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  const { validationId } = await danaSyncedValidation(page, hq, MEMBER, 'IMP-61044');
  const ws = new FieldWorkPage(page);

  // Dana hands the laptop to Sam, who enrols it with his own code from Settings.
  await handOverTo(page, hq, { name: 'Sam Ortiz', role: 'SCSS' });

  const members = new MembersPage(page);
  await members.openMembers();
  const row = members.memberCard(MEMBER).getByTestId('validation-row');
  await expect(row.getByTestId('another-persons-notice')).toHaveText(
    'Dana Ruiz’s validation, from this computer’s earlier enrolment: you can read it, not change it.',
  );
  await app.screenshot('another-persons-row');

  // Starting one of his own: the warning says whose the open validation is, and not to carry on with it.
  await members.startValidationOf(MEMBER);
  const warning = page.getByTestId('open-validation-warning');
  await expect(warning.getByRole('listitem')).toContainText(
    'Dana Ruiz’s, from this computer’s earlier enrolment: read only',
  );
  await expect(warning).toContainText('Only the SCSS who started it can carry on with it.');
  await expect(warning).not.toContainText('Carry on with it');
  await expectAccessible(page, 'new validation warning of another person’s validation');
  await app.screenshot('another-persons-open-warning');

  await page.goto(page.url().replace(/#.*$/, `#/validations/${validationId}`));
  await expect(page.getByRole('heading', { level: 1, name: MEMBER })).toBeVisible();
  await expect(
    page.getByText(
      'This validation is Dana Ruiz’s, started while this computer was enrolled as Dana Ruiz. You can read it; only Dana Ruiz can change it.',
    ),
  ).toBeVisible();
  // Dana's answer reads as text; nothing on the page can be typed into or chosen.
  const criteria = page.getByRole('region', { name: /^1\. / });
  await expect(ws.criterion('1.1').getByTestId('locked-result')).toHaveText('Compliant');
  await expect(ws.criterion('1.1')).toContainText('Dana read the written risk assessment.');
  await expect(criteria.locator('input, textarea, select')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Undo last change' })).toBeDisabled();
  await expectAccessible(page, 'another person’s worksheet');
  await app.screenshot('another-persons-worksheet');

  // Review and submit: Dana's state and findings to read; no signature to give.
  await ws.openSection('Review and submit');
  await expect(page.getByRole('heading', { level: 2, name: 'Review and submit' })).toBeVisible();
  await expect(page.getByText('only Dana Ruiz can change it')).toBeVisible();
  await expect(page.getByRole('button', { name: /Submit/ })).toHaveCount(0);
  await expect(page.getByLabel(/signature|Type your full name/i)).toHaveCount(0);
  await app.screenshot('another-persons-review');
});

test('a laptop handed to a field office reviewer lists the first SCSS’s submitted validation to review', async ({
  app,
}) => {
  const page = app.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  const { validationId } = await danaSyncedValidation(page, hq, MEMBER, 'IMP-61046');
  await submitWithOneRecommendation(page, validationId);

  // Dana hands the laptop to Riley, a reviewer of her field office, who enrols it from Settings.
  await handOverTo(page, hq, { name: 'Riley Chen', role: 'FIELD_OFFICE_REVIEWER' });
  await syncNow(page);

  // Her submitted validation is in Riley's list, as it would be on any reviewer's laptop, and his to decide on.
  const review = new ReviewPage(page);
  await review.openList();
  await expect(review.row(MEMBER)).toContainText('Dana M. Ruiz');
  await app.screenshot('handed-over-review-list');
  await review.openValidation(MEMBER);
  await review.decideAndExpectSaved('3.1', 'Concur');
  await expectAccessible(page, 'review of the earlier SCSS’s validation on a handed-over laptop');
  await app.screenshot('handed-over-review');
  await syncNow(page);
  await expect(review.finding('3.1')).not.toContainText(/refused|not sent/i);
});
