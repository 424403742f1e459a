import { chromium, type Page } from 'playwright-core';
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

/** Where the page asks for the report's photos; `.invalid` never resolves, and nothing but the route answers it. */
const PHOTO_ORIGIN = 'https://report.invalid';
const PHOTO_PATH = /^https:\/\/report\.invalid\/photo\/(\d+)$/;

type ServedPhoto = { contentType: string; body: Buffer };

/**
 * The report's HTML with its embedded photos taken out and asked for by URL instead, and its CSP allowing those
 * URLs only. Chromium took 2.3–2.9 s to take 6.5 MB of HTML (twenty photos as base64) through setContent, and
 * 0.4–0.7 s for the same page with the photos served apart. Only the renderer's own `<img src="data:` and CSP
 * `<meta>` match: typed text has its `<` escaped.
 */
export function photosServedApart(html: string): { html: string; photos: ServedPhoto[] } {
  const photos: ServedPhoto[] = [];
  const light = html
    .replace(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/, (tag) =>
      tag.replace('img-src data:', `img-src ${PHOTO_ORIGIN}`),
    )
    .replace(/<img src="data:(image\/[a-z]+);base64,([A-Za-z0-9+/=]*)"/g, (_, contentType: string, base64: string) => {
      photos.push({ contentType, body: Buffer.from(base64, 'base64') });
      return `<img src="${PHOTO_ORIGIN}/photo/${photos.length - 1}"`;
    });
  return { html: light, photos };
}

/** The report carries everything it shows: the page gets its own photos, and any other request is refused. */
export async function answerPhotosOnly(page: Page, photos: readonly ServedPhoto[]): Promise<void> {
  await page.route('**/*', (route) => {
    const photo = photos[Number(PHOTO_PATH.exec(route.request().url())?.[1] ?? Number.NaN)];
    return photo ? route.fulfill({ contentType: photo.contentType, body: photo.body }) : route.abort();
  });
}

export async function printReportPdf(html: string, options: PrintOptions): Promise<Buffer> {
  const served = photosServedApart(html);
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await answerPhotosOnly(page, served.photos);
    await page.setContent(served.html, { waitUntil: 'load' });
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
