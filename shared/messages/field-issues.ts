import type { FieldIssue } from '../ipc/envelope';
import { englishText, type MessageKey, type MessageRef } from '.';
import { messages } from './en';
import { recogniseMessage } from './recognise';

/** Every field message of the catalog, found by its English: "Use a date in …" → fields.isoDate. */
const FIELD_KEYS = Object.keys(messages.fields).map((name) => `fields.${name}` as MessageKey);

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
 * the catalog writes exactly that English (a schema's own words with their values read back), so every language
 * shows what English shows.
 */
export function fieldIssue(path: string, issue: IssueLike): FieldIssue {
  const generic = genericRef(issue);
  const ref = generic && englishText(generic) === issue.message ? generic : recogniseMessage(issue.message, FIELD_KEYS);
  return ref ? { path, message: issue.message, ...ref } : { path, message: issue.message };
}
