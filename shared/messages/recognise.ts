import { catalogText, englishText, type MessageKey, type MessageParams, type MessageRef } from '.';
import { messages } from './en';

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The templates of a key: itself, or its plural forms. Only templates with plain `{{value}}` can be read back. */
function templatesOf(key: MessageKey): string[] {
  const forms = [key, `${key}_one`, `${key}_other`].flatMap((k) => catalogText(messages, k) ?? []);
  return forms.filter((template) => !/\{\{\s*\w+\s*,/.test(template));
}

function paramsFrom(template: string, text: string): MessageParams | null {
  const names: string[] = [];
  let pattern = '';
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    pattern += `${escapeRegExp(template.slice(last, match.index))}(.*?)`;
    names.push(match[1] as string);
    last = (match.index ?? 0) + match[0].length;
  }
  pattern += escapeRegExp(template.slice(last));
  const found = new RegExp(`^${pattern}$`, 's').exec(text);
  if (!found) return null;
  const params: Record<string, string | number> = {};
  names.forEach((name, i) => {
    const value = found[i + 1] ?? '';
    // A plural's count must be a number for its form to be chosen.
    params[name] = name === 'count' && /^\d+$/.test(value) ? Number(value) : value;
  });
  return params;
}

/**
 * The message an English text was written from, among `keys`: for text stored before it carried its key (a sync
 * error, a reason set aside on this computer), so older records read in the interface's language too. Null when
 * none of them writes exactly that text.
 */
export function recogniseMessage(text: string, keys: readonly MessageKey[]): MessageRef | null {
  for (const key of keys) {
    for (const template of templatesOf(key)) {
      const params = paramsFrom(template, text);
      if (!params) continue;
      const ref: MessageRef = Object.keys(params).length > 0 ? { key, params } : { key };
      if (englishText(ref) === text) return ref;
    }
  }
  return null;
}
