/**
 * Text the store and HQ can hold exactly: well-formed UTF-16 (no lone surrogate, which SQLite and PostgreSQL
 * would turn into U+FFFD) and no NUL (PostgreSQL text cannot hold it). Anything else would be acknowledged
 * as saved and then stored as something else, or never reach HQ.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point of this pattern.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type UnstorableText = { path: string; problem: string };

/**
 * The common case, answered without the pattern: a well-formed string with no NUL. Every string of every
 * request and every save is checked, so this is most of what the check costs (ES2024; Node 20, Chromium 111).
 */
const storable = (text: string): boolean =>
  (text as string & { isWellFormed(): boolean }).isWellFormed() && !text.includes('\u0000');

export function textProblem(text: string): string | null {
  if (storable(text)) return null;
  const match = UNSTORABLE.exec(text);
  if (!match) return null;
  return match[0] === '\u0000'
    ? 'contains a NUL character, which cannot be stored'
    : 'contains a broken character (a lone UTF-16 surrogate), which cannot be stored';
}

const describePath = (path: readonly (string | number)[]): string => (path.length ? path.join('.') : 'value');

/**
 * The first string (or object key) anywhere in a JSON-like value that cannot be stored exactly, named by
 * its path ("notes", "participants.2.name"), or null when every string is storable.
 */
export function findUnstorableText(value: unknown, path: (string | number)[] = []): UnstorableText | null {
  // Paths are built only for a value that has a problem: walking with them costs an array per field.
  return allStorable(value) ? null : locateUnstorableText(value, path);
}

function allStorable(value: unknown): boolean {
  if (typeof value === 'string') return storable(value);
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) if (!allStorable(value[i])) return false;
    return true;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (!storable(key) || !allStorable((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

function locateUnstorableText(value: unknown, path: (string | number)[]): UnstorableText | null {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { path: describePath(path), problem } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = locateUnstorableText(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const keyProblem = textProblem(key);
      if (keyProblem) return { path: describePath([...path, key]), problem: `has a field name that ${keyProblem}` };
      const found = locateUnstorableText(child, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** "notes: contains a NUL character, which cannot be stored" */
export const describeUnstorableText = (found: UnstorableText): string => `${found.path}: ${found.problem}`;
