import { type Message, message } from '../shared/messages';

/** A laptop's clock may run a little ahead of HQ's; a time stated later than this past HQ's clock is refused. */
export const LAPTOP_CLOCK_SLACK_MS = 24 * 60 * 60 * 1000;

export const aheadOfHqClock = (iso: string, now: Date): boolean =>
  Date.parse(iso) > now.getTime() + LAPTOP_CLOCK_SLACK_MS;

/** A payload's own times: `at` and every top-level `…At` field (dates such as due dates may lie ahead). */
const isTimeField = (field: string): boolean => field === 'at' || /^[a-z]+At$/.test(field);

/**
 * Why a pushed payload is refused for a time it says something happened that has not happened yet by HQ's
 * clock (more than a day ahead), naming the field; null when every time it states has passed.
 */
export function timeAheadOfHqClock(payload: Record<string, unknown>, now: Date): Message | null {
  for (const [field, value] of Object.entries(payload)) {
    if (!isTimeField(field) || typeof value !== 'string' || !aheadOfHqClock(value, now)) continue;
    return message('hqReason.timeAheadOfHq', { field, value, hqNow: now.toISOString() });
  }
  return null;
}
