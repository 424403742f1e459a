import { fill, REPORT_LOCALE, REPORT_TEXT, type ReportLanguage } from './i18n';

/**
 * How every format writes dates. Times are shown in UTC, marked as such: a signed report must read the same
 * wherever it is opened, and the SCSS, the reviewer and the Member may be in different time zones.
 */

const DATE_FORMATS: Record<ReportLanguage, Intl.DateTimeFormat> = {
  // "Mar 10, 2026", the app's one English date format.
  en: new Intl.DateTimeFormat(REPORT_LOCALE.en, { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }),
  // "10 de marzo de 2026", as CBP's Spanish letters write it.
  es: new Intl.DateTimeFormat(REPORT_LOCALE.es, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** "Mar 10, 2026" (or "10 de marzo de 2026") from "2026-03-10" (or from a timestamp's date part). */
export function formatReportDate(isoDate: string | null | undefined, language: ReportLanguage = 'en'): string {
  if (!isoDate) return '—';
  const at = new Date(`${isoDate.slice(0, 10)}T00:00:00.000Z`);
  return /^\d{4}-\d{2}-\d{2}/.test(isoDate) && !Number.isNaN(at.getTime())
    ? DATE_FORMATS[language].format(at)
    : isoDate;
}

/** "Mar 10, 2026, 14:05 UTC" (or "10 de marzo de 2026, 14:05 UTC") from an ISO timestamp. */
export function formatReportDateTime(iso: string | null | undefined, language: ReportLanguage = 'en'): string {
  if (!iso) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const utc = at.toISOString();
  return fill(REPORT_TEXT[language].dateTime, { date: formatReportDate(utc, language), time: utc.slice(11, 16) });
}

/** A calendar date as a Date at midnight UTC, which spreadsheets store as that day whatever the time zone. */
export function reportDateValue(isoDate: string | null | undefined): Date | null {
  if (!isoDate) return null;
  const at = new Date(`${isoDate.slice(0, 10)}T00:00:00.000Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** A file name for the report: member, date, audience, never a character a file system refuses. */
export function reportFileStem(memberName: string, validationDate: string, audience: 'MEMBER' | 'INTERNAL'): string {
  const member =
    memberName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'Member';
  return `CTPAT-validation-${member}-${validationDate}-${audience === 'MEMBER' ? 'member' : 'internal'}`;
}
