import { type Message, message } from '../../messages';
import { currentReviewAnniversary, revalidationDueOn, reviewDueOn, reviewWindowOpens } from './calendar';
import type { ExtensionEntry, MemberRecordState, ProfileReviewEntry } from './fold';

export const PROFILE_REVIEW_STATES = ['NOT_OPEN', 'OPEN', 'RECEIVED', 'RETURNED', 'APPROVED', 'OVERDUE'] as const;
export type ProfileReviewState = (typeof PROFILE_REVIEW_STATES)[number];

/** This year's security-profile review as of a day: its window, due date (extensions counted) and where it is. */
export type ProfileReviewView = {
  anniversaryOn: string;
  windowOpensOn: string;
  dueOn: string;
  state: ProfileReviewState;
  grantedDays: number;
  /** The request waiting for a decision, if any. */
  pendingExtension: ExtensionEntry | null;
  entries: ProfileReviewEntry[];
};

export function profileReviewView(
  record: MemberRecordState,
  today: string,
  anniversaryOn?: string,
): ProfileReviewView | null {
  if (!record.certifiedOn) return null;
  const on = anniversaryOn ?? currentReviewAnniversary(record.certifiedOn, today);
  const extensions = record.extensions.filter((e) => e.anniversaryOn === on);
  const grantedDays = extensions.filter((e) => e.decision === 'GRANTED').reduce((sum, e) => sum + e.days, 0);
  const entries = record.reviews.filter((r) => r.anniversaryOn === on);
  const windowOpensOn = reviewWindowOpens(on);
  const dueOn = reviewDueOn(on, grantedDays);
  const last = entries.at(-1)?.outcome ?? null;
  const state: ProfileReviewState =
    last === 'APPROVED'
      ? 'APPROVED'
      : last === 'RECEIVED'
        ? 'RECEIVED'
        : today > dueOn
          ? 'OVERDUE'
          : last === 'RETURNED'
            ? 'RETURNED'
            : today < windowOpensOn
              ? 'NOT_OPEN'
              : 'OPEN';
  return {
    anniversaryOn: on,
    windowOpensOn,
    dueOn,
    state,
    grantedDays,
    pendingExtension: extensions.find((e) => e.decision === 'PENDING') ?? null,
    entries,
  };
}

/** The next validation's due date, honouring an earlier date only for the validation cycle it was set in. */
export function nextValidationDueOn(record: MemberRecordState): string | null {
  const sooner =
    record.soonerRevalidation && record.soonerRevalidation.afterValidationOn === record.lastValidatedOn
      ? record.soonerRevalidation.dueOn
      : null;
  return revalidationDueOn({
    certifiedOn: record.certifiedOn,
    lastValidatedOn: record.lastValidatedOn,
    soonerDueOn: sooner,
  });
}

/** Why a new validation of this Member cannot start, or null. */
export function validationStartRefusal(record: MemberRecordState): Message | null {
  return record.status === 'REMOVED' ? message('memberRecord.removedCannotValidate') : null;
}
