import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, dialog, type SaveDialogOptions } from 'electron';
import type { ReportFileFormat } from '../../shared/ipc/contract';
import { printTemplates } from '../../shared/report/html';
import { type PrintPdf, reportPageMarginsInches } from '../services/report/page-setup';
import { isServedPhotoUrl, servedPhoto } from '../services/report/served-photo';

/**
 * Report export in the desktop app: the PDF printed by Electron's own Chromium (tagged, with an outline), and the
 * native save dialog. The harness and tests print with headless Chromium through the same templates and margins.
 */

/**
 * Prints report HTML in a hidden, script-less window of its own session, which loads nothing from outside: the page
 * is read from a temporary file holding its text only, and its photos are answered from memory by their hash.
 */
export const printReportWithElectron: PrintPdf = async (html, options, photos) => {
  const file = path.join(os.tmpdir(), `ctpat-report-${randomUUID()}.html`);
  await writeFile(file, html, { mode: 0o600 });
  const window = new BrowserWindow({
    show: false,
    webPreferences: { javascript: false, sandbox: true, partition: 'report-print', spellcheck: false },
  });
  const { session } = window.webContents;
  // Any request beyond its own file and its photos is refused; a photo is decoded only once, by the handler below.
  const own = pathToFileURL(file).href;
  session.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: details.url !== own && !isServedPhotoUrl(details.url, photos) }),
  );
  let serving = false;
  try {
    // Reports export one at a time (the report handlers' `exclusive`), so this session serves one report's photos.
    session.protocol.handle('https', (request) => {
      const photo = servedPhoto(request.url, photos);
      return photo
        ? new Response(new Uint8Array(photo.body), { headers: { 'content-type': photo.contentType } })
        : new Response(null, { status: 404 });
    });
    serving = true;
    await window.loadFile(file);
    return await window.webContents.printToPDF({
      pageSize: 'Letter',
      margins: reportPageMarginsInches(),
      printBackground: true,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
      displayHeaderFooter: true,
      ...printTemplates(options.marking, { draft: options.draft, language: options.language }),
    });
  } finally {
    // isProtocolHandled is always true for https (a built-in scheme): only what this print handled is undone.
    if (serving) session.protocol.unhandle('https');
    // The session outlives the window: drop the filter so it stops holding this report's photos.
    session.webRequest.onBeforeRequest(null);
    window.destroy();
    await rm(file, { force: true });
  }
};

const FILTERS: Record<ReportFileFormat, SaveDialogOptions['filters']> = {
  PDF: [{ name: 'PDF document', extensions: ['pdf'] }],
  DOCX: [{ name: 'Word document', extensions: ['docx'] }],
  XLSX: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
  CSV: [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }],
};

/** The native save dialog, opened in the Documents folder with the report's own file name. */
export async function showReportSaveDialog(defaultFileName: string, format: ReportFileFormat): Promise<string | null> {
  const options: SaveDialogOptions = {
    title: 'Save the report',
    buttonLabel: 'Save',
    defaultPath: path.join(os.homedir(), 'Documents', defaultFileName),
    filters: FILTERS[format],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  };
  const parent = BrowserWindow.getFocusedWindow();
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}
