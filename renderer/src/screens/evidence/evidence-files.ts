import {
  extensionOf,
  rejectionMessage,
  screenshotFileName,
  typeForFileName,
} from '../../../../shared/domain/evidence-files';
import { translateMessage } from '../../i18n/messages';

/**
 * The refusals the page can tell before reading a file (empty, too large, a type evidence cannot be);
 * the main process checks again, and alone can check the content against the name.
 */
export function precheckFile(fileName: string, sizeBytes: number, maxBytes: number): string | null {
  if (sizeBytes === 0) return translateMessage(rejectionMessage(fileName, { kind: 'EMPTY' }));
  if (sizeBytes > maxBytes) {
    return translateMessage(rejectionMessage(fileName, { kind: 'TOO_LARGE', sizeBytes, maxBytes }));
  }
  if (extensionOf(fileName) && !typeForFileName(fileName)) {
    return translateMessage(rejectionMessage(fileName, { kind: 'NOT_ALLOWED' }));
  }
  return null;
}

/**
 * A file's bytes as base64, read by the browser off the main thread (FileReader), with progress.
 * Never btoa() on the page: a 25 MB photo would freeze it.
 */
export function readAsBase64(file: Blob, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.onload = () => {
      const dataUrl = String(reader.result);
      resolve(dataUrl.slice(dataUrl.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

const PASTED_EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/**
 * Files from a paste. Screenshots arrive as "image.png" (or nameless): they get a dated name, made unique
 * within one paste. Files copied in a file manager keep their own names.
 */
export function pastedFiles(clipboard: DataTransfer, at: Date): File[] {
  const files = Array.from(clipboard.files);
  if (files.length === 0) {
    for (const item of Array.from(clipboard.items)) {
      const file = item.kind === 'file' ? item.getAsFile() : null;
      if (file) files.push(file);
    }
  }
  let screenshots = 0;
  return files.map((file) => {
    const generic = !file.name || /^image\.\w+$/i.test(file.name);
    const extension = PASTED_EXTENSIONS[file.type];
    if (!generic || !extension) return file;
    screenshots++;
    const name = screenshotFileName(at, extension);
    const unique = screenshots === 1 ? name : name.replace(/\.(\w+)$/, ` ${screenshots}.$1`);
    return new File([file], unique, { type: file.type, lastModified: at.getTime() });
  });
}
