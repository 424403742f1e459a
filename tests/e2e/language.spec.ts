import { expect, test } from './fixtures';

test.use({ actionTimeout: 30_000, viewport: { width: 1366, height: 768 } });

const RIO = 'Rio Bravo Freight Lines LLC';

test('Settings switches the interface to Spanish without a restart, and the choice outlives a reload', async ({
  app,
}) => {
  const page = app.page;
  const nav = page.getByRole('navigation', { name: 'Primary' });
  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const language = page.getByRole('group', { name: 'Language' });
  await expect(language.getByRole('radio', { name: 'English' })).toBeChecked();

  // USWDS hides the radio itself; a person clicks its label.
  await language.getByText('Español', { exact: true }).click();
  // The same window, now in Spanish: heading, navigation, the page's language for screen readers.
  await expect(page.getByRole('heading', { level: 1, name: 'Configuración' })).toBeVisible();
  const navEs = page.getByRole('navigation', { name: 'Principal' });
  await expect(navEs.getByRole('link', { name: 'Socios', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('radio', { name: 'Español' })).toBeChecked();
  await expect(page.getByRole('button', { name: 'Guardar configuración' })).toBeVisible();
  await app.screenshot('language-settings-es');

  // A refusal at a field is in Spanish too.
  await page.getByLabel('Días que tiene el Socio para responder a un hallazgo').fill('0');
  await page.getByRole('button', { name: 'Guardar configuración' }).click();
  await expect(page.getByText('Al menos 1 día.')).toBeVisible();

  await navEs.getByRole('link', { name: 'Socios', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Socios' })).toBeVisible();
  await expect(page.getByTestId('members-count')).toHaveText('Se muestran 5 de 5 Socios');
  const row = page.getByTestId('member-row').filter({ hasText: RIO });
  await expect(row.getByText('Transportista de carretera de EE. UU.')).toBeVisible();
  await expect(row.getByRole('link', { name: `Iniciar validación de ${RIO}` })).toBeVisible();
  await app.screenshot('language-members-es');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Socios' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');

  await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Configuración' }).click();
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
});
