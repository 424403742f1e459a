import { chromium } from 'playwright-core';
import { printTemplates } from '../../../shared/report/html';

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

/** Room above and below the body for the marking banner and page numbers on every page. */
export const REPORT_PAGE_MARGINS = { top: '0.8in', bottom: '0.8in', left: '0.75in', right: '0.75in' } as const;

export type PrintOptions = { marking: string; draft?: boolean };

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
      ...printTemplates(options.marking, { draft: options.draft }),
    });
  } finally {
    await browser.close();
  }
}
