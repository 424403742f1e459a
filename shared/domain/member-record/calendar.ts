import { addDays, addYears, formatISO, parseISO } from 'date-fns';

/**
 * The dates of a Member's CTPAT year (../shared/domain/ctpat-facts.md §2.1): the annual security-profile review
 * window opens 90 days before the certification anniversary (portal manual); an extension of 30, 60, 90 or 120
 * days moves the review's due date; the first validation is due within one year of certification (OIG-12-86) and
 * a revalidation at least once in every four years after the last validation (6 U.S.C. § 969).
 */
export const PROFILE_REVIEW_WINDOW_DAYS = 90;
export const EXTENSION_DAYS = [30, 60, 90, 120] as const;
export type ExtensionDays = (typeof EXTENSION_DAYS)[number];
export const FIRST_VALIDATION_YEARS = 1;
export const REVALIDATION_YEARS = 4;

const iso = (date: Date): string => formatISO(date, { representation: 'date' });

/**
 * The n-th certification anniversary. date-fns keeps the day and clamps to the month's end, so a Member
 * certified on 29 February has its anniversary on 28 February in a common year and on the 29th in a leap year.
 */
export function anniversary(certifiedOn: string, n: number): string {
  return iso(addYears(parseISO(certifiedOn), n));
}

/** The day the profile review window for the review due on `anniversaryOn` opens. */
export const reviewWindowOpens = (anniversaryOn: string): string =>
  iso(addDays(parseISO(anniversaryOn), -PROFILE_REVIEW_WINDOW_DAYS));

/** The review's due date: the anniversary, moved by the extension days granted for it. */
export const reviewDueOn = (anniversaryOn: string, grantedDays: number): string =>
  iso(addDays(parseISO(anniversaryOn), grantedDays));

/**
 * The anniversary whose review is the one to watch on `today`: the latest one whose window has opened, or the
 * first anniversary while no window has opened yet (a Member certified this year).
 */
export function currentReviewAnniversary(certifiedOn: string, today: string): string {
  let current = anniversary(certifiedOn, 1);
  for (let n = 2; ; n += 1) {
    const next = anniversary(certifiedOn, n);
    if (reviewWindowOpens(next) > today) return current;
    current = next;
  }
}

/** Every anniversary falling in a calendar year, for the year's work plan (one at most; none before the first). */
export function anniversaryInYear(certifiedOn: string, year: number): string | null {
  const n = year - Number(certifiedOn.slice(0, 4));
  return n >= 1 ? anniversary(certifiedOn, n) : null;
}

/**
 * When the next validation is due: within a year of certification while the Member has never been validated,
 * then four years after the last validation, or sooner when a supervisor set an earlier date after it.
 */
export function revalidationDueOn(input: {
  certifiedOn: string | null;
  lastValidatedOn: string | null;
  soonerDueOn: string | null;
}): string | null {
  const { certifiedOn, lastValidatedOn, soonerDueOn } = input;
  const statutory = lastValidatedOn
    ? iso(addYears(parseISO(lastValidatedOn), REVALIDATION_YEARS))
    : certifiedOn
      ? iso(addYears(parseISO(certifiedOn), FIRST_VALIDATION_YEARS))
      : null;
  if (soonerDueOn && (statutory === null || soonerDueOn < statutory)) return soonerDueOn;
  return statutory;
}

/** The latest date a supervisor may set as an earlier revalidation: four years after the last validation. */
export const latestRevalidationDueOn = (lastValidatedOn: string): string =>
  iso(addYears(parseISO(lastValidatedOn), REVALIDATION_YEARS));
