import { createHash } from 'node:crypto';
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { earliestLocalDayAt, earliestReportDateAtHq } from '../shared/domain/due-dates';
import { FindingClassificationSchema, FindingSchema } from '../shared/domain/field-work';
import {
  type Actor,
  DEFAULT_RESPONSE_DAYS,
  findingResolved,
  type LifecycleView,
  type MemberResponse,
  type Person,
  type ReviewDecision,
  ReviewDecisionSchema,
  responsesOpen,
  type WorkflowEvent,
  type WorkflowState,
} from '../shared/domain/lifecycle';
import { FindingReviewSchema, standingDecision } from '../shared/domain/review';
import { type Message, message } from '../shared/messages';
import { type ReportFacts, reportFactsText } from '../shared/report/report-fingerprint';
import type { HqUser } from '../shared/sync/protocol';
import { type Refusal, refusalOf } from './refusal';

/**
 * HQ's side of a validation's life after the worksheet (shared/domain/lifecycle.ts decides the transitions):
 * who the enrolled person is, what the rules see of a validation, and what each workflow event must carry
 * and leaves in the validation's payload. Pure: push-decision.ts calls it with what the batch read.
 */

/** The enrolled person as HQ knows them: what HQ's own history entries name. */
export const personOf = (user: HqUser): Person => ({ userId: user.id, name: user.name, role: user.role });
export const actorOf = (user: HqUser): Actor => ({ userId: user.id, role: user.role, fieldOffice: user.fieldOffice });

/** A pushed person (already schema-checked) is the one who pushes: same id, and the name and role HQ holds. */
export function isEnrolledPerson(person: unknown, user: HqUser): boolean {
  const p = person as Partial<Person> | null;
  return (
    typeof p?.userId === 'string' && p.userId.toLowerCase() === user.id && p.name === user.name && p.role === user.role
  );
}

const SOMEONE_ELSE = {
  event: 'hqReason.eventNamesSomeoneElse',
  assessment: 'hqReason.assessmentNamesSomeoneElse',
  review: 'hqReason.reviewNamesSomeoneElse',
} as const;

/** An event, assessment or review pushed in the name of someone other than the enrolled person. */
export const namesSomeoneElse = (what: keyof typeof SOMEONE_ELSE, user: HqUser): Message =>
  message(SOMEONE_ELSE[what], { name: user.name, role: user.role });

/** The validation fields the rules read: HQ's state, owner and office. */
export type LifecycleSubject = { workflowState: WorkflowState; ownerUserId: string; fieldOffice: string };
type HeldRecord = { entity: string; payload: unknown };

/**
 * What the transition rules see: each finding with the review decision that stands on its current version and
 * whether its latest Member response was accepted, built from the validation's finding, finding_review and
 * member_response records.
 */
export function lifecycleView(validation: LifecycleSubject, records: Iterable<HeldRecord>): LifecycleView {
  const findings: {
    id: string;
    version: number;
    classification: LifecycleView['findings'][number]['classification'];
  }[] = [];
  const decisions = new Map<string, { decision: ReviewDecision; findingVersion?: number }>();
  const responses = new Map<string, Pick<MemberResponse, 'receivedOn' | 'updatedAt' | 'assessment'>[]>();
  for (const { entity, payload } of records) {
    const p = (payload ?? {}) as Record<string, unknown>;
    if (entity === 'finding') {
      const classification = FindingClassificationSchema.safeParse(p.classification);
      if (typeof p.id === 'string' && classification.success) {
        findings.push({ id: p.id.toLowerCase(), version: Number(p.version), classification: classification.data });
      }
    } else if (entity === 'finding_review') {
      const decision = ReviewDecisionSchema.safeParse(p.decision);
      const findingVersion = typeof p.findingVersion === 'number' ? p.findingVersion : undefined;
      if (typeof p.findingId === 'string' && decision.success) {
        decisions.set(p.findingId.toLowerCase(), { decision: decision.data, findingVersion });
      }
    } else if (entity === 'member_response' && typeof p.findingId === 'string') {
      const findingId = p.findingId.toLowerCase();
      responses.set(findingId, [
        ...(responses.get(findingId) ?? []),
        {
          receivedOn: String(p.receivedOn ?? ''),
          updatedAt: String(p.updatedAt ?? ''),
          assessment: (p.assessment ?? null) as MemberResponse['assessment'],
        },
      ]);
    }
  }
  return {
    state: validation.workflowState,
    ownerUserId: validation.ownerUserId,
    fieldOffice: validation.fieldOffice,
    findings: findings.map(({ version, ...f }) => ({
      ...f,
      decision: standingDecision(decisions.get(f.id), { version }),
      resolved: findingResolved(responses.get(f.id) ?? []),
    })),
  };
}

/**
 * What the event must carry for its kind beyond the transition rules: an approval its report date (not after
 * the approval, nor before the submit HQ holds), an issued report the fingerprint HQ holds; every other kind
 * neither. Null when it does.
 */
export function eventFieldsRefusal(
  event: Pick<WorkflowEvent, 'kind' | 'at' | 'reportDate' | 'responseDueDate' | 'reportSha256'>,
  /** For an issued report: the fingerprint HQ recomputes from what it holds (null when it cannot). */
  expectedReportSha256: string | null,
  current: unknown,
  /** When the validation HQ holds was submitted (its `submittedAt`). */
  submittedAt: unknown = null,
  /** Every response period (days) HQ's policy has had: an approval's due date must count one of them. */
  responsePeriods: ReadonlySet<number> = new Set([DEFAULT_RESPONSE_DAYS]),
): Refusal | null {
  const invalid = (told: Message): Refusal => refusalOf('invalid', told);
  if (event.kind !== 'APPROVE' && event.reportDate !== null) {
    return invalid(message('hqReason.reportDateOnlyApproval'));
  }
  if (event.kind !== 'APPROVE' && event.responseDueDate != null) {
    return invalid(message('hqReason.responseDueOnlyApproval'));
  }
  if (event.kind !== 'ISSUE_REPORT' && event.reportSha256 !== null) {
    return invalid(message('hqReason.fingerprintOnlyIssue'));
  }
  if (event.kind === 'APPROVE') {
    if (event.reportDate === null) return invalid(message('hqReason.approvalNeedsReportDate'));
    if (event.reportDate > event.at.slice(0, 10)) {
      return invalid(
        message('hqReason.reportDateAfterApproval', {
          reportDate: event.reportDate,
          approvedOn: event.at.slice(0, 10),
        }),
      );
    }
    // Due dates count from the report date: one before the submit would make findings overdue at once. The
    // supervisor's own day may lag UTC by one, as the SCSS's does (earliestReportDateAtHq).
    if (typeof submittedAt === 'string' && event.reportDate < earliestReportDateAtHq(submittedAt)) {
      const submittedOn = submittedAt.slice(0, 10);
      return invalid(message('hqReason.reportDateBeforeSubmit', { reportDate: event.reportDate, submittedOn }));
    }
    // The due date must be the report date plus a period HQ's policy gave (the supervisor's laptop may not have
    // synced the latest); absent, from a laptop older than fixed due dates, the current period dates it.
    if (event.responseDueDate != null) {
      const days = differenceInCalendarDays(parseISO(event.responseDueDate), parseISO(event.reportDate));
      if (!responsePeriods.has(days)) {
        const periods = [...responsePeriods].sort((a, b) => a - b).join(', ');
        return invalid(message('hqReason.responseDueNotInPolicy', { due: event.responseDueDate, days, periods }));
      }
    }
  }
  if (event.kind === 'ISSUE_REPORT') {
    if (event.reportSha256 === null) return invalid(message('hqReason.issueNeedsFingerprint'));
    if (event.reportSha256 !== expectedReportSha256) {
      const sent = event.reportSha256.slice(0, 12);
      const told = expectedReportSha256
        ? message('hqReason.reportFingerprintDiffers', { sent, held: expectedReportSha256.slice(0, 12) })
        : message('hqReason.reportFingerprintNone', { sent });
      return refusalOf('conflict', told, current);
    }
  }
  return null;
}

/** What a workflow event fixes in the validation's payload, beside its new state. */
export function payloadAfterEvent(event: WorkflowEvent, next: WorkflowState): Record<string, unknown> {
  const patch: Record<string, unknown> = { workflowState: next };
  switch (event.kind) {
    case 'RETURN':
      Object.assign(patch, { status: 'IN_PROGRESS', returnedAt: event.at, returnComment: event.comment });
      break;
    case 'APPROVE':
      patch.reportDate = event.reportDate;
      patch.responseDueDate = event.responseDueDate ?? null;
      break;
    case 'ISSUE_REPORT':
      Object.assign(patch, { reportIssuedAt: event.at, reportSha256: event.reportSha256 });
      break;
    case 'CLOSE':
      patch.closedAt = event.at;
      break;
    default:
      break;
  }
  // A report with nothing for the Member to answer closes the validation as it is issued.
  if (next === 'CLOSED' && patch.closedAt === undefined) patch.closedAt = event.at;
  return patch;
}

/**
 * Why HQ refuses a Member response (or its assessment), or null when it may be applied (versions are then
 * checked like any versioned record). Only the SCSS who performed the validation records them, and only while
 * the issued report awaits the Member. Any finding may be answered: a Recommendation's response is optional
 * and closing never waits for it (shared/domain/lifecycle.ts).
 */
export function memberResponseRefusal(
  user: HqUser,
  validation: (LifecycleSubject & { current: unknown; payload: Record<string, unknown> }) | undefined,
  /** receivedOn: null when it is not to be checked (the date HQ already holds for this response). */
  response: { validationId: string; assessedBy: unknown; receivedOn: unknown },
  findingHeld: boolean,
): Refusal | null {
  if (user.role !== 'SCSS') return refusalOf('forbidden', message('hqReason.responsesScssOnly'));
  if (!validation) return refusalOf('invalid', message('hqReason.noValidation', { id: response.validationId }));
  if (validation.ownerUserId !== user.id) return refusalOf('forbidden', message('lifecycle.otherScss'));
  if (response.assessedBy !== null && !isEnrolledPerson(response.assessedBy, user)) {
    return refusalOf('forbidden', namesSomeoneElse('assessment', user));
  }
  if (!responsesOpen(validation.workflowState)) {
    const told = message('hqReason.responsesNotOpen', { state: validation.workflowState });
    return refusalOf('conflict', told, validation.current);
  }
  if (!findingHeld) return refusalOf('invalid', message('hqReason.noSuchFinding'));
  // The Member answers the report it was sent: a response is never received before the report was issued (the
  // SCSS's day may lag UTC by one).
  const issuedAt = validation.payload.reportIssuedAt;
  if (typeof issuedAt === 'string' && typeof response.receivedOn === 'string') {
    if (response.receivedOn < earliestLocalDayAt(issuedAt)) {
      const told = message('hqReason.receivedBeforeIssue', {
        receivedOn: response.receivedOn,
        issuedOn: issuedAt.slice(0, 10),
      });
      return refusalOf('invalid', told);
    }
  }
  return null;
}

/**
 * The fingerprint an issued report must carry, recomputed from what HQ holds: the validation's fingerprint, the
 * report date its approval fixed, and its findings with their decisions. Null before approval.
 */
export function expectedReportSha256(
  validationId: string,
  validation: { contentSha256: string | null; payload: Record<string, unknown> },
  records: Iterable<HeldRecord>,
): string | null {
  const reportDate = typeof validation.payload.reportDate === 'string' ? validation.payload.reportDate : null;
  if (validation.contentSha256 === null || reportDate === null) return null;
  const findings: ReportFacts['findings'][number][] = [];
  const decisions: ReportFacts['decisions'][number][] = [];
  for (const { entity, payload } of records) {
    if (entity === 'finding') {
      const finding = FindingSchema.safeParse(payload);
      if (finding.success) findings.push(finding.data);
    } else if (entity === 'finding_review') {
      const review = FindingReviewSchema.safeParse(payload);
      if (review.success) decisions.push(review.data);
    }
  }
  const responseDueDate =
    typeof validation.payload.responseDueDate === 'string' ? validation.payload.responseDueDate : null;
  const text = reportFactsText({
    validationId,
    contentSha256: validation.contentSha256,
    reportDate,
    responseDueDate,
    findings,
    decisions,
  });
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
