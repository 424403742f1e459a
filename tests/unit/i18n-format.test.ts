import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDuration } from '../../renderer/src/components/format';
import { i18n } from '../../renderer/src/i18n';
import { formatCount, formatPercent, formatRatio } from '../../renderer/src/screens/dashboard/figures';
import { reasonLabelIn } from '../../shared/domain/reason-label';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('dates and figures follow the interface language', () => {
  it('writes calendar dates as "Mar 1, 2027" in English and "1 de marzo de 2027" in Spanish', async () => {
    expect(formatDate('2027-03-01')).toBe('Mar 1, 2027');
    await i18n.changeLanguage('es');
    expect(formatDate('2027-03-01')).toBe('1 de marzo de 2027');
    expect(formatDate('2028-02-29')).toBe('29 de febrero de 2028');
  });

  it('writes a moment in Spanish with its day, month, year and time', async () => {
    await i18n.changeLanguage('es');
    const noonLocal = new Date(2027, 2, 1, 12, 5).toISOString();
    expect(formatDateTime(noonLocal)).toBe('1 de marzo de 2027 a las 12:05');
  });

  it('writes percentages and counts with each language’s separators', async () => {
    expect(formatPercent(13.48)).toBe('13.48%');
    expect(formatCount(12_345)).toBe('12,345');
    expect(formatRatio(2.5)).toBe('2.50');
    await i18n.changeLanguage('es');
    expect(formatPercent(13.48)).toBe('13,48\u00a0%');
    expect(formatCount(12_345)).toBe('12.345');
    expect(formatRatio(2.5)).toBe('2,50');
  });

  it('says how far a clock is off in Spanish words', async () => {
    await i18n.changeLanguage('es');
    expect(formatDuration(3 * 3_600_000)).toBe('3 horas');
    expect(formatDuration(-(12 * 86_400_000))).toBe('12 días');
  });
});

describe('plurals come from Intl.PluralRules', () => {
  it('chooses one or other in English', () => {
    expect(i18n.t('members.matching', { count: 1 })).toBe('1 validation matches.');
    expect(i18n.t('members.matching', { count: 0 })).toBe('0 validations match.');
    expect(i18n.t('members.matching', { count: 2 })).toBe('2 validations match.');
  });

  it('chooses one, many or other in Spanish', async () => {
    await i18n.changeLanguage('es');
    expect(i18n.t('members.matching', { count: 1 })).toBe('1 validación coincide.');
    expect(i18n.t('members.matching', { count: 3 })).toBe('3 validaciones coinciden.');
    expect(i18n.t('settings.policy.days', { count: 1 })).toBe('1 día');
    expect(i18n.t('settings.policy.days', { count: 1_000_000 })).toBe('1000000 días');
    expect(i18n.t('members.openWarning.heading', { member: 'Transportes Rápidos', count: 2 })).toBe(
      'Transportes Rápidos ya tiene 2 validaciones abiertas',
    );
  });

  it('falls back to English for a language it does not have', async () => {
    await i18n.changeLanguage('fr');
    expect(i18n.t('nav.members')).toBe('Members');
  });
});

describe('deficiency reason names', () => {
  it('are Spanish for the default reasons while their label is the default, and as written otherwise', () => {
    expect(reasonLabelIn('es', { code: 'PARTIALLY_IMPLEMENTED', label: 'Partially implemented' })).toBe(
      'Implementado parcialmente',
    );
    expect(reasonLabelIn('es', { code: 'PARTIALLY_IMPLEMENTED', label: 'Half done' })).toBe('Half done');
    expect(reasonLabelIn('es', { code: 'SEAL_LOG', label: 'Seal log gaps' })).toBe('Seal log gaps');
    expect(reasonLabelIn('en', { code: 'PARTIALLY_IMPLEMENTED', label: 'Partially implemented' })).toBe(
      'Partially implemented',
    );
  });
});
