const dateFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const timeFormat = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', second: '2-digit' });

/** Calendar dates are stored as YYYY-MM-DD and shown without shifting them into the local time zone. */
export const formatDate = (isoDate: string): string => dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
export const formatTime = (isoDateTime: string): string => timeFormat.format(new Date(isoDateTime));

const dateTimeFormat = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});
/** A moment in local time, e.g. "Nov 23, 2:05 PM": enough to tell today's sync from last week's. */
export const formatDateTime = (isoDateTime: string): string => dateTimeFormat.format(new Date(isoDateTime));
