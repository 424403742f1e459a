import type { Page } from '@playwright/test';
import { es } from '../../renderer/src/i18n/locales/es';
import { expect, test } from './fixtures';

/**
 * The in-person validation of a Highway Carrier (98 criteria) done wholly in Spanish: the new-validation form, a
 * site, a finding opened with D, a justified N/A, every other criterion answered by keyboard, Review and submit, and
 * the signature. Every label is read from the Spanish catalog, so a screen still in English fails here; each screen
 * is checked with axe and kept as a screenshot.
 */
test.describe.configure({ timeout: 480_000 });

const RIO = 'Rio Bravo Freight Lines LLC';
const SITE = 'Patio de Nuevo Laredo';
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');

const categories = (page: Page) => page.getByRole('navigation', { name: es.worksheet.nav.categories });
const sections = (page: Page) => page.getByRole('navigation', { name: es.worksheet.nav.sections });
const card = (page: Page, id: string) => page.locator(`[data-criterion="${id}"]`);

async function openCategory(page: Page, category: number): Promise<void> {
  await categories(page)
    .getByRole('link', { name: new RegExp(`^${category}\\. `) })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${category}\\. `) })).toBeVisible();
}

test('a whole in-person validation in Spanish, from the Members list to the signature', async ({ app }) => {
  const page = app.page;
  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByText('Español', { exact: true }).click();
  const nav = page.getByRole('navigation', { name: es.nav.label });
  await nav.getByRole('link', { name: es.nav.members, exact: true }).click();

  // Start: the Member's row, the form in Spanish.
  await page
    .getByTestId('member-row')
    .filter({ hasText: RIO })
    .getByRole('link', { name: fill(es.members.table.startValidationFor, { member: RIO }).trim() })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: es.fieldwork.newValidation.title })).toBeVisible();
  await page
    .locator('label')
    .filter({ hasText: new RegExp(`^${es.domain.mode.IN_PERSON}`) })
    .click();
  await page.getByLabel(es.fieldwork.newValidation.scheduledDate).fill('2026-12-07');
  await page.getByRole('button', { name: es.fieldwork.newValidation.create }).click();
  await expect(page.getByRole('heading', { level: 1, name: RIO })).toBeVisible();

  // A site, visited today.
  await sections(page)
    .getByRole('link', { name: new RegExp(`^${es.worksheet.nav.sites}`) })
    .click();
  await page.getByRole('button', { name: es.worksheetParts.sites.addSite }).click();
  const siteForm = page.getByRole('form', { name: es.worksheetParts.sites.addSite });
  await siteForm.getByLabel(es.worksheetParts.sites.name).fill(SITE);
  await siteForm
    .getByLabel(es.worksheetParts.sites.type)
    .selectOption({ label: es.domain.siteType.DISTRIBUTION_CENTER });
  await siteForm.getByLabel(es.worksheetParts.sites.address).fill('Carretera Nacional km 12, Nuevo Laredo, Tamps.');
  await siteForm.getByLabel(es.worksheetParts.sites.visitDate).fill('2026-12-07');
  await siteForm.getByRole('button', { name: es.worksheetParts.sites.add }).click();
  await expect(page.getByTestId('site').filter({ hasText: SITE })).toBeVisible();
  await app.screenshot('es-complete-sites');

  // D on a Must criterion opens an Action Required finding; its labels and its "saved" are Spanish.
  await openCategory(page, 4);
  await card(page, '4.8').focus();
  await page.keyboard.press('d');
  const finding = card(page, '4.8').getByTestId('finding-editor');
  await expect(finding).toBeVisible();
  await finding.getByLabel(es.worksheet.finding.reason).selectOption({ index: 1 });
  await expect(finding.getByText(es.worksheet.finding.saved)).toBeVisible();
  const description = finding.getByLabel(es.worksheet.finding.describeDeficiency);
  await description.fill('Cuenta de administrador compartida en la estación de despacho aduanal; sin MFA.');
  await description.blur();
  await expect(description).toHaveAttribute('data-saved', 'true');
  await app.screenshot('es-complete-finding');

  // N, then the reason it does not apply, typed where focus lands.
  await openCategory(page, 9);
  await card(page, '9.6').focus();
  await page.keyboard.press('n');
  const why = card(page, '9.6').getByLabel(fill(es.worksheet.criterion.details.whyNotApplicable, { id: '9.6' }));
  await expect(why).toBeFocused();
  await why.fill('El patio no opera de noche: cierra a las 17:00 y queda con alarma.');
  await why.blur();
  await expect(why).toHaveAttribute('data-saved', 'true');

  // Every other criterion: focus, C, next; then the whole worksheet is answered.
  for (let category = 1; category <= 12; category++) {
    await openCategory(page, category);
    const cards = page.getByTestId('criterion-card');
    const count = await cards.count();
    for (let i = 0; i < count; i++) {
      const each = cards.nth(i);
      const chosen = each.locator('.result-group').getByRole('radio', { checked: true });
      if ((await chosen.count()) > 0) continue;
      await each.focus();
      await page.keyboard.press('c');
      await expect(chosen).toHaveCount(1);
    }
    await expect(page.getByTestId('save-status')).not.toContainText(es.worksheet.save.saving);
  }
  await expect(page.getByText('98 de 98', { exact: false }).first()).toBeVisible();
  await app.screenshot('es-complete-worksheet');

  // Review and submit, signed by the SCSS.
  await sections(page)
    .getByRole('link', { name: new RegExp(`^${es.worksheet.nav.review}`) })
    .click();
  await expect(page.getByText(es.worksheetParts.review.ready)).toBeVisible();
  await app.screenshot('es-complete-review');
  await page.getByLabel(es.worksheet.sign.name).fill('Jordan A. Rivera');
  await page.getByText(es.worksheet.sign.attest).click();
  await expect(page.getByRole('checkbox', { name: es.worksheet.sign.attest })).toBeChecked();
  await page.getByRole('button', { name: es.worksheet.sign.submit }).click();
  await expect(page.getByTestId('submitted-summary')).toBeVisible();
  await app.screenshot('es-complete-submitted');
});
