import { writeFileSync } from 'node:fs';
import { makeExe, makePdf, makePng } from '../unit/evidence-fixtures';
import { expect, test } from './fixtures';
import { MembersPage } from './pages/members-page';
import { NewValidationPage } from './pages/new-validation-page';
import { FieldWorkPage, WorksheetPage } from './pages/worksheet-page';

const MEMBER = 'Gulf Coast Home Goods Imports, Inc.';

test('an SCSS attaches photos and documents to a criterion; refused files are named and the others still attach', async ({
  app,
}, testInfo) => {
  const page = app.page;
  await new MembersPage(page).startValidationOf(MEMBER);
  const form = new NewValidationPage(page);
  await form.fill({ mode: 'Virtual', scheduledDate: '2026-11-23' });
  await form.create();
  const worksheet = new WorksheetPage(page);
  await expect(page.getByRole('heading', { level: 1, name: MEMBER })).toBeVisible();

  // The card keeps its evidence folded away until there is some.
  await worksheet.criterion('1.1').locator('summary', { hasText: 'Evidence for 1.1 (0)' }).click();
  const panel = worksheet.criterion('1.1').getByTestId('evidence-panel');
  await expect(panel.getByRole('heading', { name: 'Evidence for 1.1' })).toBeVisible();

  // Files on disk, made here: a photo, a program, a photo posing as a PDF, and a video over the 25 MB limit.
  const file = (name: string, bytes: Buffer) => {
    const at = testInfo.outputPath(name);
    writeFileSync(at, bytes);
    return at;
  };
  const photo = await makePng(640, 480);
  await panel
    .getByLabel('Attach photos or documents')
    .setInputFiles([
      file('Dock door 4.png', photo),
      file('scan.exe', makeExe()),
      file('fence.pdf', await makePng(64, 64, 9)),
      file('warehouse.mp4', Buffer.alloc(26 * 1024 * 1024 + 300_000, 1)),
    ]);

  const items = panel.getByTestId('evidence-item');
  const dock = items.filter({ hasText: 'Dock door 4.png' });
  await expect(dock).toBeVisible();
  await expect(dock).toContainText('Observed remotely');
  // The thumbnail comes from the data folder, scaled to 320 px on its long side.
  await expect(dock.locator('img')).toHaveJSProperty('naturalWidth', 320);
  const problems = panel.getByRole('alert');
  await expect(problems).toContainText(
    '"scan.exe" was not attached: only photos (JPEG, PNG, WEBP, GIF, HEIC) and documents (PDF, Word .docx, Excel .xlsx, plain text, CSV) can be evidence.',
  );
  await expect(problems).toContainText('"warehouse.mp4" was not attached: it is 27.6 MB; the limit is 25 MB.');
  await expect(problems).toContainText(
    '"fence.pdf" was not attached: its name ends in .pdf but the file is a PNG image. Attach the original file, or correct its name.',
  );
  await expect(items).toHaveCount(1);

  await dock.getByLabel('Caption for Dock door 4.png').fill('Seal 448812 intact on door 4');
  await dock.getByLabel('Caption for Dock door 4.png').blur();
  await expect(dock.getByText('Caption saved')).toBeVisible();

  // A screenshot pasted into the panel (what the clipboard holds after Print Screen: "image.png").
  await panel.focus();
  const screenshot = (await makePng(800, 500, 5)).toString('base64');
  await panel.evaluate((element, base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const clipboardData = new DataTransfer();
    clipboardData.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
  }, screenshot);
  const pasted = items.filter({ hasText: /Screenshot \d{4}-\d\d-\d\d \d\d\.\d\d\.\d\d\.png/ });
  await expect(pasted).toBeVisible();
  await expect(pasted.locator('img')).toHaveJSProperty('naturalWidth', 320);

  // A document dropped on the panel.
  const pdf = makePdf().toString('base64');
  const dataTransfer = await page.evaluateHandle((base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], 'Security policy.pdf', { type: 'application/pdf' }));
    return transfer;
  }, pdf);
  await panel.dispatchEvent('dragover', { dataTransfer });
  await panel.dispatchEvent('drop', { dataTransfer });
  const policy = items.filter({ hasText: 'Security policy.pdf' });
  await expect(policy).toBeVisible();
  await expect(policy.locator('.evidence-item__doc')).toHaveText('PDF');
  await expect(items).toHaveCount(3);
  await expect(panel.getByTestId('evidence-upload')).toHaveCount(0);
  await panel.scrollIntoViewIfNeeded();
  await app.screenshot('evidence');

  await page.reload();
  await expect(items).toHaveCount(3);
  await expect(dock.getByLabel('Caption for Dock door 4.png')).toHaveValue('Seal 448812 intact on door 4');
  await expect(dock.locator('img')).toHaveJSProperty('naturalWidth', 320);

  // Removing asks why; the reason goes to the audit log and the evidence leaves the list.
  await pasted.getByRole('button', { name: /^Remove/ }).click();
  await pasted.getByRole('button', { name: 'Remove evidence' }).click();
  await expect(pasted.getByText('Say why the evidence is removed (at least 3 characters).')).toBeVisible();
  await expect(pasted.getByLabel(/^Why remove Screenshot/)).toHaveAttribute('aria-invalid', 'true');
  await pasted.getByLabel(/^Why remove Screenshot/).fill('Pasted the wrong window');
  await expect(pasted.getByLabel(/^Why remove Screenshot/)).not.toHaveAttribute('aria-invalid', 'true');
  await app.screenshot('evidence-remove');
  await pasted.getByRole('button', { name: 'Remove evidence' }).click();
  await expect(pasted).toHaveCount(0);
  await expect(items).toHaveCount(2);

  await page.reload();
  await expect(items).toHaveCount(2);
  await expect(items.filter({ hasText: /Screenshot/ })).toHaveCount(0);
});

test('evidence attached to a finding stays with the finding, not with the criterion', async ({ app }, testInfo) => {
  const page = app.page;
  await new MembersPage(page).startValidationOf(MEMBER);
  const form = new NewValidationPage(page);
  await form.fill({ mode: 'In person', scheduledDate: '2026-11-24' });
  await form.create();
  const worksheet = new FieldWorkPage(page);
  await worksheet.answer('1.3', 'Deficient');
  await worksheet.fillFinding('1.3', {
    reason: 'No written procedure',
    description: 'No written review of the security program.',
  });

  const findingPanel = worksheet.criterion('1.3').getByTestId('finding-editor').getByTestId('evidence-panel');
  await expect(findingPanel.getByRole('heading', { name: 'Evidence for the finding' })).toBeVisible();
  const photo = testInfo.outputPath('Program binder.png');
  writeFileSync(photo, await makePng(300, 400, 2));
  await findingPanel.getByLabel('Attach photos or documents').setInputFiles(photo);
  const item = findingPanel.getByTestId('evidence-item').filter({ hasText: 'Program binder.png' });
  await expect(item).toBeVisible();
  await expect(item).not.toContainText('Observed remotely');
  await expect(item.locator('img')).toHaveJSProperty('naturalHeight', 320);
  await expect(worksheet.criterion('1.3').locator('summary', { hasText: 'Evidence for 1.3 (0)' })).toBeVisible();

  await page.reload();
  await expect(
    worksheet
      .criterion('1.3')
      .getByTestId('finding-editor')
      .getByTestId('evidence-item')
      .filter({ hasText: 'Program binder.png' }),
  ).toBeVisible();
});
