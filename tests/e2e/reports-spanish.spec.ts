import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { MembersPage } from './pages/members-page';
import { NewValidationPage } from './pages/new-validation-page';
import { FieldWorkPage } from './pages/worksheet-page';

/**
 * A Member written to in Spanish: with the interface in English, the Member-facing PDF is in Spanish (the
 * Member's correspondence language) and the internal PDF in English (the SCSS's), read back with pdftotext;
 * switched to Spanish, the interface takes the internal report with it.
 */
test.describe.configure({ timeout: 300_000 });

const MEMBER = 'Manufacturas del Norte S.A. de C.V.';
const AR_TEXT = 'Two of five carriers were never screened; no money-laundering checks on any partner.';
const OUT = path.resolve('test-results', 'report-spanish-e2e');

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pdfPages = (file: string) =>
  pdfText(file)
    .split('\f')
    .filter((p) => p.trim().length > 0);
/** pdftotext -layout spreads a line over columns: compare words, not spacing. */
const words = (text: string) => text.replace(/\s+/g, ' ');

async function saveAs(page: Page, button: string, name: string): Promise<string> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const download: Download = await downloading;
  const target = path.join(OUT, name);
  await download.saveAs(target);
  await expect(page.getByTestId('report-outcome')).toContainText(`Downloaded ${download.suggestedFilename()}`);
  return target;
}

test('the Member report of a Spanish-speaking Member is in Spanish; the internal one follows the interface', async ({
  app,
}) => {
  test.skip(test.info().project.name === 'electron', 'Saves go through the native dialog in the desktop app.');
  mkdirSync(OUT, { recursive: true });
  const page = app.page;

  await new MembersPage(page).startValidationOf(MEMBER);
  const form = new NewValidationPage(page);
  await form.fill({ mode: 'In person', scheduledDate: '2027-03-01' });
  await form.create();
  const ws = new FieldWorkPage(page);
  await expect(page.getByText('Foreign Manufacturer validation · In person')).toBeVisible();
  await ws.openCategory(3, 'Business Partners');
  await ws.answer('3.1', 'Deficient');
  await ws.fillFinding('3.1', { reason: 'Business partner gap', description: AR_TEXT });
  await ws.answerRemainingWithKeyboard('c');
  await ws.submit('Jordan A. Rivera');

  await page.getByTestId('report-link').click();
  await expect(page.getByRole('heading', { level: 1, name: `Report: ${MEMBER}` })).toBeVisible();
  // The screen says which language each report is written in.
  await expect(page.getByTestId('report-language-MEMBER')).toHaveText(
    'Written in Spanish, the Member’s correspondence language.',
  );
  await expect(page.getByTestId('report-language-INTERNAL')).toHaveText(
    'Written in English, the language of your interface.',
  );
  const preview = page.frameLocator('[data-testid="report-preview"]');
  await expect(preview.getByRole('heading', { level: 2, name: 'Hallazgos de acción requerida' })).toBeVisible();
  await expect(preview.getByText(AR_TEXT)).toBeVisible();

  // ── The Member's PDF: Spanish throughout, the finding as the SCSS typed it. ──
  const memberPdf = await saveAs(page, 'Save as PDF', 'member-es.pdf');
  const memberText = words(pdfText(memberPdf));
  for (const spanish of [
    'Informe de validación CTPAT',
    'Informe para el Socio',
    'Resumen por categoría',
    'Hallazgos de acción requerida',
    'Qué debe enviar el Socio y cuándo',
    'Fabricante extranjero',
    'Acción requerida',
    '1 de marzo de 2027',
    'traducción no oficial',
  ]) {
    expect(memberText).toContain(spanish);
  }
  expect(memberText).toContain(AR_TEXT);
  for (const english of ['Summary by category', 'Action Required findings', 'Validation at a glance', 'Page 1 of']) {
    expect(memberText).not.toContain(english);
  }
  const memberPages = pdfPages(memberPdf);
  for (const [i, text] of memberPages.entries()) {
    expect(words(text)).toContain(`Página ${i + 1} de ${memberPages.length}`);
  }
  execFileSync('pdftoppm', ['-r', '60', '-png', memberPdf, path.join(OUT, 'member-es-page')]);

  // ── CBP's internal PDF: English, as the interface is. ──
  await page.getByText('Internal report (CBP only)').click();
  await expect(preview.getByRole('heading', { level: 2, name: 'Evidence manifest' })).toBeVisible();
  const internalPdf = await saveAs(page, 'Save as PDF', 'internal-en.pdf');
  const internalText = words(pdfText(internalPdf));
  for (const english of [
    'CTPAT Validation Report',
    'Action Required findings',
    'Foreign Manufacturer',
    'Mar 1, 2027',
  ]) {
    expect(internalText).toContain(english);
  }
  expect(internalText).toContain(AR_TEXT);
  expect(internalText).not.toContain('Hallazgos de acción requerida');
  expect(words(pdfPages(internalPdf)[0] ?? '')).toMatch(/Page 1 of \d+/);

  // ── With the interface in Spanish, CBP's report follows it. ──
  const reportUrl = page.url();
  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('group', { name: 'Language' }).getByText('Español', { exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Configuración' })).toBeVisible();
  await page.goto(reportUrl);
  await expect(page.getByTestId('report-language-INTERNAL')).toHaveText(
    'Redactado en español, el idioma de su interfaz.',
  );
  await page.getByText('Informe interno (solo CBP)').click();
  await expect(preview.getByRole('heading', { level: 2, name: 'Relación de evidencias' })).toBeVisible();
  await expect(page.getByTestId('report-language-MEMBER')).toHaveText(
    'Redactado en español, el idioma de correspondencia del Socio.',
  );

  // ── The findings workbook of the Reports area follows the interface too. ──
  await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Informes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Informes' })).toBeVisible();
  await expect(page.getByTestId('workbook-language')).toHaveText(
    'Los nombres de las hojas, los encabezados y los valores se escriben en español, el idioma de su interfaz.',
  );
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Guardar hallazgos como Excel' }).click();
  const target = path.join(OUT, 'hallazgos.xlsx');
  await (await downloading).saveAs(target);
  await expect(page.getByTestId('workbook-outcome')).toContainText(/\(\d+ hallazgos? de \d+ validaci(ón|ones)\)/);
  await app.screenshot('reports-area-es');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(target);
  expect(workbook.worksheets.map((w) => w.name)).toEqual(['Hallazgos', 'Validaciones']);
  const sheet = workbook.getWorksheet('Hallazgos');
  const header = ((sheet?.getRow(1).values ?? []) as unknown[]).slice(1);
  const rows = ((sheet?.getSheetValues() ?? []) as unknown[][]).slice(2).map((values) => values.slice(1));
  const row = rows.find((values) => values[header.indexOf('Socio')] === MEMBER) ?? [];
  const cell = (name: string) => row[header.indexOf(name)];
  expect(cell('Tipo de entidad')).toBe('Fabricante extranjero');
  expect(cell('Clasificación')).toBe('Acción requerida');
  expect(cell('Nombre de la categoría')).toBe('Socios Comerciales');
  expect(cell('Descripción')).toBe(AR_TEXT);
  expect(cell('Fecha de la validación')).toEqual(new Date('2027-03-01T00:00:00.000Z'));
});
