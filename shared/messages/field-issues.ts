import type { FieldIssue } from '../ipc/envelope';
import { catalogText, englishText, type MessageKey, type MessageRef } from '.';
import { messages } from './en';

/** The key of each field message the catalog writes without values, by its English: "Use a date in …" → fields.isoDate. */
const BY_TEXT = new Map(
  Object.entries(messages.fields)
    .filter(([, text]) => !text.includes('{{'))
    .map(([name, text]) => [text, `fields.${name}` as MessageKey]),
);

/** The part of a zod issue the catalog reads: what kind, and its bounds. */
type IssueLike = { code: string; message: string; origin?: string; minimum?: unknown; maximum?: unknown };

/** The generic message zod writes for this issue, by key, when it is one the catalog has. */
function genericRef(issue: IssueLike): MessageRef | null {
  if (issue.origin !== 'string') return null;
  if (issue.code === 'too_small' && issue.minimum === 1) return { key: 'fields.required' };
  if (issue.code === 'too_small') return { key: 'fields.tooShort', params: { minimum: Number(issue.minimum) } };
  if (issue.code === 'too_big') return { key: 'fields.tooLong', params: { maximum: Number(issue.maximum) } };
  return null;
}

/**
 * A refused field as the renderer gets it: its path, zod's (or the schema's) English, and the catalog's key when
 * the catalog writes exactly that English, so every language shows what English shows.
 */
export function fieldIssue(path: string, issue: IssueLike): FieldIssue {
  const byText = BY_TEXT.get(issue.message);
  const ref: MessageRef | null = byText ? { key: byText } : genericRef(issue);
  if (!ref || englishText(ref) !== issue.message || catalogText(messages, ref.key) === undefined) {
    return { path, message: issue.message };
  }
  return { path, message: issue.message, ...ref };
}
