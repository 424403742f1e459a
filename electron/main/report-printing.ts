import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, dialog, type SaveDialogOptions } from 'electron';
import type { ReportFileFormat } from '../../shared/ipc/contract';
import { printTemplates } from '../../shared/report/html';
import { type PrintOptions, reportPageMarginsInches } from '../services/report/page-setup';

/**
 * Report export in the desktop app: the PDF printed by Electron's own Chromium (tagged, with an outline), and the
 * native save dialog. The harness and tests print with headless Chromium through the same templates and margins.
 */

/** Prints report HTML in a hidden, script-less window of its own session, which loads nothing from outside. */
export async function printReportWithElectron(html: string, options: PrintOptions): Promise<Uint8Array> {
  const file = path.join(os.tmpdir(), `ctpat-report-${randomUUID()}.html`);
  await writeFile(file, html, { mode: 0o600 });
  const window = new BrowserWindow({
    show: false,
    webPreferences: { javascript: false, sandbox: true, partition: 'report-print', spellcheck: false },
  });
  // The report embeds every photo: any request it makes beyond its own file is refused.
  const own = pathToFileURL(file).href;
  window.webContents.session.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: details.url !== own && !details.url.startsWith('data:') }),
  );
  try {
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
    window.destroy();
    await rm(file, { force: true });
  }
}

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
