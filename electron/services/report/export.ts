import { renderFindingsCsv } from '../../../shared/report/csv';
import { renderReportDocx } from '../../../shared/report/docx';
import { reportFileStem } from '../../../shared/report/format';
import { renderReportHtml } from '../../../shared/report/html';
import type { ReportLanguage } from '../../../shared/report/i18n';
import {
  buildReportModel,
  type ReportAudience,
  type ReportModel,
  reportLanguageFor,
  reportPhotos,
} from '../../../shared/report/model';
import { renderReportXlsx } from '../../../shared/report/xlsx';
import type { ServiceContext } from '../service-context';
import { loadReportInput } from './load-input';
import type { PrintPdf } from './page-setup';
import { loadReportPhotos, type PhotoLoadOptions } from './photos';

/** Loader → model → renderer: one validation's report in one format, with what had to be left out. */

export type ReportFormat = 'PDF' | 'DOCX' | 'XLSX' | 'CSV' | 'HTML';

export const REPORT_FORMATS: Record<ReportFormat, { extension: string; mediaType: string }> = {
  PDF: { extension: 'pdf', mediaType: 'application/pdf' },
  DOCX: {
    extension: 'docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  XLSX: { extension: 'xlsx', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  CSV: { extension: 'csv', mediaType: 'text/csv; charset=utf-8' },
  HTML: { extension: 'html', mediaType: 'text/html; charset=utf-8' },
};

export type ExportRequest = {
  audience: ReportAudience;
  format: ReportFormat;
  /** The marking banner (Settings); CUI when not given. */
  marking?: string;
  /** The language of the SCSS's interface: the internal report's (a Member report is in the Member's); English if not given. */
  interfaceLanguage?: ReportLanguage;
  /** How sharp is loaded in this process (Electron passes its require). */
  loadSharp?: PhotoLoadOptions['loadSharp'];
  /** Prints HTML to PDF; headless Chromium unless Electron passes webContents.printToPDF. */
  printPdf?: PrintPdf;
  /** Cancels between steps (each photo, before printing): the export rejects with the signal's reason. */
  signal?: AbortSignal;
};

export type ExportedReport = { bytes: Uint8Array; fileName: string; mediaType: string; warnings: string[] };

/** The report model for one validation and audience, read from this computer's store. */
export function reportModelFor(
  ctx: ServiceContext,
  validationId: string,
  request: Pick<ExportRequest, 'audience' | 'marking' | 'interfaceLanguage'>,
): ReportModel {
  const input = loadReportInput(ctx, validationId);
  return buildReportModel(input, {
    audience: request.audience,
    marking: request.marking,
    generatedAt: ctx.now().toISOString(),
    language: reportLanguageFor(request.audience, input.member?.correspondenceLanguage, request.interfaceLanguage),
  });
}

/** The report's HTML with its photos embedded: the in-app preview, and the page the PDF is printed from. */
export async function reportHtmlFor(
  ctx: ServiceContext,
  model: ReportModel,
  options: Pick<ExportRequest, 'loadSharp' | 'signal'> & { stylesheetHref?: string } = {},
): Promise<{ html: string; warnings: string[] }> {
  const { photos, warnings } = await loadReportPhotos(ctx.dataDir, reportPhotos(model), {
    loadSharp: options.loadSharp,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const stylesheet = options.stylesheetHref === undefined ? {} : { stylesheetHref: options.stylesheetHref };
  return { html: renderReportHtml(model, { photos, ...stylesheet }), warnings };
}

export async function exportReport(
  ctx: ServiceContext,
  validationId: string,
  request: ExportRequest,
): Promise<ExportedReport> {
  const model = reportModelFor(ctx, validationId, request);
  const { extension, mediaType } = REPORT_FORMATS[request.format];
  const fileName = `${reportFileStem(model.cover.memberName, model.cover.validationDate, model.audience)}${
    request.format === 'CSV' ? '-findings' : ''
  }.${extension}`;
  const done = (bytes: Uint8Array, warnings: string[] = []): ExportedReport => ({
    bytes,
    fileName,
    mediaType,
    warnings,
  });
  switch (request.format) {
    case 'CSV':
      return done(renderFindingsCsv(model));
    case 'XLSX':
      return done(await renderReportXlsx(model));
    case 'DOCX': {
      const { photos, warnings } = await loadReportPhotos(ctx.dataDir, reportPhotos(model), request);
      return done(await renderReportDocx(model, { photos }), warnings);
    }
    case 'HTML': {
      const { html, warnings } = await reportHtmlFor(ctx, model, request);
      return done(new TextEncoder().encode(html), warnings);
    }
    case 'PDF': {
      const printOptions = { marking: model.marking, draft: model.draft, language: model.language };
      // The page asks for each photo by its hash and the printer answers from memory: with 6 MB of inline base64
      // the page loaded about twice as slowly (README, Benchmarks), and Electron's temporary copy held the photos.
      const { photos, warnings } = await loadReportPhotos(ctx.dataDir, reportPhotos(model), request);
      request.signal?.throwIfAborted();
      const html = renderReportHtml(model, { photos, photosServed: true });
      // Electron prints with its own printToPDF; elsewhere headless Chromium, loaded only here (Electron never
      // needs playwright-core).
      const printPdf = request.printPdf ?? (await import('./pdf')).printReportPdf;
      return done(await printPdf(html, printOptions, photos), warnings);
    }
  }
}
