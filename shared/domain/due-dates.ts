import { addDays, formatISO, parseISO } from 'date-fns';

/** The Member's response deadline: `days` calendar days after the report date (default 90, configurable). */
export function defaultDueDate(reportDate: string, days: number): string {
  return formatISO(addDays(parseISO(reportDate), days), { representation: 'date' });
}

/** Today's calendar date where the SCSS is (not UTC), as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  return formatISO(now, { representation: 'date' });
}
