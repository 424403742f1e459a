import type { PhotoLookup } from '../../../shared/report/embedded-photo';
import type { ReportLanguage } from '../../../shared/report/i18n';

/** The printed page every report uses, whichever printer makes the PDF (headless Chromium or Electron). */

/** Room above and below the body for the marking banner and page numbers on every page. */
export const REPORT_PAGE_MARGINS = { top: '0.8in', bottom: '0.8in', left: '0.75in', right: '0.75in' } as const;

/** The language names the page footer's "Page x of y" and the DRAFT mark; English when not given. */
export type PrintOptions = { marking: string; draft?: boolean; language?: ReportLanguage };

/** A printer: report HTML rendered with `photosServed` in, the PDF out; it answers the page's photo URLs. */
export type PrintPdf = (html: string, options: PrintOptions, photos: PhotoLookup) => Promise<Uint8Array>;

/** The margins in inches, as Electron's printToPDF takes them. */
export const reportPageMarginsInches = () =>
  Object.fromEntries(Object.entries(REPORT_PAGE_MARGINS).map(([side, value]) => [side, Number.parseFloat(value)])) as {
    [K in keyof typeof REPORT_PAGE_MARGINS]: number;
  };
