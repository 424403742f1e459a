import { createHash } from 'node:crypto';
import { FindingClassificationSchema, FindingSchema } from '../shared/domain/field-work';
import {
  type Actor,
  findingResolved,
  type LifecycleView,
  type MemberResponse,
  type Person,
  type ReviewDecision,
  ReviewDecisionSchema,
  responsesOpen,
  WORKFLOW_STATE_LABELS,
  type WorkflowEvent,
  type WorkflowState,
} from '../shared/domain/lifecycle';
import { FindingReviewSchema } from '../shared/domain/review';
import { type ReportFacts, reportFactsText } from '../shared/report/report-fingerprint';
import type { HqUser, Receipt } from '../shared/sync/protocol';

/**
 * HQ's side of a validation's life after the worksheet (shared/domain/lifecycle.ts decides the transitions):
 * who the enrolled person is, what the rules see of a validation, and what each workflow event must carry
 * and leaves in the validation's payload. Pure: push-decision.ts calls it with what the batch read.
 */

type Refusal = Pick<Receipt, 'outcome' | 'reason' | 'current'>;

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

export const NAMES_SOMEONE_ELSE = (what: string, user: HqUser) =>
  `${what} names someone other than the enrolled person (${user.name}, ${user.role})`;

/** The validation fields the rules read: HQ's state, owner and office. */
export type LifecycleSubject = { workflowState: WorkflowState; ownerUserId: string; fieldOffice: string };
type HeldRecord = { entity: string; payload: unknown };

/**
 * What the transition rules see: each finding with its latest review decision and whether its latest Member
 * response was accepted, built from the validation's finding, finding_review and member_response records.
 */
export function lifecycleView(validation: LifecycleSubject, records: Iterable<HeldRecord>): LifecycleView {
  const findings: { id: string; classification: LifecycleView['findings'][number]['classification'] }[] = [];
  const decisions = new Map<string, ReviewDecision>();
  const responses = new Map<string, Pick<MemberResponse, 'receivedOn' | 'updatedAt' | 'assessment'>[]>();
  for (const { entity, payload } of records) {
    const p = (payload ?? {}) as Record<string, unknown>;
    if (entity === 'finding') {
      const classification = FindingClassificationSchema.safeParse(p.classification);
      if (typeof p.id === 'string' && classification.success) {
        findings.push({ id: p.id.toLowerCase(), classification: classification.data });
      }
    } else if (entity === 'finding_review') {
      const decision = ReviewDecisionSchema.safeParse(p.decision);
      if (typeof p.findingId === 'string' && decision.success) decisions.set(p.findingId.toLowerCase(), decision.data);
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
    findings: findings.map((f) => ({
      ...f,
      decision: decisions.get(f.id) ?? null,
      resolved: findingResolved(responses.get(f.id) ?? []),
    })),
  };
}

export const stateLabel = (state: WorkflowState) => WORKFLOW_STATE_LABELS[state].toLowerCase();

/**
 * What the event must carry for its kind beyond the transition rules: an approval its report date (not after
 * the approval), an issued report the fingerprint HQ holds; every other kind neither. Null when it does.
 */
export function eventFieldsRefusal(
  event: Pick<WorkflowEvent, 'kind' | 'at' | 'reportDate' | 'reportSha256'>,
  /** For an issued report: the fingerprint HQ recomputes from what it holds (null when it cannot). */
  expectedReportSha256: string | null,
  current: unknown,
): Refusal | null {
  const invalid = (reason: string): Refusal => ({ outcome: 'invalid', reason });
  if (event.kind !== 'APPROVE' && event.reportDate !== null) {
    return invalid('reportDate: only an approval names the report date');
  }
  if (event.kind !== 'ISSUE_REPORT' && event.reportSha256 !== null) {
    return invalid('reportSha256: only an issued report carries its fingerprint');
  }
  if (event.kind === 'APPROVE') {
    if (event.reportDate === null) return invalid('reportDate: an approval names the report date');
    if (event.reportDate > event.at.slice(0, 10)) {
      return invalid(`reportDate: ${event.reportDate} is after the approval (${event.at.slice(0, 10)})`);
    }
  }
  if (event.kind === 'ISSUE_REPORT') {
    if (event.reportSha256 === null) return invalid('reportSha256: an issued report carries its fingerprint');
    if (event.reportSha256 !== expectedReportSha256) {
      return {
        outcome: 'conflict',
        reason: `The report's fingerprint ${event.reportSha256.slice(0, 12)}… does not match the validation, findings, decisions and report date HQ holds (${expectedReportSha256 ? `${expectedReportSha256.slice(0, 12)}…` : 'none'})`,
        current,
      };
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
  validation: (LifecycleSubject & { current: unknown }) | undefined,
  response: { validationId: string; assessedBy: unknown },
  findingHeld: boolean,
): Refusal | null {
  if (user.role !== 'SCSS') {
    return { outcome: 'forbidden', reason: 'Only the SCSS who performed the validation records Member responses' };
  }
  if (!validation) return { outcome: 'invalid', reason: `HQ holds no validation ${response.validationId}` };
  if (validation.ownerUserId !== user.id)
    return { outcome: 'forbidden', reason: 'This validation belongs to another SCSS' };
  if (response.assessedBy !== null && !isEnrolledPerson(response.assessedBy, user)) {
    return { outcome: 'forbidden', reason: NAMES_SOMEONE_ELSE('The assessment', user) };
  }
  if (!responsesOpen(validation.workflowState)) {
    return {
      outcome: 'conflict',
      reason: `Member responses are recorded only while the issued report awaits them; this validation is ${stateLabel(validation.workflowState)}`,
      current: validation.current,
    };
  }
  if (!findingHeld) return { outcome: 'invalid', reason: 'HQ holds no such finding on this validation' };
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
  const text = reportFactsText({
    validationId,
    contentSha256: validation.contentSha256,
    reportDate,
    findings,
    decisions,
  });
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
