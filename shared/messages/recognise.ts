import { format, isValid, parse } from 'date-fns';
import { catalogText, englishText, type MessageKey, type MessageParams, type MessageRef } from '.';
import { messages } from './en';

/** Plain values, and calendar dates, whose English ("Mar 1, 2027") reads back to YYYY-MM-DD. */
const PLACEHOLDER = /\{\{\s*(\w+)\s*(?:,\s*(date)\s*)?\}\}/g;
const ENGLISH_DATE = '([A-Z][a-z]{2} \\d{1,2}, \\d{4})';

function isoDateOf(english: string): string {
  const day = parse(english, 'MMM d, yyyy', new Date(2000, 0, 1));
  return isValid(day) ? format(day, 'yyyy-MM-dd') : english;
}
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The templates of a key: itself, or its plural forms. Only plain `{{value}}`s and `{{value, date}}`s read back. */
function templatesOf(key: MessageKey): string[] {
  const forms = [key, `${key}_one`, `${key}_other`].flatMap((k) => catalogText(messages, k) ?? []);
  return forms.filter((template) => !/\{\{\s*\w+\s*,(?!\s*date\s*\}\})/.test(template));
}

function paramsFrom(template: string, text: string): MessageParams | null {
  const names: Array<{ name: string; date: boolean }> = [];
  let pattern = '';
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const date = match[2] === 'date';
    pattern += `${escapeRegExp(template.slice(last, match.index))}${date ? ENGLISH_DATE : '(.*?)'}`;
    names.push({ name: match[1] as string, date });
    last = (match.index ?? 0) + match[0].length;
  }
  pattern += escapeRegExp(template.slice(last));
  const found = new RegExp(`^${pattern}$`, 's').exec(text);
  if (!found) return null;
  const params: Record<string, string | number> = {};
  names.forEach(({ name, date }, i) => {
    const value = found[i + 1] ?? '';
    // A plural's count must be a number for its form to be chosen.
    params[name] = date ? isoDateOf(value) : name === 'count' && /^\d+$/.test(value) ? Number(value) : value;
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
