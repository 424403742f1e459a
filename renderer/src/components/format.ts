/**
 * How the app writes dates, times and sizes for people: one date format everywhere ("Mar 1, 2027"), moments with
 * their year ("Mar 1, 2027, 2:05 PM"), sizes in decimal MB. Date inputs keep the browser's own format.
 */
export { formatFileSize } from '../../../shared/domain/file-size';

const DATE_PARTS = { year: 'numeric', month: 'short', day: 'numeric' } as const;
const calendarDateFormat = new Intl.DateTimeFormat('en-US', { ...DATE_PARTS, timeZone: 'UTC' });
const localDateFormat = new Intl.DateTimeFormat('en-US', DATE_PARTS);
const timeFormat = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', second: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat('en-US', { ...DATE_PARTS, hour: 'numeric', minute: '2-digit' });

/** Calendar dates are stored as YYYY-MM-DD and shown without shifting them into the local time zone. */
export const formatDate = (isoDate: string): string => calendarDateFormat.format(new Date(`${isoDate}T00:00:00Z`));
/** The day a moment fell on this computer's calendar, e.g. "Mar 1, 2027" for a submission time. */
export const formatLocalDate = (isoDateTime: string): string => localDateFormat.format(new Date(isoDateTime));
export const formatTime = (isoDateTime: string): string => timeFormat.format(new Date(isoDateTime));
/** A moment in local time, e.g. "Nov 23, 2026, 2:05 PM": the same date format, with the time it happened. */
export const formatDateTime = (isoDateTime: string): string => dateTimeFormat.format(new Date(isoDateTime));
