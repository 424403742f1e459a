import { expect, test } from './fixtures';

test.use({ actionTimeout: 30_000, viewport: { width: 1366, height: 768 } });

const MDN = 'Manufacturas del Norte S.A. de C.V.';
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
  // A default reason keeps its English label as stored, and says how SCSSs working in Spanish read it.
  const firstReason = page.getByLabel('Descripción del motivo 1');
  await expect(firstReason).toHaveValue('No written procedure');
  await expect(firstReason).toHaveAccessibleDescription('Se muestra como «Sin procedimiento por escrito»');
  await firstReason.fill('Procedure missing');
  await expect(firstReason).not.toHaveAccessibleDescription(/Se muestra como/);
  await firstReason.fill('No written procedure');
  // The hint under the label leaves the row's code, checkbox and Remove on the label's line, not lower down.
  const reasonRow = page.getByTestId('reason-row').first();
  const middles = await Promise.all(
    [
      firstReason,
      reasonRow.getByLabel('Código del motivo 1'),
      reasonRow.getByRole('checkbox'),
      reasonRow.getByRole('button'),
    ].map(async (control) => {
      const box = await control.boundingBox();
      return box ? box.y + box.height / 2 : Number.NaN;
    }),
  );
  for (const middle of middles.slice(1)) expect(Math.abs(middle - (middles[0] ?? 0))).toBeLessThanOrEqual(3);
  await app.screenshot('language-settings-es');

  // A refusal at a field is in Spanish too.
  await page.getByLabel('Días que tiene el Socio para responder a un hallazgo').fill('0');
  await page.getByRole('button', { name: 'Guardar configuración' }).click();
  await expect(page.getByText('Al menos 1 día.')).toBeVisible();
  // Enrolment refuses a bad address and code at their fields, in Spanish, before anything is sent.
  await page.getByLabel('Dirección de la sede central').fill('ctpat-hq');
  await page.getByLabel('Código de inscripción').fill('abc');
  await page.getByRole('button', { name: 'Inscribir esta computadora' }).click();
  await expect(page.getByLabel('Dirección de la sede central')).toHaveAccessibleDescription(
    'Escriba la dirección de la sede central, p. ej., https://ctpat-hq.cbp.example',
  );
  await expect(page.getByLabel('Código de inscripción')).toHaveAccessibleDescription(
    'Escriba el código de inscripción que le dio la sede central (8 caracteres como mínimo).',
  );

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

  // A Member's CTPAT record and the work plan, in Spanish; a Mexican Member is written to in Spanish.
  await page.getByRole('link', { name: MDN, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: MDN })).toBeVisible();
  await expect(page.getByTestId('record-status')).toHaveText('Aún sin registrar');
  await expect(page.getByTestId('record-language')).toHaveText('Idioma: español');
  await page.getByLabel('Qué ocurrió').selectOption({ label: 'Certificado' });
  await page.getByLabel('Fecha de certificación').fill(`${new Date().getFullYear() - 2}-01-15`);
  await page.getByRole('button', { name: 'Registrar', exact: true }).click();
  await expect(page.getByTestId('record-status')).toHaveText('CertificadoNivel 1');
  await expect(page.getByTestId('record-next-validation')).toContainText(
    'Primera validación a más tardar el 15 de enero de',
  );
  await app.screenshot('language-member-record-es');
  await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Plan de trabajo' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Plan de trabajo de ${new Date().getFullYear()}` }),
  ).toBeVisible();
  await expect(page.getByTestId('work-plan-row').filter({ hasText: MDN }).first()).toBeVisible();
  await app.screenshot('language-work-plan-es');

  // A bookmarked dashboard address with a reversed range, opened fresh: its messages are Spanish too, though the
  // first render comes before the person's language is known.
  await page.goto(`${page.url().split('#')[0]}#/dashboard?submittedFrom=2026-05-01&submittedTo=2026-04-01`);
  await page.reload();
  await expect(page.getByText('El final del intervalo de fechas es anterior a su inicio.')).toBeVisible();
  await expect(page.getByText('Algunos filtros no son válidos; corríjalos y vuelva a aplicarlos.')).toBeVisible();
  await expect(page.getByText('The end of the date range is before its start.')).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Configuración' }).click();
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
});

test('alerts and field refusals already on screen are rewritten when the language is switched, and back', async ({
  app,
}) => {
  const page = app.page;
  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  // On screen when the person switches: a field the form refused, and HQ's address refused by the main process
  // (nothing answers there).
  const days = page.getByLabel('Days the Member has to respond to a finding');
  await days.fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(days).toHaveAccessibleDescription(/At least 1 day\./);
  const hq = 'http://127.0.0.1:9';
  await page.getByLabel('HQ address').fill(hq);
  await page.getByLabel('Enrolment code').fill('ABCD-EFGH');
  await page.getByRole('button', { name: 'Enrol this computer' }).click();
  const refusal = page.getByTestId('enrol-outcome').getByRole('alert');
  await expect(refusal).toHaveText(`HQ at ${hq} could not be reached. Check the address and the network.`);
  // And a field of the enrolment form it marked itself.
  const deviceName = page.getByLabel('Name of this computer');
  await deviceName.fill('');
  await page.getByRole('button', { name: 'Enrol this computer' }).click();
  await expect(deviceName).toHaveAccessibleDescription(/Give this computer a name HQ will list it by\./);

  await page.getByRole('group', { name: 'Language' }).getByText('Español', { exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Configuración' })).toBeVisible();
  await expect(refusal).toHaveText(`No se pudo conectar con la sede central en ${hq}. Revise la dirección y la red.`);
  await expect(page.getByLabel('Nombre de esta computadora')).toHaveAccessibleDescription(
    /Dé a esta computadora un nombre con el que la sede central la identifique\./,
  );
  const dias = page.getByLabel('Días que tiene el Socio para responder a un hallazgo');
  await expect(dias).toHaveAccessibleDescription(/Al menos 1 día\./);
  // An outcome the screen itself wrote, raised in Spanish and read back in English.
  await dias.fill('90');
  await page.getByRole('button', { name: 'Guardar configuración' }).click();
  const saved = page.getByRole('status').filter({ hasText: /^(Configuración guardada|Settings saved)\.$/ });
  await expect(saved).toHaveText('Configuración guardada.');
  await app.screenshot('language-alerts-switched-es');

  await page.getByRole('group', { name: 'Idioma' }).getByText('English', { exact: true }).click();
  await expect(saved).toHaveText('Settings saved.');
  await expect(refusal).toHaveText(`HQ at ${hq} could not be reached. Check the address and the network.`);
  // A save the form refuses takes the earlier save's "saved" away: nothing was saved this time.
  await days.fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(days).toHaveAccessibleDescription(/At least 1 day\./);
  await expect(saved).toHaveCount(0);
});

test('in Spanish an SCSS starts a validation, reads the MSC text in Spanish and answers by keyboard; every screen passes axe', async ({
  app,
}) => {
  test.setTimeout(240_000);
  const page = app.page;
  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByText('Español', { exact: true }).click();
  const nav = page.getByRole('navigation', { name: 'Principal' });
  await nav.getByRole('link', { name: 'Socios', exact: true }).click();

  const row = page.getByTestId('member-row').filter({ hasText: RIO });
  await row.getByRole('link', { name: `Iniciar validación de ${RIO}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Iniciar una validación' })).toBeVisible();
  await page
    .locator('label')
    .filter({ hasText: /^Presencial/ })
    .click();
  await page.getByLabel('Fecha programada').fill('2026-11-30');
  await app.screenshot('language-new-validation-es');
  await page.getByRole('button', { name: 'Crear validación' }).click();
  await expect(page.getByRole('heading', { level: 1, name: RIO })).toBeVisible();
  // The edition's title is the overlay's Spanish one.
  await expect(page.getByTestId('worksheet-edition')).toContainText(
    'Verificada conforme a Criterios Mínimos de Seguridad de CTPAT — versión final de noviembre de 2019 (MSC-2019-11)',
  );
  await app.screenshot('language-worksheet-header-es');

  // The catalog text comes from the Spanish overlay, marked unverified; ids and levels stay.
  await page.getByRole('link', { name: /6\. Seguridad de los Sellos/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: /6\. Seguridad de los Sellos/ })).toBeVisible();
  await expect(page.getByTestId('catalog-text-unverified')).toBeVisible();
  const first = page.locator('[data-criterion="6.1"]');
  await expect(first.getByText(/Procedimientos detallados y por escrito para el control de sellos/)).toBeVisible();
  await app.screenshot('language-worksheet-es');

  // The same keys answer in Spanish: C is Cumple.
  await first.getByRole('radio', { name: 'Cumple', exact: true }).focus();
  await page.keyboard.press('c');
  await expect(first.getByRole('radio', { name: 'Cumple', exact: true })).toBeChecked();
  await page.getByRole('button', { name: 'Compacta' }).click();
  await expect(page.getByTestId('criterion-row').first()).toBeVisible();
  await app.screenshot('language-worksheet-compact-es');

  // Review and submit: the completeness problems and the main process's refusal of an incomplete worksheet,
  // both written by the main process by key, read in Spanish.
  await page
    .getByRole('navigation', { name: 'Secciones de la hoja de trabajo' })
    .getByRole('link', { name: /^Revisar y enviar/ })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Revisar y enviar' })).toBeVisible();
  await expect(page.getByTestId('problem').filter({ hasText: /^6\.2 no tiene resultado\.$/ })).toBeVisible();
  await page.getByLabel('Su nombre completo (firma)').fill('Dana M. Ruiz');
  await page.getByText('Verifiqué los criterios tal como están registrados en esta hoja de trabajo.').click();
  await page.getByRole('button', { name: 'Enviar la validación para revisión' }).click();
  const refusal = page.getByTestId('submit-error-summary');
  await expect(refusal).toContainText(
    /La validación no está completa: hay \d+ problemas por corregir \(1\.1 no tiene resultado\./,
  );
  await expect(refusal).toContainText('No se envió nada.');
  await app.screenshot('language-submit-refused-es');

  for (const [link, heading, name] of [
    ['Respuestas de Socios', /Respuestas/, 'language-responses-es'],
    ['Informes', 'Informes', 'language-reports-es'],
    ['Panel', /Panel/, 'language-dashboard-es'],
  ] as const) {
    await nav.getByRole('link', { name: link, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await app.screenshot(name);
    if (name === 'language-responses-es') {
      // The longer Spanish sort choices are shown whole, not clipped by a box sized for English.
      const sort = page.getByLabel('Ordenar por');
      await expect(sort).toHaveValue('dueDate-asc');
      const room = await sort.evaluate((select: HTMLSelectElement) => {
        const style = getComputedStyle(select);
        const probe = document.createElement('span');
        probe.style.font = style.font;
        probe.style.whiteSpace = 'nowrap';
        probe.textContent = select.selectedOptions[0]?.textContent ?? '';
        document.body.append(probe);
        const text = probe.getBoundingClientRect().width;
        probe.remove();
        return select.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight) - text;
      });
      expect(room).toBeGreaterThanOrEqual(0);
    }
  }
  // The dashboard's scope line comes from the main process by key.
  await expect(page.getByTestId('dashboard-scope')).toContainText('Sus validaciones en esta computadora');
  // Not enrolled, this computer is the only source: said in words, not offered as a one-option choice.
  await expect(page.getByTestId('dashboard-source-only')).toHaveText(/^Cifras de esta computadora\./);
  await expect(page.getByRole('radio')).toHaveCount(0);
  // The MSC category names the views answer with (the catalog's English) are shown in Spanish.
  await page.getByRole('link', { name: 'Deficiencias por categoría de criterios' }).click();
  const byCategory = page.getByTestId('table-by-category');
  await expect(byCategory).toContainText('4. Ciberseguridad');
  await expect(byCategory).toContainText('6. Seguridad de los Sellos');
  await expect(byCategory).not.toContainText('Cybersecurity');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
});
