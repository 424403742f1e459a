import type { ReportExportResult } from '../../../../shared/ipc/contract';

/** What the person is told after a save: done, cancelled or failed, and what had to be left out. */
export type Outcome = { type: 'success' | 'error' | 'info'; text: string; warnings: string[] };

/** Hands the file to the browser's downloads (the web harness has no save dialog). */
function download(result: Extract<ReportExportResult, { status: 'download' }>): void {
  const bytes = Uint8Array.from(atob(result.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: result.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = result.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Finishes a save (a download in the harness): how it went, and what was left out; the words are the caller's. */
export function finishSave(result: ReportExportResult): Omit<Outcome, 'text'> {
  switch (result.status) {
    case 'cancelled':
      return { type: 'info', warnings: [] };
    case 'saved':
      return { type: 'success', warnings: result.warnings };
    case 'download':
      download(result);
      return { type: 'success', warnings: result.warnings };
  }
}
