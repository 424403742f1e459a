import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findUnstorableText, textProblem } from '../../shared/domain/text';
import { propertyRun, propertyTimeout } from '../property-runs';

// biome-ignore lint/suspicious/noControlCharactersInRegex: the definition the fast check must agree with.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const text = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom('a', '\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '😀', 'é') }),
);

/** The check every request and save runs: without the pattern for storable text, the same answer as with it. */
describe('storable text', () => {
  it(
    'finds a problem exactly where the pattern does',
    () => {
      fc.assert(
        fc.property(text, (value) => {
          expect(textProblem(value) !== null).toBe(UNSTORABLE.test(value));
        }),
        propertyRun({ numRuns: 5_000, seed: 8 }),
      );
    },
    propertyTimeout(5_000),
  );

  it(
    'names the first unstorable string or field name by its path, and nothing in storable values',
    () => {
      const value = { a: ['ok', { b: 'fine', c: ['x', 'bad\uD800'] }], d: 'a\u0000' };
      expect(findUnstorableText(value)?.path).toBe('a.1.c.1');
      expect(findUnstorableText({ ok: ['😀', { 'e\u0301': 1 }] })).toBeNull();
      expect(findUnstorableText({ 'k\uDC00': 1 })).toEqual({
        path: 'k\uDC00',
        problem: 'has a field name that contains a broken character (a lone UTF-16 surrogate), which cannot be stored',
      });
      fc.assert(
        fc.property(fc.jsonValue(), (json) => {
          const walk = (v: unknown): boolean =>
            typeof v === 'string'
              ? !UNSTORABLE.test(v)
              : Array.isArray(v)
                ? v.every(walk)
                : v !== null && typeof v === 'object'
                  ? Object.entries(v).every(([k, c]) => !UNSTORABLE.test(k) && walk(c))
                  : true;
          expect(findUnstorableText(json) === null).toBe(walk(json));
        }),
        propertyRun({ numRuns: 1_000, seed: 8 }),
      );
    },
    propertyTimeout(5_000),
  );
});
