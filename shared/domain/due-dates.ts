import { addDays, formatISO, parseISO, subDays } from 'date-fns';
import { type Message, message } from '../messages';

/** The Member's response deadline: `days` calendar days after the report date (default 90, configurable). */
export function defaultDueDate(reportDate: string, days: number): string {
  return formatISO(addDays(parseISO(reportDate), days), { representation: 'date' });
}

/** Today's calendar date where the SCSS is (not UTC), as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  return formatISO(now, { representation: 'date' });
}

/**
 * The latest calendar day a laptop could read as today at the UTC time `atIso`: the UTC date, or the day after it
 * east of UTC. HQ bounds the past-tense dates a laptop sends ("received on", "certified on") with it.
 */
export const latestLocalDayAt = (atIso: string): string =>
  formatISO(addDays(parseISO(atIso.slice(0, 10)), 1), { representation: 'date' });

/**
 * The earliest date the report can carry while the SCSS still edits findings: the report is dated on the day a
 * supervisor approves it (workflow-service), which is today at the earliest. Findings cannot change once approved.
 */
export const earliestReportDate = (today: string): string => today;

/**
 * The earliest calendar day a laptop could read as today at the UTC time `atIso`: the UTC date, or the day before it
 * west of UTC. HQ bounds the dates a laptop sends that may not precede an event with it.
 */
export const earliestLocalDayAt = (atIso: string): string =>
  formatISO(subDays(parseISO(atIso.slice(0, 10)), 1), { representation: 'date' });

/**
 * HQ's bound for a finding recorded at `createdAtIso` (UTC): the SCSS's laptop refused dates before its own
 * local today, which can be one day behind the UTC date, and today was never before the day the finding was made.
 */
export const earliestReportDateAtHq = earliestLocalDayAt;

/** Why a response due date is refused (it is before the report date), in plain words; null when it is fine. */
export function dueDateBeforeReportRefusal(dueDate: string, earliestReport: string): Message | null {
  if (dueDate >= earliestReport) return null;
  return message('dueDate.beforeReport', { due: dueDate, earliest: earliestReport });
}
