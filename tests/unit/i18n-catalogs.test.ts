import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../renderer/src/i18n/languages';
import { en } from '../../renderer/src/i18n/locales/en';
import { es } from '../../renderer/src/i18n/locales/es';
import { flattenCatalog } from './catalog-keys';

const RENDERER = path.resolve(__dirname, '../../renderer/src');
const CATALOGS: Record<Language, object> = { en, es };

/**
 * Renderer files whose text is still written inline, waiting to move into the catalogs. The list only shrinks:
 * a file on it that has no literal left fails the check, so it must come off.
 */
const NOT_YET_TRANSLATED = new Set(
  readFileSync(path.join(RENDERER, 'i18n/not-yet-translated.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#')),
);

const flatten = flattenCatalog;

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
/** A plural key's base ("members.matching" for "members.matching_one"), or the key itself. */
const baseKey = (key: string) => key.replace(PLURAL_SUFFIX, '');

/** Every .ts and .tsx file of the renderer, relative to renderer/src, the catalogs themselves left out. */
function sourceFiles(dir = RENDERER): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path.relative(RENDERER, full));
  }
  return files.filter((file) => !file.startsWith(`i18n${path.sep}locales`));
}

/** Attributes a person reads or hears, and the app's own components' props that show text. */
const READ_ATTRIBUTES = new Set([
  'caption',
  'summary',
  'legend',
  'hint',
  'text',
  'emptyText',
  'description',
  'header',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
  'heading',
]);
const hasWords = (text: string) => /\p{L}{2,}/u.test(text);

/**
 * String and template literals an expression shows as they are: itself, either branch of a ?:, either side of
 * && || ??, recursively. A literal passed to a call (t('key'), classes, ids) is not shown as it is.
 */
function shownLiterals(expression: ts.Expression): ts.Expression[] {
  if (ts.isParenthesizedExpression(expression)) return shownLiterals(expression.expression);
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) {
    return hasWords(expression.text) ? [expression] : [];
  }
  if (ts.isTemplateExpression(expression)) {
    const text = [expression.head.text, ...expression.templateSpans.map((span) => span.literal.text)].join(' ');
    return hasWords(text) ? [expression] : [];
  }
  if (ts.isConditionalExpression(expression)) {
    return [...shownLiterals(expression.whenTrue), ...shownLiterals(expression.whenFalse)];
  }
  if (ts.isBinaryExpression(expression)) {
    const op = expression.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return shownLiterals(expression.right);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
      return [...shownLiterals(expression.left), ...shownLiterals(expression.right)];
    }
  }
  return [];
}

const userFacingLiterals = (file: string) => literalsIn(file, readFileSync(path.join(RENDERER, file), 'utf8'));

/** Text in a file's JSX that a person would read: text between tags, read attributes, string children. */
function literalsIn(file: string, text: string): string[] {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) found.push(node.text.trim());
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
      const value = node.initializer;
      const literal = ts.isJsxExpression(value) ? value.expression : value;
      if (
        literal &&
        (ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal) || ts.isTemplateExpression(literal))
      ) {
        if (hasWords(literal.getText(source))) found.push(literal.getText(source));
      }
    }
    // Attributes are judged above, by name; this is what an element shows between its tags.
    if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      for (const literal of shownLiterals(node.expression)) found.push(literal.getText(source));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

// Parsing every renderer file takes seconds on a busy 2-core machine.
describe('the interface catalogs', { timeout: 60_000 }, () => {
  const keys = Object.fromEntries(LANGUAGES.map((l) => [l, flatten(CATALOGS[l])])) as Record<
    Language,
    Map<string, string>
  >;

  it('have the same keys in every language, plurals in each language’s own forms', () => {
    const bases = (l: Language) => new Set([...keys[l].keys()].map(baseKey));
    for (const language of LANGUAGES) {
      const missing = [...bases('en')].filter((key) => !bases(language).has(key));
      const extra = [...bases(language)].filter((key) => !bases('en').has(key));
      expect({ language, missing, extra }).toEqual({ language, missing: [], extra: [] });

      const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const plurals = new Set([...keys[language].keys()].filter((k) => PLURAL_SUFFIX.test(k)).map(baseKey));
      const incomplete = [...plurals].filter((base) => forms.some((form) => !keys[language].has(`${base}_${form}`)));
      expect({ language, incomplete }).toEqual({ language, incomplete: [] });
    }
  });

  it('have no empty text and keep every {{placeholder}} of the English in each translation', () => {
    // "{{due, date}}" is kept as "due, date": a translation writes the same value the same way.
    const placeholders = (text: string) =>
      [...text.matchAll(/\{\{\s*(\w+)\s*(?:,\s*(\w+)\s*)?\}\}/g)].map((m) => (m[2] ? `${m[1]}, ${m[2]}` : m[1])).sort();
    for (const language of LANGUAGES) {
      for (const [key, text] of keys[language]) {
        expect(text.trim(), `${language} ${key}`).not.toBe('');
        const english = keys.en.get(key) ?? keys.en.get(`${baseKey(key)}_other`) ?? '';
        // A singular may say "one" in words instead of {{count}}.
        const expected = placeholders(english).filter((p) => !(key.endsWith('_one') && p === 'count'));
        const got = placeholders(text).filter((p) => !(key.endsWith('_one') && p === 'count'));
        expect(got, `${language} ${key}`).toEqual(expected);
      }
    }
  });

  it('have no key the renderer never uses', () => {
    const sources = sourceFiles().map((file) => readFileSync(path.join(RENDERER, file), 'utf8'));
    const all = sources.join('\n');
    // t(`domain.entityType.${code}`) uses every key under domain.entityType.
    const prefixes = [...all.matchAll(/`([a-zA-Z0-9_.]+)\.\$\{/g)].map((m) => `${m[1]}.`);
    const unused = [...new Set([...keys.en.keys()].map(baseKey))].filter(
      (key) => !all.includes(`'${key}'`) && !all.includes(`"${key}"`) && !prefixes.some((p) => key.startsWith(p)),
    );
    expect(unused).toEqual([]);
  });
});

describe('the renderer', { timeout: 60_000 }, () => {
  it('has no text for people outside the catalogs, except in files not yet translated', () => {
    const files = sourceFiles();
    const offenders = files
      .filter((file) => !NOT_YET_TRANSLATED.has(file.split(path.sep).join('/')))
      .map((file) => ({ file, literals: userFacingLiterals(file) }))
      .filter((f) => f.literals.length > 0);
    expect(offenders).toEqual([]);
  });

  it('lists as not yet translated only files that exist and still hold text', () => {
    const files = new Set(sourceFiles().map((file) => file.split(path.sep).join('/')));
    const stale = [...NOT_YET_TRANSLATED].filter((file) => !files.has(file) || userFacingLiterals(file).length === 0);
    expect(stale).toEqual([]);
  });

  it('finds the kinds of text it is meant to find', () => {
    // The check itself must be able to fail: each kind of literal is reported, translated text and symbols are not.
    const probe = `export const P = ({ i }: { i: number }) => (
      <form aria-label="Find Members">
        <button type="submit">Save settings</button>
        <input aria-label={\`Label of reason \${i + 1}\`} title={t('settings.save')} />
        <span aria-hidden="true"> ▲ · 12 </span>
        {'Remove'}
        {done ? 'Yes' : \`\${n} left\`}
        <p className={done ? 'probe--done' : 'probe'}>{t('settings.intro')}</p>
      </form>
    );`;
    expect(literalsIn('probe.tsx', probe)).toEqual([
      '"Find Members"',
      'Save settings',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the template's source text, as the check reports it
      '`Label of reason ${i + 1}`',
      "'Remove'",
      "'Yes'",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the template's source text, as the check reports it
      '`${n} left`',
    ]);
  });
});
