/** The first 12 hex digits of a SHA-256: enough to tell files apart on screen; the full one is in the title. */
export const shortSha = (sha256: string): string => `${sha256.slice(0, 12)}…`;

/** Today as YYYY-MM-DD on this computer's calendar (a response received "today" is today here). */
export const localToday = (): string => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};
