import { appendAudit, assertValidationAuditable } from '../../db/audit-log';
import type { Db } from '../../db/connection';
import { listFindings } from '../../db/queries/findings';
import type { HqCopy, PulledRecord } from '../../db/queries/hq-validations';
import { getValidation, markReopened } from '../../db/queries/validations';
import {
  getOwnWorkflowState,
  getReviewSnapshot,
  getValidationReturn,
  type ReturnedFinding,
  type SnapshotRecord,
  saveReviewSnapshot,
  saveValidationReturn,
  setOwnWorkflowState,
} from '../../db/queries/workflow';
import { type WorkflowEvent, WorkflowEventSchema, type WorkflowState } from '../../shared/domain/lifecycle';
import { FindingReviewSchema } from '../../shared/domain/review';
import { actorLabel } from '../services/identity';

/**
 * What a pulled validation changes beyond its copy in hq_validations. The SCSS's own validation follows HQ's
 * workflow state; one returned for correction is reopened here with the reviewer's comments (no reopen change
 * is queued: HQ already holds it returned). A reviewer's copy keeps what it held when it was returned, so the
 * next review can show what changed. Runs inside the pull's transaction, only for copies it writes.
 */

export type PulledLifecycle = {
  id: string;
  workflowState: WorkflowState;
  records: readonly PulledRecord[];
  /** HQ's copy of the content at the latest return (PulledValidation.reviewedAtReturn). */
  reviewedAtReturn?: { returnEventId: string; takenAt: string; records: readonly PulledRecord[] } | null;
};

/** The records a reviewer judges: what the SCSS recorded, not review decisions, events or Member responses. */
const CONTENT_ENTITIES = new Set([
  'criterion_response',
  'site',
  'finding',
  'observation',
  'evidence',
  'inspection_checklist',
  'virtual_session',
]);

export const contentRecords = (records: readonly SnapshotRecord[]): SnapshotRecord[] =>
  records.filter((r) => CONTENT_ENTITIES.has(r.entity));

function eventsIn(records: readonly PulledRecord[]): WorkflowEvent[] {
  return records
    .filter((r) => r.entity === 'workflow_event')
    .map((r) => WorkflowEventSchema.safeParse(r.payload).data)
    .filter((e): e is WorkflowEvent => e !== undefined)
    .sort((a, b) => a.at.localeCompare(b.at));
}

/** The latest return for correction among a copy's records, or null. */
export const latestReturnIn = (records: readonly PulledRecord[]): WorkflowEvent | null =>
  eventsIn(records)
    .filter((e) => e.kind === 'RETURN')
    .at(-1) ?? null;

const REVIEW_OPEN: ReadonlySet<WorkflowState | null> = new Set(['SUBMITTED', 'IN_REVIEW', null]);

export function applyPulledLifecycle(db: Db, pulled: PulledLifecycle, previous: HqCopy | undefined, at: string): void {
  if (getValidation(db, pulled.id)) mirrorOwnValidation(db, pulled, at);
  else keepReviewedCopy(db, pulled, previous);
}

/** The findings the reviewer sent back in the round that ended with this return, with their comments. */
function returnedFindings(db: Db, pulled: PulledLifecycle, ret: WorkflowEvent, fallbackSince: string | null) {
  const lastSubmit = eventsIn(pulled.records)
    .filter((e) => e.kind === 'SUBMIT' && e.at <= ret.at)
    .at(-1)?.at;
  const since = lastSubmit ?? fallbackSince ?? '';
  const criterionOf = new Map(listFindings(db, pulled.id).map((f) => [f.id, f.criterionId]));
  for (const r of pulled.records) {
    if (r.entity === 'finding' && typeof r.payload.criterionId === 'string') {
      criterionOf.set(r.entityId, r.payload.criterionId);
    }
  }
  const returned: ReturnedFinding[] = [];
  for (const record of pulled.records) {
    if (record.entity !== 'finding_review') continue;
    const review = FindingReviewSchema.safeParse(record.payload).data;
    if (!review || review.decision === 'CONCUR' || review.reviewedAt < since) continue;
    returned.push({
      findingId: review.findingId,
      criterionId: criterionOf.get(review.findingId) ?? '',
      decision: review.decision,
      comment: review.comment,
      proposedClassification: review.proposedClassification ?? null,
      reviewedBy: review.reviewedBy,
      reviewedAt: review.reviewedAt,
    });
  }
  return returned.sort((a, b) => a.criterionId.localeCompare(b.criterionId, 'en', { numeric: true }));
}

/** Follows HQ's state on the SCSS's own validation; a return reopens it with what the reviewer said. */
function mirrorOwnValidation(db: Db, pulled: PulledLifecycle, at: string): void {
  const local = getValidation(db, pulled.id);
  if (!local) return;
  try {
    // A validation whose audit history was altered takes no changes, from HQ either: left as it is.
    assertValidationAuditable(db, pulled.id);
  } catch {
    return;
  }
  const localState = getOwnWorkflowState(db, pulled.id) ?? null;
  const hqState = pulled.workflowState;
  const events = eventsIn(pulled.records);
  if (hqState === 'RETURNED') {
    const ret = latestReturnIn(pulled.records);
    const known = getValidationReturn(db, pulled.id);
    const newReturn = ret !== null && known?.eventId !== ret.id;
    if (local.status !== 'SUBMITTED' && localState === 'RETURNED' && !newReturn) return;
    if (ret && newReturn) {
      saveValidationReturn(db, {
        validationId: pulled.id,
        eventId: ret.id,
        returnedAt: ret.at,
        returnedBy: ret.actor,
        comment: ret.comment,
        findings: returnedFindings(db, pulled, ret, local.submittedAt),
        resubmittedAt: null,
      });
    }
    if (local.status === 'SUBMITTED') {
      const reason = ret ? `Returned for correction by ${ret.actor.name}: ${ret.comment}` : 'Returned for correction';
      markReopened(db, pulled.id, ret?.at ?? at, reason);
    }
    setOwnWorkflowState(db, pulled.id, 'RETURNED');
    appendAudit(db, {
      at,
      actor: ret ? actorLabel(ret.actor) : 'HQ',
      action: 'validation.returned',
      entity: 'validation',
      entityId: pulled.id,
      before: { ...local, workflowState: localState },
      after: { ...getValidation(db, pulled.id), workflowState: 'RETURNED', returnEventId: ret?.id ?? null },
    });
    return;
  }
  // Only where HQ and this laptop agree on whether it is submitted: a change still to be sent gets there itself.
  const consistent =
    hqState === 'IN_PROGRESS' ? local.status !== 'SUBMITTED' && localState !== null : local.status === 'SUBMITTED';
  if (!consistent || localState === hqState) return;
  setOwnWorkflowState(db, pulled.id, hqState);
  const cause = events.at(-1);
  appendAudit(db, {
    at,
    actor: cause ? actorLabel(cause.actor) : 'HQ',
    action: 'validation.workflow_state',
    entity: 'validation',
    entityId: pulled.id,
    before: { validationId: pulled.id, workflowState: localState },
    after: { validationId: pulled.id, workflowState: hqState, eventId: cause?.id ?? null },
  });
}

/**
 * A reviewer's copy that has been returned: keeps the copy as it was reviewed. HQ's own (kept when the return
 * reached it) serves any reviewer's laptop; without it (an older HQ), the one this laptop held before the
 * return, or the returned one itself, unless this laptop already kept it when returning it.
 */
function keepReviewedCopy(db: Db, pulled: PulledLifecycle, previous: HqCopy | undefined): void {
  const fromHq = pulled.reviewedAtReturn;
  if (fromHq) {
    // HQ's is what the return applied to, so it replaces whatever this laptop kept for the same return.
    saveReviewSnapshot(db, {
      validationId: pulled.id,
      returnEventId: fromHq.returnEventId,
      takenAt: fromHq.takenAt,
      records: contentRecords(fromHq.records),
    });
    return;
  }
  const ret = latestReturnIn(pulled.records);
  if (!ret || getReviewSnapshot(db, pulled.id)?.returnEventId === ret.id) return;
  const previousSawIt = previous?.records.some((r) => r.entity === 'workflow_event' && r.entityId === ret.id) ?? false;
  const source =
    previous && !previousSawIt && REVIEW_OPEN.has(previous.workflowState)
      ? previous.records
      : pulled.workflowState === 'RETURNED'
        ? pulled.records
        : null;
  if (!source) return;
  saveReviewSnapshot(db, {
    validationId: pulled.id,
    returnEventId: ret.id,
    takenAt: ret.at,
    records: contentRecords(source),
  });
}
