import type { EventName } from '../../../shared/ipc/channels';
import type { EventPayloadOf, ReportFileFormat } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/envelope';
import { message } from '../../../shared/messages';
import { loadSharp, type Sharp } from '../../services/evidence-store';
import { exportReport, reportHtmlFor, reportModelFor } from '../../services/report/export';
import { EXPORT_CANCELLED, exportFindingsWorkbook } from '../../services/report/findings-workbook';
import type { PrintPdf } from '../../services/report/page-setup';
import type { ServiceContext } from '../../services/service-context';
import { getSettings } from '../../services/settings-service';
import type { HandlersFor } from '../handlers';
import { deliver } from './deliver-file';

/** What a host adds to report export: Electron's save dialog and printer; the harness has neither. */
export type ReportHost = {
  /** The native save dialog: the path chosen, or null when the person cancels. */
  showSaveDialog?: (defaultFileName: string, format: ReportFileFormat) => Promise<string | null>;
  /** Prints the report's HTML to PDF (Electron: webContents.printToPDF); headless Chromium otherwise. */
  printPdf?: PrintPdf;
  /** Gets the PDF printer ready while the person reads the preview (the harness's headless Chromium). */
  warmPdfPrinter?: () => void;
  /** Tells every window of the app (the harness: every page) how a long export is going. */
  emit?: (event: EventName, payload: unknown) => void;
};

/** The same sharp the evidence store uses (Electron registers its require); photos are left out without it. */
const reportSharp = async (): Promise<Sharp> => {
  const sharp = await loadSharp();
  if (!sharp) throw new Error('The image library (sharp) is not available on this computer.');
  return sharp;
};

export function reportHandlers(
  ctx: ServiceContext,
  host: ReportHost,
): HandlersFor<'reports:preview' | 'reports:export' | 'reports:workbook' | 'reports:cancel'> {
  const marking = () => getSettings(ctx).reportMarking;
  const progress = (payload: EventPayloadOf<'report:progress'>) => host.emit?.('report:progress', payload);
  /** One export at a time (a report or a workbook): a second is refused, and Cancel stops the one running. */
  let running: AbortController | null = null;
  async function exclusive<T>(
    what: string,
    work: (signal: AbortSignal) => Promise<T>,
  ): Promise<T | { status: 'cancelled' }> {
    if (running) throw new AppError('CONFLICT', message('errors.reports.exportRunning'));
    const controller = new AbortController();
    running = controller;
    try {
      return await work(controller.signal);
    } catch (error) {
      if (controller.signal.aborted) return { status: 'cancelled' };
      if (error instanceof AppError) throw error;
      const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new AppError('INTERNAL', message('errors.reports.notMade', { what, detail: String(detail) }));
    } finally {
      running = null;
      progress(null);
    }
  }
  return {
    'reports:preview': async (req) => {
      host.warmPdfPrinter?.();
      const model = reportModelFor(ctx, req.validationId, {
        audience: req.audience,
        marking: marking(),
        interfaceLanguage: req.interfaceLanguage,
      });
      // The renderer serves the report's stylesheet beside itself (vite.config.ts): the preview links it.
      const { html, warnings } = await reportHtmlFor(ctx, model, {
        loadSharp: reportSharp,
        stylesheetHref: 'report-preview.css',
      });
      return {
        memberName: model.cover.memberName,
        language: model.language,
        memberLanguage: model.memberLanguage,
        html,
        draft: model.draft,
        marking: model.marking,
        warnings,
      };
    },
    'reports:export': (req) =>
      exclusive(`The ${req.format} report`, async (signal) => {
        const report = await exportReport(ctx, req.validationId, {
          audience: req.audience,
          format: req.format,
          marking: marking(),
          interfaceLanguage: req.interfaceLanguage,
          loadSharp: reportSharp,
          signal,
          ...(host.printPdf ? { printPdf: host.printPdf } : {}),
        });
        signal.throwIfAborted();
        return deliver(host, report, req.format);
      }),
    'reports:workbook': (req) =>
      exclusive('The findings workbook', async (signal) => {
        const workbook = await exportFindingsWorkbook(ctx, {
          filter: req.filter,
          format: req.format,
          language: req.interfaceLanguage,
          signal,
          onProgress: (done, total) => progress({ done, total }),
        });
        if (workbook.validations === 0) {
          throw new AppError('NOT_FOUND', message('errors.reports.noneMatch'));
        }
        const delivered = await deliver(host, workbook, req.format);
        return { ...delivered, validations: workbook.validations, findings: workbook.findings };
      }),
    'reports:cancel': () => {
      if (!running) return { cancelled: false };
      running.abort(new DOMException(EXPORT_CANCELLED, 'AbortError'));
      return { cancelled: true };
    },
  };
}
