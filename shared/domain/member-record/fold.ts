import { type Message, message } from '../../messages';
import { latestLocalDayAt } from '../due-dates';
import type { LanguageCode } from '../language';
import type { UserRole } from '../lifecycle';
import type { ValidationMode } from '../validation';
import { assignmentRefusal } from './assignment';
import { anniversary, revalidationDueOn } from './calendar';
import {
  BEST_PRACTICE_REQUIREMENTS,
  type BestPractice,
  type Contact,
  type MemberRecordChange,
  type MemberRecordChangeKind,
  type MemberRecordEvent,
  type MemberStatus,
  type ProfileReviewOutcome,
} from './events';

export type MemberTier = 1 | 2 | 3;

export type ProfileReviewEntry = {
  anniversaryOn: string;
  outcome: ProfileReviewOutcome;
  on: string;
  comments: string;
  by: string;
};

export type ExtensionEntry = {
  anniversaryOn: string;
  days: number;
  requestedOn: string;
  reason: string;
  requestedBy: string;
  decision: 'PENDING' | 'GRANTED' | 'DENIED';
  decisionComment: string;
  decidedBy: string | null;
};

/** The SCSS a supervisor gave the next validation to, for the validation cycle it was given in. */
export type AssignmentEntry = {
  scss: { userId: string; name: string };
  work: 'VALIDATION' | 'REVALIDATION';
  mode: ValidationMode;
  targetDate: string;
  assignedBy: string;
  /** The last validation date when it was given: an approval after it ends the assignment. */
  afterValidationOn: string | null;
};

/** A Member's CTPAT record: what its changes, applied in order, add up to. */
export type MemberRecordState = {
  /** How many changes the record holds; a change is made against the version it was shown. */
  version: number;
  /** Null until someone records it: Members known only by name and account. */
  status: MemberStatus | null;
  tier: MemberTier | null;
  /** Where a reinstatement returns the Member to. */
  statusBeforeSuspension: MemberStatus | null;
  tierBeforeSuspension: MemberTier | null;
  certifiedOn: string | null;
  lastValidatedOn: string | null;
  approvedValidationIds: string[];
  /** Every validation date on the record, the history's and each approval's: more than one makes a revalidation. */
  validatedOn: string[];
  /** An earlier revalidation date a supervisor set, for the validation cycle it was set in. */
  soonerRevalidation: { dueOn: string; reason: string; afterValidationOn: string | null } | null;
  correspondenceLanguage: LanguageCode | null;
  contacts: Contact[];
  suspension: { effectiveOn: string; reason: string; reinstatementCondition: string } | null;
  removal: { effectiveOn: string; reason: string; reinstatementCondition: string } | null;
  /** The practices behind the current Tier 3. */
  bestPractices: BestPractice[];
  reviews: ProfileReviewEntry[];
  extensions: ExtensionEntry[];
  /** The latest SCSS_ASSIGNED; earlier ones stay in the history. */
  assignment: AssignmentEntry | null;
};

export const EMPTY_MEMBER_RECORD: MemberRecordState = {
  version: 0,
  status: null,
  tier: null,
  statusBeforeSuspension: null,
  tierBeforeSuspension: null,
  certifiedOn: null,
  lastValidatedOn: null,
  approvedValidationIds: [],
  validatedOn: [],
  soonerRevalidation: null,
  correspondenceLanguage: null,
  contacts: [],
  suspension: null,
  removal: null,
  bestPractices: [],
  reviews: [],
  extensions: [],
  assignment: null,
};

/** Why a change was refused: the field it concerns (a path in the change) and what to do, in plain words. */
export type MemberRecordRefusal = { field: string; message: Message };
type Applied = { ok: true; state: MemberRecordState } | { ok: false; refusal: MemberRecordRefusal };

const refuse = (field: string, told: Message): Applied => ({ ok: false, refusal: { field, message: told } });

/** Who may make which change: supervisors decide status, tier, dates and extensions; the SCSS records reviews. */
const SUPERVISOR_ONLY: ReadonlySet<MemberRecordChangeKind> = new Set([
  'HISTORY_SET',
  'CERTIFIED',
  'SUSPENDED',
  'REINSTATED',
  'REMOVED',
  'VALIDATION_APPROVED',
  'TIER_SET',
  'REVALIDATION_DUE_SET',
  'EXTENSION_DECIDED',
  'SCSS_ASSIGNED',
]);
const FIELD_ROLES: ReadonlySet<UserRole> = new Set(['SCSS', 'FIELD_OFFICE_REVIEWER', 'SUPERVISOR']);

/** Null when the role may make the change; a laptop never enrolled (role null) keeps its own records. */
export function memberChangeRoleRefusal(role: UserRole | null, kind: MemberRecordChangeKind): Message | null {
  if (role === null) return null;
  if (SUPERVISOR_ONLY.has(kind)) {
    return role === 'SUPERVISOR' ? null : message('memberRecord.supervisorOnly');
  }
  return FIELD_ROLES.has(role) ? null : message('memberRecord.analystReadsOnly');
}

const isAnniversary = (certifiedOn: string, date: string): boolean => {
  const years = Number(date.slice(0, 4)) - Number(certifiedOn.slice(0, 4));
  return years >= 1 && anniversary(certifiedOn, years) === date;
};

const meetsAll = (p: BestPractice) => BEST_PRACTICE_REQUIREMENTS.every((r) => p.meets.includes(r));

/** Applies one change to the record, or says why it cannot be made. Pure: the laptop and HQ run the same rules. */
export function applyMemberRecordChange(
  state: MemberRecordState,
  change: MemberRecordChange,
  at: string,
  by: string,
): Applied {
  const next = (patch: Partial<MemberRecordState>): Applied => ({
    ok: true,
    state: { ...state, ...patch, version: state.version + 1 },
  });
  const today = latestLocalDayAt(at);
  // An assignment says in its own words why a removed Member cannot be given to an SCSS.
  if (state.status === 'REMOVED' && change.kind !== 'DETAILS_SET' && change.kind !== 'SCSS_ASSIGNED') {
    return refuse('kind', message('memberRecord.removedNoChanges'));
  }
  switch (change.kind) {
    case 'HISTORY_SET': {
      if (state.version > 0) {
        return refuse('kind', message('memberRecord.historyFirst'));
      }
      if (change.status !== 'APPLICANT' && !change.certifiedOn) {
        return refuse('certifiedOn', message('memberRecord.needsCertificationDate'));
      }
      if (change.certifiedOn && change.certifiedOn > today)
        return refuse('certifiedOn', message('memberRecord.certifiedFuture'));
      if (change.lastValidatedOn && change.lastValidatedOn > today) {
        return refuse('lastValidatedOn', message('memberRecord.lastFuture'));
      }
      if (change.lastValidatedOn && change.certifiedOn && change.lastValidatedOn < change.certifiedOn) {
        return refuse('lastValidatedOn', message('memberRecord.lastBeforeCertified'));
      }
      const expectedTier = { APPLICANT: [null], CERTIFIED: [1], VALIDATED: [2, 3] }[change.status] as (number | null)[];
      if (!expectedTier.includes(change.tier)) {
        return refuse(
          'tier',
          change.status === 'VALIDATED'
            ? message('memberRecord.validatedTier')
            : change.status === 'CERTIFIED'
              ? message('memberRecord.certifiedTier1')
              : message('memberRecord.applicantNoTier'),
        );
      }
      if (change.status === 'VALIDATED' && !change.lastValidatedOn) {
        return refuse('lastValidatedOn', message('memberRecord.needsLastValidation'));
      }
      return next({
        status: change.status,
        tier: change.tier as MemberTier | null,
        certifiedOn: change.certifiedOn,
        lastValidatedOn: change.lastValidatedOn,
        validatedOn: change.lastValidatedOn ? [change.lastValidatedOn] : [],
      });
    }
    case 'DETAILS_SET':
      return next({ correspondenceLanguage: change.correspondenceLanguage, contacts: change.contacts });
    case 'CERTIFIED':
      if (state.status !== null && state.status !== 'APPLICANT') {
        return refuse('kind', message('memberRecord.certifyWhich'));
      }
      if (change.certifiedOn > today) return refuse('certifiedOn', message('memberRecord.certifiedFuture'));
      return next({ status: 'CERTIFIED', tier: 1, certifiedOn: change.certifiedOn });
    case 'SUSPENDED':
      if (state.status !== 'CERTIFIED' && state.status !== 'VALIDATED') {
        return refuse('kind', message('memberRecord.suspendWhich'));
      }
      if (change.effectiveOn > today) return refuse('effectiveOn', message('memberRecord.suspendedFuture'));
      return next({
        status: 'SUSPENDED',
        // A suspended Member has no tier's benefits; reinstatement gives the tier back.
        tier: null,
        statusBeforeSuspension: state.status,
        tierBeforeSuspension: state.tier,
        suspension: {
          effectiveOn: change.effectiveOn,
          reason: change.reason,
          reinstatementCondition: change.reinstatementCondition,
        },
      });
    case 'REINSTATED':
      if (state.status !== 'SUSPENDED') return refuse('kind', message('memberRecord.reinstateWhich'));
      if (state.suspension && change.effectiveOn < state.suspension.effectiveOn) {
        return refuse('effectiveOn', message('memberRecord.reinstatedBeforeSuspension'));
      }
      if (change.effectiveOn > today) return refuse('effectiveOn', message('memberRecord.reinstatedFuture'));
      return next({
        status: state.statusBeforeSuspension ?? 'CERTIFIED',
        tier: state.tierBeforeSuspension,
        statusBeforeSuspension: null,
        tierBeforeSuspension: null,
        suspension: null,
      });
    case 'REMOVED':
      if (change.effectiveOn > today) return refuse('effectiveOn', message('memberRecord.removedFuture'));
      return next({
        status: 'REMOVED',
        tier: null,
        removal: {
          effectiveOn: change.effectiveOn,
          reason: change.reason,
          reinstatementCondition: change.reinstatementCondition,
        },
      });
    case 'VALIDATION_APPROVED': {
      if (state.approvedValidationIds.includes(change.validationId)) {
        return refuse('validationId', message('memberRecord.approvalOnRecord'));
      }
      if (state.certifiedOn && change.approvedOn < state.certifiedOn) {
        return refuse('approvedOn', message('memberRecord.approvedBeforeCertified'));
      }
      // The approval's report date is the day it was recorded or before, never after the change.
      if (change.approvedOn > today) return refuse('approvedOn', message('memberRecord.approvedFuture'));
      const latest =
        state.lastValidatedOn && state.lastValidatedOn > change.approvedOn ? state.lastValidatedOn : change.approvedOn;
      return next({
        lastValidatedOn: latest,
        approvedValidationIds: [...state.approvedValidationIds, change.validationId],
        validatedOn: [...state.validatedOn, change.approvedOn],
      });
    }
    case 'TIER_SET': {
      if (!state.approvedValidationIds.includes(change.validationId)) {
        return refuse('validationId', message('memberRecord.tierNeedsApproval', { tier: change.tier }));
      }
      if (state.status === 'SUSPENDED') return refuse('kind', message('memberRecord.reinstateBeforeTier'));
      if (change.tier === 3 && !change.bestPractices.some(meetsAll)) {
        return refuse('bestPractices', message('memberRecord.tier3NeedsPractice'));
      }
      if (change.tier === 2 && change.bestPractices.length > 0) {
        return refuse('bestPractices', message('memberRecord.practicesOnlyTier3'));
      }
      return next({ status: 'VALIDATED', tier: change.tier, bestPractices: change.bestPractices });
    }
    case 'REVALIDATION_DUE_SET': {
      const statutory = revalidationDueOn({
        certifiedOn: state.certifiedOn,
        lastValidatedOn: state.lastValidatedOn,
        soonerDueOn: null,
      });
      if (statutory === null) return refuse('dueOn', message('memberRecord.revalidationNeedsCertification'));
      if (change.dueOn >= statutory) {
        return refuse('dueOn', message('memberRecord.revalidationForwardOnly', { date: statutory }));
      }
      if (change.dueOn < at.slice(0, 10)) return refuse('dueOn', message('memberRecord.revalidationPast'));
      return next({
        soonerRevalidation: { dueOn: change.dueOn, reason: change.reason, afterValidationOn: state.lastValidatedOn },
      });
    }
    case 'PROFILE_REVIEW': {
      if (!state.certifiedOn) return refuse('anniversaryOn', message('memberRecord.reviewNeedsCertification'));
      if (!isAnniversary(state.certifiedOn, change.anniversaryOn)) {
        return refuse(
          'anniversaryOn',
          message('memberRecord.notAnniversary', { date: change.anniversaryOn, certifiedOn: state.certifiedOn }),
        );
      }
      if (change.on > today) return refuse('on', message('memberRecord.dateFuture'));
      const ofCycle = state.reviews.filter((r) => r.anniversaryOn === change.anniversaryOn);
      const last = ofCycle.at(-1)?.outcome ?? null;
      if (last === 'APPROVED') return refuse('outcome', message('memberRecord.reviewAlreadyApproved'));
      if (change.outcome === 'RECEIVED' && last === 'RECEIVED') {
        return refuse('outcome', message('memberRecord.reviewAlreadyReceived'));
      }
      if (change.outcome !== 'RECEIVED' && last !== 'RECEIVED') {
        return refuse('outcome', message('memberRecord.reviewReceiveFirst'));
      }
      if (change.outcome === 'RETURNED' && change.comments.length === 0) {
        return refuse('comments', message('memberRecord.returnNeedsComments'));
      }
      const entry: ProfileReviewEntry = {
        anniversaryOn: change.anniversaryOn,
        outcome: change.outcome,
        on: change.on,
        comments: change.comments,
        by,
      };
      return next({ reviews: [...state.reviews, entry] });
    }
    case 'EXTENSION_REQUESTED': {
      if (!state.certifiedOn || !isAnniversary(state.certifiedOn, change.anniversaryOn)) {
        return refuse('anniversaryOn', message('memberRecord.extensionNotAnniversary'));
      }
      if (change.requestedOn > today) return refuse('requestedOn', message('memberRecord.requestFuture'));
      const ofCycle = state.extensions.filter((e) => e.anniversaryOn === change.anniversaryOn);
      if (ofCycle.some((e) => e.decision === 'PENDING')) {
        return refuse('kind', message('memberRecord.extensionPending'));
      }
      if (ofCycle.some((e) => e.decision === 'GRANTED')) {
        return refuse('kind', message('memberRecord.extensionGranted'));
      }
      if (state.reviews.some((r) => r.anniversaryOn === change.anniversaryOn && r.outcome === 'APPROVED')) {
        return refuse('kind', message('memberRecord.approvedNoExtension'));
      }
      const entry: ExtensionEntry = {
        anniversaryOn: change.anniversaryOn,
        days: change.days,
        requestedOn: change.requestedOn,
        reason: change.reason,
        requestedBy: by,
        decision: 'PENDING',
        decisionComment: '',
        decidedBy: null,
      };
      return next({ extensions: [...state.extensions, entry] });
    }
    case 'EXTENSION_DECIDED': {
      const index = state.extensions.findIndex(
        (e) => e.anniversaryOn === change.anniversaryOn && e.decision === 'PENDING',
      );
      if (index < 0) return refuse('anniversaryOn', message('memberRecord.noPendingExtension'));
      const extensions = state.extensions.map((e, i) =>
        i === index
          ? {
              ...e,
              decision: change.granted ? ('GRANTED' as const) : ('DENIED' as const),
              decisionComment: change.comment,
              decidedBy: by,
            }
          : e,
      );
      return next({ extensions });
    }
    case 'SCSS_ASSIGNED': {
      const refusal = assignmentRefusal(state, change, at);
      if (refusal) return { ok: false, refusal };
      return next({
        assignment: {
          scss: change.scss,
          work: change.work,
          mode: change.mode,
          targetDate: change.targetDate,
          assignedBy: by,
          afterValidationOn: state.lastValidatedOn,
        },
      });
    }
  }
}

/**
 * The record its stored changes make. A change that no longer applies (HQ's order differed) is skipped and
 * listed, never thrown: the record must always open.
 */
export function foldMemberRecord(events: readonly MemberRecordEvent[]): {
  state: MemberRecordState;
  skipped: { eventId: string; refusal: MemberRecordRefusal }[];
} {
  let state = EMPTY_MEMBER_RECORD;
  const skipped: { eventId: string; refusal: MemberRecordRefusal }[] = [];
  for (const event of [...events].sort((a, b) => a.version - b.version)) {
    const applied = applyMemberRecordChange(state, event.change, event.at, event.actorName);
    if (applied.ok) state = applied.state;
    else {
      skipped.push({ eventId: event.id, refusal: applied.refusal });
      state = { ...state, version: state.version + 1 };
    }
  }
  return { state, skipped };
}
