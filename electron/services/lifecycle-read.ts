import { format, parseISO } from 'date-fns';
import { listFindings } from '../../db/queries/findings';
import { getHqCopy, type HqCopy, recordsOf } from '../../db/queries/hq-validations';
import { readSettings } from '../../db/queries/settings';
import { getValidationAndOwner } from '../../db/queries/validations';
import {
  getOwnWorkflowState,
  type HistoryActor,
  listLocalWorkflowEvents,
  listMemberResponses,
} from '../../db/queries/workflow';
import { pluckStmt, stmt } from '../../db/statements';
import { type Finding, FindingSchema } from '../../shared/domain/field-work';
import {
  type Actor,
  findingResolved,
  type LifecycleView,
  type MemberResponse,
  MemberResponseSchema,
  responseDueDate,
  type WorkflowEventKind,
  WorkflowEventSchema,
  type WorkflowState,
} from '../../shared/domain/lifecycle';
import {
  type FindingReview,
  FindingReviewSchema,
  findingReviewEntityId,
  standingDecision,
} from '../../shared/domain/review';
import type { Validation } from '../../shared/domain/validation';
import { AppError } from '../../shared/ipc/envelope';
import { type MessageRef, message } from '../../shared/messages';
import { type QueuedRow, storedRefusalMessage } from '../sync/push-outbox';
import { anotherPersonsOwner } from './another-persons';
import { isDemoValidation } from './demo-validations';
import type { ServiceContext } from './service-context';

/**
 * One read model of a validation's life for every screen and rule on this laptop, whether it is the SCSS's
 * own validation (the validations table, mirrored from HQ by pull) or a copy pulled for review (hq_validations).
 * What this laptop did and HQ has not answered yet shows as pending; everything else is HQ's word.
 */

/** Whether HQ holds a change made here: sent and receipted, still waiting, refused, or never queued (demo). */
export type ChangeSync = 'AT_HQ' | 'WAITING' | 'REFUSED' | 'LOCAL_ONLY';

export type EffectiveReview = FindingReview & {
  sync: ChangeSync;
  refusedReason: string | null;
  /** The refusal by key, so it reads in the interface's language. */
  refusedReasonMessage?: MessageRef;
};

export type HistoryEntry = {
  id: string;
  kind: WorkflowEventKind;
  comment: string;
  at: string;
  actor: HistoryActor;
  reportDate: string | null;
  responseDueDate?: string | null;
  reportSha256: string | null;
  sync: ChangeSync;
};

export type ValidationLifecycle = {
  validationId: string;
  /** The SCSS's own validation on this laptop (else a pulled copy). */
  own: boolean;
  demo: boolean;
  /** Null: never submitted (a draft or in-progress validation of this laptop). */
  state: WorkflowState | null;
  ownerUserId: string | null;
  fieldOffice: string | null;
  submittedAt: string | null;
  contentSha256: string | null;
  findings: Finding[];
  reviews: Map<string, EffectiveReview>;
  history: HistoryEntry[];
  responses: MemberResponse[];
  copy: HqCopy | undefined;
  validation: Validation | undefined;
};

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

type OutboxState = { sync: ChangeSync; reason: string | null; told?: MessageRef };

type OutboxRow = Omit<QueuedRow, 'entity_id'>;

/** The outbox state of one queued change: waiting, refused with its reason (and that by key), or gone (HQ holds it). */
function outboxStateOfRow(ctx: ServiceContext, row: OutboxRow | undefined): OutboxState {
  if (!row) return { sync: 'AT_HQ', reason: null };
  if (row.parked_reason === null) return { sync: 'WAITING', reason: null };
  const told = storedRefusalMessage(ctx.db, row);
  return told ? { sync: 'REFUSED', reason: row.parked_reason, told } : { sync: 'REFUSED', reason: row.parked_reason };
}

/** Where this laptop's changes stand in the outbox, as a lifecycle asks. */
export type OutboxReader = {
  stateOf: (changeId: string | null) => OutboxState;
  /** The newest queued change (waiting or refused) of a finding's review, by its entity id. */
  reviewChangeOf: (entityId: string) => string | undefined;
};

const LOCAL_ONLY: OutboxState = { sync: 'LOCAL_ONLY', reason: null };

/** Asks the outbox one change at a time: for one validation. */
function outboxAsked(ctx: ServiceContext): OutboxReader {
  return {
    stateOf: (changeId) =>
      changeId === null
        ? LOCAL_ONLY
        : outboxStateOfRow(
            ctx,
            stmt(
              ctx.db,
              'SELECT change_id, entity, payload_json, parked_reason FROM sync_outbox WHERE change_id = ?',
            ).get(changeId) as OutboxRow | undefined,
          ),
    reviewChangeOf: (entityId) =>
      pluckStmt(
        ctx.db,
        `SELECT change_id FROM sync_outbox WHERE entity = 'finding_review' AND entity_id = ? ORDER BY seq DESC LIMIT 1`,
      ).get(entityId) as string | undefined,
  };
}

/**
 * The outbox read once, for the lifecycles of a whole list: it has no index on a change's id (each one would cost
 * every save a page), so asking per change reads all of it each time (5 s for a list of 300 closed validations
 * against 20,000 waiting changes). Use it within one synchronous step: it does not see later writes. Only a refused
 * change's payload is read, for its message.
 */
export function outboxReadOnce(ctx: ServiceContext): OutboxReader {
  const rows = stmt(
    ctx.db,
    `SELECT change_id, entity, entity_id, parked_reason,
       CASE WHEN parked_reason IS NULL THEN '{}' ELSE payload_json END AS payload_json
     FROM sync_outbox ORDER BY seq`,
  ).all() as QueuedRow[];
  const byChange = new Map(rows.map((row) => [row.change_id, row]));
  const reviewChanges = new Map<string, string>();
  // In order, so the newest change of each review stays.
  for (const row of rows) if (row.entity === 'finding_review') reviewChanges.set(row.entity_id, row.change_id);
  return {
    stateOf: (changeId) => (changeId === null ? LOCAL_ONLY : outboxStateOfRow(ctx, byChange.get(changeId))),
    reviewChangeOf: (entityId) => reviewChanges.get(entityId),
  };
}

/** Moves whenever the store is written, by this connection (total_changes) or another (data_version). */
function storeWriteMark(ctx: ServiceContext): string {
  const { written } = stmt(ctx.db, 'SELECT total_changes() AS written').get() as { written: number };
  return `${written}/${String(ctx.db.pragma('data_version', { simple: true }))}`;
}

/**
 * The outbox read once and read again only after the store was written: for a list read across many turns (an
 * export), where a save or a sync may land between two validations and a snapshot would then be stale.
 */
export function outboxReadWhileUnchanged(ctx: ServiceContext): OutboxReader {
  let snapshot: { mark: string; reader: OutboxReader } | null = null;
  const current = (): OutboxReader => {
    const mark = storeWriteMark(ctx);
    if (snapshot?.mark !== mark) snapshot = { mark, reader: outboxReadOnce(ctx) };
    return snapshot.reader;
  };
  return {
    stateOf: (changeId) => current().stateOf(changeId),
    reviewChangeOf: (entityId) => current().reviewChangeOf(entityId),
  };
}

/** A review's refusal as the screen gets it: the English, and the key beside it when there is one. */
const refusedOf = (state: OutboxState): Pick<EffectiveReview, 'refusedReason' | 'refusedReasonMessage'> =>
  state.told ? { refusedReason: state.reason, refusedReasonMessage: state.told } : { refusedReason: state.reason };

type LocalReviewRow = {
  validation_id: string;
  finding_id: string;
  decision: FindingReview['decision'];
  comment: string;
  proposed_classification: FindingReview['proposedClassification'];
  reviewed_at: string;
  reviewed_by: string;
  version: number;
  finding_version: number | null;
};

export const toFindingReview = (row: LocalReviewRow): FindingReview =>
  FindingReviewSchema.parse({
    validationId: row.validation_id,
    findingId: row.finding_id,
    decision: row.decision,
    comment: row.comment,
    proposedClassification: row.proposed_classification ?? null,
    reviewedAt: row.reviewed_at,
    reviewedBy: row.reviewed_by,
    version: row.version,
    ...(row.finding_version === null ? {} : { findingVersion: row.finding_version }),
  });

/**
 * Each finding's review as it stands: this laptop's decision while HQ has not answered for it (or holds an
 * older one), otherwise HQ's. A decision HQ refused as stale gives way to HQ's once HQ's copy is pulled.
 */
function effectiveReviews(ctx: ServiceContext, validationId: string, copy: HqCopy | undefined, outbox: OutboxReader) {
  const reviews = new Map<string, EffectiveReview>();
  for (const record of copy ? recordsOf(copy, 'finding_review') : []) {
    const parsed = FindingReviewSchema.safeParse(record.payload);
    if (parsed.success) {
      reviews.set(parsed.data.findingId, { ...parsed.data, sync: 'AT_HQ', refusedReason: null });
    }
  }
  const local = stmt(ctx.db, 'SELECT * FROM finding_reviews WHERE validation_id = ?').all(
    validationId,
  ) as LocalReviewRow[];
  for (const row of local) {
    const atHq = reviews.get(row.finding_id);
    const changeId = outbox.reviewChangeOf(findingReviewEntityId(validationId, row.finding_id));
    const state: OutboxState = changeId ? outbox.stateOf(changeId) : { sync: 'AT_HQ', reason: null };
    const waiting = state.sync === 'WAITING';
    if (!atHq || waiting || row.version > atHq.version) {
      reviews.set(row.finding_id, { ...toFindingReview(row), sync: state.sync, ...refusedOf(state) });
    } else if (state.sync === 'REFUSED' && atHq) {
      reviews.set(row.finding_id, { ...atHq, ...refusedOf(state) });
    }
  }
  return reviews;
}

/**
 * The history: HQ's workflow events as pulled, and the ones made here that HQ has not sent back yet. A local
 * SUBMIT or WITHDRAW travels as the validation's own change and HQ writes its own entry for it: the local
 * one is shown until HQ's arrives.
 */
function historyOf(
  ctx: ServiceContext,
  validationId: string,
  copy: HqCopy | undefined,
  outbox: OutboxReader,
): HistoryEntry[] {
  const pulled: HistoryEntry[] = [];
  for (const record of copy ? recordsOf(copy, 'workflow_event') : []) {
    const parsed = WorkflowEventSchema.safeParse(record.payload);
    if (!parsed.success) continue;
    const { validationId: _validationId, ...event } = parsed.data;
    pulled.push({ ...event, sync: 'AT_HQ' });
  }
  const pulledIds = new Set(pulled.map((e) => e.id));
  const local: HistoryEntry[] = [];
  for (const event of listLocalWorkflowEvents(ctx.db, validationId)) {
    if (pulledIds.has(event.id)) continue;
    const { sync } = outbox.stateOf(event.changeId);
    const sentAsValidationChange = event.kind === 'SUBMIT' || event.kind === 'WITHDRAW';
    if (
      sentAsValidationChange &&
      sync === 'AT_HQ' &&
      pulled.some((p) => p.kind === event.kind && p.at >= event.at.slice(0, 19))
    ) {
      continue;
    }
    const { changeId: _changeId, validationId: _validationId, ...entry } = event;
    local.push({ ...entry, sync });
  }
  return [...pulled, ...local].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

function memberResponsesOf(ctx: ServiceContext, validationId: string, copy: HqCopy | undefined): MemberResponse[] {
  const byId = new Map<string, MemberResponse>();
  for (const record of copy ? recordsOf(copy, 'member_response') : []) {
    const parsed = MemberResponseSchema.safeParse(record.payload);
    if (parsed.success) byId.set(parsed.data.id, parsed.data);
  }
  for (const local of listMemberResponses(ctx.db, validationId)) {
    const atHq = byId.get(local.id);
    if (!atHq || local.version >= atHq.version) byId.set(local.id, local);
  }
  return [...byId.values()];
}

const pulledFindings = (copy: HqCopy): Finding[] =>
  recordsOf(copy, 'finding')
    .map((r) => FindingSchema.safeParse(r.payload).data)
    .filter((f): f is Finding => f !== undefined);

export const byCriterion = (a: { criterionId: string }, b: { criterionId: string }) =>
  a.criterionId.localeCompare(b.criterionId, 'en', { numeric: true });

/**
 * The validation's life as this laptop knows it, own or pulled; NOT_FOUND when it holds neither. A list loading
 * many passes outboxReadOnce(ctx), or outboxReadWhileUnchanged(ctx) when it reads across turns.
 */
export function loadLifecycle(
  ctx: ServiceContext,
  validationId: string,
  outbox: OutboxReader = outboxAsked(ctx),
): ValidationLifecycle {
  const found = getValidationAndOwner(ctx.db, validationId);
  const validation = found?.validation;
  const copy = getHqCopy(ctx.db, validationId);
  if (!validation && !copy) {
    throw new AppError('NOT_FOUND', message('errors.validation.notOnComputer'));
  }
  // A laptop handed over keeps the earlier person's validations: once HQ's copy is here, theirs is read as HQ holds
  // it, as on any other laptop, so a reviewer it is handed to can review it.
  const own = validation !== undefined && !(copy && anotherPersonsOwner(ctx, found?.owner ?? null));
  const state = own ? (getOwnWorkflowState(ctx.db, validationId) ?? null) : (copy?.workflowState ?? null);
  const findings = (own ? listFindings(ctx.db, validationId) : pulledFindings(copy as HqCopy)).sort(byCriterion);
  return {
    validationId,
    own,
    demo: own && isDemoValidation(ctx.db, validationId),
    // A copy pulled before migration 010 knew only submitted or not.
    state: state ?? (!own && copy ? (copy.status === 'SUBMITTED' ? 'SUBMITTED' : 'IN_PROGRESS') : null),
    // One started before any enrolment is the enrolled person's (they claim it on enrolment).
    ownerUserId: copy?.ownerUserId ?? (own ? (found?.owner?.userId ?? ctx.person?.userId ?? null) : null),
    fieldOffice: copy?.fieldOffice ?? (own ? (ctx.person?.fieldOffice ?? null) : null),
    submittedAt: own ? (validation?.submittedAt ?? null) : str(copy?.payload.submittedAt),
    contentSha256: own ? (validation?.contentSha256 ?? null) : str(copy?.payload.contentSha256),
    findings,
    reviews: effectiveReviews(ctx, validationId, copy, outbox),
    history: historyOf(ctx, validationId, copy, outbox),
    responses: memberResponsesOf(ctx, validationId, copy),
    copy,
    validation,
  };
}

/** The enrolled person as the lifecycle rules see them, or null before enrolment. */
export const ruleActor = (ctx: ServiceContext): Actor | null =>
  ctx.person ? { userId: ctx.person.userId, role: ctx.person.role, fieldOffice: ctx.person.fieldOffice } : null;

export const responsesFor = (l: Pick<ValidationLifecycle, 'responses'>, findingId: string): MemberResponse[] =>
  l.responses.filter((r) => r.findingId === findingId);

/** What shared/domain/lifecycle.ts decides on. */
export function lifecycleViewOf(l: ValidationLifecycle): LifecycleView {
  return {
    state: l.state ?? 'IN_PROGRESS',
    ownerUserId: l.ownerUserId ?? '',
    fieldOffice: l.fieldOffice ?? '',
    findings: l.findings.map((f) => ({
      id: f.id,
      classification: f.classification,
      decision: standingDecision(l.reviews.get(f.id), f),
      resolved: findingResolved(responsesFor(l, f.id)),
    })),
  };
}

/** A decision made since the validation was last submitted (a return's decisions belong to the round before). */
export const inCurrentRound = (l: Pick<ValidationLifecycle, 'submittedAt'>, review: { reviewedAt: string }): boolean =>
  l.submittedAt === null || review.reviewedAt >= l.submittedAt;

/** The latest approval (the one that dates the report), or undefined before approval. */
export const latestApprovalOf = (l: Pick<ValidationLifecycle, 'history'>): HistoryEntry | undefined =>
  l.history.filter((e) => e.kind === 'APPROVE' && e.reportDate !== null).at(-1);

/** The report date the latest approval fixed, or null before approval. */
export const reportDateOf = (l: Pick<ValidationLifecycle, 'history'>): string | null =>
  latestApprovalOf(l)?.reportDate ?? null;

/**
 * When the Member's responses are due: the day the latest approval fixed, or for an approval made before approvals
 * fixed it, its report date plus Settings' response days now.
 */
export function responseDueOf(ctx: ServiceContext, l: Pick<ValidationLifecycle, 'history'>): string | null {
  const approval = latestApprovalOf(l);
  if (!approval?.reportDate) return null;
  return approval.responseDueDate ?? responseDueDate(approval.reportDate, readSettings(ctx.db).responseDays);
}

/** The latest issue of the report, or undefined before it was issued. */
export const latestIssueOf = (l: Pick<ValidationLifecycle, 'history'>): HistoryEntry | undefined =>
  l.history.filter((e) => e.kind === 'ISSUE_REPORT').at(-1);

/** The day the latest issue of the report was made, on this laptop's calendar, or null before it was issued. */
export function reportIssuedOnOf(l: Pick<ValidationLifecycle, 'history'>): string | null {
  const issued = latestIssueOf(l);
  return issued ? format(parseISO(issued.at), 'yyyy-MM-dd') : null;
}

/** Today on this laptop's calendar, as YYYY-MM-DD. */
export const todayOf = (ctx: ServiceContext): string => format(ctx.now(), 'yyyy-MM-dd');

/** Whether the validation was ever returned before its current submission. */
export const wasReturned = (l: Pick<ValidationLifecycle, 'history'>): boolean =>
  l.history.some((e) => e.kind === 'RETURN');
