import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { issueEnrolmentCode } from '../../hq/identity';
import { assignMember, startAssignedValidation } from './assigned-member';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { enrolFromHeader, hqPerTest, type Laptop, startLaptop, syncNow } from './laptops';
import { FieldWorkPage } from './pages/worksheet-page';

/**
 * The MSC performance dashboard from real synced data: an SCSS submits a validation with one Action Required
 * and one Recommendation and syncs; the SCSS's laptop counts it ("This computer"), the supervisor's laptop asks
 * HQ for the field office, both give the same figures; a view's CSV downloads; filters live in the address.
 */
test.describe.configure({ timeout: 600_000 });
// A step that cannot happen fails in half a minute with its name, instead of waiting out the whole test.
test.use({ actionTimeout: 30_000 });

const MEMBER = 'Bayou Freight Imports LLC';
const SLOW = { timeout: 30_000 };
/** A field laptop's screen; the CSVs are read from the browser's downloads. */
const FIELD_LAPTOP = { viewport: { width: 1366, height: 768 }, acceptDownloads: true };
const SHOTS = path.resolve('test-results', 'screenshots');

const laptops: Laptop[] = [];

const hq = hqPerTest(laptops);

/** The figure a key-statistics card shows. */
const stat = (page: Page, key: string) => page.getByTestId(`stat-${key}`).locator('dd');

/** The by-category table's rows as [category, count, percent, AR, Rec] for categories with deficiencies. */
async function categoryRows(page: Page): Promise<string[][]> {
  const rows = page.getByTestId('table-by-category').locator('tbody tr');
  await expect(rows).toHaveCount(12);
  const all = await rows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
  );
  return all.filter((cells) => cells[1] !== '0');
}

/** USWDS tiles hide the radio itself; a person clicks its label. */
async function chooseSource(page: Page, source: 'computer' | 'hq'): Promise<void> {
  await page.locator(`label[for="dashboard-source-${source}"]`).click();
  await expect(page.locator(`#dashboard-source-${source}`)).toBeChecked();
}

async function openView(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Dashboard views' }).getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await expect(page.getByTestId('dashboard-scope')).not.toHaveText('Counting…');
}

test('the dashboard counts a synced validation on the SCSS laptop and, from HQ, on the supervisor’s; CSV and filters in the address', async ({
  browser,
}) => {
  const scssLaptop = await startLaptop(laptops, browser, 'scss', FIELD_LAPTOP);
  const supervisorLaptop = await startLaptop(laptops, browser, 'supervisor', FIELD_LAPTOP);
  const scss = scssLaptop.page;
  const supervisor = supervisorLaptop.page;
  for (const [page, user] of [
    [scss, { name: 'Dana Ruiz', role: 'SCSS' }],
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

  // ── Before anything is submitted there is no mean, median or share to show: a dash, not a zero. ──
  await scss.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await expect(stat(scss, 'validations')).toHaveText('0');
  for (const key of ['mean', 'median', 'share-ar']) {
    await expect(stat(scss, key).locator('[aria-hidden="true"]')).toHaveText('—');
    await expect(stat(scss, key).locator('.usa-sr-only')).toHaveText('no figure');
  }
  await expect(scss.getByTestId('dashboard-empty')).toHaveText(/No validations were submitted in this selection/);

  // ── The SCSS submits a validation with a Recommendation (3.1) and an Action Required (4.8), then syncs. ──
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
  await ws.fillFinding('4.8', { reason: 'Partially implemented', description: 'Shared administrator account.' });
  await ws.answerRemainingWithKeyboard('c');
  await ws.submit('Dana M. Ruiz');
  await syncNow(scss);

  // ── This computer: the SCSS's own figures, offline-capable. ──
  await scss.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await expect(scss.getByRole('heading', { level: 1, name: 'MSC performance dashboard' })).toBeVisible();
  await expect(scss.getByRole('radio', { name: /This computer/ })).toBeChecked();
  await expect(scss.getByTestId('dashboard-scope')).toContainText('Your validations on this computer');
  await expect(stat(scss, 'validations')).toHaveText('1');
  await expect(stat(scss, 'members')).toHaveText('1');
  await expect(stat(scss, 'deficiencies')).toHaveText('2');
  await expect(stat(scss, 'mean')).toHaveText('2.00');
  await expect(stat(scss, 'share-ar')).toHaveText('100.00%');
  await expect(scss.getByTestId('dashboard-empty')).toHaveCount(0);
  await expectAccessible(scss, 'dashboard-key-statistics');
  await scss.screenshot({ path: path.join(SHOTS, 'dashboard-key-statistics.png') });

  await openView(scss, 'Deficiencies by criteria category');
  const expectedCategories = [
    ['3. Business Partners', '1', '50.00%', '0', '1'],
    ['4. Cybersecurity', '1', '50.00%', '1', '0'],
  ];
  expect(await categoryRows(scss)).toEqual(expectedCategories);
  // The chart is drawn (a canvas with pixels), named for screen readers, with its table beside it.
  const chart = scss.getByTestId('chart-by-category').locator('canvas');
  await expect(chart).toHaveAttribute('role', 'img');
  await expect(chart).toHaveAttribute('aria-label', /2 in all/);
  expect(await chart.evaluate((c) => (c as HTMLCanvasElement).width)).toBeGreaterThan(100);
  await expectAccessible(scss, 'dashboard-by-category');
  await scss.screenshot({ path: path.join(SHOTS, 'dashboard-by-category.png') });

  // The CSV of the view downloads with the same figures.
  const downloading = scss.waitForEvent('download');
  await scss.getByRole('button', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^deficiencies-by-category-this-computer-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = parse(readFileSync((await download.path()) ?? ''), { columns: true }) as Array<Record<string, string>>;
  expect(csv).toHaveLength(12);
  expect(
    csv.filter((r) => r.count !== '0').map((r) => [r.category, r.count, r.percent, r.actionRequired, r.recommendation]),
  ).toEqual([
    ['3', '1', '50', '0', '1'],
    ['4', '1', '50', '1', '0'],
  ]);
  await expect(scss.getByTestId('dashboard-csv-outcome')).toContainText('Downloaded deficiencies-by-category');

  // Reasons and top deficiencies read the same two findings.
  await openView(scss, 'Deficiency reasons');
  await expect(scss.getByTestId('table-reasons').locator('tbody tr')).toHaveCount(2);
  await expect(scss.getByTestId('table-reasons')).toContainText('Partially implemented');
  await openView(scss, 'Top MSC deficiencies');
  await expect(scss.getByTestId('table-top-deficiencies').locator('tbody tr')).toHaveCount(2);
  await expect(scss.getByTestId('table-top-deficiencies').locator('tbody tr').first()).toContainText('100.00%');
  await openView(scss, 'Trends');
  await expect(scss.getByTestId('table-trends').locator('tbody tr')).toHaveCount(1);
  await openView(scss, 'Virtual vs in person');
  await expect(scss.getByTestId('table-modes')).toContainText('In person');
  // No virtual validation was submitted: its rates are n/a, not 0.00 beside the in-person 2.00.
  const perValidationRow = scss.getByTestId('table-modes').getByRole('row', { name: /^Deficiencies per validation/ });
  await expect(perValidationRow.getByRole('cell')).toHaveText(['2.00', 'n/a']);
  // The chart says the same to a screen reader: no ratio for a mode with no validation, and one validation is one.
  await expect(scss.getByTestId('chart-modes').getByRole('img')).toHaveAttribute(
    'aria-label',
    'In person: 2.00 deficiencies per validation over 1 validation; Virtual: no validations.',
  );

  // Every view's CSV downloads, each with its own header row.
  for (const [title, file, header] of [
    ['Key statistics', 'key-statistics', 'metric,value'],
    ['Top MSC deficiencies', 'top-deficiencies', 'criterionId,category,timesDeficient,timesAssessed,rate'],
    ['Deficiency reasons', 'deficiency-reasons', 'reasonCode,count,percent'],
    ['Trends', 'trends', 'period,category,validations,deficiencies,perValidation'],
    ['Virtual vs in person', 'virtual-vs-in-person', 'mode,metric,category,value'],
  ] as const) {
    await openView(scss, title);
    const saving = scss.waitForEvent('download');
    await scss.getByRole('button', { name: 'Download CSV' }).click();
    const saved = await saving;
    expect(saved.suggestedFilename()).toMatch(new RegExp(`^${file}-this-computer-`));
    expect(readFileSync((await saved.path()) ?? '', 'utf8').split('\n')[0]).toBe(header);
  }

  // ── Filters live in the address: Virtual only leaves nothing, and a reload reopens the same view. ──
  await openView(scss, 'Deficiencies by criteria category');
  await scss.getByLabel('In person or virtual').selectOption('VIRTUAL');
  await scss.getByRole('button', { name: 'Apply filters' }).click();
  await expect(scss).toHaveURL(/#\/dashboard\?view=deficiencies-by-category&source=computer&mode=VIRTUAL$/);
  await expect(scss.getByTestId('view-total')).toHaveText('0 deficiencies');
  await scss.reload();
  await expect(scss.getByRole('heading', { level: 2, name: 'Deficiencies by criteria category' })).toBeVisible();
  await expect(scss.getByLabel('In person or virtual')).toHaveValue('VIRTUAL');
  await expect(scss.getByTestId('view-total')).toHaveText('0 deficiencies');
  // A filter the app cannot read is named at its field, not dropped.
  await scss.goto(`${scss.url().split('#')[0]}#/dashboard?view=trends&submittedFrom=2026-02-30`);
  await expect(scss.locator('#dashboard-submittedFrom-error')).toHaveText('Enter a real date.');
  await expect(scss.getByRole('alert').filter({ hasText: 'Some filters are not valid' })).toBeVisible();
  // A reversed range is named in words at the end date, not by the API's field names.
  await scss.goto(`${scss.url().split('#')[0]}#/dashboard?view=trends&submittedFrom=2026-03-01&submittedTo=2026-02-01`);
  await expect(scss.getByLabel('Submitted to')).toHaveAccessibleDescription(
    'The end of the date range is before its start.',
  );
  await expect(scss.getByText(/submittedFrom/)).toHaveCount(0);

  // ── The supervisor sees HQ's figures for the Houston field office: the same numbers. ──
  await supervisor.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await expect(supervisor.getByRole('radio', { name: /HQ/ })).toBeChecked();
  await expect(supervisor.getByTestId('dashboard-scope')).toContainText('Houston field office at HQ');
  await expect(stat(supervisor, 'validations')).toHaveText('1');
  await expect(stat(supervisor, 'deficiencies')).toHaveText('2');
  await expect(stat(supervisor, 'share-ar')).toHaveText('100.00%');
  await openView(supervisor, 'Deficiencies by criteria category');
  expect(await categoryRows(supervisor)).toEqual(expectedCategories);
  await expectAccessible(supervisor, 'dashboard-hq-by-category');
  await supervisor.screenshot({ path: path.join(SHOTS, 'dashboard-hq-by-category.png') });
  // Their own computer holds no validation of theirs.
  await chooseSource(supervisor, 'computer');
  await expect(supervisor).toHaveURL(/source=computer/);
  await expect(supervisor.getByTestId('view-total')).toHaveText('0 deficiencies');

  // HQ unreachable: the HQ view says so; this computer's figures still come.
  const closing = hq.harness.app.close();
  hq.harness.app.server.closeAllConnections();
  await closing;
  await chooseSource(supervisor, 'hq');
  await expect(supervisor.getByRole('alert')).toContainText('HQ could not be reached', SLOW);
  await chooseSource(supervisor, 'computer');
  await expect(supervisor.getByTestId('view-total')).toHaveText('0 deficiencies');
});
