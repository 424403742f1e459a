import { format, parseISO } from 'date-fns';
import { z } from 'zod';
import { CHECKLIST_DEFINITIONS } from '../catalog/checklists';
import { ENTITY_TYPE_LABELS, type EntityType } from '../domain/entity-types';
import { formatFileSize } from '../domain/file-size';
import { USER_ROLE_LABELS, type UserRole, WORKFLOW_STATE_LABELS, type WorkflowState } from '../domain/lifecycle';
import { RESPONSE_RESULT_LABELS, type ResponseResult } from '../domain/validation';
import { messages } from './en';

/**
 * Messages the main process, the shared rules and HQ write for a person, by key: the English text
 * lives in ./en.ts, which is also the renderer's `messages` catalog, so the English a log or HQ keeps and the
 * English the interface shows are the same text; other languages translate the same keys in the renderer.
 */
export { messages as englishMessages };

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
type WithoutPlural<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;

/** A key of the English catalog ("completeness.unanswered"); a plural is named by its base, without _one/_other. */
export type MessageKey = WithoutPlural<Leaves<typeof messages>>;

/** A message's values: text, numbers, ISO dates and codes the catalog formats, or messages of their own. */
export type MessageParam = string | number | ReadonlyArray<MessageRef>;
export type MessageParams = Readonly<Record<string, MessageParam>>;
export type MessageRef = { key: MessageKey; params?: MessageParams };

/** A key and its values as they cross IPC; the key is checked against the catalog where it is written, not here. */
export const MessageParamsSchema: z.ZodType<MessageParams> = z.lazy(() =>
  z.record(z.string(), z.union([z.string(), z.number(), z.array(MessageRefSchema)])),
);
export const MessageRefSchema: z.ZodType<MessageRef> = z.lazy(() =>
  z.object({ key: z.string() as unknown as z.ZodType<MessageKey>, params: MessageParamsSchema.optional() }),
);

/**
 * How a `{{value, format}}` placeholder writes its value. The renderer registers the same names with i18next
 * (renderer/src/i18n/message-formats.ts) and writes each in the interface's language.
 * - date: a YYYY-MM-DD calendar date ("Mar 1, 2027").
 * - entityType, result: the name of a code; workflowState: a state's name in lower case, inside a sentence.
 * - checklist: a checklist's name in a sentence ("8-point container inspection"; kind or CONTAINER_8_POINT).
 * - checklistsOr: kinds separated by commas, as short names joined by "or".
 * - checklistKind: a checklist kind's title ("Tractor (7) and trailer (10) inspection"); checklistKinds: kinds
 *   separated by commas, their titles joined by "; ".
 * - checklistItems: checklist item keys separated by commas, as their labels joined by ", ".
 * - localDate: the day an ISO date-time fell on this computer's calendar ("Mar 1, 2027").
 * - quoted: a label the person typed, in quotes after a space; nothing when it is empty.
 * - messages: a list of messages, one after another.
 * - clauses: a list of messages joined by "; ", each without its closing full stop (inside one sentence).
 * - time: an ISO date-time as the local time of day ("2:05 PM").
 * - fileSize, fileSizeExact: a number of bytes as "25 MB" (to 1 decimal; exact: to 3).
 * - fileType, workflowEvent, workflowEventName, reviewDecision: the words for a code under `words` in the catalog.
 * - role: a user role's name ("Field office reviewer").
 */
export const MESSAGE_FORMATS = [
  'date',
  'entityType',
  'result',
  'workflowState',
  'checklist',
  'checklistsOr',
  'checklistKind',
  'checklistKinds',
  'checklistItems',
  'localDate',
  'quoted',
  'messages',
  'clauses',
  'time',
  'fileSize',
  'fileSizeExact',
  'fileType',
  'workflowEvent',
  'workflowEventName',
  'reviewDecision',
  'role',
] as const;
export type MessageFormat = (typeof MESSAGE_FORMATS)[number];

const word = (group: keyof typeof messages.words, value: MessageParam): string =>
  catalogText(messages, `words.${group}.${value}`) ?? String(value);

const englishFormats: Record<MessageFormat, (value: MessageParam) => string> = {
  date: (value) => format(parseISO(String(value)), 'MMM d, yyyy'),
  entityType: (value) => ENTITY_TYPE_LABELS[value as EntityType] ?? String(value),
  result: (value) => RESPONSE_RESULT_LABELS[value as ResponseResult] ?? String(value),
  workflowState: (value) => (WORKFLOW_STATE_LABELS[value as WorkflowState] ?? String(value)).toLowerCase(),
  checklist: (value) => word('checklistName', value),
  fileType: (value) => word('fileType', value),
  workflowEvent: (value) => word('workflowEvent', value),
  workflowEventName: (value) => word('workflowEventName', value),
  reviewDecision: (value) => word('reviewDecision', value),
  role: (value) => USER_ROLE_LABELS[value as UserRole] ?? String(value),
  fileSize: (value) => formatFileSize(Number(value)),
  fileSizeExact: (value) => formatFileSize(Number(value), 3),
  checklistsOr: (value) =>
    String(value)
      .split(',')
      .map((kind) => catalogText(messages, `words.checklistShort.${kind}`) ?? kind)
      .join(messages.words.or),
  quoted: (value) => (value === '' ? '' : ` "${value}"`),
  messages: (value) => (Array.isArray(value) ? value.map((m: MessageRef) => englishText(m)).join(' ') : String(value)),
  checklistKind: (value) => word('checklistKind', value),
  checklistKinds: (value) =>
    String(value)
      .split(',')
      .map((kind) => word('checklistKind', kind))
      .join('; '),
  checklistItems: (value) =>
    String(value)
      .split(',')
      .map((key) => CHECKLIST_ITEM_LABELS.get(key) ?? key)
      .join(', '),
  localDate: (value) => format(parseISO(String(value)), 'MMM d, yyyy'),
  clauses: (value) =>
    joinClauses(Array.isArray(value) ? value.map((m: MessageRef) => englishText(m)) : [String(value)]),
  time: (value) => englishTime.format(new Date(String(value))),
};

/** Every checklist item's English label by its key (keys are unique across the checklists). */
const CHECKLIST_ITEM_LABELS = new Map(
  Object.values(CHECKLIST_DEFINITIONS).flatMap((definition) => definition.items.map((item) => [item.key, item.label])),
);

const englishTime = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' });

/** Sentences as clauses of one sentence: "HQ is busy." and "1 file could not reach HQ" → "HQ is busy; 1 file …". */
export const joinClauses = (sentences: readonly string[]): string =>
  sentences.map((sentence) => sentence.replace(/\.$/, '')).join('; ');

/** The catalog's text at a dotted key, or undefined. */
export function catalogText(catalog: object, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : undefined;
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*(?:,\s*(\w+)\s*)?\}\}/g;

/** The English text of a message, as the renderer's English catalog writes it (plurals by `count`). */
export function englishText(message: MessageRef): string {
  const { key, params = {} } = message;
  const count = params.count;
  const template =
    (typeof count === 'number' ? catalogText(messages, `${key}_${count === 1 ? 'one' : 'other'}`) : undefined) ??
    catalogText(messages, key);
  if (template === undefined) return key;
  return template.replace(PLACEHOLDER, (whole, name: string, formatName?: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (!formatName) return String(value);
    const write = englishFormats[formatName as MessageFormat];
    return write ? write(value) : String(value);
  });
}

/**
 * A message in another language's catalog (the Spanish one has the English's keys), for text written before the
 * renderer runs, e.g. the start-up error: plurals by that language's rules; `{{value, format}}` as English writes
 * it, so only messages with plain values read fully in that language.
 */
export function textIn(catalog: object, locale: string, message: MessageRef): string {
  const { key, params = {} } = message;
  const count = params.count;
  const form = typeof count === 'number' ? new Intl.PluralRules(locale).select(count) : undefined;
  const template =
    (form ? (catalogText(catalog, `${key}_${form}`) ?? catalogText(catalog, `${key}_other`)) : undefined) ??
    catalogText(catalog, key);
  if (template === undefined) return englishText(message);
  return template.replace(PLACEHOLDER, (whole, name: string, formatName?: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    const write = formatName ? englishFormats[formatName as MessageFormat] : undefined;
    return write ? write(value) : String(value);
  });
}

/** A message in the form errors and problems carry it: the English text for logs, HQ and older readers, and its key. */
export type Message = MessageRef & { message: string };

export function message(key: MessageKey, params?: MessageParams): Message {
  const ref: MessageRef = params ? { key, params } : { key };
  return { message: englishText(ref), ...ref };
}
