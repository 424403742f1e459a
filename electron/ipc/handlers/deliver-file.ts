import path from 'node:path';
import type { ReportExportResult, ReportFileFormat } from '../../../shared/ipc/contract';
import { writeFileAtomically } from '../../services/report/write-file';
import type { ReportHost } from './reports';

export type FileToDeliver = { bytes: Uint8Array; fileName: string; mediaType: string; warnings: string[] };

/** Saves through the native dialog where there is one; otherwise hands the bytes to the page to download. */
export async function deliver(
  host: Pick<ReportHost, 'showSaveDialog'>,
  file: FileToDeliver,
  format: ReportFileFormat,
): Promise<ReportExportResult> {
  if (!host.showSaveDialog) {
    return {
      status: 'download',
      fileName: file.fileName,
      mediaType: file.mediaType,
      base64: Buffer.from(file.bytes).toString('base64'),
      warnings: file.warnings,
    };
  }
  const target = await host.showSaveDialog(file.fileName, format);
  if (!target) return { status: 'cancelled' };
  await writeFileAtomically(target, file.bytes);
  return { status: 'saved', path: target, fileName: path.basename(target), warnings: file.warnings };
}
