/** Bytes in a megabyte as people and the app count it: 1,000,000 (not 1,048,576, which is a MiB). */
export const BYTES_PER_MB = 1_000_000;
const BYTES_PER_KB = 1_000;
const BYTES_PER_GB = 1_000_000_000;

/**
 * "48.2 MB", "512 KB", "900 bytes", in decimal units (1 MB = 1,000,000 bytes) like the size limit in Settings,
 * so a file and its limit are always counted the same way. `decimals` is the most shown, trailing zeros dropped;
 * `locale` writes the number (messages in Spanish write "25,04 MB").
 */
export function formatFileSize(bytes: number, decimals = 1, locale = 'en-US'): string {
  if (bytes < BYTES_PER_KB) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const [value, unit] =
    bytes < BYTES_PER_MB
      ? [bytes / BYTES_PER_KB, 'KB']
      : bytes < BYTES_PER_GB
        ? [bytes / BYTES_PER_MB, 'MB']
        : [bytes / BYTES_PER_GB, 'GB'];
  return `${Number(value.toFixed(decimals)).toLocaleString(locale, { maximumFractionDigits: decimals })} ${unit}`;
}
