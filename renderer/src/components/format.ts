/**
 * How the app writes dates, times and sizes for people, in the interface's language: one date format
 * everywhere ("Mar 1, 2027"; Spanish "1 de marzo de 2027"), moments with their year ("Mar 1, 2027, 2:05 PM"),
 * sizes in decimal MB. Date inputs keep the browser's own format.
 */
import { currentLanguage } from '../i18n';
import { INTL_LOCALE, type Language } from '../i18n/languages';

export { formatFileSize } from '../../../shared/domain/file-size';

/** English abbreviates the month; Spanish writes it out, as CBP's Spanish documents do. */
const DATE_PARTS: Record<Language, Intl.DateTimeFormatOptions> = {
  en: { year: 'numeric', month: 'short', day: 'numeric' },
  es: { year: 'numeric', month: 'long', day: 'numeric' },
};

type Formats = {
  calendarDate: Intl.DateTimeFormat;
  localDate: Intl.DateTimeFormat;
  time: Intl.DateTimeFormat;
  dateTime: Intl.DateTimeFormat;
};
const cache = new Map<Language, Formats>();
function formats(): Formats {
  const language = currentLanguage();
  let found = cache.get(language);
  if (!found) {
    const locale = INTL_LOCALE[language];
    const parts = DATE_PARTS[language];
    found = {
      calendarDate: new Intl.DateTimeFormat(locale, { ...parts, timeZone: 'UTC' }),
      localDate: new Intl.DateTimeFormat(locale, parts),
      time: new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', second: '2-digit' }),
      dateTime: new Intl.DateTimeFormat(locale, { ...parts, hour: 'numeric', minute: '2-digit' }),
    };
    cache.set(language, found);
  }
  return found;
}

/** Calendar dates are stored as YYYY-MM-DD and shown without shifting them into the local time zone. */
export const formatDate = (isoDate: string): string => formats().calendarDate.format(new Date(`${isoDate}T00:00:00Z`));
/** The day a moment fell on this computer's calendar, e.g. "Mar 1, 2027" for a submission time. */
export const formatLocalDate = (isoDateTime: string): string => formats().localDate.format(new Date(isoDateTime));
export const formatTime = (isoDateTime: string): string => formats().time.format(new Date(isoDateTime));
/** A moment in local time, e.g. "Nov 23, 2026, 2:05 PM": the same date format, with the time it happened. */
export const formatDateTime = (isoDateTime: string): string => formats().dateTime.format(new Date(isoDateTime));

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** A length of time in the largest unit that keeps it a whole number of two or more, e.g. "3 hours", "2 días". */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  const [unit, size] =
    abs >= 2 * DAY_MS
      ? (['day', DAY_MS] as const)
      : abs >= 2 * HOUR_MS
        ? (['hour', HOUR_MS] as const)
        : (['minute', MINUTE_MS] as const);
  return new Intl.NumberFormat(INTL_LOCALE[currentLanguage()], { style: 'unit', unit, unitDisplay: 'long' }).format(
    Math.round(abs / size),
  );
}
