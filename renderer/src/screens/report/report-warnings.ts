import type { MessageKey } from '../../../../shared/messages';
import { recogniseMessage } from '../../../../shared/messages/recognise';
import { translateMessage } from '../../i18n/messages';

const WARNING_KEYS: readonly MessageKey[] = [
  'reportWarning.photoMissing',
  'reportWarning.photoNoLibrary',
  'reportWarning.photoUnreadable',
  'reportWarning.leftOut',
  'reportWarning.leftOutUnnamed',
  'reportWarning.findingsUnread',
];
const DETAIL_KEYS: readonly MessageKey[] = ['reportWarning.recordUnreadable', 'reportWarning.copyUnreadable'];

/**
 * What had to be left out of a report or the findings workbook, in the interface's language: the main process
 * sends it as the English of a reportWarning.* message, read back here by key (dates by the locale); a warning
 * it does not recognise is shown as sent.
 */
export function translateWarning(text: string): string {
  const ref = recogniseMessage(text, WARNING_KEYS);
  if (!ref) return text;
  const detail = ref.params?.detail;
  const told = typeof detail === 'string' ? recogniseMessage(detail, DETAIL_KEYS) : null;
  const params = told ? { ...ref.params, detail: translateMessage(told) } : ref.params;
  return translateMessage({ message: text, key: ref.key, ...(params ? { params } : {}) });
}
