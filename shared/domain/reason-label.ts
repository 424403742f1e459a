import { DEFAULT_SETTINGS } from './field-work';
import { DEFAULT_DEFICIENCY_REASON_LABELS_ES } from './labels-es';
import type { LanguageCode } from './language';

const DEFAULT_LABELS = new Map(DEFAULT_SETTINGS.deficiencyReasons.map((r) => [r.code, r.label]));

/**
 * A deficiency reason's name in a language. A reason is Settings' text: the default reasons have a Spanish name,
 * used while the label is still the default English one; a label the office wrote is shown as written.
 */
export function reasonLabelIn(language: LanguageCode, reason: { code: string; label: string }): string {
  if (language !== 'es' || DEFAULT_LABELS.get(reason.code) !== reason.label) return reason.label;
  return DEFAULT_DEFICIENCY_REASON_LABELS_ES[reason.code] ?? reason.label;
}
