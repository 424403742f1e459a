import type { EntityType } from '../../../shared/domain/entity-types';
import type { UserRole, WorkflowState } from '../../../shared/domain/lifecycle';
import type { ResponseResult } from '../../../shared/domain/validation';
import type { MessageFormat, MessageKey, MessageParam, MessageParams, MessageRef } from '../../../shared/messages';
import { joinClauses } from '../../../shared/messages';
import { formatDate, formatFileSize, formatLocalDate } from '../components/format';
import { i18n } from '.';
import { INTL_LOCALE, isLanguage } from './languages';

/** Text as errors, problems and refusals carry it: English always, a catalog key and values when there is one. */
export type Told = { message: string; key?: MessageKey | string | undefined; params?: MessageParams | undefined };

type Translate = (key: string, options?: Record<string, unknown>) => string;
const t = i18n.t.bind(i18n) as unknown as Translate;

const intlLocale = (lng: string) => INTL_LOCALE[isLanguage(lng) ? lng : 'en'];
/** The time of day as the status line says it: "2:05 PM", "14:05". */
const timeIn = (lng: string) => new Intl.DateTimeFormat(intlLocale(lng), { hour: 'numeric', minute: '2-digit' });

/** The formats `{{value, format}}` of shared/messages, written in the interface's language. */
const formats: Record<MessageFormat, (value: MessageParam, lng: string) => string> = {
  date: (value) => formatDate(String(value)),
  entityType: (value, lng) => t(`domain.entityType.${value as EntityType}`, { lng }),
  result: (value, lng) => t(`domain.result.${value as ResponseResult}`, { lng }),
  workflowState: (value, lng) => t(`domain.workflowState.${value as WorkflowState}`, { lng }).toLowerCase(),
  checklist: (value, lng) => t(`messages.words.checklistName.${value}`, { lng }),
  fileType: (value, lng) => t(`messages.words.fileType.${value}`, { lng }),
  workflowEvent: (value, lng) => t(`messages.words.workflowEvent.${value}`, { lng }),
  workflowEventName: (value, lng) => t(`messages.words.workflowEventName.${value}`, { lng }),
  reviewDecision: (value, lng) => t(`messages.words.reviewDecision.${value}`, { lng }),
  role: (value, lng) => t(`domain.userRole.${value as UserRole}`, { lng }),
  fileSize: (value, lng) => formatFileSize(Number(value), 1, intlLocale(lng)),
  fileSizeExact: (value, lng) => formatFileSize(Number(value), 3, intlLocale(lng)),
  checklistsOr: (value, lng) =>
    String(value)
      .split(',')
      .map((kind) => t(`messages.words.checklistShort.${kind}`, { lng }))
      .join(t('messages.words.or', { lng })),
  checklistKind: (value, lng) => t(`messages.words.checklistKind.${value}`, { lng }),
  checklistKinds: (value, lng) =>
    String(value)
      .split(',')
      .map((kind) => t(`messages.words.checklistKind.${kind}`, { lng }))
      .join('; '),
  checklistItems: (value, lng) =>
    String(value)
      .split(',')
      .map((key) => t(`fieldwork.checklist.items.${key}`, { lng, defaultValue: key }))
      .join(', '),
  localDate: (value) => formatLocalDate(String(value)),
  time: (value, lng) => timeIn(lng).format(new Date(String(value))),
  quoted: (value) => (value === '' ? '' : ` "${value}"`),
  messages: (value) =>
    Array.isArray(value) ? value.map((m: MessageRef) => translateMessage(m)).join(' ') : String(value),
  clauses: (value) =>
    joinClauses(Array.isArray(value) ? value.map((m: MessageRef) => translateMessage(m)) : [String(value)]),
};
for (const [name, write] of Object.entries(formats)) {
  i18n.services.formatter?.add(name, (value, lng) => write(value as MessageParam, lng ?? i18n.language));
}

/**
 * What a person reads of a message: the catalog's text for its key in the interface's language, with its values
 * written there (dates by locale, codes by name); the English it carries when the key is not in the catalog (an
 * older main process, a message not translated yet).
 */
export function translateMessage(told: Told | MessageRef): string {
  const english = 'message' in told ? told.message : told.key;
  if (!told.key) return english;
  const key = `messages.${told.key}`;
  const params = { ...(told.params ?? {}) };
  return i18n.exists(key, params) ? t(key, params) : english;
}
