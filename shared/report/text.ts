/** Text helpers the file formats share. */

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing the control characters XML 1.0 forbids is the point.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text Word and Excel will open: XML 1.0 forbids most control characters, and one would make the file unreadable. */
export const xmlSafe = (text: string): string => text.replace(XML_FORBIDDEN, '');

const STRONG_LTR = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/;
const STRONG_RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/** Whether a paragraph reads right to left: its first strong character is Hebrew or Arabic (as dir="auto" decides). */
export function isRightToLeft(text: string): boolean {
  for (const ch of text) {
    if (STRONG_RTL.test(ch)) return true;
    if (STRONG_LTR.test(ch)) return false;
  }
  return false;
}
