import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { makePng } from '../unit/evidence-fixtures';
import { expect, test } from './fixtures';
import { MembersPage } from './pages/members-page';
import { NewValidationPage } from './pages/new-validation-page';
import { FieldWorkPage } from './pages/worksheet-page';

/**
 * A supervisor's (or SCSS's) report, from the app's Report screen: preview, both audiences, every format, each
 * read back the way its reader would (pdftotext, pdfinfo, pdfimages; a zip of the .docx; exceljs; CSV parsed).
 */
test.describe.configure({ timeout: 300_000 });

const MEMBER = 'Great Lakes Auto Parts Distributors LLC';
const AR_TEXT = 'Shared administrator account on the customs filing workstation; no MFA.';
const REC_TEXT = 'Write down the carrier screening steps already followed.';
/** Typed in the SCSS's notes: the internal report shows it, the Member's never does. */
const INTERNAL_NOTE = 'Admin password seen on a sticky note under the keyboard.';
const OUT = path.resolve('test-results', 'report-e2e');

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pdfPages = (file: string) =>
  pdfText(file)
    .split('\f')
    .filter((p) => p.trim().length > 0);

/** Presses a save button and keeps the file the browser downloads. */
async function saveAs(page: Page, button: string, name: string): Promise<string> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const download: Download = await downloading;
  const target = path.join(OUT, name);
  await download.saveAs(target);
  await expect(page.getByTestId('report-outcome')).toContainText(`Downloaded ${download.suggestedFilename()}`);
  return target;
}

/** A validation of a demo Member with one Action Required finding (with a photo) and one Recommendation. */
async function validationWithFindings(page: Page, photoPath: string): Promise<FieldWorkPage> {
  const members = new MembersPage(page);
  await members.openMembers();
  await members.startValidationOf(MEMBER);
  const form = new NewValidationPage(page);
  await form.fill({ mode: 'In person', scheduledDate: '2026-12-07' });
  await form.create();
  const ws = new FieldWorkPage(page);
  await ws.openCategory(3, 'Business Partners');
  await ws.answer('3.1', 'Deficient');
  await ws.fillFinding('3.1', {
    classification: 'Recommendation',
    reason: 'Business partner gap',
    description: REC_TEXT,
  });
  await ws.openCategory(4, 'Cybersecurity');
  await ws.answer('4.8', 'Deficient', INTERNAL_NOTE);
  await ws.fillFinding('4.8', { reason: 'Partially implemented', description: AR_TEXT });
  const evidence = ws.criterion('4.8').getByTestId('finding-editor').getByTestId('evidence-panel');
  await evidence.getByLabel('Attach photos or documents').setInputFiles(photoPath);
  await expect(evidence.getByTestId('evidence-item')).toHaveCount(1);
  return ws;
}

// Shared by both tests, which may run at once in two workers: created, never emptied (npm test starts clean).
test.beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
});

// The desktop app saves through the native save dialog, which a spec cannot answer; these specs read the
// harness's downloads. The Electron path is covered apart: the dialog and the atomic write by
// tests/db/report-dispatch, the print window's wiring by tests/unit/report-printing (against a stand-in Electron).
const skipInDesktopApp = () =>
  test.skip(test.info().project.name === 'electron', 'Saves go through the native dialog in the desktop app.');

test('a draft report is marked DRAFT; the submitted one comes in PDF, Word, Excel and CSV for the Member and for CBP', async ({
  app,
}, testInfo) => {
  skipInDesktopApp();
  const page = app.page;
  const photoPath = testInfo.outputPath('admin-login.png');
  writeFileSync(photoPath, await makePng(1600, 1200, 9));

  // The marking is set once, in Settings, and every page of every report carries it.
  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Marking on every report page').fill('CUI//SP-PRVCY');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  const ws = await validationWithFindings(page, photoPath);

  // ── Draft: the preview says so and every PDF page carries DRAFT. ──
  await page.getByTestId('report-link').click();
  await expect(page.getByRole('heading', { level: 1, name: `Report: ${MEMBER}` })).toBeVisible();
  await expect(page.getByText('every page of its report is marked DRAFT')).toBeVisible();
  await expect(page.getByTestId('report-marking')).toContainText('CUI//SP-PRVCY');
  const preview = page.frameLocator('[data-testid="report-preview"]');
  await expect(preview.getByText(AR_TEXT)).toBeVisible();
  // The preview is styled as the PDF is (the app's policy allows no inline style: it links the stylesheet).
  await expect
    .poll(() => preview.locator('h1').evaluate((h1) => getComputedStyle(h1).fontFamily))
    .toContain('Liberation Sans');
  await app.screenshot('report-draft-preview');
  const draftPdf = await saveAs(page, 'Save as PDF', 'draft-member.pdf');
  const draftPages = pdfPages(draftPdf);
  expect(draftPages.length).toBeGreaterThan(1);
  for (const text of draftPages) {
    expect(text).toContain('DRAFT');
    expect(text).toContain('CUI//SP-PRVCY');
  }

  // ── Submitted: the SCSS answers the rest and signs. ──
  await page.getByRole('button', { name: 'Back to the validation' }).click();
  await ws.answerRemainingWithKeyboard('c');
  await ws.submit('Jordan A. Rivera');
  await page.getByTestId('report-link').click();
  await expect(page.getByRole('heading', { level: 1, name: `Report: ${MEMBER}` })).toBeVisible();
  await expect(page.getByText('every page of its report is marked DRAFT')).toHaveCount(0);

  // Member-facing: the Action Required finding before the Recommendation, the photo, no internal note.
  await expect(preview.getByText(AR_TEXT)).toBeVisible();
  await expect(preview.getByText(INTERNAL_NOTE)).toHaveCount(0);
  const memberPdf = await saveAs(page, 'Save as PDF', 'member.pdf');
  const memberText = pdfText(memberPdf);
  expect(memberText).toContain(AR_TEXT);
  expect(memberText).toContain(REC_TEXT);
  expect(memberText.indexOf(AR_TEXT)).toBeLessThan(memberText.indexOf(REC_TEXT));
  expect(memberText).not.toContain(INTERNAL_NOTE);
  expect(memberText).not.toContain('DRAFT');
  const memberPages = pdfPages(memberPdf);
  for (const [i, text] of memberPages.entries()) {
    expect(text).toContain('CUI//SP-PRVCY');
    expect(text).toContain(`Page ${i + 1} of ${memberPages.length}`);
  }
  expect(execFileSync('pdfinfo', [memberPdf], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
  const images = execFileSync('pdfimages', ['-list', memberPdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
  expect(images).toHaveLength(1);
  execFileSync('pdftoppm', ['-r', '50', '-png', memberPdf, path.join(OUT, 'member-page')]);

  const memberDocx = await saveAs(page, 'Save as Word', 'member.docx');
  const documentXml = await (await JSZip.loadAsync(readFileSync(memberDocx)))
    .file('word/document.xml')
    ?.async('string');
  expect(documentXml).toContain(AR_TEXT);
  expect(documentXml).toContain('w:val="Heading1"');
  expect(documentXml).not.toContain(INTERNAL_NOTE);

  const memberCsv = readFileSync(await saveAs(page, 'Save findings as CSV', 'member.csv'), 'utf8');
  expect(memberCsv.charCodeAt(0)).toBe(0xfeff);
  expect(memberCsv).toContain(AR_TEXT);
  expect(memberCsv).toContain(REC_TEXT);
  expect(memberCsv).not.toContain('Review decision');

  const memberBook = new ExcelJS.Workbook();
  await memberBook.xlsx.readFile(await saveAs(page, 'Save as Excel', 'member.xlsx'));
  const memberSheets = memberBook.worksheets.map((s) => s.name);
  expect(memberSheets).toContain('Findings');
  expect(memberSheets).not.toContain('Evidence manifest');

  // Internal: the same findings plus the note, the manifest and the signature block with the fingerprint.
  await page.getByText('Internal report (CBP only)').click();
  await expect(preview.getByText(INTERNAL_NOTE).first()).toBeVisible();
  await app.screenshot('report-internal-preview');
  const internalPdf = await saveAs(page, 'Save as PDF', 'internal.pdf');
  const internalText = pdfText(internalPdf);
  expect(internalText).toContain(AR_TEXT);
  expect(internalText).toContain(INTERNAL_NOTE);
  expect(internalText).toContain('admin-login.png');
  expect(internalText).toContain('Jordan A. Rivera');
  execFileSync('pdftoppm', ['-r', '50', '-png', internalPdf, path.join(OUT, 'internal-page')]);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await saveAs(page, 'Save as Excel', 'internal.xlsx'));
  const sheetNames = workbook.worksheets.map((s) => s.name);
  expect(sheetNames).toEqual(expect.arrayContaining(['Findings', 'Criteria']));
  const findingsSheet = workbook.getWorksheet('Findings');
  const cells = (findingsSheet?.getSheetValues() ?? []).flat().map((v) => String(v ?? ''));
  expect(cells.some((v) => v.includes(AR_TEXT))).toBe(true);
  expect(findingsSheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

  expect(sheetNames).toContain('Evidence manifest');
  const internalCsv = readFileSync(await saveAs(page, 'Save findings as CSV', 'internal.csv'), 'utf8');
  expect(internalCsv.split('\r\n')[0]).toContain('Review decision');
  expect(internalCsv).toContain(AR_TEXT);

  const internalDocx = await saveAs(page, 'Save as Word', 'internal.docx');
  const internalXml = await (await JSZip.loadAsync(readFileSync(internalDocx)))
    .file('word/document.xml')
    ?.async('string');
  expect(internalXml).toContain(INTERNAL_NOTE);
});

test('the Reports area saves the findings of the validations that match its filters, and says when none does', async ({
  app,
}, testInfo) => {
  skipInDesktopApp();
  const page = app.page;
  const photoPath = testInfo.outputPath('admin-login.png');
  writeFileSync(photoPath, await makePng(640, 480, 4));
  await validationWithFindings(page, photoPath);
  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();

  // The dates are UTC days, as the workbook and HQ count them: the fields say so.
  await expect(page.getByLabel('From')).toHaveAccessibleDescription(/^Days in UTC, as HQ counts them/);
  // A reversed date range is refused at the field, before anything is read.
  await page.getByLabel('From').fill('2026-12-31');
  await page.getByLabel('To').fill('2026-01-01');
  await page.getByRole('button', { name: 'Save findings as Excel' }).click();
  await expect(page.getByRole('alert')).toContainText('The end of the date range is before its start.');
  await expect(page.getByLabel('To')).toHaveAccessibleDescription(
    /^The end of the date range is before its start\. Days in UTC/,
  );
  await expect(page.getByLabel('To')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('To')).toBeFocused();
  await page.getByLabel('From').fill('');
  await page.getByLabel('To').fill('');

  // No validation of that entity type: nothing is saved, and the screen says why.
  await page.getByLabel('Entity type').selectOption({ label: 'Foreign Manufacturer' });
  await page.getByRole('button', { name: 'Save findings as Excel' }).click();
  await expect(page.getByTestId('workbook-outcome')).toContainText('No validation on this computer matches');

  await page.getByLabel('Entity type').selectOption({ label: 'U.S. Importer' });
  await page.getByLabel('Status').selectOption({ label: 'In progress' });
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save findings as Excel' }).click();
  const target = path.join(OUT, 'findings-workbook.xlsx');
  await (await downloading).saveAs(target);
  await expect(page.getByTestId('workbook-outcome')).toContainText('(2 findings from 1 validation)');
  await app.screenshot('reports-area');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(target);
  const rows = (workbook.getWorksheet('Findings')?.getSheetValues() ?? []).slice(2);
  expect(rows).toHaveLength(2);
  const text = rows.flat().map((v) => String(v ?? ''));
  expect(text.some((v) => v.includes(AR_TEXT))).toBe(true);
  expect(text.some((v) => v.includes(REC_TEXT))).toBe(true);
});
