import path from 'node:path';
import type { ReportFileFormat } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/envelope';
import { loadSharp, type Sharp } from '../../services/evidence-store';
import { exportReport, reportHtmlFor, reportModelFor } from '../../services/report/export';
import type { PrintOptions } from '../../services/report/page-setup';
import { writeFileAtomically } from '../../services/report/write-file';
import type { ServiceContext } from '../../services/service-context';
import { getSettings } from '../../services/settings-service';
import type { HandlersFor } from '../handlers';

/** What a host adds to report export: Electron's save dialog and printer; the harness has neither. */
export type ReportHost = {
  /** The native save dialog: the path chosen, or null when the person cancels. */
  showSaveDialog?: (defaultFileName: string, format: ReportFileFormat) => Promise<string | null>;
  /** Prints the report's HTML to PDF (Electron: webContents.printToPDF); headless Chromium otherwise. */
  printPdf?: (html: string, options: PrintOptions) => Promise<Uint8Array>;
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
): HandlersFor<'reports:preview' | 'reports:export'> {
  const marking = () => getSettings(ctx).reportMarking;
  return {
    'reports:preview': async (req) => {
      const model = reportModelFor(ctx, req.validationId, { audience: req.audience, marking: marking() });
      // The renderer serves the report's stylesheet beside itself (vite.config.ts): the preview links it.
      const { html, warnings } = await reportHtmlFor(ctx, model, {
        loadSharp: reportSharp,
        stylesheetHref: 'report-preview.css',
      });
      return { memberName: model.cover.memberName, html, draft: model.draft, marking: model.marking, warnings };
    },
    'reports:export': async (req) => {
      const report = await exportReport(ctx, req.validationId, {
        audience: req.audience,
        format: req.format,
        marking: marking(),
        loadSharp: reportSharp,
        ...(host.printPdf ? { printPdf: host.printPdf } : {}),
      }).catch((error: unknown) => {
        if (error instanceof AppError) throw error;
        const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new AppError('INTERNAL', `The ${req.format} report could not be made: ${detail}`);
      });
      if (!host.showSaveDialog) {
        return {
          status: 'download',
          fileName: report.fileName,
          mediaType: report.mediaType,
          base64: Buffer.from(report.bytes).toString('base64'),
          warnings: report.warnings,
        };
      }
      const target = await host.showSaveDialog(report.fileName, req.format);
      if (!target) return { status: 'cancelled' };
      await writeFileAtomically(target, report.bytes);
      return { status: 'saved', path: target, fileName: path.basename(target), warnings: report.warnings };
    },
  };
}
