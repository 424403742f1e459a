import { createHash, randomUUID } from 'node:crypto';
import { readSettings } from '../../db/queries/settings';
import {
  getReviewSnapshot,
  getValidationReturn,
  insertWorkflowEvent,
  type SnapshotRecord,
  saveReviewSnapshot,
  setOwnWorkflowState,
  setPulledWorkflowState,
} from '../../db/queries/workflow';
import {
  responseDueDate,
  responseOverdue,
  stateAfter,
  type TransitionRefusal,
  transitionRefusal,
  WORKFLOW_EVENT_LABELS,
  type WorkflowEvent,
  type WorkflowEventKind,
  type WorkflowState,
} from '../../shared/domain/lifecycle';
import type { ParsedRequestOf, ReviewChange, ValidationLifecycleView } from '../../shared/ipc/contract';
import { AppError, type ErrorCode } from '../../shared/ipc/envelope';
import { message } from '../../shared/messages';
import { reportFactsText } from '../../shared/report/report-fingerprint';
import { contentRecords } from '../sync/pull-lifecycle';
import { recordChange } from './change-log';
import { requirePerson } from './identity';
import {
  latestApprovalOf,
  latestIssueOf,
  lifecycleViewOf,
  loadLifecycle,
  reportDateOf,
  responseDueOf,
  ruleActor,
  todayOf,
  type ValidationLifecycle,
} from './lifecycle-read';
import { recordValidationApproval } from './member-record-service';
import { isoNow, type ServiceContext } from './service-context';

/**
 * Moving a validation through review, approval, report and close (shared/domain/lifecycle.ts). Each step is
 * checked here with the same rules HQ enforces, then recorded like any other change: a workflow event in the
 * audit log and the outbox, and the state of the laptop's copy moved at once. The next pull brings HQ's truth.
 */

const REFUSAL_CODES: Record<TransitionRefusal['outcome'], ErrorCode> = {
  forbidden: 'FORBIDDEN',
  conflict: 'CONFLICT',
  invalid: 'BAD_REQUEST',
};

/** Throws the rules' refusal as an AppError a person can act on; returns quietly when the step is allowed. */
export function assertTransitionAllowed(
  ctx: ServiceContext,
  l: ValidationLifecycle,
  kind: WorkflowEventKind,
  comment = '',
): void {
  const person = requirePerson(ctx, kind);
  const refusal = transitionRefusal(
    { userId: person.userId, role: person.role, fieldOffice: person.fieldOffice },
    lifecycleViewOf(l),
    kind,
    comment,
  );
  if (refusal)
    throw new AppError(REFUSAL_CODES[refusal.outcome], message('errors.sentence', { reason: [refusal.told] }));
}

/**
 * Records one workflow event made by the enrolled person, in the caller's transaction: checked, audited,
 * queued for HQ as a workflow_event create, kept for the history, and the copy's state moved. Returns the
 * event and the state it leads to (the lifecycle passed in is updated too).
 */
/** The fingerprint of what the issued report asserts (shared/report/report-fingerprint.ts), as HQ recomputes it. */
export function issuedReportSha256(l: ValidationLifecycle): string {
  const reportDate = reportDateOf(l);
  if (l.contentSha256 === null || reportDate === null) {
    throw new AppError('CONFLICT', message('errors.workflow.notApproved'));
  }
  const text = reportFactsText({
    validationId: l.validationId,
    contentSha256: l.contentSha256,
    reportDate,
    responseDueDate: latestApprovalOf(l)?.responseDueDate ?? null,
    findings: l.findings,
    decisions: [...l.reviews.values()],
  });
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function recordWorkflowEvent(
  ctx: ServiceContext,
  l: ValidationLifecycle,
  kind: Exclude<WorkflowEventKind, 'SUBMIT' | 'WITHDRAW'>,
  comment = '',
): { event: WorkflowEvent; state: WorkflowState } {
  assertTransitionAllowed(ctx, l, kind, comment);
  const person = requirePerson(ctx, kind);
  if (kind === 'ISSUE_REPORT' && l.contentSha256 === null) {
    throw new AppError('CONFLICT', message('errors.workflow.noFingerprint'));
  }
  const at = isoNow(ctx);
  // Approval fixes the report date the Member's response due dates are counted from: today here, never a
  // date after the approval's own (UTC) date, which HQ would refuse.
  const reportDate = kind === 'APPROVE' ? ([todayOf(ctx), at.slice(0, 10)].sort()[0] ?? null) : null;
  const event: WorkflowEvent = {
    id: randomUUID(),
    validationId: l.validationId,
    kind,
    comment: comment.trim(),
    at,
    actor: { userId: person.userId, name: person.name, role: person.role },
    reportDate,
    // And the day they are due, with the response period in force now: a later policy does not move it.
    ...(reportDate !== null ? { responseDueDate: responseDueDate(reportDate, readSettings(ctx.db).responseDays) } : {}),
    reportSha256: kind === 'ISSUE_REPORT' ? issuedReportSha256(l) : null,
  };
  const before = l.state;
  const state = stateAfter(kind, lifecycleViewOf(l));
  const changeId = recordChange(ctx, {
    at: event.at,
    action: `workflow.${kind.toLowerCase()}`,
    entity: 'workflow_event',
    entityId: event.id,
    before: { validationId: l.validationId, workflowState: before },
    after: { ...event, workflowState: state },
    outbox: { operation: 'create', payload: event },
  });
  insertWorkflowEvent(ctx.db, event, changeId);
  if (kind === 'APPROVE' && event.reportDate) {
    const snapshot = l.copy?.payload.member as { accountNumber?: unknown } | undefined;
    recordValidationApproval(ctx, {
      validationId: l.validationId,
      memberId:
        l.validation?.memberId ?? (typeof l.copy?.payload.memberId === 'string' ? l.copy.payload.memberId : null),
      accountNumber: typeof snapshot?.accountNumber === 'string' ? snapshot.accountNumber : null,
      approvedOn: event.reportDate,
    });
  }
  if (l.own) setOwnWorkflowState(ctx.db, l.validationId, state);
  else setPulledWorkflowState(ctx.db, l.validationId, state);
  if (kind === 'RETURN' && l.copy) snapshotForNextReview(ctx, l, event.id, event.at);
  l.state = state;
  l.history.push({ ...event, sync: changeId === null ? 'LOCAL_ONLY' : 'WAITING' });
  return { event, state };
}

/** A reviewer's first decision on a submitted validation starts its review (queued just before the decision). */
export function startReviewIfSubmitted(ctx: ServiceContext, l: ValidationLifecycle): void {
  if (l.state === 'SUBMITTED') recordWorkflowEvent(ctx, l, 'START_REVIEW');
}

const TRANSITION_ACTIONS = {
  RETURN: 'workflow.return',
  APPROVE: 'workflow.approve',
  ISSUE_REPORT: 'workflow.issue_report',
  CLOSE: 'workflow.close',
} as const;
export type RequestedTransition = keyof typeof TRANSITION_ACTIONS;

/** Return for correction, approve, issue the report or close, as the enrolled person; the view afterwards. */
export function transitionValidation(
  ctx: ServiceContext,
  request: ParsedRequestOf<'workflow:transition'>,
): ValidationLifecycleView {
  return ctx.db
    .transaction(() => {
      const l = loadLifecycle(ctx, request.validationId);
      recordWorkflowEvent(ctx, l, request.kind, request.comment);
      return lifecycleView(ctx, request.validationId);
    })
    .immediate();
}

// ─── What changed since the last review ─────────────────────────────────────────────────────────────────────

/** Keeps the copy as the reviewer saw it when returning it, so the next review can show what changed. */
export function snapshotForNextReview(ctx: ServiceContext, l: ValidationLifecycle, returnEventId: string, at: string) {
  if (!l.copy) return;
  saveReviewSnapshot(ctx.db, {
    validationId: l.validationId,
    returnEventId,
    takenAt: at,
    records: contentRecords(l.copy.records),
  });
}

/** Key order does not matter: the same record from two pulls compares equal. */
const stable = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

const ENTITY_NAMES: Record<string, string> = {
  criterion_response: 'Answer',
  site: 'Site',
  finding: 'Finding',
  observation: 'Best practice',
  evidence: 'Evidence',
  inspection_checklist: 'Inspection checklist',
  virtual_session: 'Virtual session log',
};

function describeRecord(record: SnapshotRecord): { label: string; criterionId: string | null; detail: string | null } {
  const p = record.payload;
  const criterionId = typeof p.criterionId === 'string' ? p.criterionId : null;
  const raw =
    record.entity === 'evidence'
      ? p.fileName
      : record.entity === 'site'
        ? p.name
        : record.entity === 'inspection_checklist'
          ? p.label || p.kind
          : record.entity === 'virtual_session'
            ? p.platform
            : record.entity === 'observation'
              ? String(p.category)
              : null;
  const detail = typeof raw === 'string' && raw.length > 0 ? raw : null;
  const shown = record.entity === 'observation' && detail ? `category ${detail}` : detail;
  const parts = [ENTITY_NAMES[record.entity] ?? record.entity, criterionId ? `on ${criterionId}` : null, shown];
  return {
    label: parts.filter((x) => typeof x === 'string' && x.length > 0).join(' ') || record.entity,
    criterionId,
    detail,
  };
}

/** Records added, changed or removed since the copy the reviewer last returned; null when it was never returned. */
export function changesSinceLastReview(
  ctx: ServiceContext,
  l: ValidationLifecycle,
): { returnedAt: string; changes: ReviewChange[] } | null {
  if (l.own || !l.copy) return null;
  const snapshot = getReviewSnapshot(ctx.db, l.validationId);
  if (!snapshot) return null;
  const key = (r: SnapshotRecord) => `${r.entity}\n${r.entityId}`;
  const then = new Map(snapshot.records.map((r) => [key(r), r]));
  const now = new Map(contentRecords(l.copy.records).map((r) => [key(r), r]));
  const changes: ReviewChange[] = [];
  for (const [k, current] of now) {
    const previous = then.get(k);
    if (previous && previous.version === current.version && stable(previous.payload) === stable(current.payload)) {
      continue;
    }
    changes.push({
      entity: current.entity,
      entityId: current.entityId,
      change: previous ? 'CHANGED' : 'ADDED',
      ...describeRecord(current),
      before: previous?.payload ?? null,
      after: current.payload,
    });
  }
  for (const [k, previous] of then) {
    if (now.has(k)) continue;
    changes.push({
      entity: previous.entity,
      entityId: previous.entityId,
      change: 'REMOVED',
      ...describeRecord(previous),
      before: previous.payload,
      after: null,
    });
  }
  changes.sort(
    (a, b) =>
      (a.criterionId ?? '~').localeCompare(b.criterionId ?? '~', 'en', { numeric: true }) ||
      a.label.localeCompare(b.label),
  );
  return { returnedAt: snapshot.takenAt, changes };
}

// ─── The view ───────────────────────────────────────────────────────────────────────────────────────────────

const OFFERED: readonly RequestedTransition[] = ['RETURN', 'APPROVE', 'ISSUE_REPORT', 'CLOSE'];

/** Current state, history and the steps the enrolled person may take now (with why not), for any validation here. */
export function lifecycleView(ctx: ServiceContext, validationId: string, loaded?: ValidationLifecycle) {
  const l = loaded ?? loadLifecycle(ctx, validationId);
  const actor = ruleActor(ctx);
  const view = lifecycleViewOf(l);
  const dueDate = responseDueOf(ctx, l);
  const returned = l.own ? getValidationReturn(ctx.db, validationId) : undefined;
  return {
    validationId,
    own: l.own,
    demo: l.demo,
    state: l.state,
    reportDate: reportDateOf(l),
    responseDueDate: dueDate,
    responseOverdue: l.state === 'AWAITING_RESPONSE' && dueDate !== null && responseOverdue(dueDate, todayOf(ctx)),
    reportSha256: latestIssueOf(l)?.reportSha256 ?? null,
    history: l.history.map((e) => ({ ...e, label: WORKFLOW_EVENT_LABELS[e.kind] })),
    returned:
      returned && returned.resubmittedAt === null && l.state !== 'SUBMITTED'
        ? {
            eventId: returned.eventId,
            returnedAt: returned.returnedAt,
            returnedBy: returned.returnedBy,
            comment: returned.comment,
            findings: returned.findings,
          }
        : null,
    actions: OFFERED.map((kind) => {
      const refusal = actor
        ? transitionRefusal(actor, view, kind, kind === 'RETURN' ? 'x'.repeat(100) : '')
        : { outcome: 'forbidden' as const, told: message('lifecycle.notEnrolled') };
      if (!refusal) return { kind, allowed: true, reason: null };
      const { message: reason, ...reasonMessage } = refusal.told;
      return { kind, allowed: false, reason, reasonMessage };
    }),
  } satisfies ValidationLifecycleView;
}

/** A validation's current state and its history, own or pulled. */
export const workflowHistory = (ctx: ServiceContext, validationId: string): ValidationLifecycleView =>
  lifecycleView(ctx, validationId);
