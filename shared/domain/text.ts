/**
 * Text the store and HQ can hold exactly: well-formed UTF-16 (no lone surrogate, which SQLite and PostgreSQL
 * would turn into U+FFFD) and no NUL (PostgreSQL text cannot hold it). Anything else would be acknowledged
 * as saved and then stored as something else, or never reach HQ.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point of this pattern.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type UnstorableText = { path: string; problem: string };

export function textProblem(text: string): string | null {
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
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { path: describePath(path), problem } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findUnstorableText(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const keyProblem = textProblem(key);
      if (keyProblem) return { path: describePath([...path, key]), problem: `has a field name that ${keyProblem}` };
      const found = findUnstorableText(child, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** "notes: contains a NUL character, which cannot be stored" */
export const describeUnstorableText = (found: UnstorableText): string => `${found.path}: ${found.problem}`;
