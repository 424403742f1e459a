import { type Browser, chromium, type Page } from 'playwright-core';
import { NO_PHOTOS, type PhotoLookup } from '../../../shared/report/embedded-photo';
import { printTemplates } from '../../../shared/report/html';
import { type PrintOptions, REPORT_PAGE_MARGINS } from './page-setup';
import { servedPhoto } from './served-photo';

/**
 * Prints the report's HTML to a tagged PDF with an outline, through headless Chromium (the harness and the
 * tests; Electron's main process uses webContents.printToPDF with the same templates and margins).
 */

const CHROMIUM_EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The report carries everything it shows: the page gets the photos of the report it holds, and nothing else. */
async function answerPhotosOnly(page: Page, photos: () => PhotoLookup): Promise<void> {
  await page.route('**/*', (route) => {
    const photo = servedPhoto(route.request().url(), photos());
    return photo ? route.fulfill(photo) : route.abort();
  });
}

type PrintingPage = { browser: Browser; page: Page; photos: PhotoLookup; printed: boolean };

/**
 * One Chromium and one page kept between exports: starting them took about 1 s of each PDF (of 4). Reports print
 * one at a time on that page; it runs no script (the report's CSP), so one report cannot see another. Chromium is
 * closed after `idleMs` without an export, giving its memory back.
 */
export class ReportPrinter {
  private open: PrintingPage | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private idleTimer: NodeJS.Timeout | undefined;

  private readonly idleMs: number;
  private readonly launch: () => Promise<Browser>;

  constructor(options: { idleMs?: number; launch?: () => Promise<Browser> } = {}) {
    this.idleMs = options.idleMs ?? 120_000;
    this.launch = options.launch ?? launchChromium;
  }

  /** Starts Chromium and its page ahead of an export (the Report screen is open): the first PDF then skips it. */
  warm(): Promise<void> {
    return this.onPage(async (printing) => {
      // A throwaway PDF first: without it the first report printed took 0.5 s longer (2.4 s against 1.9 s).
      if (printing.printed) return;
      await printing.page.setContent('<!doctype html><title>.</title><p>.</p>');
      await printing.page.pdf({ format: 'Letter', tagged: true, outline: true, displayHeaderFooter: true });
      printing.printed = true;
    });
  }

  /** Prints HTML rendered with `photosServed` to a tagged PDF with an outline, answering its photo URLs. */
  print(html: string, options: PrintOptions, photos: PhotoLookup = NO_PHOTOS): Promise<Buffer> {
    return this.onPage(async (printing) => {
      printing.photos = photos;
      printing.printed = true;
      await printing.page.setContent(html, { waitUntil: 'load' });
      return await printing.page.pdf({
        format: 'Letter',
        margin: REPORT_PAGE_MARGINS,
        printBackground: true,
        tagged: true,
        outline: true,
        displayHeaderFooter: true,
        ...printTemplates(options.marking, { draft: options.draft, language: options.language }),
      });
    });
  }

  /** Closes Chromium once the exports already asked for are done (the app or a test is stopping). */
  close(): Promise<void> {
    return this.inTurn(() => this.closeNow());
  }

  /** Runs one job on the printing page, in turn; the page is left blank after it, or closed if the job failed. */
  private onPage<T>(job: (printing: PrintingPage) => Promise<T>): Promise<T> {
    return this.inTurn(async () => {
      const printing = await this.printingPage();
      try {
        return await job(printing);
      } catch (error) {
        // A page that failed once is not trusted with the next report.
        await this.closeNow().catch(() => undefined);
        throw error;
      } finally {
        // Nothing of a report waits in the page for the next one.
        printing.photos = NO_PHOTOS;
        if (this.open) {
          await printing.page.setContent('').catch(() => undefined);
          this.closeWhenIdle();
        }
      }
    });
  }

  /** Runs one job after the ones before it, whatever became of them. */
  private inTurn<T>(job: () => Promise<T>): Promise<T> {
    const turn = this.queue.then(job);
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** The printing page, opened if there is none or the last one died (Chromium crashed or was killed). */
  private async printingPage(): Promise<PrintingPage> {
    clearTimeout(this.idleTimer);
    if (this.open?.browser.isConnected() && !this.open.page.isClosed()) return this.open;
    await this.closeNow().catch(() => undefined);
    this.open = await openPrintingPage(await this.launch());
    return this.open;
  }

  private closeWhenIdle(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.close().catch(() => undefined), this.idleMs).unref();
  }

  private async closeNow(): Promise<void> {
    clearTimeout(this.idleTimer);
    const closing = this.open;
    this.open = undefined;
    await closing?.browser.close();
  }
}

/** Headless Chromium as the printer starts it: Debian's, with no network, sync or first-run work. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });

async function openPrintingPage(browser: Browser): Promise<PrintingPage> {
  try {
    const page = await browser.newPage();
    const printing: PrintingPage = { browser, page, photos: NO_PHOTOS, printed: false };
    await answerPhotosOnly(page, () => printing.photos);
    await page.emulateMedia({ media: 'print' });
    return printing;
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** This process's printer: the harness's exports, and the tests'. */
const reportPrinter = new ReportPrinter();

export const printReportPdf = (html: string, options: PrintOptions, photos?: PhotoLookup): Promise<Buffer> =>
  reportPrinter.print(html, options, photos);
export const warmReportPrinter = (): Promise<void> => reportPrinter.warm();
/** The harness's `warmPdfPrinter`: the preview does not wait for it, and a failure here is reported by the export. */
export const warmReportPrinterInBackground = (): void => void reportPrinter.warm().catch(() => undefined);
export const closeReportPrinter = (): Promise<void> => reportPrinter.close();
