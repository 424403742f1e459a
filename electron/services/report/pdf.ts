import { chromium, type Page } from 'playwright-core';
import {
  isEmbeddableDataUri,
  NO_PHOTOS,
  type PhotoLookup,
  servedPhotoUrl,
} from '../../../shared/report/embedded-photo';
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

const PHOTO_URL_PREFIX = servedPhotoUrl('');

/** The photo a served URL names, as the bytes and type to answer with; undefined for any other URL. */
export function servedPhoto(url: string, photos: PhotoLookup): { contentType: string; body: Buffer } | undefined {
  const photo = url.startsWith(PHOTO_URL_PREFIX) ? photos.get(url.slice(PHOTO_URL_PREFIX.length)) : undefined;
  if (!photo || !isEmbeddableDataUri(photo.dataUri)) return undefined;
  const [head = '', base64 = ''] = photo.dataUri.split(',');
  return { contentType: head.slice('data:'.length, -';base64'.length), body: Buffer.from(base64, 'base64') };
}

/** The report carries everything it shows: the page gets its own photos, and any other request is refused. */
export async function answerPhotosOnly(page: Page, photos: PhotoLookup): Promise<void> {
  await page.route('**/*', (route) => {
    const photo = servedPhoto(route.request().url(), photos);
    return photo ? route.fulfill(photo) : route.abort();
  });
}

/** Prints HTML rendered with `photosServed`, answering its photo URLs from `photos`. */
export async function printReportPdf(
  html: string,
  options: PrintOptions,
  photos: PhotoLookup = NO_PHOTOS,
): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await answerPhotosOnly(page, photos);
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
