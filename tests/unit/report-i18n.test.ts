import { describe, expect, it } from 'vitest';
import { formatReportDate, formatReportDateTime } from '../../shared/report/format';
import { fill, plural, REPORT_DOMAIN_LABELS, REPORT_TEXT, type ReportLanguage } from '../../shared/report/i18n';

/** Every text of a catalog by its dotted key: "cover.member" → "Member". */
function flatten(catalog: object, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') keys.set(full, value);
    else for (const [k, v] of flatten(value as object, full)) keys.set(k, v);
  }
  return keys;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const LANGUAGES = Object.keys(REPORT_TEXT) as ReportLanguage[];
const english = flatten(REPORT_TEXT.en);

describe('the report text catalog', () => {
  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has every English key and no other', (language) => {
    expect([...flatten(REPORT_TEXT[language]).keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each(LANGUAGES)('%s keeps every English placeholder in each text, and adds none', (language) => {
    const translated = flatten(REPORT_TEXT[language]);
    const wrong = [...english].filter(([key, text]) => {
      const other = translated.get(key) ?? '';
      return placeholders(other).join() !== placeholders(text).join();
    });
    expect(wrong.map(([key]) => key)).toEqual([]);
  });

  it.each(LANGUAGES)('%s leaves no text empty (the page-number suffix aside)', (language) => {
    const empty = [...flatten(REPORT_TEXT[language])].filter(([key, text]) => !text.trim() && key !== 'page.after');
    expect(empty).toEqual([]);
  });

  it('names every domain code in every language', () => {
    for (const language of LANGUAGES) {
      for (const [group, labels] of Object.entries(REPORT_DOMAIN_LABELS[language])) {
        const english = REPORT_DOMAIN_LABELS.en[group as keyof (typeof REPORT_DOMAIN_LABELS)['en']];
        const missing = Object.keys(english).filter((code) => !(labels as Record<string, string>)[code]?.trim());
        expect(missing, `${language} ${group}`).toEqual([]);
      }
    }
  });

  it('fills placeholders and chooses plural forms by the language’s rules', () => {
    expect(fill('{a} and {b}, {c}', { a: 1, b: 'two' })).toBe('1 and two, {c}');
    expect(plural('en', REPORT_TEXT.en.summary.recommendationCount, 1)).toBe('1 recommendation');
    expect(plural('en', REPORT_TEXT.en.summary.recommendationCount, 0)).toBe('0 recommendations');
    expect(plural('es', REPORT_TEXT.es.summary.recommendationCount, 1)).toBe('1 recomendación');
    expect(plural('es', REPORT_TEXT.es.summary.recommendationCount, 2)).toBe('2 recomendaciones');
  });

  it('writes dates through Intl: en-US "Mar 1, 2027", es-MX "1 de marzo de 2027", times in UTC', () => {
    expect(formatReportDate('2027-03-01')).toBe('Mar 1, 2027');
    expect(formatReportDate('2027-03-01', 'es')).toBe('1 de marzo de 2027');
    expect(formatReportDateTime('2026-03-12T18:30:00.000Z', 'es')).toBe('12 de marzo de 2026, 18:30 UTC');
    expect(formatReportDate('not a date', 'es')).toBe('not a date');
    expect(formatReportDate(null, 'es')).toBe('—');
  });
});
