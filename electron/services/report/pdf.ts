import { chromium } from 'playwright-core';
import { printTemplates } from '../../../shared/report/html';
import { type PrintOptions, REPORT_PAGE_MARGINS } from './page-setup';

/**
 * Prints the report's HTML to a tagged PDF with an outline, through headless Chromium (the harness and the
 * tests; Electron's main process uses webContents.printToPDF with the same templates and margins).
 */

export const CHROMIUM_EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export { type PrintOptions, REPORT_PAGE_MARGINS } from './page-setup';

export async function printReportPdf(html: string, options: PrintOptions): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    // The report embeds everything it shows: any request is a mistake, refused rather than waited on.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({
      format: 'Letter',
      margin: REPORT_PAGE_MARGINS,
      printBackground: true,
      tagged: true,
      outline: true,
      displayHeaderFooter: true,
      ...printTemplates(options.marking, { draft: options.draft, language: options.language }),
    });
  } finally {
    await browser.close();
  }
}
